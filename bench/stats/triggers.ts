/**
 * The triggers at scale: after the bulk load (triggers off, then a rebuild) a day's worth of changes goes
 * through the `stat_days` triggers, committed, of every kind the triggers handle: new warnings, closes,
 * warnings passed to another unit, deletions; cases solved, prosecuted, withdrawn, reclassified and moved;
 * moved to another unit (with their money figures); stop-payments answered; freezes; returns paid; leads closed
 * and deleted. Then the kept day figures are compared with a full recount (`stat_days_rebuild()` inside a
 * transaction that is rolled back), the kept month figures with the day figures regrouped, and the run
 * compares the dashboards with the base tables once more.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../src/db/types.ts';

export interface RecountDiff {
  kept: number;
  recounted: number;
  zeroRows: number;
  differing: number;
  examples: string[];
}

/** Kept figures against a recount (zero rows ignored: a rebuild leaves none, the triggers may). */
export async function recountDiff(db: Kysely<DB>): Promise<RecountDiff> {
  return db
    .transaction()
    .execute(async (trx) => {
      await sql`CREATE TEMP TABLE kept ON COMMIT DROP AS SELECT day, org_id, metric, n FROM stat_days`.execute(trx);
      await sql`SELECT stat_days_rebuild()`.execute(trx);
      const r = await sql<{ kept: number; recounted: number; zero_rows: number; differing: number; examples: string[] | null }>`
        WITH d AS (
          SELECT coalesce(k.day, s.day) AS day, coalesce(k.org_id, s.org_id) AS org_id, coalesce(k.metric, s.metric) AS metric, k.n AS kept, s.n AS recounted
          FROM (SELECT * FROM kept WHERE n <> 0) k FULL JOIN stat_days s USING (day, org_id, metric)
          WHERE k.n IS DISTINCT FROM s.n)
        SELECT (SELECT count(*) FROM kept WHERE n <> 0)::int AS kept, (SELECT count(*) FROM stat_days)::int AS recounted,
               (SELECT count(*) FROM kept WHERE n = 0)::int AS zero_rows, (SELECT count(*) FROM d)::int AS differing,
               (SELECT array_agg(x) FROM (SELECT day || ' org ' || org_id || ' ' || metric || ': kept ' || coalesce(kept::text, '–') || ', recount ' || coalesce(recounted::text, '–') AS x FROM d ORDER BY day, org_id, metric LIMIT 5) e) AS examples`.execute(trx);
      const row = r.rows[0];
      throw new Result({ kept: row?.kept ?? 0, recounted: row?.recounted ?? 0, zeroRows: row?.zero_rows ?? 0, differing: row?.differing ?? 0, examples: row?.examples ?? [] });
    })
    .catch((e: unknown) => {
      if (e instanceof Result) return e.value;
      throw e;
    });
}

class Result extends Error {
  constructor(readonly value: RecountDiff) {
    super('rolled back');
  }
}

/** A day of changes through the triggers, committed; returns the rows each statement touched. */
export async function applyChanges(db: Kysely<DB>, now: Date): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  const run = async (name: string, q: RawBuilder<unknown>) => {
    const r = await q.execute(db);
    done[name] = Number(r.numAffectedRows ?? r.rows.length);
  };
  const units = sql`(SELECT array_agg(id ORDER BY id) FROM orgs WHERE kind IN ('station', 'township', 'county'))`;
  await run(
    'warnings inserted',
    sql`INSERT INTO warnings (source, external_id, level, status, victim_phone, region_code, detected_at, received_at, due_at, assigned_org_id, routed_via, closed_at, outcome, created_at, updated_at)
        SELECT 'trigger-check', 'T' || g, 'high', CASE WHEN g % 3 = 0 THEN 'closed' ELSE 'dispatched' END, '13900000000', NULL,
               ${now}::timestamptz - interval '1 minute' * g, ${now}::timestamptz - interval '1 minute' * (g % 1440), ${now}::timestamptz - interval '1 minute' * (g % 1440) + interval '6 hours',
               o.id, 'keyword', CASE WHEN g % 3 = 0 THEN ${now}::timestamptz END, CASE WHEN g % 3 = 0 THEN 'dissuaded' END, ${now}, ${now}
        FROM generate_series(1, 20000) g JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS i, id FROM orgs WHERE kind IN ('station', 'township', 'grid')) o
          ON o.i = g % (SELECT count(*) FROM orgs WHERE kind IN ('station', 'township', 'grid'))`,
  );
  await run(
    'warnings closed',
    sql`UPDATE warnings SET status = 'closed', closed_at = ${now}, updated_at = ${now}, outcome = (ARRAY['dissuaded','unreachable','refused','defrauded','false_positive'])[1 + id % 5]
        WHERE status <> 'closed' AND id % 4 = 0`,
  );
  await run('warnings passed to another unit', sql`UPDATE warnings SET assigned_org_id = (${units})[1 + (id % 37)::int], updated_at = ${now} WHERE id % 101 = 0`);
  await run('warnings reopened', sql`UPDATE warnings SET status = 'in_progress', closed_at = NULL, outcome = NULL WHERE status = 'closed' AND id % 997 = 0`);
  // An index on the unindexed self-reference for the delete's foreign-key checks only (see writes.ts).
  await sql`CREATE INDEX bench_warnings_repeat_idx ON warnings (repeat_of_id)`.execute(db);
  await run('warnings deleted', sql`DELETE FROM warnings WHERE id % 1009 = 0 AND id NOT IN (SELECT warning_id FROM cases WHERE warning_id IS NOT NULL)`);
  await sql`DROP INDEX bench_warnings_repeat_idx`.execute(db);
  await run(
    'cases solved',
    sql`UPDATE cases SET status = 'solved', solved_at = ${now}::timestamptz - interval '1 hour' * (id % 48), suspects_arrested = 1 + id % 3, last_progress_at = ${now}, updated_at = ${now}
        WHERE status IN ('filed', 'investigating') AND id % 11 = 0`,
  );
  await run(
    'cases prosecuted',
    sql`UPDATE cases SET status = 'prosecuted', prosecuted_at = ${now}, suspects_prosecuted = greatest(1, suspects_arrested), updated_at = ${now}
        WHERE status = 'solved' AND id % 7 = 0`,
  );
  await run('cases withdrawn', sql`UPDATE cases SET status = 'withdrawn', closed_at = ${now}, updated_at = ${now} WHERE status <> 'withdrawn' AND id % 211 = 0`);
  await run('cases reclassified', sql`UPDATE cases SET fraud_type = '冒充公检法', victim_occupation = '退休人员', victim_age = 67, loss_amount = loss_amount + 100, updated_at = ${now} WHERE id % 53 = 0`);
  await run('cases moved to another unit', sql`UPDATE cases c SET org_id = (${units})[1 + (id % 29)::int], updated_at = ${now} WHERE id % 59 = 0 AND org_id <> (${units})[1 + (id % 29)::int]`);
  await run(
    'of which with money figures',
    sql`SELECT 1 FROM cases c WHERE c.id % 59 = 0 AND (EXISTS (SELECT 1 FROM stop_payments s WHERE s.case_id = c.id AND s.stopped_amount > 0)
          OR EXISTS (SELECT 1 FROM freezes f WHERE f.case_id = c.id AND f.frozen_amount > 0) OR EXISTS (SELECT 1 FROM return_shares r WHERE r.case_id = c.id))`,
  );
  await run(
    'stop-payments answered',
    sql`UPDATE stop_payments SET status = 'stopped', responded_at = ${now}, stopped_amount = amount, expires_at = ${now}::timestamptz + interval '48 hours', updated_at = ${now}
        WHERE status = 'pending'`,
  );
  await run('stop-payments released', sql`UPDATE stop_payments SET status = 'released', stopped_amount = 0, updated_at = ${now} WHERE status = 'stopped' AND id % 17 = 0`);
  await run(
    'freezes inserted',
    sql`INSERT INTO freezes (case_id, account, bank, bank_org_id, stop_payment_id, document_no, kind, months, status, requested_at, frozen_at, frozen_amount, expires_at, created_at, updated_at)
        SELECT s.case_id, s.account, s.bank, s.bank_org_id, s.id, 'TC' || s.id, 'full', 6, 'frozen', ${now}, ${now}, s.stopped_amount, ${now}::timestamptz + interval '6 months', ${now}, ${now}
        FROM stop_payments s WHERE s.stopped_amount > 0 AND s.id % 2 = 1 AND s.id % 5 = 0
          AND NOT EXISTS (SELECT 1 FROM freezes f WHERE f.case_id = s.case_id AND f.account = s.account AND f.status IN ('requested', 'frozen'))`,
  );
  await run('freezes frozen', sql`UPDATE freezes SET status = 'frozen', frozen_at = ${now}, frozen_amount = 1000, updated_at = ${now} WHERE status = 'requested'`);
  await run('returns paid', sql`UPDATE money_returns SET status = 'paid', paid_at = ${now}, updated_at = ${now} WHERE status = 'approved'`);
  await run('returns cancelled', sql`UPDATE money_returns SET status = 'cancelled', updated_at = ${now} WHERE status = 'paid' AND id % 31 = 0`);
  await run(
    'leads closed',
    sql`UPDATE card_leads SET status = 'closed', outcome = (ARRAY['criminal','administrative','education','punishment_proposal','struck_off'])[1 + id % 5], closed_at = ${now}, updated_at = ${now}
        WHERE status <> 'closed' AND id % 3 = 0`,
  );
  await run('leads deleted', sql`DELETE FROM card_leads WHERE id % 997 = 0`);
  await sql`ANALYZE warnings, cases, stop_payments, freezes, money_returns, card_leads, stat_days`.execute(db);
  return done;
}

/** The kept month figures against the day figures regrouped (rows that differ, zero rows ignored). */
export async function monthsDiff(db: Kysely<DB>): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (SELECT * FROM stat_months WHERE n <> 0) m
    FULL JOIN (SELECT date_trunc('month', day)::date AS month, org_id, metric, sum(n) AS n FROM stat_days GROUP BY 1, 2, 3 HAVING sum(n) <> 0) d
      USING (month, org_id, metric)
    WHERE m.n IS DISTINCT FROM d.n`.execute(db);
  return r.rows[0]?.n ?? 0;
}
