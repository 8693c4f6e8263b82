/**
 * Lists and the accountability ranking over the stored leads, each against baselines in the same run: the
 * lists through the service's `list()` (scope as a path-prefix match, total counted on card_leads alone) vs
 * the same page query with the scope as a recursive CTE over orgs.parent_id and the total counted through
 * both orgs joins, as the service did before; `accountability()` (summing the trigger-kept per-opener day counters,
 * migration 0008) vs the same ranking grouped from card_leads in SQL on every call (how it was computed
 * before the counters) and vs loading the period's leads and grouping in JS. Every baseline must give the
 * product's ranking over the same whole China-time days before anything is timed.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/types.ts';
import { addDays, dayStart, localDay } from '../../src/lib/periods.ts';
import { accountability, list } from '../../src/modules/cards/leads.service.ts';
import { scopeOf, type Scope } from '../../src/modules/orgs/scope.ts';
import type { Deps } from '../../src/server/context.ts';
import { explainCall, printExplained } from '../warnings/explain.ts';
import { principalFor, type BenchDb } from '../warnings/setup.ts';
import { time, type Timing } from '../warnings/stats.ts';

export interface Compared {
  name: string;
  product: Timing;
  baselineName: string;
  baseline: Timing;
  /** What one call returns, to show the work is real. */
  sample: string;
}

export interface Caller {
  name: string;
  scopes: Scope[];
}

type ListQuery = Parameters<typeof list>[2];
export const OPEN_PAGE: ListQuery = { status: 'open', page: 1, pageSize: 50 };
export const OVERDUE_PAGE: ListQuery = { overdue: 'true', page: 1, pageSize: 50 };

/** Officers of different stations, analysts of different counties, and the city center take turns. */
export async function callers(bench: BenchDb): Promise<Caller[]> {
  const { db } = bench.deps;
  const of = (kind: string) => bench.orgs.filter((o) => o.kind === kind);
  return [
    { name: 'station officer', scopes: await Promise.all(of('station').map((o) => scopeOf(db, principalFor(o, 'station_officer')))) },
    { name: 'county analyst', scopes: await Promise.all(of('county').map((o) => scopeOf(db, principalFor(o, 'center_analyst')))) },
    { name: 'city analyst', scopes: await Promise.all(of('city').map((o) => scopeOf(db, principalFor(o, 'center_analyst')))) },
  ];
}

/** The service's list query with the scope written as a recursive walk down orgs.parent_id. */
export function listByRecursiveCte(db: Kysely<DB>, rootId: number, q: { overdueAt?: Date }) {
  const sub = sql`WITH RECURSIVE sub AS (SELECT id FROM orgs WHERE id = ${rootId} UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id)`;
  const where = q.overdueAt ? sql`l.org_id IN (SELECT id FROM sub) AND l.status <> 'closed' AND l.due_at < ${q.overdueAt}` : sql`l.org_id IN (SELECT id FROM sub) AND l.status <> 'closed'`;
  return Promise.all([
    sql`${sub}
      SELECT l.*, o.code AS org_code, o.name AS org_name, o.path AS org_path, op.code AS opened_code
      FROM card_leads l JOIN orgs o ON o.id = l.org_id LEFT JOIN orgs op ON op.id = l.opened_at_org_id
      WHERE ${where} ORDER BY l.due_at, l.id LIMIT 50 OFFSET 0`.execute(db),
    sql<{ n: string }>`${sub} SELECT count(*) AS n FROM card_leads l JOIN orgs o ON o.id = l.org_id LEFT JOIN orgs op ON op.id = l.opened_at_org_id WHERE ${where}`.execute(db),
  ]);
}

export interface Ranked {
  code: string;
  name: string;
  institution: string;
  leads: number;
  closed: number;
  punished: number;
}

/** The ranking the obvious way: load the period's leads with an opener and count per branch in JS. */
export async function rankingInJs(db: Kysely<DB>, kind: 'bank' | 'operator', from: Date, to: Date, limit: number): Promise<Ranked[]> {
  const orgs = await db.selectFrom('orgs').select(['id', 'code', 'name', 'kind', 'path']).execute();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const rows = await db
    .selectFrom('card_leads')
    .select(['opened_at_org_id', 'status', 'outcome'])
    .where('source', 'in', ['case', 'ministry'])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('opened_at_org_id', 'is not', null)
    .execute();
  const cells = new Map<number, Ranked>();
  for (const r of rows) {
    if (r.outcome === 'struck_off' || r.opened_at_org_id === null) continue;
    let c = cells.get(r.opened_at_org_id);
    if (!c) {
      const o = byId.get(r.opened_at_org_id);
      const inst = byId.get(Number(o?.path.split('/')[2] ?? 0));
      if (!o || !inst || inst.kind !== kind) continue;
      c = { code: o.code, name: o.name, institution: inst.name, leads: 0, closed: 0, punished: 0 };
      cells.set(r.opened_at_org_id, c);
    }
    c.leads++;
    if (r.status === 'closed') c.closed++;
    if (r.outcome === 'criminal' || r.outcome === 'administrative' || r.outcome === 'punishment_proposal') c.punished++;
  }
  return [...cells.values()].sort((a, b) => b.leads - a.leads || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).slice(0, limit);
}

/**
 * The ranking grouped from card_leads on every call, the way the product computed it before the day
 * counters: counted per opener id first, then the opener's institution found by parent_id.
 */
export async function rankingGroupedInSql(db: Kysely<DB>, kind: 'bank' | 'operator', from: Date, to: Date, limit: number): Promise<Ranked[]> {
  const res = await sql<Ranked>`
    SELECT o.code, o.name, inst.name AS institution, a.leads, a.closed, a.punished
    FROM (SELECT l.opened_at_org_id AS id, count(*)::int AS leads,
                 count(*) FILTER (WHERE l.status = 'closed')::int AS closed,
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

export function rotate<T>(xs: T[], i: number): T {
  const x = xs[i % xs.length];
  if (x === undefined) throw new Error('empty rotation');
  return x;
}

export interface ReadOpts {
  iterations: number;
  /** After 100 samples a slow product query stops at this budget (a 3 s query would otherwise take 10 min). */
  productBudgetMs: number;
  baselineBudgetMs: number;
  targetMs: number;
  /** EXPLAIN (ANALYZE, BUFFERS) the product's queries of every benchmark whose p95 misses the target. */
  explainMisses: boolean;
}

export async function benchLists(bench: BenchDb, who: Caller[], opts: ReadOpts): Promise<Compared[]> {
  const { deps } = bench;
  const now = deps.clock.now();
  const out: Compared[] = [];
  for (const [label, q, overdueAt] of [
    ['open leads', OPEN_PAGE, undefined],
    ['overdue leads', OVERDUE_PAGE, now],
  ] as const) {
    for (const c of who) {
      const first = await list(deps, rotate(c.scopes, 0), q);
      const product = await time(opts.iterations, (i) => list(deps, rotate(c.scopes, i), q), { budgetMs: opts.productBudgetMs, min: 100 });
      const baseline = await time(opts.iterations, (i) => listByRecursiveCte(deps.db, rotate(c.scopes, i).rootId, overdueAt ? { overdueAt } : {}), { budgetMs: opts.baselineBudgetMs });
      const name = `${c.name}${c.scopes.length > 1 ? ` (${c.scopes.length} in turn)` : ''}: list(${label}, page 1 of 50)`;
      out.push({ name, product, baselineName: 'same page query, scope as recursive CTE over parent_id; total counted through both orgs joins (as before)', baseline, sample: `${first.items.length} rows of ${first.total.toLocaleString('en')}` });
      if (opts.explainMisses && product.p95 >= opts.targetMs) printExplained(name, await explainCall(bench.url, deps, (d: Deps) => list(d, rotate(c.scopes, 0), q)));
    }
  }
  return out;
}

const sameRanking = (a: Ranked[], b: Ranked[]) => JSON.stringify(a) === JSON.stringify(b);
/** The ranking's own columns of the service's rows (without the action and notice it adds). */
const rankingOf = (items: Ranked[]): Ranked[] => items.map(({ code, name, institution, leads, closed, punished }) => ({ code, name, institution, leads, closed, punished }));

/** Where two rankings first part: the row of each at that place. */
function firstDifference(a: Ranked[], b: Ranked[]): string {
  const i = a.findIndex((r, k) => JSON.stringify(r) !== JSON.stringify(b[k]));
  const at = i < 0 ? Math.min(a.length, b.length) : i;
  return `${a.length} vs ${b.length} rows; first difference at ${at + 1}: ${JSON.stringify(a[at] ?? null)} vs ${JSON.stringify(b[at] ?? null)}`;
}

export async function benchRanking(bench: BenchDb, opts: ReadOpts): Promise<Compared[]> {
  const { deps } = bench;
  const now = deps.clock.now();
  // The default period: the 365 whole China-time days ending today (today so far included). The baselines
  // take it as times: China midnight of the first day up to just after now (no lead is later than now).
  const lastDay = localDay(now);
  const firstDay = addDays(lastDay, -364);
  const from = dayStart(firstDay);
  const to = new Date(now.getTime() + 1);
  const out: Compared[] = [];
  for (const kind of ['bank', 'operator'] as const) {
    const q = { kind, limit: 50 };
    const first = await accountability(deps, q);
    if (first.firstDay !== firstDay || first.lastDay !== lastDay) throw new Error(`${kind} ranking: default period ${first.firstDay} – ${first.lastDay}, expected ${firstDay} – ${lastDay}`);
    const product = rankingOf((await accountability(deps, { ...q, from: firstDay })).items);
    if (!sameRanking(product, rankingOf(first.items))) throw new Error(`${kind} ranking: accountability() with from=${firstDay} differs from its default period (${firstDifference(product, rankingOf(first.items))})`);
    // Each baseline must give the same ranking over the same days, or the comparison means nothing.
    const inSql = await rankingGroupedInSql(deps.db, kind, from, to, q.limit);
    if (!sameRanking(inSql, product)) throw new Error(`${kind} ranking: accountability() and the SQL grouping from card_leads disagree (${firstDifference(product, inSql)})`);
    const inJs = await rankingInJs(deps.db, kind, from, to, q.limit);
    if (!sameRanking(inJs, product)) throw new Error(`${kind} ranking: accountability() and the JS grouping disagree (${firstDifference(product, inJs)})`);

    const timed = await time(opts.iterations, () => accountability(deps, q), { budgetMs: opts.productBudgetMs, min: 100 });
    const groupedSql = await time(opts.iterations, () => rankingGroupedInSql(deps.db, kind, from, to, q.limit), { budgetMs: opts.baselineBudgetMs });
    const groupedJs = await time(opts.iterations, () => rankingInJs(deps.db, kind, from, to, q.limit), { budgetMs: opts.baselineBudgetMs });
    const top = product[0];
    const name = `accountability(${kind}, last 365 days, top 50)`;
    const sample = `${product.length} ${kind === 'bank' ? 'branches' : 'outlets'}, ${product.reduce((a, r) => a + r.leads, 0).toLocaleString('en')} leads; top ${top?.code ?? '–'} ${top?.leads.toLocaleString('en') ?? ''} (same ranking from all three)`;
    out.push({ name, product: timed, baselineName: 'same ranking grouped from card_leads in SQL per call (the query before the counters)', baseline: groupedSql, sample });
    out.push({ name, product: timed, baselineName: 'load the period’s leads with an opener, group in JS', baseline: groupedJs, sample });
    if (opts.explainMisses && timed.p95 >= opts.targetMs) printExplained(name, await explainCall(bench.url, deps, (d: Deps) => accountability(d, q)));
  }
  return out;
}
