/**
 * Proposed fixes for the queue, measured on the same data right after the product (then removed again):
 *  - index only: the product's own list() once a partial index on (due_at, id) of open warnings exists,
 *    so page 1 is read in deadline order instead of sorting every open warning;
 *  - rewritten: that index, plus the scope as `= ANY(ARRAY(subquery))` (an index condition on the
 *    queue and escalation indexes, where `IN (subquery) OR IN (subquery)` is a filter over every open
 *    warning) and the total counted without the joins to orgs that the page needs but a count does not.
 * Nothing here is product code: it shows what a migration and a changed query would buy.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../src/db/types.ts';
import type { Scope } from '../../src/modules/orgs/scope.ts';
import { list } from '../../src/modules/warnings/warnings.service.ts';
import { explainSql, printExplained } from './explain.ts';
import { OPEN_PAGE, queueCases, rotate } from './queues.ts';
import type { BenchDb } from './setup.ts';
import { time, type Timing } from './stats.ts';

export const CANDIDATE_INDEX = 'CREATE INDEX bench_candidate_open_due_idx ON warnings (due_at, id) WHERE status <> \'closed\'';

export interface Candidate {
  name: string;
  indexOnly: Timing;
  rewritten: Timing;
}

function scopeAny(scope: Scope): RawBuilder<unknown> {
  if (scope.everything) return sql`true`;
  const ids = sql`ARRAY(SELECT id FROM orgs WHERE path LIKE ${scope.rootPath.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'})`;
  return sql`(w.assigned_org_id = ANY(${ids}) OR w.escalated_org_id = ANY(${ids}))`;
}

function pageSql(scope: Scope) {
  return sql`
    SELECT w.id, w.external_id, w.source, w.level, w.status, w.overdue, w.victim_phone, w.victim_name, w.fraud_type, w.detected_at,
           w.received_at, w.due_at, w.assigned_org_id, w.escalation_level, w.visit_required, w.outcome, w.repeat_of_id,
           a.code AS assigned_org_code, a.name AS assigned_org_name, a.path AS assigned_org_path, e.code AS escalated_org_code
    FROM warnings w JOIN orgs a ON a.id = w.assigned_org_id LEFT JOIN orgs e ON e.id = w.escalated_org_id
    WHERE ${scopeAny(scope)} AND w.status <> 'closed' ORDER BY w.due_at, w.id LIMIT 50 OFFSET 0`;
}

function countSql(scope: Scope) {
  return sql<{ n: number }>`SELECT count(*)::int AS n FROM warnings w WHERE ${scopeAny(scope)} AND w.status <> 'closed'`;
}

function rewritten(db: Kysely<DB>, scope: Scope) {
  return Promise.all([pageSql(scope).execute(db), countSql(scope).execute(db)]);
}

export async function benchCandidates(bench: BenchDb, opts: { iterations: number; explain: boolean }): Promise<Candidate[]> {
  const { deps } = bench;
  const db = deps.db;
  const { cases } = await queueCases(bench);
  await sql.raw(CANDIDATE_INDEX).execute(db);
  await sql`ANALYZE warnings`.execute(db);
  try {
    const out: Candidate[] = [];
    for (const c of cases) {
      // A faster query that counts differently would prove nothing: totals must match the product's.
      const [expected, got] = await Promise.all([list(deps, rotate(c.scopes, 0), OPEN_PAGE), countSql(rotate(c.scopes, 0)).execute(db)]);
      if (expected.total !== got.rows[0]?.n) throw new Error(`candidate count ${got.rows[0]?.n} differs from list() total ${expected.total} for ${c.name}`);
      const indexOnly = await time(opts.iterations, (i) => list(deps, rotate(c.scopes, i), OPEN_PAGE));
      const rewrittenTiming = await time(opts.iterations, (i) => rewritten(db, rotate(c.scopes, i)));
      out.push({ name: c.name, indexOnly, rewritten: rewrittenTiming });
      if (opts.explain) {
        const p = pageSql(rotate(c.scopes, 0)).compile(db);
        const k = countSql(rotate(c.scopes, 0)).compile(db);
        printExplained(`candidate: ${c.name}`, [await explainSql(bench.url, p.sql, [...p.parameters]), await explainSql(bench.url, k.sql, [...k.parameters])]);
      }
    }
    return out;
  } finally {
    await sql`DROP INDEX IF EXISTS bench_candidate_open_due_idx`.execute(db);
  }
}
