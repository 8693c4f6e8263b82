/**
 * Bulk loads of synthetic warnings straight into PostgreSQL with generate_series (no HTTP, no service):
 * the history set of benchmark 2 (a year of a city's warnings, mostly closed) and the all-open set of
 * benchmark 3. Rows are assigned across the demo city's stations/townships (60 %), grids (35 %) and
 * counties (5 %); random() is seeded on the loading connection so a run is reproducible. Rows go in in
 * order of receipt, so the heap is laid out as a year of intake would leave it (open rows are the recent end).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../src/db/types.ts';
import { MOBILE_PREFIX_LIST } from '../../src/lib/phone.ts';
import { DEFAULT_DEADLINES } from '../../src/modules/warnings/warning-workflow.ts';
import { rebuildOpenCounts } from '../../src/modules/warnings/warnings.repo.ts';
import type { BenchOrg } from './setup.ts';

export interface Targets {
  units: BenchOrg[];
  grids: BenchOrg[];
  counties: BenchOrg[];
}

export function targetsOf(orgs: BenchOrg[]): Targets {
  return {
    units: orgs.filter((o) => o.kind === 'station' || o.kind === 'township'),
    grids: orgs.filter((o) => o.kind === 'grid'),
    counties: orgs.filter((o) => o.kind === 'county'),
  };
}

/** One row per target org: its group (0 unit, 1 grid, 2 county), rank within the group, parent and region. */
function targetRows(t: Targets): RawBuilder<unknown> {
  const groups = [t.units, t.grids, t.counties];
  const all = groups.flatMap((g, grp) => g.map((o, k) => ({ o, grp, k })));
  return sql`SELECT * FROM unnest(${all.map((x) => x.o.id)}::int8[], ${all.map((x) => x.o.parentId)}::int8[], ${all.map((x) => x.o.regionCode)}::text[],
    ${all.map((x) => x.grp)}::int4[], ${all.map((x) => x.k)}::int4[]) AS t(org_id, parent_id, region, grp, k)`;
}

/**
 * The per-row random draws, computed once in a subquery (OFFSET 0 keeps PostgreSQL from inlining it,
 * which would evaluate random() again for every reference), then hash-joined to a target org.
 */
function draws(count: number, t: Targets): RawBuilder<unknown> {
  const prefixes = [...MOBILE_PREFIX_LIST];
  const sizes = [t.units.length, t.grids.length, t.counties.length];
  return sql`
    SELECT d.*, tg.org_id, tg.parent_id, tg.region,
           CASE WHEN d.r1 < 0.1 THEN 'emergency' WHEN d.r1 < 0.4 THEN 'high' ELSE 'normal' END AS level,
           CASE WHEN d.r1 < 0.1 THEN ${DEFAULT_DEADLINES.emergency}::int WHEN d.r1 < 0.4 THEN ${DEFAULT_DEADLINES.high}::int
                ELSE ${DEFAULT_DEADLINES.normal}::int END AS deadline_min,
           (${prefixes}::text[])[1 + floor(d.r6 * ${prefixes.length}::int)::int] || lpad(floor(d.r7 * 1e8)::int8::text, 8, '0') AS phone
    FROM (
      SELECT s.*, floor(s.pick * (${sizes}::int4[])[1 + s.grp])::int AS k
      FROM (
        SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7,
               CASE WHEN random() < 0.6 THEN 0 WHEN random() < 0.875 THEN 1 ELSE 2 END AS grp, random() AS pick
        FROM generate_series(1, ${count}::int) AS g OFFSET 0
      ) s
    ) d
    JOIN (${targetRows(t)}) tg ON tg.grp = d.grp AND tg.k = d.k`;
}

async function loadOn(db: Kysely<DB>, seed: number, insert: RawBuilder<unknown>): Promise<void> {
  await db.connection().execute(async (conn) => {
    await sql`SELECT setseed(${seed})`.execute(conn);
    // Referential checks of the orgs columns are per-row trigger calls; the generated ids are valid by
    // construction, so a superuser skips them (as pg_restore does). Without the privilege they just run.
    const replica = await sql`SET session_replication_role = replica`.execute(conn).then(
      () => true,
      () => false,
    );
    try {
      await insert.execute(conn);
    } finally {
      if (replica) await sql`SET session_replication_role = DEFAULT`.execute(conn);
    }
  });
  // With triggers off the board's counters did not follow the load: recompute them as a restore would.
  await rebuildOpenCounts(db);
  await sql`VACUUM (ANALYZE) warnings`.execute(db);
}

const COLUMNS = sql`(source, external_id, level, status, victim_phone, victim_name, region_code, detected_at, received_at, due_at,
  assigned_org_id, routed_via, acknowledged_at, first_attempt_at, closed_at, outcome, loss_amount, overdue, escalation_level,
  escalated_org_id, next_escalation_at, created_at, updated_at)`;
const SOURCES = sql`(ARRAY['96110','bank:ICBC','bank:CCB','operator:CMCC','operator:CUCC','province'])[1 + g % 6]`;
const NAMES = sql`(ARRAY['王芳','李伟','张敏','刘洋','陈静','杨磊',NULL,NULL])[1 + (g / 7) % 8]`;
const OPEN_STATUS = sql`CASE WHEN r5 < 0.4 THEN 'dispatched' WHEN r5 < 0.7 THEN 'acknowledged' ELSE 'in_progress' END`;

/**
 * A year of warnings: 85 % closed with an outcome (received over the past year, closed before now, about
 * one in eight late, so today has closes too), 2 % open and overdue (already escalated once by the sweeper, next escalation later), the rest
 * open within their deadline.
 */
export async function loadHistory(db: Kysely<DB>, count: number, now: Date, t: Targets): Promise<void> {
  const insert = sql`
    INSERT INTO warnings ${COLUMNS}
    SELECT ${SOURCES}, 'H' || g, level, status, phone, ${NAMES}, region, received - interval '40 seconds', received, due,
           org_id, CASE WHEN grp = 2 THEN 'region' ELSE 'keyword' END,
           CASE WHEN status <> 'dispatched' THEN received + (deadline_min * 0.05) * interval '1 minute' END,
           CASE WHEN status IN ('in_progress', 'closed') THEN received + (deadline_min * 0.1) * interval '1 minute' END,
           closed, outcome, CASE WHEN outcome = 'defrauded' THEN round((r4 * 50000)::numeric, 2) END,
           overdue, escalation, escalated, next_escalation, received, coalesce(closed, received)
    FROM (
      SELECT x.*, CASE WHEN state = 'closed' THEN 'closed' ELSE ${OPEN_STATUS} END AS status,
             received + deadline_min * interval '1 minute' AS due,
             CASE WHEN state = 'closed' THEN received + (r4 * 1.15 * deadline_min) * interval '1 minute' END AS closed,
             CASE WHEN state <> 'closed' THEN NULL WHEN r5 < 0.6 THEN 'dissuaded' WHEN r5 < 0.75 THEN 'unreachable'
                  WHEN r5 < 0.85 THEN 'false_positive' WHEN r5 < 0.93 THEN 'refused' ELSE 'defrauded' END AS outcome,
             CASE WHEN state = 'closed' THEN r4 * 1.15 > 1 ELSE state = 'overdue' END AS overdue,
             CASE WHEN state = 'overdue' AND parent_id IS NOT NULL THEN 1 ELSE 0 END AS escalation,
             CASE WHEN state = 'overdue' THEN parent_id END AS escalated,
             CASE WHEN state = 'overdue' THEN ${now}::timestamptz + (r4 * deadline_min) * interval '1 minute'
                  WHEN state = 'open' THEN received + deadline_min * interval '1 minute' END AS next_escalation
      FROM (
        SELECT d.*, CASE WHEN r2 < 0.85 THEN 'closed' WHEN r2 < 0.87 THEN 'overdue' ELSE 'open' END AS state,
               CASE WHEN r2 < 0.85 THEN ${now}::timestamptz - (1.15 * deadline_min) * interval '1 minute' - (r3 * 365) * interval '1 day'
                    WHEN r2 < 0.87 THEN ${now}::timestamptz - (deadline_min + r3 * 7 * 1440) * interval '1 minute'
                    ELSE ${now}::timestamptz - (r3 * deadline_min) * interval '1 minute' END AS received
        FROM (${draws(count, t)}) d
      ) x
    ) y
    ORDER BY received`;
  await loadOn(db, 0.20261128, insert);
}

/**
 * All open: every warning within its deadline except `due` of them (spread evenly through the table),
 * whose deadline and next escalation passed up to an hour ago and which the sweeper has not seen yet.
 */
export async function loadOpen(db: Kysely<DB>, count: number, due: number, now: Date, t: Targets): Promise<void> {
  const every = Math.max(1, Math.floor(count / Math.max(1, due)));
  const insert = sql`
    INSERT INTO warnings ${COLUMNS}
    SELECT ${SOURCES}, 'O' || g, level, ${OPEN_STATUS}, phone, ${NAMES}, region, received - interval '40 seconds', received, due_at,
           org_id, CASE WHEN grp = 2 THEN 'region' ELSE 'keyword' END, NULL, NULL, NULL, NULL, NULL,
           false, 0, NULL, due_at, received, received
    FROM (
      SELECT x.*, received + deadline_min * interval '1 minute' AS due_at
      FROM (
        SELECT d.*, CASE WHEN g % ${every}::int = 0 AND g / ${every}::int <= ${due}::int
                         THEN ${now}::timestamptz - (deadline_min + r3 * 60) * interval '1 minute'
                         ELSE ${now}::timestamptz - (r3 * 0.98 * deadline_min) * interval '1 minute' END AS received
        FROM (${draws(count, t)}) d
      ) x
    ) y
    ORDER BY received`;
  await loadOn(db, 0.1128, insert);
}
