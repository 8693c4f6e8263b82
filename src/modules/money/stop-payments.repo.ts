import { sql, type Expression, type Kysely, type SqlBool, type Transaction, type Updateable } from 'kysely';
import type { ActorType, DB, StopPaymentStatus, StopPaymentsTable } from '../../db/types.ts';
import { orgIdIn, orgIdsInScope, orgInScope, type Scope } from '../orgs/scope.ts';
import { appendTimeline } from '../../db/timeline.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface NewStopPayment {
  caseId: number;
  account: string;
  bank: string;
  bankOrgId: number | null;
  accountName: string | null;
  amount: string;
  hop: number;
  parentId: number | null;
  status: 'proposed' | 'pending';
  at: Date;
}

/** Inserts requests; an account already requested for the case is left as it is (returned as absent). */
export async function insertMany(trx: Q, rows: NewStopPayment[]) {
  if (rows.length === 0) return [];
  return trx
    .insertInto('stop_payments')
    .values(
      rows.map((r) => ({
        case_id: r.caseId,
        account: r.account,
        bank: r.bank,
        bank_org_id: r.bankOrgId,
        account_name: r.accountName,
        amount: r.amount,
        hop: r.hop,
        parent_id: r.parentId,
        status: r.status,
        requested_at: r.at,
        created_at: r.at,
        updated_at: r.at,
      })),
    )
    .onConflict((oc) => oc.columns(['case_id', 'account']).doNothing())
    .returning(['id', 'account', 'bank', 'bank_org_id', 'amount', 'status', 'hop'])
    .execute();
}

export interface NewStopPaymentEvent {
  stopPaymentId: number;
  at: Date;
  kind: string;
  fromStatus: StopPaymentStatus | null;
  toStatus: StopPaymentStatus | null;
  actorType: ActorType;
  actorId: number | null;
  actorName: string | null;
  orgId: number | null;
  detail: Record<string, unknown>;
}

export function insertEvents(trx: Q, events: NewStopPaymentEvent[]): Promise<void> {
  return appendTimeline(trx, 'stop_payment_events', events.map(({ stopPaymentId, ...e }) => ({ subjectId: stopPaymentId, ...e })));
}

/**
 * Who sees a request: a bank's liaisons the requests addressed to their institution (by the ids of the
 * bank and its branches, so the bank's index is used); police users the requests of their cases.
 */
async function visible(db: Q, scope: Scope): Promise<Expression<SqlBool>> {
  return scope.partner ? orgIdIn(await orgIdsInScope(db as Kysely<DB>, scope), 'stop_payments.bank_org_id') : orgInScope(scope, 'cases.org_id');
}

const columns = [
  'stop_payments.id',
  'stop_payments.case_id',
  'stop_payments.account',
  'stop_payments.bank',
  'stop_payments.bank_org_id',
  'stop_payments.account_name',
  'stop_payments.amount',
  'stop_payments.hop',
  'stop_payments.parent_id',
  'stop_payments.status',
  'stop_payments.requested_at',
  'stop_payments.responded_at',
  'stop_payments.stopped_amount',
  'stop_payments.balance',
  'stop_payments.response_note',
  'stop_payments.expires_at',
  'stop_payments.renewals',
  'cases.case_no',
  'cases.org_id as case_org_id',
] as const;

function base(db: Q, where: Expression<SqlBool>) {
  return db
    .selectFrom('stop_payments')
    .innerJoin('cases', 'cases.id', 'stop_payments.case_id')
    .leftJoin('orgs as bank', 'bank.id', 'stop_payments.bank_org_id')
    .select(columns)
    .select('bank.code as bank_org_code')
    .where(where);
}

export async function getById(db: Q, scope: Scope, id: number) {
  return base(db, await visible(db, scope)).where('stop_payments.id', '=', id).executeTakeFirst();
}
export type StopPaymentRow = NonNullable<Awaited<ReturnType<typeof getById>>>;

export function byCase(db: Q, caseId: number) {
  return db
    .selectFrom('stop_payments')
    .innerJoin('cases', 'cases.id', 'stop_payments.case_id')
    .leftJoin('orgs as bank', 'bank.id', 'stop_payments.bank_org_id')
    .select(columns)
    .select('bank.code as bank_org_code')
    .where('stop_payments.case_id', '=', caseId)
    .orderBy('stop_payments.hop')
    .orderBy('stop_payments.id')
    .execute();
}

export interface QueueFilter {
  status?: StopPaymentStatus | 'answered' | undefined;
  caseId?: number | undefined;
  newestFirst?: boolean | undefined;
}

/** A bank's (or the center's) requests, oldest pending first; proposals never reach a bank. */
export async function list(db: Q, scope: Scope, f: QueueFilter, page: { limit: number; offset: number }) {
  const filter = (r: Expression<SqlBool>[]) => {
    r.push(sql<SqlBool>`stop_payments.status <> 'proposed'`);
    if (f.status === 'answered') r.push(sql<SqlBool>`stop_payments.status NOT IN ('pending', 'proposed')`);
    else if (f.status) r.push(sql<SqlBool>`stop_payments.status = ${f.status}`);
    if (f.caseId !== undefined) r.push(sql<SqlBool>`stop_payments.case_id = ${f.caseId}`);
    return r;
  };
  const where = await visible(db, scope);
  const conditions = filter([where]);
  // A bank's count needs no join: its scope is a column of stop_payments (an index-only count).
  const count = scope.partner
    ? db.selectFrom('stop_payments').where((eb) => eb.and(conditions)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    : base(db, where).where((eb) => eb.and(conditions)).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const [rows, n] = await Promise.all([
    base(db, where).where((eb) => eb.and(conditions)).orderBy('stop_payments.requested_at', f.newestFirst ? 'desc' : 'asc').orderBy('stop_payments.id', f.newestFirst ? 'desc' : 'asc').limit(page.limit).offset(page.offset).execute(),
    count,
  ]);
  return { rows, total: Number(n.n) };
}

export function lockForUpdate(trx: Transaction<DB>, id: number) {
  return trx.selectFrom('stop_payments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function update(trx: Q, id: number, patch: Updateable<StopPaymentsTable>): Promise<void> {
  await trx.updateTable('stop_payments').set(patch).where('id', '=', id).execute();
}

/** The transfers victims made to the accounts of requests (what a bank checks them against), in one query. */
export async function transfersTo(db: Q, requests: { caseId: number; account: string }[]) {
  if (requests.length === 0) return [];
  // By case id only (an index range per case; a case has a handful of transfers), accounts matched here:
  // a join on unnest() pairs gets a blind row estimate and may scan every transfer of the city.
  const wanted = new Set(requests.map((r) => `${r.caseId}|${r.account}`));
  const rows = await db
    .selectFrom('case_transfers')
    .select(['case_id', 'to_account', 'amount', 'at'])
    .where('case_id', '=', sql<number>`ANY(${[...new Set(requests.map((r) => r.caseId))]}::int8[])`)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.filter((r) => wanted.has(`${r.case_id}|${r.to_account}`)).map((r) => ({ caseId: Number(r.case_id), account: r.to_account, amount: r.amount, at: r.at }));
}

export interface NewFlow {
  fromAccount: string;
  toAccount: string;
  toBank: string | null;
  amount: string;
  at: Date;
  channel: 'transfer' | 'cash_out' | 'cash_in' | 'card' | 'wallet';
  stopPaymentId: number | null;
  caseId: number | null;
}

/** Stores reported movements; one already known (same accounts, time, amount) is not stored twice. */
export async function insertFlows(trx: Q, flows: NewFlow[]): Promise<number> {
  if (flows.length === 0) return 0;
  const r = await trx
    .insertInto('fund_flows')
    .values(
      flows.map((f) => ({
        from_account: f.fromAccount,
        to_account: f.toAccount,
        to_bank: f.toBank,
        amount: f.amount,
        at: f.at,
        channel: f.channel,
        stop_payment_id: f.stopPaymentId,
        case_id: f.caseId,
      })),
    )
    .onConflict((oc) => oc.columns(['from_account', 'to_account', 'at', 'amount']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Stops for the expiry sweeper: lapsed ones, and ones lapsing before `until` not yet warned of (locked,
 * skipping rows another sweeper holds).
 */
export function lapsing(trx: Transaction<DB>, now: Date, until: Date, limit: number) {
  return trx
    .selectFrom('stop_payments')
    .innerJoin('cases', 'cases.id', 'stop_payments.case_id')
    .select(['stop_payments.id', 'stop_payments.case_id', 'stop_payments.account', 'stop_payments.expires_at', 'stop_payments.expiry_warned_at', 'stop_payments.bank_org_id', 'stop_payments.renewals', 'cases.org_id', 'cases.case_no'])
    .where('stop_payments.status', '=', 'stopped')
    .where('stop_payments.expires_at', '<', until)
    .where((eb) => eb.or([eb('stop_payments.expires_at', '<=', now), eb('stop_payments.expiry_warned_at', 'is', null)]))
    .orderBy('stop_payments.expires_at')
    .limit(limit)
    .forUpdate('stop_payments')
    .skipLocked()
    .execute();
}

export async function markExpired(trx: Q, ids: number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await sql`UPDATE stop_payments SET status = 'expired', updated_at = ${now} WHERE id = ANY(${ids}::int8[])`.execute(trx);
}

export async function markWarned(trx: Q, ids: number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await sql`UPDATE stop_payments SET expiry_warned_at = ${now}, updated_at = ${now} WHERE id = ANY(${ids}::int8[])`.execute(trx);
}

/** The events of every request of a case, for the case's timeline. */
export function eventsOfCase(db: Q, caseId: number) {
  return db
    .selectFrom('stop_payment_events as e')
    .innerJoin('stop_payments', 'stop_payments.id', 'e.stop_payment_id')
    .select(['e.id', 'e.at', 'e.kind', 'e.from_status', 'e.to_status', 'e.actor_name', 'e.detail', 'stop_payments.account', 'stop_payments.id as stop_payment_id'])
    .where('stop_payments.case_id', '=', caseId)
    .orderBy('e.id')
    .execute();
}
