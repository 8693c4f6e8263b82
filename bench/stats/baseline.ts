/**
 * The baseline: the dashboard's figures computed straight from the records, with no `stat_days`. The same
 * spans (the period, 同比, 环比, the 12-month trend) and units, and the same formulas (kpis.ts) applied to sums
 * that plain SQL aggregates take over warnings, cases, stop_payments, freezes, money_returns/return_shares and
 * card_leads. The queries run in parallel on the pool, as the dashboard's do. A China-time day span is the
 * timestamp range [first day 00:00 +08, day after the last 00:00 +08), which the existing
 * `(received_at, …)`/`(reported_at, …)` indexes can serve; the other event times have no index.
 * Reference figures are read by the product's own query (there is no base table for them).
 *
 * `compareFigures` checks that the result equals `figuresOf()` field by field and throws naming the KPI.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../src/db/types.ts';
import { addDays, dayStart } from '../../src/lib/periods.ts';
import { orgIdsInScope, type Scope } from '../../src/modules/orgs/scope.ts';
import { evaluate, KPI_BY_ID, KPIS, type KpiId, type Refs, type Sums } from '../../src/modules/stats/kpis.ts';
import { lastYearOf, previousOf, trendMonths, type Days } from '../../src/modules/stats/periods.ts';
import * as repo from '../../src/modules/stats/stats.repo.ts';

export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: string;
  path: string;
}

// The dashboard's KPI lists (src/modules/stats/stats.service.ts); the comparison fails if they drift.
const HEADLINE: readonly KpiId[] = KPIS.map((k) => k.id);
const TREND: readonly KpiId[] = ['cases_reported', 'loss', 'cases_solved', 'suspects_arrested', 'dissuasion_rate', 'stopped_amount', 'frozen_amount', 'returned_amount'];
const UNITS: readonly KpiId[] = ['cases_reported', 'loss', 'cases_solved', 'solve_rate', 'warnings_received', 'dissuasion_rate', 'feedback_on_time_rate', 'stopped_amount'];
const NO_REFS: Refs = { criminalCases: null, population: null, appRegistered: null };

const round = (v: number | null, unit: string) => (v === null ? null : unit === 'yuan' ? Math.round(v * 100) / 100 : unit === 'rate' ? Math.round(v * 10_000) / 10_000 : v);

function family(s: Sums, prefix: string) {
  const items = Object.entries(s)
    .filter(([k]) => k.startsWith(prefix))
    .map(([k, n]) => ({ key: k.slice(prefix.length), n }))
    .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  const total = items.reduce((a, x) => a + x.n, 0);
  return items.map((x) => ({ ...x, share: total ? Math.round((x.n / total) * 10_000) / 10_000 : 0 }));
}

const orgIn = (ids: number[] | null, col: string): RawBuilder<unknown> => (ids === null ? sql`true` : sql`${sql.ref(col)} = ANY(${ids}::int8[])`);
const bounds = (d: Days) => ({ lo: dayStart(d.firstDay), hi: dayStart(addDays(d.lastDay, 1)) });
const inSpan = (col: string, d: Days): RawBuilder<unknown> => {
  const { lo, hi } = bounds(d);
  return sql`${sql.ref(col)} >= ${lo} AND ${sql.ref(col)} < ${hi}`;
};
const month = (col: string) => sql`to_char(${sql.ref(col)} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
const PUNISHABLE = sql`('criminal', 'administrative', 'punishment_proposal')`;

type Row = { metric: string; n: string };
const toSums = (rows: Row[]): Record<string, number> => Object.fromEntries(rows.map((r) => [r.metric, Number(r.n)]));

/** Warning metrics over a span: one pass over the span's warnings. */
async function warningSums(db: Kysely<DB>, ids: number[] | null, d: Days): Promise<Record<string, number>> {
  const rows = await sql<Row>`
    SELECT v.metric, v.n::text AS n FROM (
      SELECT count(*) AS received, count(*) FILTER (WHERE status = 'closed') AS closed,
             count(*) FILTER (WHERE status = 'closed' AND outcome = 'dissuaded') AS dissuaded,
             count(*) FILTER (WHERE status = 'closed' AND outcome = 'defrauded') AS defrauded,
             count(*) FILTER (WHERE status = 'closed' AND outcome = 'refused') AS refused,
             count(*) FILTER (WHERE status = 'closed' AND outcome = 'unreachable') AS unreachable,
             count(*) FILTER (WHERE status = 'closed' AND closed_at <= due_at) AS on_time
      FROM warnings WHERE ${inSpan('received_at', d)} AND ${orgIn(ids, 'assigned_org_id')}) w
    CROSS JOIN LATERAL (VALUES ('w.received', w.received), ('w.closed', w.closed), ('w.outcome.dissuaded', w.dissuaded), ('w.outcome.defrauded', w.defrauded),
                               ('w.outcome.refused', w.refused), ('w.outcome.unreachable', w.unreachable), ('w.closed_on_time', w.on_time)) v(metric, n)`.execute(db);
  return toSums(rows.rows);
}

/** Case, money and lead metrics over a span: one aggregate per record kind and event. */
async function otherSums(db: Kysely<DB>, ids: number[] | null, d: Days): Promise<Record<string, number>> {
  const rows = await sql<Row>`
    WITH c AS (SELECT count(*) AS reported, coalesce(sum(loss_amount), 0) AS loss FROM cases
               WHERE status <> 'withdrawn' AND ${inSpan('reported_at', d)} AND ${orgIn(ids, 'org_id')}),
         s AS (SELECT count(*) AS solved, coalesce(sum(suspects_arrested), 0) AS arrested FROM cases
               WHERE status <> 'withdrawn' AND ${inSpan('solved_at', d)} AND ${orgIn(ids, 'org_id')}),
         p AS (SELECT coalesce(sum(suspects_prosecuted), 0) AS prosecuted FROM cases
               WHERE status <> 'withdrawn' AND ${inSpan('prosecuted_at', d)} AND ${orgIn(ids, 'org_id')}),
         sp AS (SELECT coalesce(sum(sp.stopped_amount), 0) AS stopped FROM stop_payments sp JOIN cases c ON c.id = sp.case_id
                WHERE sp.stopped_amount > 0 AND ${inSpan('sp.responded_at', d)} AND ${orgIn(ids, 'c.org_id')}),
         f AS (SELECT coalesce(sum(f.frozen_amount), 0) AS frozen FROM freezes f JOIN cases c ON c.id = f.case_id
               WHERE f.frozen_amount > 0 AND ${inSpan('f.frozen_at', d)} AND ${orgIn(ids, 'c.org_id')}),
         r AS (SELECT coalesce(sum(rs.amount), 0) AS returned FROM money_returns r JOIN return_shares rs ON rs.return_id = r.id JOIN cases c ON c.id = rs.case_id
               WHERE r.status = 'paid' AND ${inSpan('r.paid_at', d)} AND ${orgIn(ids, 'c.org_id')}),
         l AS (SELECT count(*) AS closed, count(*) FILTER (WHERE outcome IN ${PUNISHABLE}) AS punishable FROM card_leads
               WHERE ${inSpan('closed_at', d)} AND ${orgIn(ids, 'org_id')})
    SELECT v.metric, v.n::text AS n FROM c, s, p, sp, f, r, l
    CROSS JOIN LATERAL (VALUES ('c.reported', c.reported::numeric), ('c.loss', c.loss), ('c.solved', s.solved), ('c.arrested', s.arrested),
                               ('c.prosecuted', p.prosecuted), ('m.stopped', sp.stopped), ('m.frozen', f.frozen), ('m.returned', r.returned),
                               ('l.closed', l.closed), ('l.punishable', l.punishable)) v(metric, n)`.execute(db);
  return toSums(rows.rows);
}

/** The fraud-type mix and victims' profile of the span's cases (age bands as in docs/kpis.md). */
async function familySums(db: Kysely<DB>, ids: number[] | null, d: Days): Promise<Record<string, number>> {
  const rows = await sql<Row>`
    SELECT CASE WHEN GROUPING(t) = 0 THEN 'c.type.' || t WHEN GROUPING(a) = 0 THEN 'c.age.' || a ELSE 'c.occupation.' || o END AS metric, count(*)::text AS n
    FROM (SELECT coalesce(fraud_type, 'unclassified') AS t,
                 CASE WHEN victim_age IS NULL THEN 'unknown' WHEN victim_age < 18 THEN '0-17' WHEN victim_age < 26 THEN '18-25' WHEN victim_age < 36 THEN '26-35'
                      WHEN victim_age < 46 THEN '36-45' WHEN victim_age < 61 THEN '46-60' ELSE '61+' END AS a,
                 coalesce(nullif(btrim(victim_occupation), ''), 'unknown') AS o
          FROM cases WHERE status <> 'withdrawn' AND ${inSpan('reported_at', d)} AND ${orgIn(ids, 'org_id')}) x
    GROUP BY GROUPING SETS ((t), (a), (o))`.execute(db);
  return toSums(rows.rows);
}

/** Month by month over the trend's span (China-time months). */
async function monthlySums(db: Kysely<DB>, ids: number[] | null, d: Days): Promise<{ month: string; metric: string; n: number }[]> {
  const [w, o] = await Promise.all([
    sql<{ month: string; metric: string; n: string }>`
      SELECT x.month, v.metric, v.n::text AS n FROM (
        SELECT ${month('received_at')} AS month,
               count(*) FILTER (WHERE status = 'closed' AND outcome = 'dissuaded') AS dissuaded,
               count(*) FILTER (WHERE status = 'closed' AND outcome = 'defrauded') AS defrauded,
               count(*) FILTER (WHERE status = 'closed' AND outcome = 'refused') AS refused,
               count(*) FILTER (WHERE status = 'closed' AND outcome = 'unreachable') AS unreachable
        FROM warnings WHERE ${inSpan('received_at', d)} AND ${orgIn(ids, 'assigned_org_id')} GROUP BY 1) x
      CROSS JOIN LATERAL (VALUES ('w.outcome.dissuaded', x.dissuaded), ('w.outcome.defrauded', x.defrauded), ('w.outcome.refused', x.refused),
                                 ('w.outcome.unreachable', x.unreachable)) v(metric, n)`.execute(db),
    sql<{ month: string; metric: string; n: string }>`
      SELECT x.month, v.metric, v.n::text AS n FROM (
        SELECT ${month('reported_at')} AS month, count(*)::numeric AS a, sum(loss_amount) AS b FROM cases
        WHERE status <> 'withdrawn' AND ${inSpan('reported_at', d)} AND ${orgIn(ids, 'org_id')} GROUP BY 1) x
      CROSS JOIN LATERAL (VALUES ('c.reported', x.a), ('c.loss', x.b)) v(metric, n)
      UNION ALL
      SELECT x.month, v.metric, v.n::text FROM (
        SELECT ${month('solved_at')} AS month, count(*)::numeric AS a, sum(suspects_arrested)::numeric AS b FROM cases
        WHERE status <> 'withdrawn' AND ${inSpan('solved_at', d)} AND ${orgIn(ids, 'org_id')} GROUP BY 1) x
      CROSS JOIN LATERAL (VALUES ('c.solved', x.a), ('c.arrested', x.b)) v(metric, n)
      UNION ALL
      SELECT ${month('sp.responded_at')}, 'm.stopped', sum(sp.stopped_amount)::text FROM stop_payments sp JOIN cases c ON c.id = sp.case_id
      WHERE sp.stopped_amount > 0 AND ${inSpan('sp.responded_at', d)} AND ${orgIn(ids, 'c.org_id')} GROUP BY 1
      UNION ALL
      SELECT ${month('f.frozen_at')}, 'm.frozen', sum(f.frozen_amount)::text FROM freezes f JOIN cases c ON c.id = f.case_id
      WHERE f.frozen_amount > 0 AND ${inSpan('f.frozen_at', d)} AND ${orgIn(ids, 'c.org_id')} GROUP BY 1
      UNION ALL
      SELECT ${month('r.paid_at')}, 'm.returned', sum(rs.amount)::text FROM money_returns r JOIN return_shares rs ON rs.return_id = r.id JOIN cases c ON c.id = rs.case_id
      WHERE r.status = 'paid' AND ${inSpan('r.paid_at', d)} AND ${orgIn(ids, 'c.org_id')} GROUP BY 1`.execute(db),
  ]);
  return [...w.rows, ...o.rows].map((r) => ({ ...r, n: Number(r.n) }));
}

/** The per-unit table: each record's unit mapped to the child of `root` whose subtree holds it (null: root itself). */
async function childSums(db: Kysely<DB>, root: Unit, ids: number[] | null, d: Days): Promise<{ code: string | null; metric: string; n: number }[]> {
  const rows = await sql<{ code: string | null; metric: string; n: string }>`
    WITH sub AS (
      SELECT o.id, CASE WHEN o.id = ${root.id} THEN NULL ELSE child.code END AS code
      FROM orgs o LEFT JOIN orgs child ON child.parent_id = ${root.id} AND starts_with(o.path, child.path)
      WHERE starts_with(o.path, ${root.path})),
    per_org AS (
      SELECT x.org_id, v.metric, v.n FROM (
        SELECT assigned_org_id AS org_id, count(*)::numeric AS received, count(*) FILTER (WHERE status = 'closed')::numeric AS closed,
               count(*) FILTER (WHERE status = 'closed' AND outcome = 'dissuaded')::numeric AS dissuaded,
               count(*) FILTER (WHERE status = 'closed' AND outcome = 'defrauded')::numeric AS defrauded,
               count(*) FILTER (WHERE status = 'closed' AND outcome = 'refused')::numeric AS refused,
               count(*) FILTER (WHERE status = 'closed' AND outcome = 'unreachable')::numeric AS unreachable,
               count(*) FILTER (WHERE status = 'closed' AND closed_at <= due_at)::numeric AS on_time
        FROM warnings WHERE ${inSpan('received_at', d)} AND ${orgIn(ids, 'assigned_org_id')} GROUP BY 1) x
      CROSS JOIN LATERAL (VALUES ('w.received', x.received), ('w.closed', x.closed), ('w.outcome.dissuaded', x.dissuaded), ('w.outcome.defrauded', x.defrauded),
                                 ('w.outcome.refused', x.refused), ('w.outcome.unreachable', x.unreachable), ('w.closed_on_time', x.on_time)) v(metric, n)
      UNION ALL
      SELECT x.org_id, v.metric, v.n FROM (
        SELECT org_id, count(*)::numeric AS a, sum(loss_amount) AS b FROM cases
        WHERE status <> 'withdrawn' AND ${inSpan('reported_at', d)} AND ${orgIn(ids, 'org_id')} GROUP BY 1) x
      CROSS JOIN LATERAL (VALUES ('c.reported', x.a), ('c.loss', x.b)) v(metric, n)
      UNION ALL
      SELECT org_id, 'c.solved', count(*) FROM cases WHERE status <> 'withdrawn' AND ${inSpan('solved_at', d)} AND ${orgIn(ids, 'org_id')} GROUP BY 1
      UNION ALL
      SELECT c.org_id, 'm.stopped', sum(sp.stopped_amount) FROM stop_payments sp JOIN cases c ON c.id = sp.case_id
      WHERE sp.stopped_amount > 0 AND ${inSpan('sp.responded_at', d)} AND ${orgIn(ids, 'c.org_id')} GROUP BY 1)
    SELECT sub.code, p.metric, sum(p.n)::text AS n FROM per_org p JOIN sub ON sub.id = p.org_id GROUP BY 1, 2 HAVING sum(p.n) <> 0`.execute(db);
  return rows.rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Where the sums come from: the base tables here, a prototype rollup in rollup.ts. */
export interface Source {
  /** Sums over a span of the headline metrics (and with `families`, of the fraud-type and victim families). */
  span(db: Kysely<DB>, ids: number[] | null, d: Days, families: boolean): Promise<Record<string, number>>;
  monthly(db: Kysely<DB>, ids: number[] | null, d: Days): Promise<{ month: string; metric: string; n: number }[]>;
  child(db: Kysely<DB>, root: Unit, ids: number[] | null, d: Days): Promise<{ code: string | null; metric: string; n: number }[]>;
}

export const baseTables: Source = {
  span: async (db, ids, d, families) => {
    const [w, o, f] = await Promise.all([warningSums(db, ids, d), otherSums(db, ids, d), families ? familySums(db, ids, d) : {}]);
    return { ...w, ...o, ...f };
  },
  monthly: monthlySums,
  child: childSums,
};

/** Everything `figuresOf()` returns, assembled the same way from another source of sums. */
export async function assemble(db: Kysely<DB>, org: Unit, period: Days, src: Source) {
  const unitScope: Scope = { rootId: org.id, rootCode: org.code, rootPath: org.path, rootKind: org.kind as Scope['rootKind'], everything: org.path.split('/').filter(Boolean).length === 1, partner: false };
  const ids = await orgIdsInScope(db, unitScope);
  const trend = trendMonths(period);
  const spanOf = async (d: Days, families: boolean) => {
    const [s, r] = await Promise.all([src.span(db, ids, d, families), repo.refs(db, { orgIds: ids, ...d })]);
    return { s, r };
  };
  const [now, lastYear, previous, monthly, units, children] = await Promise.all([
    spanOf(period, true),
    spanOf(lastYearOf(period), false),
    spanOf(previousOf(period), false),
    src.monthly(db, ids, trend.span),
    src.child(db, org, ids, period),
    db.selectFrom('orgs').select(['code', 'name', 'kind']).where('parent_id', '=', org.id).where('active', '=', true).where('kind', 'in', ['county', 'station', 'township', 'grid']).orderBy('code').execute(),
  ]);
  const kpis = HEADLINE.map((id) => {
    const def = KPI_BY_ID.get(id);
    if (!def) throw new Error(`no KPI ${id}`);
    const c = evaluate(def, now, lastYear, previous);
    return { id, unit: def.unit, better: def.better, value: round(c.value, def.unit), lastYear: round(c.lastYear, def.unit), previous: round(c.previous, def.unit), yoy: c.yoy === null ? null : Math.round(c.yoy * 10_000) / 10_000, mom: c.mom === null ? null : Math.round(c.mom * 10_000) / 10_000, yoyGood: c.yoyGood };
  });
  const perMonth = new Map<string, Record<string, number>>();
  for (const r of monthly) perMonth.set(r.month, { ...(perMonth.get(r.month) ?? {}), [r.metric]: (perMonth.get(r.month)?.[r.metric] ?? 0) + r.n });
  const series = Object.fromEntries(TREND.map((id) => [id, trend.months.map((mo) => round(KPI_BY_ID.get(id)?.compute(perMonth.get(mo) ?? {}, NO_REFS) ?? null, KPI_BY_ID.get(id)?.unit ?? 'count'))]));
  const perUnit = new Map<string | null, Record<string, number>>();
  for (const r of units) perUnit.set(r.code, { ...(perUnit.get(r.code) ?? {}), [r.metric]: r.n });
  const unitRow = (sums: Sums) => Object.fromEntries(UNITS.map((id) => [id, round(KPI_BY_ID.get(id)?.compute(sums, NO_REFS) ?? null, KPI_BY_ID.get(id)?.unit ?? 'count')]));
  return {
    kpis,
    trend: { months: trend.months, series },
    fraudTypes: family(now.s, 'c.type.'),
    victims: { age: family(now.s, 'c.age.'), occupation: family(now.s, 'c.occupation.') },
    units: [...children.map((c) => ({ code: c.code as string | null, name: c.name, kpis: unitRow(perUnit.get(c.code) ?? {}) })), ...(perUnit.has(null) ? [{ code: null, name: org.name, kpis: unitRow(perUnit.get(null) ?? {}) }] : [])],
  };
}

/** Everything `figuresOf()` returns, from the base tables. */
export const baselineFigures = (db: Kysely<DB>, org: Unit, period: Days) => assemble(db, org, period, baseTables);

/** Differences between two JSON-like values, each as a path naming the KPI (or item) and both values. */
function diff(a: unknown, b: unknown, path: string, out: string[], other: string): void {
  if (out.length >= 10) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: ${a.length} items on the dashboard, ${b.length} from ${other}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const item = a[i] as Record<string, unknown> | null;
      const label = item && typeof item === 'object' ? (item.id ?? item.code ?? item.key ?? i) : i;
      diff(a[i], b[i], `${path}[${String(label)}]`, out, other);
    }
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = a as Record<string, unknown>;
    const kb = b as Record<string, unknown>;
    for (const k of new Set([...Object.keys(ka), ...Object.keys(kb)])) diff(ka[k], kb[k], path ? `${path}.${k}` : k, out, other);
    return;
  }
  if (a !== b) out.push(`${path}: dashboard ${JSON.stringify(a)}, ${other} ${JSON.stringify(b)}`);
}

/** Throws unless the base-table figures equal the dashboard's (KPIs, trend, mix, profile, per-unit table). */
export function compareFigures(what: string, dashboard: Record<string, unknown>, base: Awaited<ReturnType<typeof assemble>>, other = 'base tables'): void {
  const out: string[] = [];
  for (const k of ['kpis', 'trend', 'fraudTypes', 'victims', 'units'] as const) diff(dashboard[k], base[k], k, out, other);
  if (out.length) throw new Error(`${what}: the dashboard and the ${other} disagree:\n  ${out.join('\n  ')}`);
}
