import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import { orgIdIn } from '../orgs/scope.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** Days are China-time dates YYYY-MM-DD, both ends included; `orgIds` null means every unit. */
export interface Span {
  orgIds: number[] | null;
  firstDay: string;
  lastDay: string;
}

const addDay = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const nextMonth = (day: string) => {
  const d = new Date(Date.parse(`${day.slice(0, 7)}-01T00:00:00Z`));
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * The figure rows of a span: whole months from the month rollup (stat_months), the partial months at either
 * end from the day rows (stat_days). Columns: at (a day or a month's first day), org_id, metric, n.
 */
function rowsOf(span: Span, which: RawBuilder<unknown>) {
  // Whole months [wholeFrom, wholeTo): from the first 1st on or after firstDay to the last 1st after lastDay that ends a month.
  const wholeFrom = span.firstDay.endsWith('-01') ? span.firstDay : nextMonth(span.firstDay);
  const afterLast = addDay(span.lastDay, 1);
  const wholeTo = afterLast.endsWith('-01') ? afterLast : `${span.lastDay.slice(0, 7)}-01`;
  const orgs = orgIdIn(span.orgIds, 'org_id');
  if (wholeFrom >= wholeTo) {
    return sql`SELECT day AS at, org_id, metric, n FROM stat_days WHERE (${which}) AND day BETWEEN ${span.firstDay}::date AND ${span.lastDay}::date AND ${orgs}`;
  }
  return sql`
    SELECT month AS at, org_id, metric, n FROM stat_months WHERE (${which}) AND month >= ${wholeFrom}::date AND month < ${wholeTo}::date AND ${orgs}
    UNION ALL
    SELECT day, org_id, metric, n FROM stat_days
    WHERE (${which}) AND ((day >= ${span.firstDay}::date AND day < ${wholeFrom}::date) OR (day >= ${wholeTo}::date AND day <= ${span.lastDay}::date)) AND ${orgs}`;
}

function metricsWhere(metrics: readonly string[], prefixes: readonly string[] = []) {
  return sql.join([...(metrics.length ? [sql`metric = ANY(${[...metrics]}::text[])`] : []), ...prefixes.map((p) => sql`metric LIKE ${`${p}%`}`)], sql` OR `);
}

/** Sums of the given metrics (and of every metric under the given prefixes) over the span. */
export async function sums(db: Q, span: Span, metrics: readonly string[], prefixes: readonly string[] = []): Promise<Record<string, number>> {
  if (metrics.length === 0 && prefixes.length === 0) return {};
  const rows = await sql<{ metric: string; n: string }>`
    SELECT metric, sum(n)::text AS n FROM (${rowsOf(span, metricsWhere(metrics, prefixes))}) f GROUP BY metric`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.metric, Number(r.n)]));
}

/** Monthly sums of the given metrics over the span (months as YYYY-MM). */
export async function monthly(db: Q, span: Span, metrics: readonly string[]): Promise<{ month: string; metric: string; n: number }[]> {
  const rows = await sql<{ month: string; metric: string; n: string }>`
    SELECT to_char(date_trunc('month', at), 'YYYY-MM') AS month, metric, sum(n)::text AS n FROM (${rowsOf(span, metricsWhere(metrics))}) f
    GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
  return rows.rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/**
 * Sums per unit directly under `root` (each with its whole subtree), and for what `root` itself holds (本级,
 * code null): the heat table of the dashboard.
 */
export async function byChild(db: Q, root: { id: number; path: string }, firstDay: string, lastDay: string, metrics: readonly string[]): Promise<{ code: string | null; metric: string; n: number }[]> {
  const rows = await sql<{ code: string | null; metric: string; n: string }>`
    WITH figures AS (
      SELECT s.org_id, s.metric, sum(s.n) AS n FROM (${rowsOf({ orgIds: null, firstDay, lastDay }, metricsWhere(metrics))}) s
      WHERE s.org_id = ANY(ARRAY(SELECT id FROM orgs WHERE starts_with(path, ${root.path})))
      GROUP BY 1, 2)
    SELECT CASE WHEN f.org_id = ${root.id} THEN NULL ELSE child.code END AS code, f.metric, sum(f.n)::text AS n
    FROM figures f
    JOIN orgs o ON o.id = f.org_id
    LEFT JOIN orgs child ON child.parent_id = ${root.id} AND starts_with(o.path, child.path)
    GROUP BY 1, 2`.execute(db);
  return rows.rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/**
 * Figures from outside for the units: criminal cases summed over the months the span touches; population
 * and app registrations as the latest month up to the span's end, per unit, summed over units.
 */
export async function refs(db: Q, span: Span): Promise<{ criminalCases: number | null; population: number | null; appRegistered: number | null }> {
  const rows = await sql<{ key: string; n: string | null }>`
    SELECT 'criminal_cases' AS key, sum(value)::text AS n FROM reference_figures
    WHERE key = 'criminal_cases' AND month BETWEEN date_trunc('month', ${span.firstDay}::date) AND ${span.lastDay}::date AND ${orgIdIn(span.orgIds, 'org_id')}
    UNION ALL
    SELECT key, sum(value)::text FROM (
      SELECT DISTINCT ON (org_id, key) key, value FROM reference_figures
      WHERE key IN ('population_16_60', 'app_registered') AND month <= ${span.lastDay}::date AND ${orgIdIn(span.orgIds, 'org_id')}
      ORDER BY org_id, key, month DESC) latest
    GROUP BY key`.execute(db);
  const of = (k: string) => {
    const v = rows.rows.find((r) => r.key === k)?.n;
    return v === null || v === undefined ? null : Number(v);
  };
  return { criminalCases: of('criminal_cases'), population: of('population_16_60'), appRegistered: of('app_registered') };
}

export async function rebuild(db: Q): Promise<void> {
  await sql`SELECT stat_days_rebuild()`.execute(db);
}
