/**
 * Fund tracing at scale (资金追踪, issue 4), on PostgreSQL: 10,000,000 fund_flows rows of background movements
 * among 2,000,000 ordinary accounts with 200 mule networks embedded in them, then for many different victims:
 *  - the product: loadTraceFlows (one round trip per hop) + trace(), 6 hops, FIFO and proportional, walking every
 *    time-ordered path, and guided by the trace (only accounts holding victim money are read);
 *  - baseline A: one recursive CTE walking the same time-ordered 6 hops + trace() on what it returns;
 *  - baseline B: the same CTE + one query for the reached accounts' other inflows + trace(): the product's rows;
 *  - checks: both reach the same accounts, B loads the same rows and gets the same FIFO result, FIFO conserves
 *    the victim's money;
 * then the same for 20 networks whose money passes one busy collector account (the walk must read its trade).
 * Run: npm run bench:trace (about 3 minutes on 2 cores, 2 of them the load). Env: BENCH_SCALE (1; 0.01 for a
 * quick run), BENCH_NETWORKS (200), BENCH_ITERATIONS (200), BENCH_HUBS (20), BENCH_HUB_ITERATIONS (40), BENCH_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_KEEP_DB=1 (keep fz_bench_trace), BENCH_REUSE_DB=1 (reuse a kept fz_bench_trace loaded with the same spec).
 */
import os from 'node:os';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { DB } from '../../src/db/types.ts';
import { arrivals, trace, type Attribution, type Flow, type TraceResult } from '../../src/engines/trace/trace.ts';
import { loadTraceFlows, type TraceSeedAccount } from '../../src/modules/money/trace.repo.ts';
import { summarize, type Timing } from '../warnings/stats.ts';
import { otherInflows, walkByRecursiveCte } from './baseline.ts';
import { generateNetworks, loadFlows, type DataSpec, type LoadTimes, type Network } from './data.ts';

const num = (name: string, fallback: number, zero = false) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(v) || v < 0 || (v === 0 && !zero)) throw new Error(`${name} must be a positive number`);
  return v;
};
const SCALE = num('BENCH_SCALE', 1);
const ITERATIONS = Math.round(num('BENCH_ITERATIONS', 200));
const HUB_ITERATIONS = Math.round(num('BENCH_HUB_ITERATIONS', 40));
const MAX_HOPS = 6;
const TARGET_MS = 100;
const DB_NAME = 'fz_bench_trace';
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const spec: DataSpec = {
  rows: Math.max(10_000, Math.round(10_000_000 * SCALE)),
  accounts: Math.max(2_000, Math.round(2_000_000 * SCALE)),
  networks: Math.round(num('BENCH_NETWORKS', 200)),
  hubs: Math.round(num('BENCH_HUBS', 20, true)),
  hubActivity: Math.max(50, Math.round(2_000 * Math.min(1, SCALE * 10))),
  end: new Date('2026-11-28T02:00:00Z'),
  days: 90,
  seed: 20261128,
};

function log(message: string): void {
  console.error(`[bench:trace ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function admin(statement: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function serverSettings(db: Kysely<DB>): Promise<Record<string, string>> {
  const rows = await sql<{ name: string; setting: string; unit: string | null }>`
    SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'random_page_cost', 'max_parallel_workers_per_gather')`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.name, r.unit ? `${r.setting}×${r.unit}` : r.setting]));
}

interface Sample {
  loadMs: number;
  fifoMs: number;
  propMs: number;
  cteMs: number;
  baselineMs: number;
  baselineFullMs: number;
  guidedFifoMs: number;
  guidedPropMs: number;
  guidedRows: number;
  guidedQueries: number;
  rows: number;
  reached: number;
  cteRows: number;
  fifoNodes: number;
  propNodes: number;
  queries: number;
}

interface Check {
  compared: number;
  reachMismatches: number;
  flowSetMismatches: number;
  resultMismatches: number;
  guidedMismatches: number;
  nodesOutsideReach: number;
  fifoConservationFailures: number;
  truncated: number;
}

const newCheck = (): Check => ({ compared: 0, reachMismatches: 0, flowSetMismatches: 0, resultMismatches: 0, guidedMismatches: 0, nodesOutsideReach: 0, fifoConservationFailures: 0, truncated: 0 });

function seedAccounts(n: Network): TraceSeedAccount[] {
  const first = new Map<string, number>();
  for (const s of n.seeds) first.set(s.to, Math.min(first.get(s.to) ?? Infinity, s.at));
  return [...first].map(([account, at]) => ({ account, at: new Date(at) }));
}

const accounted = (r: TraceResult) => r.totalHeld + r.totalCashedOut + r.totalBeyond + r.totalReturned;
const key = (f: Flow) => `${f.from}|${f.to}|${f.at}|${f.amount}`;
const fingerprint = (r: TraceResult) => JSON.stringify(r.nodes.map((n) => [n.account, n.hop, n.taintedIn, n.held]));

async function traceOnce(db: Kysely<DB>, n: Network, i: number, check: Check): Promise<Sample> {
  const seeds = seedAccounts(n);
  const skip = [n.victim];
  const product = async () => {
    const t0 = performance.now();
    const loaded = await loadTraceFlows(db, seeds, MAX_HOPS, { skip });
    const t1 = performance.now();
    const fifo = trace({ seeds: n.seeds, flows: loaded.flows, method: 'fifo', maxHops: MAX_HOPS });
    const t2 = performance.now();
    const prop = trace({ seeds: n.seeds, flows: loaded.flows, method: 'proportional', maxHops: MAX_HOPS });
    const t3 = performance.now();
    return { loaded, fifo, prop, loadMs: t1 - t0, fifoMs: t2 - t1, propMs: t3 - t2 };
  };
  const baseline = async () => {
    const t0 = performance.now();
    const walk = await walkByRecursiveCte(db, seeds, MAX_HOPS, skip);
    const t1 = performance.now();
    trace({ seeds: n.seeds, flows: walk.flows, method: 'fifo', maxHops: MAX_HOPS });
    const t2 = performance.now();
    // The same information as the product's loader: the walk's movements plus the reached accounts' other inflows.
    const inflows = await otherInflows(db, walk.arrivals);
    const byKey = new Map(walk.flows.map((f) => [key(f), f]));
    for (const f of inflows) if (!byKey.has(key(f))) byKey.set(key(f), f);
    const flows = [...byKey.values()];
    const full = trace({ seeds: n.seeds, flows, method: 'fifo', maxHops: MAX_HOPS });
    const t3 = performance.now();
    return { walk, flows, full, cteMs: t1 - t0, baselineMs: t2 - t0, baselineFullMs: t1 - t0 + (t3 - t2) };
  };
  const guided = async (method: Attribution) => {
    const t0 = performance.now();
    const run = (flows: Flow[]) => trace({ seeds: n.seeds, flows, method, maxHops: MAX_HOPS });
    const loaded = await loadTraceFlows(db, seeds, MAX_HOPS, { skip, follow: (flows) => arrivals(run(flows)) });
    const result = run(loaded.flows);
    return { loaded, result, ms: performance.now() - t0 };
  };
  // Alternate which goes first, so neither always finds the pages the other just read.
  const early = i % 2 === 0 ? await product() : undefined;
  const b = await baseline();
  const p = early ?? (await product());
  const gf = await guided('fifo');
  const gp = await guided('proportional');

  check.compared++;
  if (p.loaded.truncated) check.truncated++;
  const reached = new Set(p.loaded.reached.keys());
  const onlyProduct = [...reached].filter((x) => !b.walk.reached.has(x));
  const onlyCte = [...b.walk.reached].filter((x) => !reached.has(x));
  if (onlyProduct.length + onlyCte.length > 0) {
    check.reachMismatches++;
    if (check.reachMismatches <= 3) log(`reach differs for ${n.victim}: only loader ${onlyProduct.slice(0, 5).join(',')} (${onlyProduct.length}), only CTE ${onlyCte.slice(0, 5).join(',')} (${onlyCte.length})`);
  }
  const productKeys = new Set(p.loaded.flows.map(key));
  if (productKeys.size !== b.flows.length || b.flows.some((f) => !productKeys.has(key(f)))) check.flowSetMismatches++;
  if (fingerprint(p.fifo) !== fingerprint(b.full)) check.resultMismatches++;
  if (fingerprint(p.fifo) !== fingerprint(gf.result)) check.guidedMismatches++;
  if (gf.loaded.truncated || gp.loaded.truncated) check.truncated++;
  for (const r of [p.fifo, p.prop]) for (const node of r.nodes) if (!reached.has(node.account)) check.nodesOutsideReach++;
  if (accounted(p.fifo) !== p.fifo.totalSeed) check.fifoConservationFailures++;
  return {
    loadMs: p.loadMs,
    fifoMs: p.fifoMs,
    propMs: p.propMs,
    cteMs: b.cteMs,
    baselineMs: b.baselineMs,
    baselineFullMs: b.baselineFullMs,
    guidedFifoMs: gf.ms,
    guidedPropMs: gp.ms,
    guidedRows: gf.loaded.flows.length,
    guidedQueries: gf.loaded.queries,
    rows: p.loaded.flows.length,
    reached: reached.size,
    cteRows: b.walk.rows,
    fifoNodes: p.fifo.nodes.length,
    propNodes: p.prop.nodes.length,
    queries: p.loaded.queries,
  };
}

async function measure(db: Kysely<DB>, networks: Network[], iterations: number, check: Check): Promise<Sample[]> {
  // Warm-up on the last networks: plans and the index roots in memory, not the measured networks' pages.
  const warm = newCheck();
  for (let i = 0; i < Math.min(3, networks.length); i++) await traceOnce(db, networks[networks.length - 1 - i] as Network, i, warm);
  const samples: Sample[] = [];
  for (let i = 0; i < iterations; i++) {
    samples.push(await traceOnce(db, networks[i % networks.length] as Network, i, check));
    if ((i + 1) % 50 === 0) log(`  ${i + 1} of ${iterations} traces…`);
  }
  return samples;
}

interface Measured {
  label: string;
  timings: Record<string, Timing>;
  perTrace: Record<string, number>;
  check: Check;
}

function summarizeRun(label: string, s: Sample[], check: Check): Measured {
  const pick = (f: (x: Sample) => number) => s.map(f);
  return {
    label,
    timings: {
      load: summarize(pick((x) => x.loadMs)),
      fifo: summarize(pick((x) => x.fifoMs)),
      prop: summarize(pick((x) => x.propMs)),
      productFifo: summarize(pick((x) => x.loadMs + x.fifoMs)),
      productProp: summarize(pick((x) => x.loadMs + x.propMs)),
      cte: summarize(pick((x) => x.cteMs)),
      baseline: summarize(pick((x) => x.baselineMs)),
      baselineFull: summarize(pick((x) => x.baselineFullMs)),
      guidedFifo: summarize(pick((x) => x.guidedFifoMs)),
      guidedProp: summarize(pick((x) => x.guidedPropMs)),
    },
    perTrace: {
      rowsMean: mean(pick((x) => x.rows)),
      rowsMax: max(pick((x) => x.rows)),
      guidedRowsMean: mean(pick((x) => x.guidedRows)),
      guidedRowsMax: max(pick((x) => x.guidedRows)),
      guidedQueriesMean: mean(pick((x) => x.guidedQueries)),
      queriesMean: mean(pick((x) => x.queries)),
      reachedMean: mean(pick((x) => x.reached)),
      reachedMax: max(pick((x) => x.reached)),
      fifoNodesMean: mean(pick((x) => x.fifoNodes)),
      propNodesMean: mean(pick((x) => x.propNodes)),
      cteRowsMean: mean(pick((x) => x.cteRows)),
      cteRowsMax: max(pick((x) => x.cteRows)),
    },
    check,
  };
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const int = (x: number) => Math.round(x).toLocaleString('en');
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);

interface Report {
  when: string;
  loadavg: { before: number[]; after: number[] };
  scale: number;
  spec: DataSpec;
  postgres: Record<string, string>;
  networkRows: number;
  load: LoadTimes | null;
  runs: Measured[];
}

function table(m: Measured): string[] {
  const t = m.timings;
  const row = (name: string, k: string) => {
    const x = t[k];
    return x ? `| ${name} | ${x.n} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.mean)} |` : '';
  };
  const ratio = (a: string, b: string, q: 'p50' | 'p95') => `${((t[a]?.[q] ?? 0) / (t[b]?.[q] ?? 1)).toFixed(2)}×`;
  const under = (...keys: string[]) => (keys.every((k) => (t[k]?.p95 ?? Infinity) < TARGET_MS) ? 'yes' : '**no**');
  const out: string[] = [];
  out.push(`${m.label}:`);
  out.push('');
  out.push(`| per trace, ${MAX_HOPS} hops | n | p50 ms | p95 ms | mean ms |`);
  out.push('| --- | --- | --- | --- | --- |');
  out.push(row('product: `loadTraceFlows` (one query per hop: outflows + other inflows)', 'load'));
  out.push(row('product: `trace()` FIFO on the loaded rows', 'fifo'));
  out.push(row('product: `trace()` proportional on the loaded rows', 'prop'));
  out.push(row('**product: `loadTraceFlows` + `trace()` FIFO**', 'productFifo'));
  out.push(row('**product: `loadTraceFlows` + `trace()` proportional**', 'productProp'));
  out.push(row('product, guided by the trace (`follow`: read only accounts holding victim money) + `trace()` FIFO', 'guidedFifo'));
  out.push(row('product, guided, proportional (every account with ≥ 1 fen of victim money is followed)', 'guidedProp'));
  out.push(row('baseline: recursive CTE over time-ordered paths (one query; reachable outflows only)', 'cte'));
  out.push(row('**baseline A: recursive CTE + `trace()` FIFO on its rows** (no other inflows: mixing ignored)', 'baseline'));
  out.push(row('**baseline B: recursive CTE + one query for the other inflows + `trace()` FIFO** (same rows as the product)', 'baselineFull'));
  out.push('');
  out.push(
    `baseline / product (FIFO), p50 and p95: A ${ratio('baseline', 'productFifo', 'p50')} and ${ratio('baseline', 'productFifo', 'p95')}, B ${ratio('baselineFull', 'productFifo', 'p50')} and ${ratio('baselineFull', 'productFifo', 'p95')}; CTE alone / loader alone (p50) ${ratio('cte', 'load', 'p50')}; guided / full walk (FIFO) p50 ${ratio('guidedFifo', 'productFifo', 'p50')}, p95 ${ratio('guidedFifo', 'productFifo', 'p95')}. p95 under ${TARGET_MS} ms: full walk ${under('productFifo', 'productProp')}, guided ${under('guidedFifo', 'guidedProp')}.`,
  );
  const p = m.perTrace;
  out.push(
    `Per trace (mean / max): ${ms(p.rowsMean ?? 0)} / ${int(p.rowsMax ?? 0)} rows loaded in ${ms(p.queriesMean ?? 0)} queries (guided FIFO: ${ms(p.guidedRowsMean ?? 0)} / ${int(p.guidedRowsMax ?? 0)} rows in ${ms(p.guidedQueriesMean ?? 0)} queries), ${ms(p.reachedMean ?? 0)} / ${int(p.reachedMax ?? 0)} accounts reached, ${ms(p.fifoNodesMean ?? 0)} (FIFO) and ${ms(p.propNodesMean ?? 0)} (proportional) accounts holding ≥ 1 fen of victim money; the CTE returned ${ms(p.cteRowsMean ?? 0)} / ${int(p.cteRowsMax ?? 0)} rows.`,
  );
  const c = m.check;
  out.push(
    `Checks over ${c.compared} traces: reached accounts differ (loader vs CTE) ${c.reachMismatches}; loaded rows differ (product vs baseline B) ${c.flowSetMismatches}; FIFO results differ (product vs baseline B) ${c.resultMismatches}, (product vs guided) ${c.guidedMismatches}; tainted accounts outside the loader's reach ${c.nodesOutsideReach}; FIFO conservation failures (held + cashed + beyond + returned ≠ seed) ${c.fifoConservationFailures}; truncated walks ${c.truncated}.`,
  );
  out.push('');
  return out;
}

function printReport(r: Report): void {
  const out: string[] = [];
  out.push(
    `PostgreSQL ${r.postgres.server_version ?? '?'} (shared_buffers ${r.postgres.shared_buffers ?? '?'}, work_mem ${r.postgres.work_mem ?? '?'}), scale ${r.scale}: ${int(r.spec.rows)} background rows among ${int(r.spec.accounts)} accounts over ${r.spec.days} days + ${int(r.networkRows)} rows of ${r.spec.networks} mule networks and ${r.spec.hubs} with a busy collector; load average ${r.loadavg.before.map((x) => x.toFixed(1)).join('/')} before, ${r.loadavg.after.map((x) => x.toFixed(1)).join('/')} after`,
  );
  out.push('');
  if (r.load) {
    const l = r.load;
    out.push(
      `Load: ${int(l.totalRows)} rows in ${((l.networksMs + l.insertMs + l.indexMs + l.analyzeMs) / 1000).toFixed(1)} s (networks staged ${(l.networksMs / 1000).toFixed(1)} s, time-ordered INSERT … generate_series ${(l.insertMs / 1000).toFixed(1)} s, 3 secondary indexes rebuilt ${(l.indexMs / 1000).toFixed(1)} s, VACUUM ANALYZE ${(l.analyzeMs / 1000).toFixed(1)} s)`,
    );
  } else out.push('Load: reused a kept fz_bench_trace (BENCH_REUSE_DB=1)');
  out.push('');
  for (const m of r.runs) out.push(...table(m));
  console.log(out.join('\n'));
  console.log(JSON.stringify(r));
}

const loadBefore = os.loadavg();
const url = withDatabase(ADMIN_URL, DB_NAME);
const specKey = JSON.stringify(spec);
let reuse = false;
if (process.env.BENCH_REUSE_DB === '1') {
  const exists = await admin(`SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'`);
  if (exists.rowCount) {
    const probe = await openDatabase({ url, poolSize: 1 });
    const meta = await sql<{ spec: string }>`SELECT spec FROM bench_trace_meta`.execute(probe.db).catch(() => ({ rows: [] as { spec: string }[] }));
    await probe.close();
    reuse = meta.rows[0]?.spec === specKey;
    log(reuse ? `reusing ${DB_NAME}` : `${DB_NAME} holds another spec: reloading`);
  }
}
if (!reuse) {
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB_NAME}`);
}
const database = await openDatabase({ url, poolSize: 4 });
try {
  await migrate(database);
  const { db } = database;
  log(`generating ${spec.networks} mule networks and ${spec.hubs} with a collector…`);
  const { networks, rows } = generateNetworks(spec);
  let load: LoadTimes | null = null;
  if (!reuse) {
    log(`loading ${int(spec.rows)} background rows + ${int(rows.length)} network rows…`);
    load = await loadFlows(db, spec, rows, log);
    log(`loaded ${int(load.totalRows)} rows in ${((load.networksMs + load.insertMs + load.indexMs + load.analyzeMs) / 1000).toFixed(1)} s`);
    await sql`CREATE TABLE bench_trace_meta (spec text NOT NULL)`.execute(db);
    await sql`INSERT INTO bench_trace_meta VALUES (${specKey})`.execute(db);
  }
  const postgres = await serverSettings(db);
  const plain = networks.filter((n) => !n.hub);
  const hubs = networks.filter((n) => n.hub);
  log(`${ITERATIONS} traces over ${plain.length} networks…`);
  const check = newCheck();
  const main = summarizeRun(`${ITERATIONS} traces of ${plain.length} different victims (layered networks, mixing, cash-outs, cycles)`, await measure(db, plain, ITERATIONS, check), check);
  const runs = [main];
  if (hubs.length > 0) {
    log(`${HUB_ITERATIONS} traces over ${hubs.length} networks with a busy collector…`);
    const hubCheck = newCheck();
    runs.push(summarizeRun(`${HUB_ITERATIONS} traces of ${hubs.length} victims whose money passes a busy collector account (${int(spec.hubActivity)} outflows and inflows of its own)`, await measure(db, hubs, HUB_ITERATIONS, hubCheck), hubCheck));
  }
  printReport({ when: new Date().toISOString(), loadavg: { before: loadBefore, after: os.loadavg() }, scale: SCALE, spec, postgres, networkRows: rows.length, load, runs });
} finally {
  await database.close();
  if (process.env.BENCH_KEEP_DB !== '1' && process.env.BENCH_REUSE_DB !== '1') await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
}
