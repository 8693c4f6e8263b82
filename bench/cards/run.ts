/**
 * 断卡 two-card leads at city scale, on PostgreSQL (issue 5):
 *   1. import of 100,000 leads over HTTP (`POST /api/v1/cards/leads` as the city's analyst, batches of up to
 *      5,000, ministry items with their list numbers, manual ones, 2 % with a bad ID number) against the
 *      floor of plain multi-row INSERTs of the same rows; target < 30 s;
 *      The per-opener day counters (migration 0008) are kept by triggers during both; after the import
 *      they are compared with a recount from the leads;
 *   2. with 1,000,000 leads stored (the rest bulk-loaded by SQL over a year with triggers off, then the
 *      counters rebuilt by `rebuildOpenerDays`, which is timed once more on its own), the lead lists of a
 *      station officer, a county analyst and the city analyst (open, overdue; page 1 of 50) and the
 *      accountability rankings of bank branches and operator outlets over the last 365 days, against
 *      baselines in the same run (bench/cards/reads.ts); target p95 < 200 ms. A miss is explained (EXPLAIN
 *      ANALYZE on stderr; BENCH_EXPLAIN=0 skips).
 * Run: npm run bench:cards  (BENCH_SCALE=0.02 for a quick run; BENCH_ITERATIONS, default 200;
 * BENCH_BATCH, default 5000; BENCH_KEEP_DB=1 keeps fz_bench_cards). Markdown on stdout, progress on stderr.
 */
import os from 'node:os';
import { sql } from 'kysely';
import { rebuildOpenerDays } from '../../src/modules/cards/leads.repo.ts';
import { MAX_LEAD_BATCH } from '../../src/modules/cards/leads.schema.ts';
import { openBenchDb, serverSettings } from '../warnings/setup.ts';
import { elapsed, log, type Timing } from '../warnings/stats.ts';
import { benchFloor, benchIntake, emptyLeads, openApi, probe, type ProbeResult } from './intake.ts';
import { leadItems, type LeadOrgs, type PartnerOrg } from './items.ts';
import { loadLeads } from './load.ts';
import { benchLists, benchRanking, callers, type Compared } from './reads.ts';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const IMPORT = Math.max(1_000, Math.round(100_000 * SCALE));
const TOTAL = Math.max(IMPORT, Math.round(1_000_000 * SCALE));
const BATCH = Number(process.env.BENCH_BATCH ?? MAX_LEAD_BATCH);
/** 16 columns a row in one INSERT: PostgreSQL's wire protocol carries at most 65,535 bind parameters. */
const SAFE_BATCH = Math.min(BATCH, Number(process.env.BENCH_FALLBACK_BATCH ?? 4000));
const N = Math.max(100, Number(process.env.BENCH_ITERATIONS ?? 200));
const TARGET = { importMs: 30_000 * Math.max(SCALE, 0.01), p95Ms: 200 };
const NOW = new Date('2026-11-28T02:00:00Z');
const SEED = 5;

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const int = (x: number) => Math.round(x).toLocaleString('en');
const cell = (t: Timing) => `${ms(t.p50)} / ${ms(t.p95)}`;
const mark = (ok: boolean) => (ok ? 'yes' : '**no**');
const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b < 10 ? 2 : 0)}×`;

const loadBefore = os.loadavg();
const bench = await openBenchDb(NOW, 'fz_bench_cards');
try {
  const db = bench.database.db;
  const partnerRows = await db.selectFrom('orgs').select(['id', 'code', 'name', 'kind', 'region_code']).where('active', '=', true).orderBy('id').execute();
  const of = (...kinds: string[]): PartnerOrg[] => partnerRows.filter((o) => kinds.includes(o.kind)).map((o) => ({ id: o.id, code: o.code, name: o.name, kind: o.kind, regionCode: o.region_code }));
  const orgs: LeadOrgs = { units: of('station', 'township'), counties: of('county'), branches: of('bank_branch'), outlets: of('outlet') };
  const items = leadItems(IMPORT, SEED, orgs);
  const countRows = async (table: 'card_leads' | 'lead_opener_days') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  /** The trigger-kept counters against a recount from the leads (the rows present in only one, or unequal). */
  const countersVsRecount = async () => {
    const recount = sql`
      SELECT ((created_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day, opened_at_org_id AS org_id, count(*) AS leads,
             count(*) FILTER (WHERE status = 'closed') AS closed,
             count(*) FILTER (WHERE outcome IN ('criminal', 'administrative', 'punishment_proposal')) AS punished
      FROM card_leads
      WHERE opened_at_org_id IS NOT NULL AND source IN ('case', 'ministry') AND (outcome IS NULL OR outcome <> 'struck_off')
      GROUP BY 1, 2`;
    const r = await sql<{ kept: number; recounted: number; differing: number }>`
      WITH kept AS (SELECT day, org_id, leads, closed, punished FROM lead_opener_days WHERE leads <> 0 OR closed <> 0 OR punished <> 0),
           recount AS (${recount})
      SELECT (SELECT count(*) FROM kept)::int AS kept, (SELECT count(*) FROM recount)::int AS recounted,
             (SELECT count(*) FROM ((TABLE kept EXCEPT TABLE recount) UNION ALL (TABLE recount EXCEPT TABLE kept)) d)::int AS differing`.execute(db);
    const row = r.rows[0];
    if (!row) throw new Error('counter check returned nothing');
    return row;
  };
  const api = await openApi(bench);

  // The advertised maximum first: a batch of MAX_LEAD_BATCH items that are all valid.
  log(`probe: one batch of ${BATCH} valid items…`);
  const probed: ProbeResult = await probe(bench, api, leadItems(BATCH, SEED + 1, orgs, { idPrefix: 'PROBE-', badIdShare: 0, manualShare: 0 }));
  const batchSize = probed.ok ? BATCH : SAFE_BATCH;
  if (!probed.ok) log(`probe failed (${probed.status} ${probed.message}); measuring with batches of ${batchSize}`);
  await emptyLeads(bench);

  log(`floor: ${IMPORT} items' accepted rows by plain INSERT, batches of ${batchSize}…`);
  const floor = await benchFloor(bench, orgs, items, batchSize);
  await emptyLeads(bench);
  await sql`VACUUM ANALYZE card_leads, lead_events`.execute(db);

  log(`intake: ${IMPORT} items over HTTP, batches of ${batchSize}…`);
  const intake = await benchIntake(bench, api, items, batchSize);
  await api.close();
  const counters = await countersVsRecount();

  log(`bulk-loading ${TOTAL - intake.stored} more leads by SQL…`);
  const loaded = await elapsed(() => loadLeads(db, TOTAL - intake.stored, NOW));
  log('rebuilding the per-opener day counters once more, timed…');
  const rebuilt = await elapsed(() => rebuildOpenerDays(db));
  await sql`VACUUM (ANALYZE) lead_opener_days`.execute(db);
  const counterRows = await countRows('lead_opener_days');
  const counts = (
    await sql<{ leads: number; open: number; overdue: number }>`
      SELECT count(*)::int AS leads, count(*) FILTER (WHERE status <> 'closed')::int AS open,
             count(*) FILTER (WHERE status <> 'closed' AND due_at < ${NOW})::int AS overdue FROM card_leads`.execute(db)
  ).rows[0];

  const readOpts = { iterations: N, productBudgetMs: Number(process.env.BENCH_PRODUCT_BUDGET_MS ?? 60_000), baselineBudgetMs: Number(process.env.BENCH_BASELINE_BUDGET_MS ?? 20_000), targetMs: TARGET.p95Ms, explainMisses: process.env.BENCH_EXPLAIN !== '0' };
  log(`lists, ${N} iterations each…`);
  const who = await callers(bench);
  const lists = await benchLists(bench, who, readOpts);
  log(`rankings, ${N} iterations each…`);
  const rankings = await benchRanking(bench, readOpts);
  const pg = await serverSettings(bench.database);
  const loadAfter = os.loadavg();

  const out: string[] = [];
  out.push(
    `PostgreSQL ${pg.server_version ?? '?'} (shared_buffers ${pg.shared_buffers ?? '?'}, work_mem ${pg.work_mem ?? '?'}), scale ${SCALE}, ${os.cpus().length} cores; load average ${loadBefore.map((x) => x.toFixed(1)).join('/')} before, ${loadAfter.map((x) => x.toFixed(1)).join('/')} after`,
  );
  out.push('');
  out.push(`Probe, one batch of ${int(probed.batchSize)} valid items (the documented maximum): ${probed.ok ? 'accepted' : `**HTTP ${probed.status}: ${probed.message}**`}`);
  out.push('');
  out.push('| import | items | rows stored | seconds | items/s | batch p50 / p95 ms | target |');
  out.push('| --- | --- | --- | --- | --- | --- | --- |');
  out.push(
    `| \`POST /api/v1/cards/leads\` over HTTP, ${intake.batches} batch${intake.batches === 1 ? '' : 'es'} of ${int(batchSize)}, one in flight (validate incl. ID check digit, route, dedupe, number, insert, events, notifications, audit) | ${int(intake.items)} | ${int(intake.stored)} | ${(intake.ms / 1000).toFixed(1)} | ${int(intake.perSecond)} | ${cell(intake.batchLatency)} | < ${(TARGET.importMs / 1000).toFixed(TARGET.importMs < 10_000 ? 1 : 0)} s: ${mark(intake.ms < TARGET.importMs)} |`,
  );
  out.push(`| floor: the same accepted rows by plain multi-row INSERT into card_leads, batches of ${int(batchSize)} rows (one transaction each, ${floor.perStatement < batchSize ? `statements of up to ${int(floor.perStatement)} rows` : 'one statement'}), routed and numbered beforehand | – | ${int(floor.rows)} | ${(floor.ms / 1000).toFixed(1)} | ${int(floor.perSecond)} rows/s | – | – |`);
  out.push('');
  out.push(
    `import / floor time = ${ratio(intake.ms, floor.ms)}; accepted ${int(intake.accepted)}, rejected ${int(intake.rejected)} (e.g. ${intake.sampleRejection || '–'}), duplicates ${intake.duplicates}; ${int(intake.events)} events written. Both write through the day-counter triggers (migration 0008).`,
  );
  out.push('');
  out.push(
    `Day counters kept by the triggers during the import: ${int(counters.kept)} rows; a recount from the leads: ${int(counters.recounted)} rows; ${counters.differing === 0 ? 'identical' : `**${int(counters.differing)} rows differ**`}`,
  );
  out.push('');
  out.push(
    `Reads over ${int(counts?.leads ?? 0)} leads (${int(counts?.open ?? 0)} open, ${int(counts?.overdue ?? 0)} overdue; ${int(TOTAL - intake.stored)} bulk-loaded by SQL with triggers off in ${(loaded.ms / 1000).toFixed(1)} s, counters rebuilt and VACUUM ANALYZE included). \`rebuildOpenerDays\` on its own: ${(rebuilt.ms / 1000).toFixed(2)} s for ${int(counterRows)} counter rows (per opener and China-time day).`,
  );
  out.push('');
  out.push('| benchmark | result | n | p50 / p95 ms | baseline | n | p50 / p95 ms | baseline / product (p50 / p95) | p95 < 200 ms |');
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of [...lists, ...rankings] as Compared[]) {
    out.push(
      `| ${r.name} | ${r.sample} | ${r.product.n} | ${cell(r.product)} | ${r.baselineName} | ${r.baseline.n} | ${cell(r.baseline)} | ${ratio(r.baseline.p50, r.product.p50)} / ${ratio(r.baseline.p95, r.product.p95)} | ${mark(r.product.p95 < TARGET.p95Ms)} |`,
    );
  }
  console.log(out.join('\n'));
  console.log(`\n${JSON.stringify({ scale: SCALE, probe: probed, intake, floor, counters, loadMs: loaded.ms, rebuildMs: rebuilt.ms, counterRows, counts, lists, rankings, loadavg: { before: loadBefore, after: loadAfter } })}`);
} finally {
  await bench.close();
}
