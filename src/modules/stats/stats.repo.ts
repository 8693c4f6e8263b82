import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import { orgIdIn } from '../orgs/scope.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** Days are China-time dates YYYY-MM-DD, both ends included; `orgIds` null means every unit. */
export interface Span {
  orgIds: number[] | null;
  firstDay: string;
  lastDay: string;
}

/** Sums of the given metrics (and of every metric under the given prefixes) over the span. */
export async function sums(db: Q, span: Span, metrics: readonly string[], prefixes: readonly string[] = []): Promise<Record<string, number>> {
  if (metrics.length === 0 && prefixes.length === 0) return {};
  const which = [...(metrics.length ? [sql`metric = ANY(${[...metrics]}::text[])`] : []), ...prefixes.map((p) => sql`metric LIKE ${`${p}%`}`)];
  const rows = await sql<{ metric: string; n: string }>`
    SELECT metric, sum(n)::text AS n FROM stat_days
    WHERE (${sql.join(which, sql` OR `)}) AND day BETWEEN ${span.firstDay}::date AND ${span.lastDay}::date AND ${orgIdIn(span.orgIds, 'org_id')}
    GROUP BY metric`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.metric, Number(r.n)]));
}

/** Monthly sums of the given metrics over the span (months as YYYY-MM). */
export async function monthly(db: Q, span: Span, metrics: readonly string[]): Promise<{ month: string; metric: string; n: number }[]> {
  const rows = await sql<{ month: string; metric: string; n: string }>`
    SELECT to_char(date_trunc('month', day), 'YYYY-MM') AS month, metric, sum(n)::text AS n FROM stat_days
    WHERE metric = ANY(${[...metrics]}::text[]) AND day BETWEEN ${span.firstDay}::date AND ${span.lastDay}::date AND ${orgIdIn(span.orgIds, 'org_id')}
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
      SELECT s.org_id, s.metric, sum(s.n) AS n FROM stat_days s
      WHERE s.metric = ANY(${[...metrics]}::text[]) AND s.day BETWEEN ${firstDay}::date AND ${lastDay}::date
        AND s.org_id = ANY(ARRAY(SELECT id FROM orgs WHERE starts_with(path, ${root.path})))
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
