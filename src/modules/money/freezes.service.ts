import type { Transaction } from 'kysely';
import type { DB, FreezeStatus } from '../../db/types.ts';
import { allocateProRata, fromFen, toFen } from '../../lib/money.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import * as casesRepo from '../cases/cases.repo.ts';
import { insertNotifications } from '../notifications/notifications.repo.ts';
import type { Scope } from '../orgs/scope.ts';
import { loadBanks, matchBank } from './banks.ts';
import * as repo from './freezes.repo.ts';
import * as stopsRepo from './stop-payments.repo.ts';
import { heldAt } from './trace.service.ts';

/** A freeze ordinarily lasts 6 months; the sweeper warns a week before it lapses. */
export const DEFAULT_FREEZE_MONTHS = 6;
const WARN_BEFORE_MS = 7 * 86_400_000;
/** Others whose money is in the account may claim during the notice period of a pro-rata return. */
export const NOTICE_DAYS = 30;

const actor = (ctx: RequestContext) => ({ actorType: ctx.principal?.type ?? ('system' as const), actorId: ctx.principal?.id ?? null, actorName: ctx.principal?.name ?? null });

function addMonths(d: Date, months: number): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

export function present(r: repo.FreezeRow) {
  return {
    id: r.id,
    caseId: r.case_id,
    caseNo: r.case_no,
    account: r.account,
    bank: r.bank,
    bankOrgCode: r.bank_org_code,
    stopPaymentId: r.stop_payment_id,
    documentNo: r.document_no,
    kind: r.kind,
    limitAmount: r.limit_amount,
    months: r.months,
    status: r.status,
    requestedAt: r.requested_at.toISOString(),
    frozenAt: r.frozen_at?.toISOString() ?? null,
    frozenAmount: r.frozen_amount,
    returnedAmount: r.returned_amount,
    expiresAt: r.expires_at?.toISOString() ?? null,
    renewals: r.renewals,
    responseNote: r.response_note,
  };
}
export type FreezeDto = ReturnType<typeof present>;

async function reload(deps: Deps, scope: Scope, id: number): Promise<FreezeDto> {
  const r = await repo.getById(deps.db, scope, id);
  if (!r) throw notFound('freeze');
  return present(r);
}

export interface FreezeIn {
  account: string;
  bank?: string | undefined;
  documentNo: string;
  kind: 'full' | 'limited';
  limitAmount?: string | undefined;
  months?: number | undefined;
}

/**
 * Requests a freeze (冻结) of an account of the case, with its legal document. The bank is the one of the
 * stop-payment on that account unless named; an account with a live freeze in this case is 409.
 */
export async function requestFreeze(deps: Deps, ctx: RequestContext, scope: Scope, caseId: number, input: FreezeIn): Promise<FreezeDto> {
  const c = await casesRepo.getById(deps.db, scope, caseId);
  if (!c) throw notFound('case');
  if (input.kind === 'limited' && !input.limitAmount) throw invalid('limitAmount', 'required for a limited freeze');
  if (input.kind === 'full' && input.limitAmount) throw invalid('limitAmount', 'only for a limited freeze');
  const now = deps.clock.now();
  const stop = (await stopsRepo.byCase(deps.db, caseId)).find((s) => s.account === input.account);
  const bankName = input.bank ?? stop?.bank;
  if (!bankName) throw invalid('bank', 'name the bank: the account has no stop-payment in this case');
  const bank = matchBank(await loadBanks(deps.db), bankName);
  let id: number;
  try {
    id = await deps.db.transaction().execute(async (trx) => {
      const fid = await repo.insert(trx, {
        caseId,
        account: input.account,
        bank: bankName,
        bankOrgId: bank?.id ?? null,
        stopPaymentId: stop?.id ?? null,
        documentNo: input.documentNo,
        kind: input.kind,
        limitAmount: input.limitAmount ?? null,
        months: input.months ?? DEFAULT_FREEZE_MONTHS,
        at: now,
      });
      await repo.insertEvent(trx, { freezeId: fid, at: now, kind: 'requested', from: null, to: 'requested', ...actor(ctx), orgId: c.org_id, detail: { documentNo: input.documentNo } });
      await insertNotifications(trx, [{ orgId: bank?.id ?? c.org_id, kind: 'freeze.requested', title: `冻结协查 ${c.case_no}（${input.documentNo}）`, targetType: 'freeze', targetId: String(fid), at: now }]);
      await audit.record(trx, ctx, now, { action: 'freeze.request', targetType: 'freeze', targetId: fid, orgId: c.org_id, detail: { caseId, documentNo: input.documentNo, kind: input.kind } });
      return fid;
    });
  } catch (err) {
    if (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505') {
      throw new AppError('CONFLICT', 'the account already has a freeze in force or requested for this case');
    }
    throw err;
  }
  return reload(deps, scope, id);
}

/**
 * The bank carries out (or refuses) a freeze, once. A freeze in force replaces the stop-payment on the
 * same account, which is released in the same transaction.
 */
export async function respondFreeze(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { result: 'frozen' | 'rejected'; frozenAmount?: string | undefined; note?: string | undefined }) {
  const visible = await repo.getById(deps.db, scope, id);
  if (!visible) throw notFound('freeze');
  if (input.result === 'frozen' && input.frozenAmount === undefined) throw invalid('frozenAmount', 'required when the result is "frozen"');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockForUpdate(trx, id);
    if (!row) throw notFound('freeze');
    if (row.status !== 'requested') throw new AppError('ILLEGAL_TRANSITION', `the freeze was already answered (${row.status})`);
    const to: FreezeStatus = input.result;
    await repo.update(trx, id, {
      status: to,
      frozen_at: to === 'frozen' ? now : null,
      frozen_amount: input.frozenAmount ?? null,
      expires_at: to === 'frozen' ? addMonths(now, row.months) : null,
      response_note: input.note ?? null,
      updated_at: now,
    });
    await repo.insertEvent(trx, { freezeId: id, at: now, kind: 'answered', from: 'requested', to, ...actor(ctx), orgId: ctx.principal?.orgId ?? null, detail: { frozenAmount: input.frozenAmount ?? null } });
    if (to === 'frozen') {
      const stop = (await stopsRepo.byCase(trx, row.case_id)).find((s) => s.account === row.account && s.status === 'stopped');
      if (stop) {
        await stopsRepo.update(trx, stop.id, { status: 'released', updated_at: now });
        await stopsRepo.insertEvents(trx, [{ stopPaymentId: stop.id, at: now, kind: 'released', fromStatus: 'stopped', toStatus: 'released', ...actor(ctx), orgId: null, detail: { replacedByFreeze: id } }]);
      }
    }
    await insertNotifications(trx, [{ orgId: visible.case_org_id, kind: `freeze.${to}`, title: `冻结反馈 ${visible.case_no}：${to === 'frozen' ? `已冻结 ${input.frozenAmount} 元` : '未冻结'}`, targetType: 'case', targetId: String(row.case_id), at: now }]);
    await audit.record(trx, ctx, now, { action: 'freeze.answer', targetType: 'freeze', targetId: id, orgId: visible.case_org_id, detail: { result: to } });
  });
  return reload(deps, scope, id);
}

async function changeFrozen(
  deps: Deps,
  ctx: RequestContext,
  scope: Scope,
  id: number,
  action: 'renew' | 'release',
  apply: (row: NonNullable<Awaited<ReturnType<typeof repo.lockForUpdate>>>, now: Date, trx: Transaction<DB>) => Promise<{ to: FreezeStatus; detail: Record<string, unknown> }>,
) {
  const visible = await repo.getById(deps.db, scope, id);
  if (!visible) throw notFound('freeze');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockForUpdate(trx, id);
    if (!row) throw notFound('freeze');
    if (row.status !== 'frozen') throw new AppError('ILLEGAL_TRANSITION', `only a freeze in force can be ${action === 'renew' ? 'renewed' : 'released'}; this one is ${row.status}`);
    const { to, detail } = await apply(row, now, trx);
    await repo.insertEvent(trx, { freezeId: id, at: now, kind: action === 'renew' ? 'renewed' : 'released', from: 'frozen', to, ...actor(ctx), orgId: ctx.principal?.orgId ?? null, detail });
    if (row.bank_org_id !== null) {
      await insertNotifications(trx, [{ orgId: row.bank_org_id, kind: `freeze.${action}`, title: `${action === 'renew' ? '冻结续冻' : '解除冻结'} ${visible.case_no}`, targetType: 'freeze', targetId: String(id), at: now }]);
    }
    await audit.record(trx, ctx, now, { action: `freeze.${action}`, targetType: 'freeze', targetId: id, orgId: visible.case_org_id, detail });
  });
  return reload(deps, scope, id);
}

/** Renewal (续冻) with a new document, for another period from the current end. */
export function renewFreeze(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { documentNo: string; months?: number | undefined }) {
  return changeFrozen(deps, ctx, scope, id, 'renew', async (row, now, trx) => {
    const months = input.months ?? row.months;
    const from = row.expires_at && row.expires_at > now ? row.expires_at : now;
    const expires = addMonths(from, months);
    await repo.update(trx, id, { expires_at: expires, renewals: row.renewals + 1, expiry_warned_at: null, document_no: input.documentNo, updated_at: now });
    return { to: 'frozen', detail: { documentNo: input.documentNo, expiresAt: expires.toISOString() } };
  });
}

export function releaseFreeze(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { documentNo: string; note?: string | undefined }) {
  return changeFrozen(deps, ctx, scope, id, 'release', async (_row, now, trx) => {
    await repo.update(trx, id, { status: 'released', updated_at: now });
    return { to: 'released', detail: { documentNo: input.documentNo, ...(input.note ? { note: input.note } : {}) } };
  });
}

export async function listFreezes(deps: Deps, scope: Scope, q: { status?: FreezeStatus | undefined; page: number; pageSize: number }) {
  const rows = await repo.list(deps.db, scope, q.status, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: rows.map(present) };
}

// ---- returns (返还) ----

export interface ReturnIn {
  method: 'traced' | 'pro_rata';
  /** Pro rata: the cases whose victims share the account (the freeze's own case is always one). */
  caseIds?: number[] | undefined;
  amount?: string | undefined;
  note?: string | undefined;
}

/**
 * Plans a return of frozen money. Traced: to the freeze's own victim, up to the victim money traced into
 * the account. Pro rata: over several cases' victims in proportion to the money of each traced into the
 * account (FIFO), after a 30-day notice; approved only when the notice has run.
 */
export async function planReturn(deps: Deps, ctx: RequestContext, scope: Scope, freezeId: number, input: ReturnIn) {
  const f = await repo.getById(deps.db, scope, freezeId);
  if (!f) throw notFound('freeze');
  if (f.status !== 'frozen') throw new AppError('ILLEGAL_TRANSITION', `money is returned from a freeze in force; this one is ${f.status}`);
  const available = toFen(f.frozen_amount ?? '0') - toFen(f.returned_amount) - (await pendingReturnsFen(deps, freezeId));
  const wanted = input.amount ? toFen(input.amount) : available;
  if (wanted <= 0 || wanted > available) throw invalid('amount', `between 0.01 and the ${fromFen(available)} yuan still frozen and not yet planned`);
  const caseIds = input.method === 'traced' ? [f.case_id] : [...new Set([f.case_id, ...(input.caseIds ?? [])])];
  if (input.method === 'pro_rata' && caseIds.length < 2) throw invalid('caseIds', 'a pro-rata return shares among at least two cases');
  const bases: number[] = [];
  for (const [i, cid] of caseIds.entries()) {
    if (!(await casesRepo.getById(deps.db, scope, cid))) throw invalid(`caseIds.${i}`, 'no such case in your jurisdiction');
    bases.push(await heldAt(deps.db, cid, f.account));
  }
  if (bases.every((b) => b === 0)) throw invalid('caseIds', 'no victim money of these cases is traced into the account');
  const parts = input.method === 'traced' ? [Math.min(wanted, bases[0] ?? 0)] : allocateProRata(wanted, bases);
  const total = parts.reduce((a, b) => a + b, 0);
  if (total <= 0) throw invalid('amount', 'none of the victim money traced into the account is left to return');
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const rid = await repo.insertReturn(trx, {
      freezeId,
      method: input.method,
      totalAmount: fromFen(total),
      status: input.method === 'traced' ? 'approved' : 'noticed',
      noticeUntil: input.method === 'pro_rata' ? new Date(now.getTime() + NOTICE_DAYS * 86_400_000) : null,
      at: now,
      note: input.note ?? null,
    });
    await repo.insertShares(trx, rid, caseIds.flatMap((cid, i) => ((bases[i] ?? 0) > 0 ? [{ caseId: cid, basis: fromFen(bases[i] ?? 0), amount: fromFen(parts[i] ?? 0) }] : [])));
    await repo.insertEvent(trx, { freezeId, at: now, kind: 'return_planned', from: 'frozen', to: 'frozen', ...actor(ctx), orgId: f.case_org_id, detail: { returnId: rid, method: input.method, total: fromFen(total) } });
    await audit.record(trx, ctx, now, { action: 'return.plan', targetType: 'money_return', targetId: rid, orgId: f.case_org_id, detail: { freezeId, method: input.method, total: fromFen(total), cases: caseIds } });
    return rid;
  });
  return returnDetail(deps, id);
}

async function pendingReturnsFen(deps: Deps, freezeId: number): Promise<number> {
  const rows = await repo.returnsOfFreezes(deps.db, [freezeId]);
  return rows.filter((r) => r.status === 'noticed' || r.status === 'approved').reduce((s, r) => s + toFen(r.total_amount), 0);
}

export async function returnDetail(deps: Deps, id: number) {
  const r = await deps.db.selectFrom('money_returns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('return');
  const shares = await repo.sharesOf(deps.db, [id]);
  return presentReturn(r, shares);
}

export function presentReturn(r: Awaited<ReturnType<typeof repo.returnsOfFreezes>>[number], shares: Awaited<ReturnType<typeof repo.sharesOf>>) {
  return {
    id: r.id,
    freezeId: r.freeze_id,
    method: r.method,
    totalAmount: r.total_amount,
    status: r.status,
    noticeUntil: r.notice_until?.toISOString() ?? null,
    approvedAt: r.approved_at?.toISOString() ?? null,
    paidAt: r.paid_at?.toISOString() ?? null,
    bankReference: r.bank_reference,
    shares: shares.filter((s) => s.return_id === r.id).map((s) => ({ caseId: s.case_id, caseNo: s.case_no, basis: s.basis, amount: s.amount })),
  };
}

async function moveReturn(deps: Deps, ctx: RequestContext, scope: Scope, id: number, from: 'noticed' | 'approved', decide: (r: NonNullable<Awaited<ReturnType<typeof repo.lockReturn>>>, now: Date, trx: Transaction<DB>) => Promise<void>) {
  const r = await deps.db.selectFrom('money_returns').select(['freeze_id']).where('id', '=', id).executeTakeFirst();
  const f = r ? await repo.getById(deps.db, scope, r.freeze_id) : undefined;
  if (!r || !f) throw notFound('return');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockReturn(trx, id);
    if (!row) throw notFound('return');
    if (row.status !== from) throw new AppError('ILLEGAL_TRANSITION', `the return is ${row.status}`);
    await decide(row, now, trx);
    await audit.record(trx, ctx, now, { action: from === 'noticed' ? 'return.approve' : 'return.paid', targetType: 'money_return', targetId: id, orgId: f.case_org_id, detail: {} });
  });
  return returnDetail(deps, id);
}

/** After the notice period a pro-rata return is approved for payment (409 before). */
export function approveReturn(deps: Deps, ctx: RequestContext, scope: Scope, id: number) {
  return moveReturn(deps, ctx, scope, id, 'noticed', async (row, now, trx) => {
    if (row.notice_until && row.notice_until > now) throw new AppError('ILLEGAL_TRANSITION', `the notice period runs until ${row.notice_until.toISOString()}`);
    await repo.updateReturn(trx, id, { status: 'approved', approved_at: now, updated_at: now });
  });
}

/** The bank confirms it paid the victims: the return is paid and the freeze's returned amount grows. */
export function confirmPaid(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { reference: string }) {
  return moveReturn(deps, ctx, scope, id, 'approved', async (row, now, trx) => {
    await repo.updateReturn(trx, id, { status: 'paid', paid_at: now, bank_reference: input.reference, updated_at: now });
    const f = await repo.lockForUpdate(trx, row.freeze_id);
    if (f) await repo.update(trx, f.id, { returned_amount: fromFen(toFen(f.returned_amount) + toFen(row.total_amount)), updated_at: now });
  });
}

/** A bank's returns to pay (approved) or paid, or the center's, with the shares per case. */
export async function listReturns(deps: Deps, scope: Scope, q: { status?: 'noticed' | 'approved' | 'paid' | 'cancelled' | undefined; limit: number }) {
  const rows = await repo.listReturns(deps.db, scope, q.status, q.limit);
  const shares = await repo.sharesOf(deps.db, rows.map((r) => r.id));
  return { items: rows.map((r) => ({ ...presentReturn(r, shares), account: r.account, bank: r.bank, caseNo: r.case_no })) };
}

/** Warns a week before a freeze lapses and marks lapsed freezes expired (durable, SKIP LOCKED). */
export async function sweepFreezes(deps: Deps, batch = 1000): Promise<{ warned: number; expired: number }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const due = await repo.lapsing(trx, now, new Date(now.getTime() + WARN_BEFORE_MS), batch);
    const expired = due.filter((d) => d.expires_at !== null && d.expires_at <= now);
    const warn = due.filter((d) => d.expires_at !== null && d.expires_at > now && d.expiry_warned_at === null);
    for (const d of expired) {
      await repo.update(trx, d.id, { status: 'expired', updated_at: now });
      await repo.insertEvent(trx, { freezeId: d.id, at: now, kind: 'expired', from: 'frozen', to: 'expired', actorType: 'system', actorId: null, actorName: 'sweeper', orgId: d.org_id, detail: {} });
    }
    for (const d of warn) await repo.update(trx, d.id, { expiry_warned_at: now, updated_at: now });
    await insertNotifications(trx, [
      ...expired.map((d) => ({ orgId: d.org_id, kind: 'freeze.expired', title: `冻结已到期 ${d.case_no}：${d.account}`, targetType: 'case', targetId: String(d.case_id), at: now })),
      ...warn.map((d) => ({ orgId: d.org_id, kind: 'freeze.expiring', title: `冻结将于 7 日内到期 ${d.case_no}：${d.account}，请及时续冻`, targetType: 'case', targetId: String(d.case_id), at: now })),
    ]);
    if (expired.length || warn.length) {
      await audit.record(trx, { principal: null, ip: null, requestId: 'sweeper' }, now, { action: 'freeze.sweep', targetType: 'freeze_batch', detail: { expired: expired.length, warned: warn.length } });
    }
    return { warned: warn.length, expired: expired.length };
  });
}
