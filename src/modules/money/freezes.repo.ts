import { sql, type Expression, type Kysely, type SqlBool, type Transaction, type Updateable } from 'kysely';
import type { ActorType, DB, FreezesTable, FreezeStatus, MoneyReturnsTable } from '../../db/types.ts';
import { orgIdIn, orgIdsInScope, orgInScope, type Scope } from '../orgs/scope.ts';
import { appendTimeline } from '../../db/timeline.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** A bank's liaisons see the freezes addressed to their institution, police users their cases'. */
async function visible(db: Q, scope: Scope): Promise<Expression<SqlBool>> {
  return scope.partner ? orgIdIn(await orgIdsInScope(db as Kysely<DB>, scope), 'freezes.bank_org_id') : orgInScope(scope, 'cases.org_id');
}

const columns = [
  'freezes.id',
  'freezes.case_id',
  'freezes.account',
  'freezes.bank',
  'freezes.bank_org_id',
  'freezes.stop_payment_id',
  'freezes.document_no',
  'freezes.kind',
  'freezes.limit_amount',
  'freezes.months',
  'freezes.status',
  'freezes.requested_at',
  'freezes.frozen_at',
  'freezes.frozen_amount',
  'freezes.returned_amount',
  'freezes.expires_at',
  'freezes.renewals',
  'freezes.response_note',
  'cases.case_no',
  'cases.org_id as case_org_id',
] as const;

function base(db: Q) {
  return db.selectFrom('freezes').innerJoin('cases', 'cases.id', 'freezes.case_id').leftJoin('orgs as bank', 'bank.id', 'freezes.bank_org_id').select(columns).select('bank.code as bank_org_code');
}

export async function getById(db: Q, scope: Scope, id: number) {
  return base(db).where(await visible(db, scope)).where('freezes.id', '=', id).executeTakeFirst();
}
export type FreezeRow = NonNullable<Awaited<ReturnType<typeof getById>>>;

export function byCase(db: Q, caseId: number) {
  return base(db).where('freezes.case_id', '=', caseId).orderBy('freezes.id').execute();
}

export async function list(db: Q, scope: Scope, status: FreezeStatus | undefined, page: { limit: number; offset: number }) {
  let q = base(db).where(await visible(db, scope));
  if (status) q = q.where('freezes.status', '=', status);
  return q.orderBy('freezes.requested_at').orderBy('freezes.id').limit(page.limit).offset(page.offset).execute();
}

export async function insert(
  trx: Q,
  f: { caseId: number; account: string; bank: string; bankOrgId: number | null; stopPaymentId: number | null; documentNo: string; kind: 'full' | 'limited'; limitAmount: string | null; months: number; at: Date },
): Promise<number> {
  const r = await trx
    .insertInto('freezes')
    .values({
      case_id: f.caseId,
      account: f.account,
      bank: f.bank,
      bank_org_id: f.bankOrgId,
      stop_payment_id: f.stopPaymentId,
      document_no: f.documentNo,
      kind: f.kind,
      limit_amount: f.limitAmount,
      months: f.months,
      status: 'requested',
      requested_at: f.at,
      created_at: f.at,
      updated_at: f.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export function lockForUpdate(trx: Transaction<DB>, id: number) {
  return trx.selectFrom('freezes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function update(trx: Q, id: number, patch: Updateable<FreezesTable>): Promise<void> {
  await trx.updateTable('freezes').set(patch).where('id', '=', id).execute();
}

export function insertEvent(
  trx: Q,
  e: { freezeId: number; at: Date; kind: string; from: FreezeStatus | null; to: FreezeStatus | null; actorType: ActorType; actorId: number | null; actorName: string | null; orgId: number | null; detail: Record<string, unknown> },
): Promise<void> {
  const { freezeId, from, to, ...rest } = e;
  return appendTimeline(trx, 'freeze_events', [{ subjectId: freezeId, fromStatus: from, toStatus: to, ...rest }]);
}

/** Freezes that lapse (to expire) or lapse before `until` without a warning yet. */
export function lapsing(trx: Transaction<DB>, now: Date, until: Date, limit: number) {
  return trx
    .selectFrom('freezes')
    .innerJoin('cases', 'cases.id', 'freezes.case_id')
    .select(['freezes.id', 'freezes.case_id', 'freezes.account', 'freezes.expires_at', 'freezes.expiry_warned_at', 'cases.org_id', 'cases.case_no'])
    .where('freezes.status', '=', 'frozen')
    .where('freezes.expires_at', '<', until)
    .where((eb) => eb.or([eb('freezes.expires_at', '<=', now), eb('freezes.expiry_warned_at', 'is', null)]))
    .orderBy('freezes.expires_at')
    .limit(limit)
    .forUpdate('freezes')
    .skipLocked()
    .execute();
}

// ---- returns ----

export async function insertReturn(
  trx: Q,
  r: { freezeId: number; method: 'traced' | 'pro_rata'; totalAmount: string; status: 'noticed' | 'approved'; noticeUntil: Date | null; at: Date; note: string | null },
): Promise<number> {
  const row = await trx
    .insertInto('money_returns')
    .values({ freeze_id: r.freezeId, method: r.method, total_amount: r.totalAmount, status: r.status, notice_until: r.noticeUntil, created_at: r.at, approved_at: r.status === 'approved' ? r.at : null, note: r.note, updated_at: r.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function insertShares(trx: Q, returnId: number, shares: { caseId: number; basis: string; amount: string }[]): Promise<void> {
  if (shares.length === 0) return;
  await trx.insertInto('return_shares').values(shares.map((s) => ({ return_id: returnId, case_id: s.caseId, basis: s.basis, amount: s.amount }))).execute();
}

export function returnsOfFreezes(db: Q, freezeIds: number[]) {
  if (freezeIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('money_returns').selectAll().where('freeze_id', 'in', freezeIds).orderBy('id').execute();
}

export function sharesOf(db: Q, returnIds: number[]) {
  if (returnIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('return_shares')
    .innerJoin('cases', 'cases.id', 'return_shares.case_id')
    .select(['return_shares.return_id', 'return_shares.case_id', 'return_shares.basis', 'return_shares.amount', 'cases.case_no', 'cases.victim_name'])
    .where('return_id', 'in', returnIds)
    .orderBy('return_shares.id')
    .execute();
}

export function lockReturn(trx: Transaction<DB>, id: number) {
  return trx.selectFrom('money_returns').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateReturn(trx: Q, id: number, patch: Updateable<MoneyReturnsTable>): Promise<void> {
  await trx.updateTable('money_returns').set(patch).where('id', '=', id).execute();
}

/** Money amounts of cases in a scope: stopped (in force or not), frozen, returned. */
export async function moneyTotals(db: Q, scope: Scope, caseId?: number) {
  const caseFilter = caseId === undefined ? sql`true` : sql`c.id = ${caseId}`;
  const r = await sql<{ stopped: string | null; frozen: string | null; returned: string | null }>`
    SELECT
      (SELECT sum(s.stopped_amount) FROM stop_payments s JOIN cases c ON c.id = s.case_id
        WHERE ${caseFilter} AND ${orgInScope(scope, 'c.org_id')} AND s.stopped_amount IS NOT NULL) AS stopped,
      (SELECT sum(f.frozen_amount) FROM freezes f JOIN cases c ON c.id = f.case_id
        WHERE ${caseFilter} AND ${orgInScope(scope, 'c.org_id')} AND f.frozen_amount IS NOT NULL) AS frozen,
      (SELECT sum(rs.amount) FROM return_shares rs JOIN money_returns mr ON mr.id = rs.return_id JOIN cases c ON c.id = rs.case_id
        WHERE ${caseFilter} AND ${orgInScope(scope, 'c.org_id')} AND mr.status = 'paid') AS returned`.execute(db);
  const row = r.rows[0];
  return { stopped: row?.stopped ?? '0.00', frozen: row?.frozen ?? '0.00', returned: row?.returned ?? '0.00' };
}

/** The events of every freeze of a case, for the case's timeline. */
export function eventsOfCase(db: Q, caseId: number) {
  return db
    .selectFrom('freeze_events as e')
    .innerJoin('freezes', 'freezes.id', 'e.freeze_id')
    .select(['e.id', 'e.at', 'e.kind', 'e.from_status', 'e.to_status', 'e.actor_name', 'e.detail', 'freezes.account', 'freezes.id as freeze_id'])
    .where('freezes.case_id', '=', caseId)
    .orderBy('e.id')
    .execute();
}

/** Returns of the freezes a caller may see (a bank: its own freezes'), newest first. */
export async function listReturns(db: Q, scope: Scope, status: 'noticed' | 'approved' | 'paid' | 'cancelled' | undefined, limit: number) {
  let q = db
    .selectFrom('money_returns')
    .innerJoin('freezes', 'freezes.id', 'money_returns.freeze_id')
    .innerJoin('cases', 'cases.id', 'freezes.case_id')
    .selectAll('money_returns')
    .select(['freezes.account', 'freezes.bank', 'cases.case_no'])
    .where(await visible(db, scope));
  if (status) q = q.where('money_returns.status', '=', status);
  return q.orderBy('money_returns.id', 'desc').limit(limit).execute();
}
