import { sql, type Kysely, type Transaction } from 'kysely';
import type { ActorType, CaseStatus, DB, IdentifierKind } from '../../db/types.ts';
import { orgInScope, type Scope } from '../orgs/scope.ts';

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

export async function insertEvents(trx: Q, events: NewCaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('case_events')
    .values(
      events.map((e) => ({
        case_id: e.caseId,
        at: e.at,
        kind: e.kind,
        from_status: e.fromStatus,
        to_status: e.toStatus,
        actor_type: e.actorType,
        actor_id: e.actorId,
        actor_name: e.actorName,
        org_id: e.orgId,
        detail: JSON.stringify(e.detail),
      })),
    )
    .execute();
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
