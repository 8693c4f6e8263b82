/**
 * A city year for the statistics benchmark, bulk-loaded by SQL with triggers off (as a restore would run),
 * then `stat_days_rebuild()` once:
 *  - warnings: the warnings benchmark's history loader (bench/warnings/load.ts): received over the past 365
 *    days across stations/townships (60 %), grids (35 %) and counties (5 %); 85 % closed with an outcome
 *    (about one in eight after its deadline), the rest open;
 *  - cases (here): reported evenly over the year at counties, stations and townships; the fraud-type mix of
 *    the demo; victims' ages (8 % unknown) and occupations (some blank); losses from 500 to 500,000 yuan;
 *    3 % withdrawn; older cases more often solved (with 0–4 suspects caught) and prosecuted;
 *  - stop-payments for 60 % of cases (1–3 accounts each, answered in every way, recent ones pending), freezes
 *    of half the stopped money, returns of part of the older freezes (70 % paid; 30 % shared pro rata with
 *    a second case);
 *  - two-card leads: the cards benchmark's loader (bench/cards/load.ts);
 *  - reference figures per county and month for two years (criminal cases, population, app registrations).
 * random() is seeded per statement, so a run is reproducible. `stat_days_rebuild()` recounts `stat_days`, and
 * `stat_months` follows by its trigger.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../src/db/types.ts';
import { FRAUD_MIX } from '../../src/demo/seed-warnings.ts';
import { loadLeads } from '../cards/load.ts';
import { loadHistory, targetsOf } from '../warnings/load.ts';
import type { BenchOrg } from '../warnings/setup.ts';
import { elapsed, log } from './stats.ts';

export interface Sizes {
  warnings: number;
  cases: number;
  leads: number;
}

export interface Loaded {
  ms: { warnings: number; cases: number; leads: number; refs: number; rebuild: number; total: number };
  counts: Record<string, number>;
  statDays: number;
}

const OCCUPATIONS = ['学生', '退休人员', '企业职工', '个体经营', '公职人员', '自由职业', '务农', '医务人员', '教师', '无业'];

/** Empties every table the statistics read (audit_log is append-only and not touched). */
export async function truncateAll(db: Kysely<DB>): Promise<void> {
  await sql`TRUNCATE warnings, cases, stop_payments, freezes, money_returns, return_shares, card_leads, reference_figures, stat_days, stat_months RESTART IDENTITY CASCADE`.execute(db);
}

async function withReplica(db: Kysely<DB>, seed: number, statements: RawBuilder<unknown>[]): Promise<void> {
  await db.connection().execute(async (conn) => {
    await sql`SELECT setseed(${seed})`.execute(conn);
    // Foreign-key and counter triggers off; every id below exists by construction.
    await sql`SET session_replication_role = replica`.execute(conn);
    try {
      for (const s of statements) await s.execute(conn);
    } finally {
      await sql`SET session_replication_role = DEFAULT`.execute(conn);
    }
  });
}

/** Cases, their stop-payments, freezes and returns. */
export async function loadCases(db: Kysely<DB>, count: number, now: Date): Promise<void> {
  // Cumulative weights of the fraud-type mix, for a CASE over one random draw.
  let acc = 0;
  const mix = FRAUD_MIX.map(([t, w]) => ({ t, upTo: (acc += w) }));
  const fraudType = sql.raw(`CASE ${mix.map((m) => `WHEN r3 < ${m.upTo.toFixed(4)} THEN '${m.t}'`).join(' ')} ELSE '其他' END`);
  const cases = sql`
    WITH units AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, region_code FROM orgs WHERE kind IN ('county', 'station', 'township') AND active),
         n AS (SELECT count(*) AS units FROM units),
         s AS (
           SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7, random() AS r8, random() AS r9, random() AS r10, random() AS r11,
                  ${now}::timestamptz - interval '365 days' * (1 - g::float8 / ${count}) - interval '1 second' * floor(random() * 7200) AS t
           FROM generate_series(1, ${count}::int) g OFFSET 0
         ),
         v AS (
           SELECT s.*, extract(epoch FROM ${now}::timestamptz - t) / 86400 AS age_days, floor(n.units * r9)::int AS unit_k
           FROM s CROSS JOIN n
         ),
         st AS (
           SELECT v.*,
                  CASE WHEN r1 < 0.03 THEN 'withdrawn'
                       WHEN r2 < 0.1 + 0.45 * least(1, age_days / 120) THEN CASE WHEN r4 < 0.55 AND age_days > 20 THEN 'prosecuted' ELSE 'solved' END
                       WHEN age_days < 2 THEN 'accepted' WHEN r4 < 0.5 THEN 'filed' ELSE 'investigating' END AS status
           FROM v
         ),
         x AS (
           SELECT st.*,
                  CASE WHEN status IN ('solved', 'prosecuted') THEN t + (${now}::timestamptz - t) * (0.15 + 0.5 * r5) END AS solved_at,
                  CASE WHEN status IN ('solved', 'prosecuted') THEN floor(r6 * 5)::int ELSE 0 END AS arrested
           FROM st
         )
    INSERT INTO cases (case_no, source, external_id, reported_at, received_at, region_code, org_id, status, fraud_type, fraud_type_source,
                       narrative, loss_amount, victim_name, victim_phone, victim_age, victim_occupation, last_progress_at, closed_at,
                       solved_at, prosecuted_at, suspects_arrested, suspects_prosecuted, created_at, updated_at)
    SELECT 'ST' || lpad(g::text, 12, '0'), 'bulk', g::text, t, t + interval '5 minutes', u.region_code, u.id, status,
           CASE WHEN r7 < 0.05 THEN NULL ELSE ${fraudType} END, CASE WHEN r7 < 0.05 THEN 'unclassified' ELSE 'given' END,
           '受害人被骗', round((500 * power(1000, r8))::numeric, 2), '受害人', '138' || lpad((g % 100000000)::text, 8, '0'),
           CASE WHEN r10 < 0.08 THEN NULL ELSE 12 + floor(70 * (r10 + r11) / 2)::int END,
           CASE WHEN r11 < 0.06 THEN NULL WHEN r11 < 0.08 THEN '  ' ELSE (${OCCUPATIONS}::text[])[1 + floor(r10 * ${OCCUPATIONS.length})::int] END,
           coalesce(solved_at, t), CASE WHEN status = 'withdrawn' THEN t + interval '2 days' END,
           solved_at, CASE WHEN status = 'prosecuted' THEN solved_at + (${now}::timestamptz - solved_at) * r7 END,
           arrested, CASE WHEN status = 'prosecuted' THEN least(arrested, 1 + floor(r8 * arrested)::int) ELSE 0 END,
           t, coalesce(solved_at, t)
    FROM x JOIN units u ON u.k = x.unit_k
    ORDER BY g`;
  const stops = sql`
    WITH banks AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, name FROM orgs WHERE kind = 'bank'),
         nb AS (SELECT count(*) AS n FROM banks),
         p AS (
           SELECT c.id AS case_id, c.loss_amount, c.reported_at, k, count(*) OVER (PARTITION BY c.id) AS accounts, random() AS r1, random() AS r2, random() AS r3
           FROM cases c CROSS JOIN LATERAL generate_series(1, 1 + (c.id % 3)::int) k
           WHERE c.id % 5 < 3 OFFSET 0
         ),
         q AS (
           SELECT p.*, least(reported_at + interval '20 minutes', ${now}::timestamptz) AS requested,
                  CASE WHEN reported_at > ${now}::timestamptz - interval '1 day' AND r1 < 0.6 THEN 'pending'
                       WHEN r1 < 0.03 THEN 'proposed' WHEN r1 < 0.45 THEN 'stopped' WHEN r1 < 0.75 THEN 'no_balance' WHEN r1 < 0.83 THEN 'mismatch'
                       WHEN r1 < 0.88 THEN 'rejected' WHEN r1 < 0.95 THEN 'expired' ELSE 'released' END AS status
           FROM p
         )
    INSERT INTO stop_payments (case_id, account, bank, bank_org_id, amount, hop, status, requested_at, responded_at, stopped_amount, expires_at, created_at, updated_at)
    SELECT q.case_id, '6228' || lpad((q.case_id * 4 + q.k)::text, 15, '0'), b.name, b.id, greatest(0.01, round(q.loss_amount / q.accounts, 2)), 1, q.status, q.requested,
           CASE WHEN q.status NOT IN ('proposed', 'pending') THEN least(q.requested + interval '1 hour' * (0.2 + 6 * q.r2), ${now}::timestamptz) END,
           CASE WHEN q.status IN ('stopped', 'expired', 'released') THEN round((greatest(0.01, round(q.loss_amount / q.accounts, 2)) * (0.2 + 0.8 * q.r3))::numeric, 2) END,
           CASE WHEN q.status = 'stopped' THEN q.requested + interval '48 hours' END,
           q.requested, q.requested
    FROM q JOIN banks b ON b.k = (q.case_id + q.k) % (SELECT n FROM nb)
    ORDER BY q.case_id, q.k`;
  const freezes = sql`
    INSERT INTO freezes (case_id, account, bank, bank_org_id, stop_payment_id, document_no, kind, months, status, requested_at, frozen_at, frozen_amount, expires_at, created_at, updated_at)
    SELECT s.case_id, s.account, s.bank, s.bank_org_id, s.id, 'DJ' || s.id, 'full', 6,
           CASE WHEN r < 0.05 THEN 'requested' WHEN r < 0.85 THEN 'frozen' ELSE 'released' END,
           least(s.responded_at + interval '1 day', ${now}::timestamptz),
           CASE WHEN r >= 0.05 THEN least(s.responded_at + interval '1 day' * (1 + 4 * r), ${now}::timestamptz) END,
           CASE WHEN r >= 0.05 THEN s.stopped_amount END,
           CASE WHEN r >= 0.05 AND r < 0.85 THEN least(s.responded_at + interval '1 day' * (1 + 4 * r), ${now}::timestamptz) + interval '6 months' END,
           least(s.responded_at + interval '1 day', ${now}::timestamptz), least(s.responded_at + interval '1 day', ${now}::timestamptz)
    FROM (SELECT sp.*, random() AS r FROM stop_payments sp WHERE sp.stopped_amount > 0 AND sp.responded_at < ${now}::timestamptz - interval '3 days' AND sp.id % 2 = 0 OFFSET 0) s
    ORDER BY s.id`;
  const returns = sql`
    INSERT INTO money_returns (freeze_id, method, total_amount, status, notice_until, created_at, approved_at, paid_at, updated_at)
    SELECT f.id, CASE WHEN f.r2 < 0.3 THEN 'pro_rata' ELSE 'traced' END, greatest(0.02, round(f.frozen_amount * 0.8, 2)),
           CASE WHEN f.r1 < 0.7 THEN 'paid' WHEN f.r1 < 0.85 THEN 'approved' ELSE 'noticed' END,
           f.created + interval '7 days', f.created,
           CASE WHEN f.r1 < 0.85 THEN least(f.created + interval '7 days', ${now}::timestamptz) END,
           CASE WHEN f.r1 < 0.7 THEN least(f.created + interval '10 days' * (1 + f.r2), ${now}::timestamptz) END,
           f.created
    FROM (SELECT fz.*, least(fz.frozen_at + interval '7 days', ${now}::timestamptz) AS created, random() AS r1, random() AS r2
          FROM freezes fz WHERE fz.frozen_amount > 0 AND fz.frozen_at < ${now}::timestamptz - interval '30 days' AND fz.id % 5 < 2 OFFSET 0) f
    ORDER BY f.id`;
  // One share for a traced return; pro rata: 60 % to the frozen case, the rest to another case.
  const shares = sql`
    INSERT INTO return_shares (return_id, case_id, basis, amount)
    SELECT r.id, f.case_id, c.loss_amount, CASE WHEN r.method = 'traced' THEN r.total_amount ELSE round(r.total_amount * 0.6, 2) END
    FROM money_returns r JOIN freezes f ON f.id = r.freeze_id JOIN cases c ON c.id = f.case_id
    UNION ALL
    SELECT r.id, o.id, o.loss_amount, r.total_amount - round(r.total_amount * 0.6, 2)
    FROM money_returns r JOIN freezes f ON f.id = r.freeze_id
    JOIN cases o ON o.id = CASE WHEN f.case_id > 1 THEN f.case_id - 1 ELSE f.case_id + 1 END
    WHERE r.method = 'pro_rata'`;
  await withReplica(db, 0.6, [cases, stops, freezes, returns, shares]);
  await sql`SELECT setval('case_no_seq', ${count})`.execute(db);
}

/** Criminal cases, population 16–60 and app registrations per county and month, two years back. */
export async function loadReferenceFigures(db: Kysely<DB>, now: Date): Promise<void> {
  await withReplica(db, 0.7, [
    sql`
      INSERT INTO reference_figures (org_id, month, key, value, updated_at, updated_by)
      SELECT o.id, m.month, k.key,
             CASE k.key WHEN 'criminal_cases' THEN 150 + floor(random() * 300)
                        WHEN 'population_16_60' THEN 180000 + (o.id % 7) * 25000
                        ELSE round((180000 + (o.id % 7) * 25000) * (0.35 + 0.02 * m.i + 0.05 * random())) END,
             m.month + interval '20 days', 'bench'
      FROM orgs o
      CROSS JOIN LATERAL (SELECT (date_trunc('month', ${now}::timestamptz AT TIME ZONE 'Asia/Shanghai') - interval '1 month' * i)::date AS month, 23 - i AS i
                          FROM generate_series(0, 23) i) m
      CROSS JOIN (VALUES ('criminal_cases'), ('population_16_60'), ('app_registered')) k(key)
      WHERE o.kind = 'county'`,
  ]);
}

/** Loads a city year of the given sizes into the (emptied) tables and rebuilds `stat_days`. */
export async function loadYear(db: Kysely<DB>, orgs: BenchOrg[], sizes: Sizes, now: Date): Promise<Loaded> {
  const t0 = performance.now();
  await truncateAll(db);
  log(`loading ${sizes.warnings.toLocaleString('en')} warnings…`);
  const w = await elapsed(() => loadHistory(db, sizes.warnings, now, targetsOf(orgs)));
  log(`loading ${sizes.cases.toLocaleString('en')} cases with their stop-payments, freezes and returns…`);
  const c = await elapsed(() => loadCases(db, sizes.cases, now));
  log(`loading ${sizes.leads.toLocaleString('en')} two-card leads…`);
  const l = await elapsed(() => loadLeads(db, sizes.leads, now, 0.55));
  const r = await elapsed(() => loadReferenceFigures(db, now));
  await sql`VACUUM (ANALYZE) cases, stop_payments, freezes, money_returns, return_shares, reference_figures`.execute(db);
  log('stat_days_rebuild()…');
  const rebuild = await elapsed(() => sql`SELECT stat_days_rebuild()`.execute(db));
  await sql`VACUUM (ANALYZE) stat_days, stat_months`.execute(db);
  const counts = (
    await sql<Record<string, number>>`
      SELECT (SELECT count(*) FROM warnings)::int8 AS warnings, (SELECT count(*) FROM cases)::int8 AS cases,
             (SELECT count(*) FROM stop_payments)::int8 AS stop_payments, (SELECT count(*) FROM freezes)::int8 AS freezes,
             (SELECT count(*) FROM money_returns)::int8 AS money_returns, (SELECT count(*) FROM return_shares)::int8 AS return_shares,
             (SELECT count(*) FROM card_leads)::int8 AS card_leads, (SELECT count(*) FROM stat_days)::int8 AS stat_days,
             (SELECT count(*) FROM stat_months)::int8 AS stat_months`.execute(db)
  ).rows[0] ?? {};
  return {
    ms: { warnings: w.ms, cases: c.ms, leads: l.ms, refs: r.ms, rebuild: rebuild.ms, total: performance.now() - t0 },
    counts,
    statDays: Number(counts.stat_days ?? 0),
  };
}
