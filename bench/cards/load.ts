/**
 * A year of two-card leads by SQL, in time order as they arrive: half from cases, 40 % from ministry lists,
 * 10 % manual; over every county, station and township; bank accounts opened at bank branches, phone cards
 * at operator outlets (a few openers only named, payment accounts at no partner), a skewed spread so the
 * ranking has a head and a tail. Leads of the last 15 days are mostly open, older ones mostly closed with
 * an outcome; 8 % of the older ones are still open, i.e. overdue.
 */
import { rebuildOpenerDays } from '../../src/modules/cards/leads.repo.ts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/types.ts';

export async function loadLeads(db: Kysely<DB>, count: number, now: Date, seed = 0.42): Promise<void> {
  if (count <= 0) return;
  await db.connection().execute(async (conn) => {
    // Foreign-key triggers off for the bulk load (as a restore would run); every id below is an existing org.
    await sql`SET session_replication_role = replica`.execute(conn).catch(() => undefined);
    await sql`SELECT setseed(${seed})`.execute(conn);
    await sql`
      WITH units AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM orgs WHERE kind IN ('county', 'station', 'township') AND active),
           branches AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM orgs WHERE kind = 'bank_branch' AND active),
           outlets AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM orgs WHERE kind = 'outlet' AND active),
           n AS (SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM branches) AS branches, (SELECT count(*) FROM outlets) AS outlets),
           s AS (
             SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7,
                    ${now}::timestamptz - interval '365 days' * (1 - g::float8 / ${count}) - interval '1 second' * floor(random() * 3600) AS t
             FROM generate_series(1, ${count}::int) g
           ),
           v AS (
             SELECT s.*,
                    CASE WHEN r2 < 0.55 THEN 'bank_account' WHEN r2 < 0.9 THEN 'phone_card' ELSE 'payment_account' END AS kind,
                    CASE WHEN r7 < 0.5 THEN 'case' WHEN r7 < 0.9 THEN 'ministry' ELSE 'manual' END AS source,
                    r4 < CASE WHEN t > ${now}::timestamptz - interval '15 days' THEN 0.8 ELSE 0.08 END AS open,
                    floor(n.units * r1)::int AS unit_k,
                    -- Skewed: the first branches and outlets open far more of the cards (r3², rotated per kind).
                    floor(n.branches * r3 * r3)::int AS branch_k,
                    floor(n.outlets * r3 * r3)::int AS outlet_k
             FROM s CROSS JOIN n
           )
      INSERT INTO card_leads (lead_no, source, external_id, kind, identifier, holder_name, holder_id_number, holder_phone,
                              opened_at_org_id, opened_at_name, case_id, org_id, status, due_at, outcome, outcome_note, closed_at, created_at, updated_at)
      SELECT 'XB' || lpad(v.g::text, 10, '0'), v.source, CASE WHEN v.source = 'ministry' THEN 'BK-' || v.g END, v.kind,
             CASE v.kind WHEN 'bank_account' THEN '6228' || lpad(v.g::text, 15, '0') WHEN 'phone_card' THEN '170' || lpad(v.g::text, 8, '0') ELSE 'pay' || v.g || '@bulk' END,
             CASE WHEN v.r5 < 0.85 THEN '持卡人' || (v.g % 997) END,
             CASE WHEN v.r6 < 0.9 THEN '110101' || to_char(date '1965-01-01' + (v.g % 14000)::int, 'YYYYMMDD') || lpad((v.g % 1000)::text, 3, '0') || (v.g % 10)::text END,
             CASE WHEN v.r6 < 0.6 THEN '138' || lpad((v.g % 100000000)::text, 8, '0') END,
             CASE WHEN v.r5 > 0.97 THEN NULL WHEN v.kind = 'bank_account' THEN b.id WHEN v.kind = 'phone_card' THEN o.id END,
             CASE WHEN v.r5 > 0.97 AND v.kind <> 'payment_account' THEN '某网点（未能识别）' WHEN v.kind = 'payment_account' THEN '某第三方支付平台' END,
             NULL, u.id,
             CASE WHEN NOT v.open THEN 'closed' WHEN v.r6 < 0.5 THEN 'assigned' ELSE 'verifying' END,
             v.t + interval '15 days',
             CASE WHEN v.open THEN NULL WHEN v.r4 < 0.2 THEN 'struck_off' WHEN v.r4 < 0.3 THEN 'criminal' WHEN v.r4 < 0.5 THEN 'administrative'
                  WHEN v.r4 < 0.6 THEN 'punishment_proposal' ELSE 'education' END,
             CASE WHEN NOT v.open AND v.r4 < 0.2 THEN '核减：卡已注销，非本人办理' END,
             CASE WHEN NOT v.open THEN least(v.t + interval '1 hour' + interval '14 days' * v.r6, ${now}::timestamptz) END,
             v.t,
             CASE WHEN v.open THEN v.t ELSE least(v.t + interval '1 hour' + interval '14 days' * v.r6, ${now}::timestamptz) END
      FROM v
      JOIN units u ON u.k = v.unit_k
      JOIN branches b ON b.k = v.branch_k
      JOIN outlets o ON o.k = (v.outlet_k + 7) % (SELECT outlets FROM n)
      ORDER BY v.g`.execute(conn);
    await sql`SET session_replication_role = DEFAULT`.execute(conn).catch(() => undefined);
  });
  // The load ran with triggers off: the ranking's day counters are recounted once.
  await rebuildOpenerDays(db);
  await sql`VACUUM (ANALYZE) card_leads, lead_opener_days`.execute(db);
}
