/**
 * Benchmark 2: the queues and the city board over a year of warnings, each against a naive baseline:
 * queues through the service's `list()` (scope as a path-prefix match) vs the same SQL with the scope as a
 * recursive CTE over orgs.parent_id; the product's `board()`, a board written as one GROUP BY, and the
 * due-soon count vs loading the open rows and counting in JavaScript.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/types.ts';
import { scopeOf, type Scope } from '../../src/modules/orgs/scope.ts';
import { board } from '../../src/modules/warnings/warnings.board.ts';
import { list } from '../../src/modules/warnings/warnings.service.ts';
import type { Deps } from '../../src/server/context.ts';
import { explainCall, explainSql, printExplained } from './explain.ts';
import { principalFor, type BenchDb, type BenchOrg } from './setup.ts';
import { time, type Timing } from './stats.ts';

export interface Compared {
  name: string;
  product: Timing;
  baselineName: string;
  baseline: Timing;
  /** What one call returns, to show the work is real (rows on the page, total, board cells). */
  sample: string;
}

export const OPEN_PAGE = { status: 'open' as const, page: 1, pageSize: 50 };

/** The product's queue query with the scope written as a recursive walk down orgs.parent_id. */
function queueByRecursiveCte(db: Kysely<DB>, rootId: number) {
  const sub = sql`WITH RECURSIVE sub AS (SELECT id FROM orgs WHERE id = ${rootId} UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id)`;
  const where = sql`(w.assigned_org_id IN (SELECT id FROM sub) OR w.escalated_org_id IN (SELECT id FROM sub)) AND w.status <> 'closed'`;
  return Promise.all([
    sql`${sub}
      SELECT w.id, w.external_id, w.source, w.level, w.status, w.overdue, w.victim_phone, w.victim_name, w.fraud_type, w.detected_at,
             w.received_at, w.due_at, w.assigned_org_id, w.escalation_level, w.visit_required, w.outcome, w.repeat_of_id,
             a.code AS assigned_org_code, a.name AS assigned_org_name, a.path AS assigned_org_path, e.code AS escalated_org_code
      FROM warnings w JOIN orgs a ON a.id = w.assigned_org_id LEFT JOIN orgs e ON e.id = w.escalated_org_id
      WHERE ${where} ORDER BY w.due_at, w.id LIMIT 50 OFFSET 0`.execute(db),
    sql`${sub} SELECT count(*) AS n FROM warnings w JOIN orgs a ON a.id = w.assigned_org_id LEFT JOIN orgs e ON e.id = w.escalated_org_id
      WHERE ${where}`.execute(db),
  ]);
}

/** Open warnings by county and level, with the overdue among them: one GROUP BY, as a board would ask. */
function boardSql(now: Date) {
  return sql<{ county_code: string | null; level: string; open: number; overdue: number }>`
    SELECT county.code AS county_code, w.level, count(*)::int AS open, count(*) FILTER (WHERE w.overdue OR w.due_at < ${now})::int AS overdue
    FROM warnings w
    JOIN orgs a ON a.id = w.assigned_org_id
    LEFT JOIN orgs county ON county.id = NULLIF(split_part(a.path, '/', 3), '')::int8
    WHERE w.status <> 'closed'
    GROUP BY county.code, w.level`;
}

/** Open warnings whose deadline falls within the next hour (not yet overdue), as board() counts them. */
function dueSoonSql(now: Date) {
  return sql<{ n: number }>`
    SELECT count(*)::int AS n FROM warnings WHERE status <> 'closed' AND due_at >= ${now} AND due_at < ${new Date(now.getTime() + 3_600_000)}`;
}

export interface QueueCase {
  name: string;
  scopes: Scope[];
}

/** Officers of different stations and analysts of different counties take turns, as on a real morning. */
export async function queueCases(bench: BenchDb): Promise<{ cases: QueueCase[]; city: Scope }> {
  const { db } = bench.deps;
  const byKind = (k: BenchOrg['kind']) => bench.orgs.filter((o) => o.kind === k);
  const cityOrg = byKind('city')[0];
  if (!cityOrg) throw new Error('no city org');
  const city = await scopeOf(db, principalFor(cityOrg, 'center_analyst'));
  return {
    city,
    cases: [
      { name: 'station officer queue: list(open, page 1 of 50)', scopes: await Promise.all(byKind('station').map((o) => scopeOf(db, principalFor(o, 'station_officer')))) },
      { name: 'county analyst queue: list(open, page 1 of 50)', scopes: await Promise.all(byKind('county').map((o) => scopeOf(db, principalFor(o, 'center_analyst')))) },
      { name: 'city center queue: list(open, page 1 of 50)', scopes: [city] },
    ],
  };
}

export function rotate<T>(xs: T[], i: number): T {
  const x = xs[i % xs.length];
  if (x === undefined) throw new Error('empty rotation');
  return x;
}

export async function benchQueues(bench: BenchDb, opts: { iterations: number; baselineBudgetMs: number; explain: boolean }): Promise<Compared[]> {
  const { deps, orgs } = bench;
  const db = deps.db;
  const now = deps.clock.now();
  const { cases, city: cityScope } = await queueCases(bench);
  const n = opts.iterations;
  const baseline = { budgetMs: opts.baselineBudgetMs };
  const results: Compared[] = [];

  for (const c of cases) {
    const first = await list(deps, rotate(c.scopes, 0), OPEN_PAGE);
    const product = await time(n, (i) => list(deps, rotate(c.scopes, i), OPEN_PAGE));
    const cte = await time(n, (i) => queueByRecursiveCte(db, rotate(c.scopes, i).rootId), baseline);
    results.push({ name: c.name, product, baselineName: 'same query, scope as recursive CTE over parent_id', baseline: cte, sample: `${first.items.length} rows of ${first.total} open` });
    if (opts.explain) printExplained(c.name, await explainCall(bench.url, deps, (d: Deps) => list(d, rotate(c.scopes, 0), OPEN_PAGE)));
  }

  const countyOf = new Map(orgs.map((o) => [o.id, o.path.split('/')[2] ?? '']));
  const naiveBoard = () =>
    time(
      n,
      async () => {
        const rows = await db.selectFrom('warnings').select(['assigned_org_id', 'level', 'overdue', 'due_at']).where('status', '<>', 'closed').execute();
        const cells = new Map<string, { open: number; overdue: number }>();
        for (const r of rows) {
          const key = `${countyOf.get(r.assigned_org_id) ?? ''}|${r.level}`;
          const c = cells.get(key) ?? { open: 0, overdue: 0 };
          c.open++;
          if (r.overdue || r.due_at < now) c.overdue++;
          cells.set(key, c);
        }
        return cells;
      },
      baseline,
    );
  const boardNaive = await naiveBoard();

  const live = await board(deps, cityScope);
  const liveOpen = live.open.emergency + live.open.high + live.open.normal;
  const liveProduct = await time(n, () => board(deps, cityScope));
  results.push({
    name: 'city board: the product’s board() (counters by grade × county, overdue, due within the hour, triage, today’s outcomes)',
    product: liveProduct,
    baselineName: 'load open rows, group in JS',
    baseline: boardNaive,
    sample: `${live.units.length} units, ${liveOpen} open, ${live.overdue} overdue, ${live.dueWithinHour} due within the hour`,
  });
  if (opts.explain) printExplained('board() of the city', await explainCall(bench.url, deps, (d: Deps) => board(d, cityScope)));

  const grouped = await boardSql(now).execute(db);
  const boardProduct = await time(n, () => boardSql(now).execute(db));
  const openTotal = grouped.rows.reduce((a, r) => a + r.open, 0);
  results.push({ name: 'city board counted from the open rows: one GROUP BY (county × level, open and overdue), the board before trigger-kept counters', product: boardProduct, baselineName: 'load open rows, group in JS', baseline: boardNaive, sample: `${grouped.rows.length} cells, ${openTotal} open` });

  const dueSoon = await dueSoonSql(now).execute(db);
  const dueProduct = await time(n, () => dueSoonSql(now).execute(db));
  const soon = new Date(now.getTime() + 3_600_000);
  const dueNaive = await time(
    n,
    async () => {
      const rows = await db.selectFrom('warnings').select('due_at').where('status', '<>', 'closed').execute();
      return rows.filter((r) => r.due_at >= now && r.due_at < soon).length;
    },
    baseline,
  );
  results.push({ name: 'city board: due within the hour (count)', product: dueProduct, baselineName: 'load open due times, count in JS', baseline: dueNaive, sample: `${dueSoon.rows[0]?.n ?? 0} due` });
  if (opts.explain) {
    const b = boardSql(now).compile(db);
    const d = dueSoonSql(now).compile(db);
    printExplained('city board', [await explainSql(bench.url, b.sql, [...b.parameters]), await explainSql(bench.url, d.sql, [...d.parameters])]);
  }
  return results;
}
