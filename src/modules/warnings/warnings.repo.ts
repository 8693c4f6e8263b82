import { sql, type Expression, type Kysely, type SqlBool, type Transaction, type Updateable } from 'kysely';
import type { ActorType, DB, WarningsTable } from '../../db/types.ts';
import { JURISDICTION_KINDS } from '../../lib/roles.ts';
import { escapeLike, orgInScope, type Scope } from '../orgs/scope.ts';
import type { RoutableOrg, RoutingRule } from './routing.ts';
import type { WarningLevel, WarningStatus } from './warning-workflow.ts';
import { appendTimeline } from '../../db/timeline.ts';

type Q = Kysely<DB> | Transaction<DB>;

export async function loadRouting(db: Q): Promise<{ orgs: RoutableOrg[]; rules: RoutingRule[]; triage: { id: number } | undefined }> {
  const [orgs, rules, triage] = await Promise.all([
    db.selectFrom('orgs').select(['id', 'path', 'region_code as regionCode']).where('active', '=', true).where('kind', 'in', [...JURISDICTION_KINDS]).execute(),
    db
      .selectFrom('routing_rules')
      .innerJoin('orgs', 'orgs.id', 'routing_rules.org_id')
      .select(['routing_rules.id', 'routing_rules.kind', 'routing_rules.pattern', 'routing_rules.org_id as orgId', 'orgs.path as orgPath', 'routing_rules.priority'])
      .where('routing_rules.active', '=', true)
      .where('orgs.active', '=', true)
      .execute(),
    db.selectFrom('orgs').select('id').where('kind', '=', 'city').where('depth', '=', 0).orderBy('id').limit(1).executeTakeFirst(),
  ]);
  return { orgs, rules, triage };
}

export { readSetting } from '../settings/settings.repo.ts';

export interface ExistingRow {
  id: number;
  source: string;
  external_id: string;
  status: WarningStatus;
  level: WarningLevel;
  due_at: Date;
  org_code: string;
}

export function findBySourceIds(db: Q, sources: string[], externalIds: string[]): Promise<ExistingRow[]> {
  if (sources.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('warnings')
    .innerJoin('orgs', 'orgs.id', 'warnings.assigned_org_id')
    .select(['warnings.id', 'warnings.source', 'warnings.external_id', 'warnings.status', 'warnings.level', 'warnings.due_at', 'orgs.code as org_code'])
    .where(
      sql<boolean>`(warnings.source, warnings.external_id) IN (SELECT * FROM unnest(${sources}::text[], ${externalIds}::text[]))`,
    )
    .execute();
}

/** The most recent earlier warning per phone since a time, and how many there were. */
export async function recentByPhones(db: Q, phones: string[], since: Date): Promise<Map<string, { id: number; count: number; firstAt: Date; orgId: number; name: string | null }>> {
  if (phones.length === 0) return new Map();
  const rows = await sql<{ victim_phone: string; id: number; n: number; first_at: Date; org_id: number; name: string | null }>`
    SELECT DISTINCT ON (victim_phone) victim_phone, id, assigned_org_id AS org_id,
           count(*) OVER (PARTITION BY victim_phone) AS n, min(received_at) OVER (PARTITION BY victim_phone) AS first_at,
           max(victim_name) OVER (PARTITION BY victim_phone) AS name
    FROM warnings
    WHERE victim_phone = ANY(${phones}::text[]) AND received_at >= ${since}
    ORDER BY victim_phone, received_at DESC, id DESC`.execute(db);
  return new Map(rows.rows.map((r) => [r.victim_phone, { id: Number(r.id), count: Number(r.n), firstAt: r.first_at, orgId: Number(r.org_id), name: r.name }]));
}

export interface NewWarningRow {
  source: string;
  externalId: string;
  level: WarningLevel;
  status: WarningStatus;
  victimPhone: string;
  victimName: string | null;
  victimIdNumber: string | null;
  address: string | null;
  regionCode: string | null;
  fraudType: string | null;
  counterparty: string | null;
  note: string | null;
  detectedAt: string;
  receivedAt: string;
  dueAt: string;
  assignedOrgId: number;
  routedVia: string;
  repeatOfId: number | null;
}

/**
 * One statement for a whole batch: each column travels as one array parameter (unnest), so 5,000 rows
 * cost one round trip and stay far below the protocol's parameter limit. A concurrent duplicate is
 * skipped by the unique key, not raised.
 */
export async function insertMany(trx: Q, rows: NewWarningRow[]): Promise<{ id: number; source: string; external_id: string }[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof NewWarningRow>(k: K) => rows.map((r) => r[k]);
  const result = await sql<{ id: number; source: string; external_id: string }>`
    INSERT INTO warnings (source, external_id, level, status, victim_phone, victim_name, victim_id_number, address,
      region_code, fraud_type, counterparty, note, detected_at, received_at, due_at, next_escalation_at,
      assigned_org_id, routed_via, repeat_of_id, created_at, updated_at)
    SELECT s, e, l, st, ph, nm, idn, ad, rc, ft, cp, nt, da, ra, du, du, org, via, rep, ra, ra
    FROM unnest(${col('source')}::text[], ${col('externalId')}::text[], ${col('level')}::text[], ${col('status')}::text[],
                ${col('victimPhone')}::text[], ${col('victimName')}::text[], ${col('victimIdNumber')}::text[], ${col('address')}::text[],
                ${col('regionCode')}::text[], ${col('fraudType')}::text[], ${col('counterparty')}::jsonb[], ${col('note')}::text[],
                ${col('detectedAt')}::timestamptz[], ${col('receivedAt')}::timestamptz[], ${col('dueAt')}::timestamptz[],
                ${col('assignedOrgId')}::int8[], ${col('routedVia')}::text[], ${col('repeatOfId')}::int8[])
         AS t(s, e, l, st, ph, nm, idn, ad, rc, ft, cp, nt, da, ra, du, org, via, rep)
    ON CONFLICT (source, external_id) DO NOTHING
    RETURNING id, source, external_id`.execute(trx);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export interface NewEvent {
  warningId: number;
  at: Date;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorType: ActorType;
  actorId: number | null;
  actorName: string | null;
  orgId: number | null;
  detail: Record<string, unknown>;
}

export function insertEvents(trx: Q, events: NewEvent[]): Promise<void> {
  return appendTimeline(trx, 'warning_events', events.map(({ warningId, ...e }) => ({ subjectId: warningId, ...e })));
}

export async function upsertVulnerable(
  trx: Q,
  people: { phone: string; name: string | null; orgId: number; count: number; firstAt: Date; lastAt: Date }[],
): Promise<void> {
  for (const p of people) {
    await trx
      .insertInto('vulnerable_people')
      .values({ phone: p.phone, name: p.name, org_id: p.orgId, reason: 'repeat_warning', warning_count: p.count, first_seen_at: p.firstAt, last_seen_at: p.lastAt, created_at: p.lastAt })
      .onConflict((oc) =>
        oc.column('phone').doUpdateSet((eb) => ({
          warning_count: eb.fn('greatest', [eb.ref('vulnerable_people.warning_count'), eb.ref('excluded.warning_count')]),
          last_seen_at: eb.ref('excluded.last_seen_at'),
          name: eb.fn.coalesce('vulnerable_people.name', 'excluded.name'),
        })),
      )
      .execute();
  }
}

const summaryColumns = [
  'warnings.id',
  'warnings.external_id',
  'warnings.source',
  'warnings.level',
  'warnings.status',
  'warnings.overdue',
  'warnings.victim_phone',
  'warnings.victim_name',
  'warnings.fraud_type',
  'warnings.detected_at',
  'warnings.received_at',
  'warnings.due_at',
  'warnings.assigned_org_id',
  'warnings.escalation_level',
  'warnings.visit_required',
  'warnings.outcome',
  'warnings.repeat_of_id',
  'assigned.code as assigned_org_code',
  'assigned.name as assigned_org_name',
  'assigned.path as assigned_org_path',
  'escalated.code as escalated_org_code',
] as const;

function scoped(db: Q, scope: Scope) {
  return db
    .selectFrom('warnings')
    .innerJoin('orgs as assigned', 'assigned.id', 'warnings.assigned_org_id')
    .leftJoin('orgs as escalated', 'escalated.id', 'warnings.escalated_org_id')
    .where((eb) => eb.or([orgInScope(scope, 'warnings.assigned_org_id'), orgInScope(scope, 'warnings.escalated_org_id')]));
}

export function getById(db: Q, scope: Scope, id: number) {
  return scoped(db, scope)
    .select(summaryColumns)
    .select([
      'warnings.victim_id_number',
      'warnings.address',
      'warnings.region_code',
      'warnings.counterparty',
      'warnings.note',
      'warnings.routed_via',
      'warnings.acknowledged_at',
      'warnings.closed_at',
      'warnings.outcome_note',
      'warnings.loss_amount',
      'warnings.first_attempt_at',
      'warnings.escalated_org_id',
    ])
    .where('warnings.id', '=', id)
    .executeTakeFirst();
}
export type WarningRow = NonNullable<Awaited<ReturnType<typeof getById>>>;
export type WarningSummaryRow = Awaited<ReturnType<typeof list>>['rows'][number];

export interface ListFilter {
  status?: WarningStatus | 'open' | undefined;
  level?: WarningLevel | undefined;
  overdue?: boolean | undefined;
  orgScope?: Scope | undefined;
  dueBefore?: Date | undefined;
  triageOrgId?: number | undefined;
  /** Received in [receivedFrom, receivedTo). */
  receivedFrom?: Date | undefined;
  receivedTo?: Date | undefined;
  outcome?: string | undefined;
}

/** The list's conditions over the warnings table alone, so the count needs no joins. */
function listConditions(scope: Scope, f: ListFilter): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [sql<SqlBool>`(${orgInScope(scope, 'warnings.assigned_org_id')} OR ${orgInScope(scope, 'warnings.escalated_org_id')})`];
  if (f.status === 'open') c.push(sql<SqlBool>`warnings.status <> 'closed'`);
  else if (f.status) c.push(sql<SqlBool>`warnings.status = ${f.status}`);
  if (f.level) c.push(sql<SqlBool>`warnings.level = ${f.level}`);
  if (f.overdue !== undefined) c.push(sql<SqlBool>`warnings.overdue = ${f.overdue}`);
  if (f.orgScope) c.push(orgInScope(f.orgScope, 'warnings.assigned_org_id'));
  if (f.dueBefore) c.push(sql<SqlBool>`warnings.due_at < ${f.dueBefore}`);
  if (f.triageOrgId !== undefined) c.push(sql<SqlBool>`warnings.assigned_org_id = ${f.triageOrgId} AND warnings.status = 'received'`);
  if (f.receivedFrom) c.push(sql<SqlBool>`warnings.received_at >= ${f.receivedFrom}`);
  if (f.receivedTo) c.push(sql<SqlBool>`warnings.received_at < ${f.receivedTo}`);
  if (f.outcome) c.push(sql<SqlBool>`warnings.outcome = ${f.outcome}`);
  return c;
}

/** Queue totals are exact up to this many items. */
export const COUNT_CAP = 10_000;

export async function list(db: Q, scope: Scope, f: ListFilter, page: { limit: number; offset: number }) {
  const conditions = listConditions(scope, f);
  const [rows, count] = await Promise.all([
    db
      .selectFrom('warnings')
      .innerJoin('orgs as assigned', 'assigned.id', 'warnings.assigned_org_id')
      .leftJoin('orgs as escalated', 'escalated.id', 'warnings.escalated_org_id')
      .where((eb) => eb.and(conditions))
      .select(summaryColumns)
      .orderBy('warnings.due_at')
      .orderBy('warnings.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    // Counting stops at COUNT_CAP: past that a queue is "10,000+" and the exact figure is the board's.
    db
      .selectFrom((eb) => eb.selectFrom('warnings').where((w) => w.and(conditions)).select(sql`1`.as('one')).limit(COUNT_CAP + 1).as('capped'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const n = Number(count.n);
  return { rows, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

export function attemptsOf(db: Q, warningId: number) {
  return db.selectFrom('warning_attempts').selectAll().where('warning_id', '=', warningId).orderBy('at').orderBy('id').execute();
}

export function eventsOf(db: Q, warningId: number) {
  return db.selectFrom('warning_events').selectAll().where('warning_id', '=', warningId).orderBy('id').execute();
}

/** Locks one warning for a transition so two officers cannot record conflicting steps at once. */
export function lockForUpdate(trx: Transaction<DB>, id: number) {
  return trx.selectFrom('warnings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function update(trx: Q, id: number, patch: Updateable<WarningsTable>): Promise<void> {
  await trx.updateTable('warnings').set(patch).where('id', '=', id).execute();
}

export async function insertAttempt(
  trx: Q,
  a: { warningId: number; channel: 'call' | 'sms' | 'visit' | 'family'; at: Date; result: 'reached' | 'unreachable' | 'refused'; note: string | null; actorType: ActorType; actorId: number | null; actorName: string | null; now: Date },
): Promise<number> {
  const r = await trx
    .insertInto('warning_attempts')
    .values({ warning_id: a.warningId, channel: a.channel, at: a.at, result: a.result, note: a.note, actor_type: a.actorType, actor_id: a.actorId, actor_name: a.actorName, created_at: a.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Open warnings whose next escalation time has passed, locked so parallel sweepers share the work. */
export function dueForEscalation(trx: Transaction<DB>, now: Date, limit: number) {
  return trx
    .selectFrom('warnings')
    .innerJoin('orgs', (join) => join.on(sql<boolean>`orgs.id = coalesce(warnings.escalated_org_id, warnings.assigned_org_id)`))
    .select(['warnings.id', 'warnings.status', 'warnings.level', 'warnings.due_at', 'warnings.escalation_level', 'warnings.assigned_org_id', 'orgs.parent_id as parent_id', 'orgs.id as current_org_id'])
    .where('warnings.status', '<>', 'closed')
    .where('warnings.next_escalation_at', '<=', now)
    .orderBy('warnings.next_escalation_at')
    .limit(limit)
    .forUpdate('warnings')
    .skipLocked()
    .execute();
}

export { insertNotifications } from '../notifications/notifications.repo.ts';

/** A warning with its whole history already decided (demo data, imports of closed history). */
export interface HistoricWarningRow extends NewWarningRow {
  acknowledgedAt: string | null;
  firstAttemptAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  lossAmount: string | null;
  overdue: boolean;
  escalationLevel: number;
  escalatedOrgId: number | null;
  nextEscalationAt: string | null;
}

export async function insertHistoric(trx: Q, rows: HistoricWarningRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof HistoricWarningRow>(k: K) => rows.map((r) => r[k]);
  const result = await sql<{ id: number }>`
    INSERT INTO warnings (source, external_id, level, status, victim_phone, victim_name, victim_id_number, address,
      region_code, fraud_type, counterparty, note, detected_at, received_at, due_at, assigned_org_id, routed_via,
      repeat_of_id, acknowledged_at, first_attempt_at, closed_at, outcome, loss_amount, overdue, escalation_level,
      escalated_org_id, next_escalation_at, created_at, updated_at)
    SELECT s, e, l, st, ph, nm, idn, ad, rc, ft, cp, nt, da, ra, du, org, via, rep, ack, fa, ca, oc, loss, od, el, eo, ne, ra, coalesce(ca, ra)
    FROM unnest(${col('source')}::text[], ${col('externalId')}::text[], ${col('level')}::text[], ${col('status')}::text[],
                ${col('victimPhone')}::text[], ${col('victimName')}::text[], ${col('victimIdNumber')}::text[], ${col('address')}::text[],
                ${col('regionCode')}::text[], ${col('fraudType')}::text[], ${col('counterparty')}::jsonb[], ${col('note')}::text[],
                ${col('detectedAt')}::timestamptz[], ${col('receivedAt')}::timestamptz[], ${col('dueAt')}::timestamptz[],
                ${col('assignedOrgId')}::int8[], ${col('routedVia')}::text[], ${col('repeatOfId')}::int8[],
                ${col('acknowledgedAt')}::timestamptz[], ${col('firstAttemptAt')}::timestamptz[], ${col('closedAt')}::timestamptz[],
                ${col('outcome')}::text[], ${col('lossAmount')}::numeric[], ${col('overdue')}::bool[], ${col('escalationLevel')}::int4[],
                ${col('escalatedOrgId')}::int8[], ${col('nextEscalationAt')}::timestamptz[])
         AS t(s, e, l, st, ph, nm, idn, ad, rc, ft, cp, nt, da, ra, du, org, via, rep, ack, fa, ca, oc, loss, od, el, eo, ne)
    RETURNING id`.execute(trx);
  return result.rows.map((r) => Number(r.id));
}

export async function insertAttempts(
  trx: Q,
  rows: { warningId: number; channel: string; at: string; result: string; actorName: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  await sql`
    INSERT INTO warning_attempts (warning_id, channel, at, result, actor_type, actor_name, created_at)
    SELECT w, c, a, r, 'system', n, a FROM unnest(${col('warningId')}::int8[], ${col('channel')}::text[], ${col('at')}::timestamptz[],
      ${col('result')}::text[], ${col('actorName')}::text[]) AS t(w, c, a, r, n)`.execute(trx);
}

/**
 * Links each warning to the previous one for the same phone within `windowDays`, and (re)builds the
 * vulnerable register from phones warned more than once. Used after bulk loads; live intake links
 * item by item.
 */
export async function linkRepeats(db: Q, since: Date, windowDays: number): Promise<void> {
  await sql`
    UPDATE warnings w SET repeat_of_id = p.prev_id
    FROM (SELECT id, lag(id) OVER (PARTITION BY victim_phone ORDER BY received_at, id) AS prev_id,
                 lag(received_at) OVER (PARTITION BY victim_phone ORDER BY received_at, id) AS prev_at, received_at
          FROM warnings WHERE received_at >= ${since}) p
    WHERE w.id = p.id AND p.prev_id IS NOT NULL AND p.received_at - p.prev_at <= make_interval(days => ${windowDays}) AND w.repeat_of_id IS NULL`.execute(db);
  await sql`
    INSERT INTO vulnerable_people (phone, name, org_id, reason, warning_count, first_seen_at, last_seen_at)
    SELECT victim_phone, max(victim_name), (array_agg(assigned_org_id ORDER BY received_at DESC))[1], 'repeat_warning', count(*), min(received_at), max(received_at)
    FROM warnings WHERE received_at >= ${since} GROUP BY victim_phone HAVING count(*) > 1
    ON CONFLICT (phone) DO UPDATE SET warning_count = excluded.warning_count, last_seen_at = excluded.last_seen_at`.execute(db);
}

const INTAKE_LOCK = 727003;

export async function lockIntake(trx: Q): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${INTAKE_LOCK})`.execute(trx);
}

export async function setRepeatLinks(trx: Q, links: { id: number; repeatOf: number }[]): Promise<void> {
  if (links.length === 0) return;
  await sql`
    UPDATE warnings w SET repeat_of_id = t.prev
    FROM unnest(${links.map((l) => l.id)}::int8[], ${links.map((l) => l.repeatOf)}::int8[]) AS t(id, prev)
    WHERE w.id = t.id`.execute(trx);
}

export interface BoardCell {
  child: string;
  level: WarningLevel;
  open: number;
  overdue: number;
  soon: number;
  triage: number;
}

/**
 * Board cells of a subtree, grouped by the unit directly below the root (`segment` is the path segment
 * naming it): open, triage and flagged-overdue counts from the trigger-kept counters, plus the open items
 * past due that the sweeper has not flagged yet and those due before `soon`, both from partial indexes.
 */
export async function boardCells(db: Q, rootPath: string, segment: number, now: Date, soon: Date): Promise<BoardCell[]> {
  const prefix = `${escapeLike(rootPath)}%`;
  const rows = await sql<{ child: string; level: WarningLevel; open: number; overdue: number; soon: number; triage: number }>`
    SELECT child, level, sum(open)::int AS open, sum(overdue)::int AS overdue, sum(soon)::int AS soon, sum(triage)::int AS triage FROM (
      SELECT split_part(o.path, '/', ${segment}) AS child, c.level, c.open_n AS open, c.overdue_n AS overdue, 0 AS soon, c.triage_n AS triage
      FROM warning_open_counts c JOIN orgs o ON o.id = c.org_id
      WHERE o.path LIKE ${prefix} AND c.open_n <> 0
      UNION ALL
      SELECT split_part(o.path, '/', ${segment}), w.level, 0, count(*), 0, 0
      FROM warnings w JOIN orgs o ON o.id = w.assigned_org_id
      WHERE w.status <> 'closed' AND NOT w.overdue AND w.due_at < ${now} AND o.path LIKE ${prefix}
      GROUP BY 1, 2
      UNION ALL
      SELECT split_part(o.path, '/', ${segment}), w.level, 0, 0, count(*), 0
      FROM warnings w JOIN orgs o ON o.id = w.assigned_org_id
      WHERE w.status <> 'closed' AND w.due_at >= ${now} AND w.due_at < ${soon} AND o.path LIKE ${prefix}
      GROUP BY 1, 2
    ) cells GROUP BY 1, 2`.execute(db);
  return rows.rows.map((r) => ({ ...r, open: Number(r.open), overdue: Number(r.overdue), soon: Number(r.soon), triage: Number(r.triage) }));
}

/** Outcomes of the warnings of a subtree closed since `since`. */
export async function outcomesSince(db: Q, rootPath: string, since: Date): Promise<{ outcome: string | null; n: number }[]> {
  const prefix = `${escapeLike(rootPath)}%`;
  const rows = await sql<{ outcome: string | null; n: number }>`
    SELECT w.outcome, count(*)::int AS n
    FROM warnings w JOIN orgs o ON o.id = w.assigned_org_id
    WHERE w.closed_at >= ${since} AND o.path LIKE ${prefix}
    GROUP BY 1`.execute(db);
  return rows.rows.map((r) => ({ outcome: r.outcome, n: Number(r.n) }));
}

/**
 * Recomputes the open-warning counters from the table in one statement, for loads that ran with
 * triggers off (a restore, `session_replication_role = replica`). Locks the counters while it runs.
 */
export async function rebuildOpenCounts(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE warning_open_counts IN EXCLUSIVE MODE`.execute(trx);
    await sql`DELETE FROM warning_open_counts`.execute(trx);
    await sql`
      INSERT INTO warning_open_counts (org_id, level, open_n, triage_n, overdue_n)
      SELECT assigned_org_id, level, count(*), count(*) FILTER (WHERE status = 'received'), count(*) FILTER (WHERE overdue)
      FROM warnings WHERE status <> 'closed' GROUP BY 1, 2`.execute(trx);
  });
}

/** Open-warning counters recomputed from the table, to check the trigger-kept ones against. */
export async function recountOpen(db: Q): Promise<{ org_id: number; level: string; open_n: number; triage_n: number; overdue_n: number }[]> {
  const rows = await sql<{ org_id: number; level: string; open_n: number; triage_n: number; overdue_n: number }>`
    SELECT assigned_org_id AS org_id, level, count(*)::int AS open_n, count(*) FILTER (WHERE status = 'received')::int AS triage_n,
           count(*) FILTER (WHERE overdue)::int AS overdue_n
    FROM warnings WHERE status <> 'closed' GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
  return rows.rows.map((r) => ({ org_id: Number(r.org_id), level: r.level, open_n: Number(r.open_n), triage_n: Number(r.triage_n), overdue_n: Number(r.overdue_n) }));
}
