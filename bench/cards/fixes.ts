/**
 * What the misses would take, measured on the same data after the product's own numbers (nothing in src/
 * changes; the indexes and the rollup table are made in the benchmark database only):
 *   - lists: partial indexes on the open leads, then the service's `list()` unchanged, and the same query
 *     with its total counted from card_leads alone (the joins to orgs never change the count);
 *   - rankings: the aggregate taken per opener id before the joins (a query change only), and the ranking
 *     read from per-opener daily counters (`bench_opener_days`, what a trigger-kept table would hold).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/types.ts';
import { accountability, list } from '../../src/modules/cards/leads.service.ts';
import { orgInScope, type Scope } from '../../src/modules/orgs/scope.ts';
import type { BenchDb } from '../warnings/setup.ts';
import { time } from '../warnings/stats.ts';
import { OPEN_PAGE, OVERDUE_PAGE, rotate, type Caller, type Compared, type ReadOpts } from './reads.ts';

export const OPEN_INDEXES = [
  `CREATE INDEX card_leads_open_due_idx ON card_leads (due_at, id) WHERE status <> 'closed'`,
  `CREATE INDEX card_leads_open_org_idx ON card_leads (org_id, due_at, id) WHERE status <> 'closed'`,
];

/** repo.list's page and total for open or overdue leads, the total without the joins. */
export function listCountAlone(db: Kysely<DB>, scope: Scope, overdueAt: Date | undefined) {
  let rows = db
    .selectFrom('card_leads')
    .innerJoin('orgs', 'orgs.id', 'card_leads.org_id')
    .leftJoin('orgs as opened', 'opened.id', 'card_leads.opened_at_org_id')
    .selectAll('card_leads')
    .select(['orgs.code as org_code', 'orgs.name as org_name', 'orgs.path as org_path', 'opened.code as opened_code'])
    .where(orgInScope(scope, 'card_leads.org_id'))
    .where('card_leads.status', '<>', 'closed');
  let count = db
    .selectFrom('card_leads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(orgInScope(scope, 'card_leads.org_id'))
    .where('card_leads.status', '<>', 'closed');
  if (overdueAt) {
    rows = rows.where('card_leads.due_at', '<', overdueAt);
    count = count.where('card_leads.due_at', '<', overdueAt);
  }
  return Promise.all([rows.orderBy('card_leads.due_at').orderBy('card_leads.id').limit(50).offset(0).execute(), count.executeTakeFirstOrThrow()]);
}

type Ranked = { code: string; name: string; institution: string; leads: number; closed: number; punished: number };

/** The product's ranking with the counting done per opener id first, and the institution found by parent_id. */
export async function rankingAggregateFirst(db: Kysely<DB>, kind: 'bank' | 'operator', from: Date, to: Date, limit: number): Promise<Ranked[]> {
  const res = await sql<Ranked>`
    SELECT o.code, o.name, inst.name AS institution, a.leads, a.closed, a.punished
    FROM (SELECT l.opened_at_org_id AS id, count(*)::int AS leads,
                 count(*) FILTER (WHERE l.status = 'closed' AND l.outcome <> 'struck_off')::int AS closed,
                 count(*) FILTER (WHERE l.outcome IN ('criminal', 'administrative', 'punishment_proposal'))::int AS punished
          FROM card_leads l
          WHERE l.opened_at_org_id IS NOT NULL AND l.source IN ('case', 'ministry') AND l.created_at >= ${from} AND l.created_at < ${to}
            AND (l.outcome IS NULL OR l.outcome <> 'struck_off')
          GROUP BY l.opened_at_org_id) a
    JOIN orgs o ON o.id = a.id
    JOIN orgs inst ON inst.id = o.parent_id
    WHERE inst.kind = ${kind}
    ORDER BY a.leads DESC, o.code
    LIMIT ${limit}`.execute(db);
  return res.rows;
}

/** Per opener and China-time day: counted leads (case or ministry, not struck off), closed, punished. */
export async function buildOpenerDays(db: Kysely<DB>): Promise<number> {
  await sql`DROP TABLE IF EXISTS bench_opener_days`.execute(db);
  await sql`
    CREATE TABLE bench_opener_days AS
    SELECT opened_at_org_id AS org_id, (created_at AT TIME ZONE 'Asia/Shanghai')::date AS day, count(*)::int AS leads,
           count(*) FILTER (WHERE status = 'closed')::int AS closed,
           count(*) FILTER (WHERE outcome IN ('criminal', 'administrative', 'punishment_proposal'))::int AS punished
    FROM card_leads
    WHERE opened_at_org_id IS NOT NULL AND source IN ('case', 'ministry') AND (outcome IS NULL OR outcome <> 'struck_off')
    GROUP BY 1, 2`.execute(db);
  await sql`ALTER TABLE bench_opener_days ADD PRIMARY KEY (day, org_id)`.execute(db);
  await sql`VACUUM (ANALYZE) bench_opener_days`.execute(db);
  const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_opener_days`.execute(db);
  return n.rows[0]?.n ?? 0;
}

/** The ranking over whole China-time days, summed from the daily counters. */
export async function rankingFromDays(db: Kysely<DB>, kind: 'bank' | 'operator', firstDay: string, lastDay: string, limit: number): Promise<Ranked[]> {
  const res = await sql<Ranked>`
    SELECT o.code, o.name, inst.name AS institution, a.leads, a.closed, a.punished
    FROM (SELECT org_id, sum(leads)::int AS leads, sum(closed)::int AS closed, sum(punished)::int AS punished
          FROM bench_opener_days WHERE day BETWEEN ${firstDay}::date AND ${lastDay}::date GROUP BY org_id) a
    JOIN orgs o ON o.id = a.org_id
    JOIN orgs inst ON inst.id = o.parent_id
    WHERE inst.kind = ${kind}
    ORDER BY a.leads DESC, o.code
    LIMIT ${limit}`.execute(db);
  return res.rows;
}

const CHINA_MS = 8 * 3_600_000;
const day = (d: Date) => new Date(d.getTime() + CHINA_MS).toISOString().slice(0, 10);

export interface FixResults {
  indexesMs: number;
  rollupRows: number;
  rollupMs: number;
  results: Compared[];
}

const same = (a: Ranked[], b: Ranked[]) => JSON.stringify(a) === JSON.stringify(b);

export async function benchFixes(bench: BenchDb, who: Caller[], opts: ReadOpts, before: Compared[]): Promise<FixResults> {
  const { deps } = bench;
  const db = deps.db;
  const now = deps.clock.now();
  const n = Math.max(100, Math.round(opts.iterations / 2));
  const prior = (name: string) => before.find((b) => b.name === name);
  const results: Compared[] = [];

  const t0 = performance.now();
  for (const ddl of OPEN_INDEXES) await sql.raw(ddl).execute(db);
  await sql`VACUUM (ANALYZE) card_leads`.execute(db);
  const indexesMs = performance.now() - t0;
  for (const [label, q, overdueAt] of [
    ['open leads', OPEN_PAGE, undefined],
    ['overdue leads', OVERDUE_PAGE, now],
  ] as const) {
    for (const c of who) {
      const name = `${c.name}${c.scopes.length > 1 ? ` (${c.scopes.length} in turn)` : ''}: list(${label}, page 1 of 50)`;
      const was = prior(name);
      const indexed = await time(n, (i) => list(deps, rotate(c.scopes, i), q));
      const [, total] = await listCountAlone(db, rotate(c.scopes, 0), overdueAt);
      const alone = await time(n, (i) => listCountAlone(db, rotate(c.scopes, i), overdueAt));
      results.push({ name: `${name} + open-lead partial indexes: the service unchanged`, product: indexed, baselineName: 'as measured above', baseline: was?.product ?? indexed, sample: was?.sample ?? '' });
      results.push({ name: `${name} + the indexes + total counted from card_leads alone`, product: alone, baselineName: 'as measured above', baseline: was?.product ?? alone, sample: `total ${Number(total.n).toLocaleString('en')}` });
    }
  }

  const r0 = performance.now();
  const rollupRows = await buildOpenerDays(db);
  const rollupMs = performance.now() - r0;
  // Whole China-time days: the 365 ending today (today so far included); the product asked for the same span.
  const lastDay = day(now);
  const firstDay = day(new Date(now.getTime() - 364 * 86_400_000));
  const from = new Date(`${firstDay}T00:00:00+08:00`);
  const to = new Date(now.getTime() + 1);
  for (const kind of ['bank', 'operator'] as const) {
    const name = `accountability(${kind}, last 365 days, top 50)`;
    const was = prior(name);
    const product = (await accountability(deps, { kind, from: from.toISOString(), limit: 50 })).items.map(({ action: _a, ...r }) => r);
    const first = await rankingAggregateFirst(db, kind, from, to, 50);
    const days = await rankingFromDays(db, kind, firstDay, lastDay, 50);
    if (!same(first, product) || !same(days, product)) throw new Error(`${kind}: a rewritten ranking disagrees with accountability()`);
    const tFirst = await time(n, () => rankingAggregateFirst(db, kind, from, to, 50));
    const tDays = await time(n, () => rankingFromDays(db, kind, firstDay, lastDay, 50));
    results.push({ name: `${name}: aggregate per opener id first, institution by parent_id (query change only)`, product: tFirst, baselineName: 'as measured above', baseline: was?.product ?? tFirst, sample: 'same ranking' });
    results.push({ name: `${name}: summed from per-opener daily counters (${firstDay} – ${lastDay})`, product: tDays, baselineName: 'as measured above', baseline: was?.product ?? tDays, sample: 'same ranking' });
  }
  return { indexesMs, rollupRows, rollupMs, results };
}
