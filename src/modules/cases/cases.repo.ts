import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { ActorType, CasesTable, CaseStatus, DB, IdentifierKind } from '../../db/types.ts';
import { orgInScope, type Scope } from '../orgs/scope.ts';
import { appendTimeline } from '../../db/timeline.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface NewCase {
  caseNo: string;
  source: string;
  externalId: string | null;
  reportedAt: Date;
  receivedAt: Date;
  regionCode: string | null;
  orgId: number;
  fraudType: string | null;
  fraudTypeSource: 'given' | 'classified' | 'unclassified';
  narrative: string;
  lossAmount: string;
  victim: { name: string | null; phone: string | null; idNumber: string | null; age: number | null; occupation: string | null };
  warningId: number | null;
}

/** The next case number: AJ, the local date and a city-wide running number (AJ20261128000123). */
export async function nextCaseSeq(db: Q): Promise<number> {
  const r = await sql<{ n: string }>`SELECT nextval('case_no_seq')::text AS n`.execute(db);
  return Number(r.rows[0]?.n);
}

export async function insertCase(trx: Q, c: NewCase): Promise<number> {
  const row = await trx
    .insertInto('cases')
    .values({
      case_no: c.caseNo,
      source: c.source,
      external_id: c.externalId,
      reported_at: c.reportedAt,
      received_at: c.receivedAt,
      region_code: c.regionCode,
      org_id: c.orgId,
      status: 'accepted',
      fraud_type: c.fraudType,
      fraud_type_source: c.fraudTypeSource,
      narrative: c.narrative,
      loss_amount: c.lossAmount,
      victim_name: c.victim.name,
      victim_phone: c.victim.phone,
      victim_id_number: c.victim.idNumber,
      victim_age: c.victim.age,
      victim_occupation: c.victim.occupation,
      warning_id: c.warningId,
      last_progress_at: c.receivedAt,
      created_at: c.receivedAt,
      updated_at: c.receivedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function insertIdentifiers(trx: Q, caseId: number, ids: { kind: IdentifierKind; value: string }[]): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .insertInto('case_identifiers')
    .values(ids.map((i) => ({ case_id: caseId, kind: i.kind, value: i.value })))
    .onConflict((oc) => oc.columns(['case_id', 'kind', 'value']).doNothing())
    .execute();
}

export interface NewCaseEvent {
  caseId: number;
  at: Date;
  kind: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  actorType: ActorType;
  actorId: number | null;
  actorName: string | null;
  orgId: number | null;
  detail: Record<string, unknown>;
}

export function insertEvents(trx: Q, events: NewCaseEvent[]): Promise<void> {
  return appendTimeline(trx, 'case_events', events.map(({ caseId, ...e }) => ({ subjectId: caseId, ...e })));
}

export function getById(db: Q, scope: Scope, id: number) {
  return db
    .selectFrom('cases')
    .innerJoin('orgs', 'orgs.id', 'cases.org_id')
    .selectAll('cases')
    .select(['orgs.code as org_code', 'orgs.name as org_name', 'orgs.path as org_path'])
    .where('cases.id', '=', id)
    .where(orgInScope(scope, 'cases.org_id'))
    .executeTakeFirst();
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof getById>>>;

export function transfersOf(db: Q, caseId: number) {
  return db.selectFrom('case_transfers').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute();
}

export function identifiersOf(db: Q, caseId: number) {
  return db.selectFrom('case_identifiers').select(['kind', 'value']).where('case_id', '=', caseId).orderBy('kind').orderBy('value').execute();
}

export function eventsOf(db: Q, caseId: number) {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** The case opened from a warning, if any (one at most). */
export function byWarning(db: Q, warningId: number) {
  return db.selectFrom('cases').select(['id', 'case_no']).where('warning_id', '=', warningId).executeTakeFirst();
}

export function findByExternal(db: Q, source: string, externalId: string) {
  return db.selectFrom('cases').select(['id', 'case_no', 'fraud_type', 'fraud_type_source', 'org_id']).where('source', '=', source).where('external_id', '=', externalId).executeTakeFirst();
}

export async function insertTransfers(
  trx: Q,
  caseId: number,
  transfers: { fromAccount: string; fromBank: string; toAccount: string; toBank: string; toName?: string | undefined; amount: string; at: string }[],
): Promise<void> {
  if (transfers.length === 0) return;
  await trx
    .insertInto('case_transfers')
    .values(
      transfers.map((t) => ({
        case_id: caseId,
        from_account: t.fromAccount,
        from_bank: t.fromBank,
        to_account: t.toAccount,
        to_bank: t.toBank,
        to_name: t.toName ?? null,
        amount: t.amount,
        at: t.at,
      })),
    )
    .execute();
}

/** The jurisdiction unit of a 6-digit region code (the county), if the city has it. */
export function unitOfRegion(db: Q, regionCode: string) {
  return db
    .selectFrom('orgs')
    .select(['id', 'code', 'path', 'kind'])
    .where('region_code', '=', regionCode)
    .where('kind', 'in', ['city', 'county'])
    .where('active', '=', true)
    .orderBy('path', 'desc')
    .executeTakeFirst();
}

export interface CaseListFilter {
  /** 'reported': every status but withdrawn (what the statistics count as reported). */
  status?: CaseStatus | 'open' | 'reported' | undefined;
  orgScope?: Scope | undefined;
  fraudType?: string | undefined;
  q?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Solved (破案) in [solvedFrom, solvedTo). */
  solvedFrom?: Date | undefined;
  solvedTo?: Date | undefined;
}

export async function list(db: Q, scope: Scope, f: CaseListFilter, page: { limit: number; offset: number }) {
  let q = db.selectFrom('cases').innerJoin('orgs', 'orgs.id', 'cases.org_id').where(orgInScope(scope, 'cases.org_id'));
  if (f.status === 'open') q = q.where('cases.closed_at', 'is', null);
  else if (f.status === 'reported') q = q.where('cases.status', '<>', 'withdrawn');
  else if (f.status) q = q.where('cases.status', '=', f.status);
  if (f.orgScope) q = q.where(orgInScope(f.orgScope, 'cases.org_id'));
  if (f.fraudType) q = q.where('cases.fraud_type', '=', f.fraudType);
  if (f.q) q = q.where((eb) => eb.or([eb('cases.case_no', '=', f.q ?? ''), eb('cases.victim_phone', '=', f.q ?? ''), eb('cases.victim_name', '=', f.q ?? '')]));
  if (f.from) q = q.where('cases.reported_at', '>=', f.from);
  if (f.to) q = q.where('cases.reported_at', '<', f.to);
  if (f.solvedFrom) q = q.where('cases.solved_at', '>=', f.solvedFrom);
  if (f.solvedTo) q = q.where('cases.solved_at', '<', f.solvedTo);
  const [rows, count] = await Promise.all([
    q
      .select(['cases.id', 'cases.case_no', 'cases.status', 'cases.reported_at', 'cases.fraud_type', 'cases.loss_amount', 'cases.victim_name', 'orgs.code as org_code', 'orgs.name as org_name'])
      .select((eb) => [
        eb.selectFrom('stop_payments').whereRef('stop_payments.case_id', '=', 'cases.id').where('stop_payments.status', '<>', 'proposed').select(eb.fn.countAll<number>().as('n')).as('sp_total'),
        eb.selectFrom('stop_payments').whereRef('stop_payments.case_id', '=', 'cases.id').where('stop_payments.status', '=', 'pending').select(eb.fn.countAll<number>().as('n')).as('sp_pending'),
        eb.selectFrom('stop_payments').whereRef('stop_payments.case_id', '=', 'cases.id').where('stop_payments.status', '=', 'stopped').select(eb.fn.countAll<number>().as('n')).as('sp_stopped'),
      ])
      .orderBy('cases.reported_at', 'desc')
      .orderBy('cases.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function lockForUpdate(trx: Transaction<DB>, id: number) {
  return trx.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function update(trx: Q, id: number, patch: Updateable<CasesTable>): Promise<void> {
  await trx.updateTable('cases').set(patch).where('id', '=', id).execute();
}

export function userWithOrg(db: Q, id: number) {
  return db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select(['users.id', 'users.role', 'users.active', 'users.display_name', 'orgs.path as org_path'])
    .where('users.id', '=', id)
    .executeTakeFirst();
}

export async function names(db: Q, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = ids.filter((i): i is number => i !== null);
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Cases in scope sharing an identifier with the given case, with what they share. */
export async function relatedCases(db: Q, scope: Scope, caseId: number) {
  const rows = await db
    .selectFrom('case_identifiers as mine')
    .innerJoin('case_identifiers as other', (j) => j.onRef('other.kind', '=', 'mine.kind').onRef('other.value', '=', 'mine.value'))
    .innerJoin('cases', 'cases.id', 'other.case_id')
    .select(['cases.id', 'cases.case_no', 'cases.status', 'cases.reported_at', 'other.kind', 'other.value'])
    .where('mine.case_id', '=', caseId)
    .whereRef('other.case_id', '<>', 'mine.case_id')
    .where(orgInScope(scope, 'cases.org_id'))
    .orderBy('cases.reported_at', 'desc')
    .limit(500)
    .execute();
  const by = new Map<number, { id: number; caseNo: string; status: CaseStatus; reportedAt: string; shared: { kind: IdentifierKind; value: string }[] }>();
  for (const r of rows) {
    const e = by.get(r.id) ?? { id: r.id, caseNo: r.case_no, status: r.status, reportedAt: r.reported_at.toISOString(), shared: [] };
    e.shared.push({ kind: r.kind, value: r.value });
    by.set(r.id, e);
  }
  return [...by.values()];
}

/** (case, identifier) pairs of the cases in scope reported in a period, for clustering. */
export function mentionsInScope(db: Q, scope: Scope, from: Date, to: Date) {
  return db
    .selectFrom('case_identifiers')
    .innerJoin('cases', 'cases.id', 'case_identifiers.case_id')
    .select(['case_identifiers.case_id as caseId', 'case_identifiers.kind', 'case_identifiers.value'])
    .where(orgInScope(scope, 'cases.org_id'))
    .where('cases.reported_at', '>=', from)
    .where('cases.reported_at', '<', to)
    .execute();
}

export function briefs(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cases')
    .leftJoin('serial_case_members', 'serial_case_members.case_id', 'cases.id')
    .leftJoin('serial_cases', 'serial_cases.id', 'serial_case_members.serial_id')
    .select(['cases.id', 'cases.case_no', 'cases.status', 'cases.reported_at', 'cases.loss_amount', 'cases.fraud_type', 'serial_cases.serial_no'])
    .where('cases.id', 'in', ids)
    .execute();
}

export async function createSerial(trx: Q, s: { serialNo: string; name: string; orgId: number; at: Date; by: string | null }, members: { caseId: number; reason: unknown[] }[]): Promise<number> {
  const r = await trx.insertInto('serial_cases').values({ serial_no: s.serialNo, name: s.name, org_id: s.orgId, created_at: s.at, created_by: s.by }).returning('id').executeTakeFirstOrThrow();
  const id = Number(r.id);
  await trx
    .insertInto('serial_case_members')
    .values(members.map((m) => ({ serial_id: id, case_id: m.caseId, added_at: s.at, reason: JSON.stringify(m.reason) })))
    .execute();
  return id;
}

export function serialsOf(db: Q, caseId: number) {
  return db
    .selectFrom('serial_case_members')
    .innerJoin('serial_cases', 'serial_cases.id', 'serial_case_members.serial_id')
    .select(['serial_cases.id', 'serial_cases.serial_no', 'serial_cases.name'])
    .where('serial_case_members.case_id', '=', caseId)
    .execute();
}

export function serialById(db: Q, scope: Scope, id: number) {
  return db.selectFrom('serial_cases').selectAll().where('id', '=', id).where(orgInScope(scope, 'serial_cases.org_id')).executeTakeFirst();
}

export function serialMembers(db: Q, serialId: number) {
  return db
    .selectFrom('serial_case_members')
    .innerJoin('cases', 'cases.id', 'serial_case_members.case_id')
    .select(['cases.id', 'cases.case_no', 'cases.status', 'cases.reported_at', 'cases.loss_amount', 'cases.fraud_type', 'serial_case_members.reason'])
    .where('serial_case_members.serial_id', '=', serialId)
    .orderBy('cases.reported_at')
    .execute();
}

/** Open cases without progress since `before`, not reminded since their last progress (locked, SKIP LOCKED). */
export function stale(trx: Transaction<DB>, before: Date, limit: number) {
  return trx
    .selectFrom('cases')
    .select(['id', 'case_no', 'org_id', 'last_progress_at', 'investigator_id'])
    .where('closed_at', 'is', null)
    .where('last_progress_at', '<', before)
    .where((eb) => eb.or([eb('followup_notified_at', 'is', null), eb('followup_notified_at', '<', eb.ref('last_progress_at'))]))
    .orderBy('last_progress_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}
