import type { Transaction } from 'kysely';
import type { DB, StopPaymentStatus } from '../../db/types.ts';
import { fromFen, toFen } from '../../lib/money.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { insertNotifications, type NewNotification } from '../notifications/notifications.repo.ts';
import type { Scope } from '../orgs/scope.ts';
import { readSetting } from '../settings/settings.repo.ts';
import { loadBanks, matchBank, type BankOrg } from './banks.ts';
import * as repo from './stop-payments.repo.ts';

export interface StopPaymentSettings {
  /** How long a stop holds (48 h under the 2016 rules). */
  hours: number;
  /** Renewals allowed after the first stop (twice). */
  maxRenewals: number;
  /** Warn the case's unit this long before a stop lapses. */
  warnBeforeHours: number;
}
export const DEFAULT_STOP_SETTINGS: StopPaymentSettings = { hours: 48, maxRenewals: 2, warnBeforeHours: 6 };

export async function stopSettings(deps: Pick<Deps, 'db'>): Promise<StopPaymentSettings> {
  return { ...DEFAULT_STOP_SETTINGS, ...(await readSetting<Partial<StopPaymentSettings>>(deps.db, 'money.stopPayment')) };
}

const actor = (ctx: RequestContext) => ({ actorType: ctx.principal?.type ?? ('system' as const), actorId: ctx.principal?.id ?? null, actorName: ctx.principal?.name ?? null });

export interface Brief {
  id: number;
  account: string;
  bank: string;
  bankOrgCode: string | null;
  amount: string;
  status: StopPaymentStatus;
}

export interface RequestTarget {
  account: string;
  bank: string;
  accountName: string | null;
  amountFen: number;
  hop: number;
  parentId: number | null;
}

/**
 * Opens stop-payment requests in the caller's transaction: one per account, addressed to the partner
 * bank the transfer names (unknown banks get a request without an addressee for the center to chase).
 * `status: 'proposed'` holds next-hop requests until someone sends them.
 */
export async function openRequests(
  trx: Transaction<DB>,
  ctx: RequestContext,
  now: Date,
  c: { id: number; orgId: number; caseNo: string },
  targets: RequestTarget[],
  status: 'pending' | 'proposed',
  banks?: BankOrg[],
): Promise<{ briefs: Brief[]; notify: NewNotification[] }> {
  if (targets.length === 0) return { briefs: [], notify: [] };
  const known = banks ?? (await loadBanks(trx));
  const rows = await repo.insertMany(
    trx,
    targets.map((t) => {
      const bank = matchBank(known, t.bank);
      return { caseId: c.id, account: t.account, bank: t.bank, bankOrgId: bank?.id ?? null, accountName: t.accountName, amount: fromFen(t.amountFen), hop: t.hop, parentId: t.parentId, status, at: now };
    }),
  );
  await repo.insertEvents(
    trx,
    rows.map((r) => ({ stopPaymentId: r.id, at: now, kind: status === 'pending' ? 'requested' : 'proposed', fromStatus: null, toStatus: status, ...actor(ctx), orgId: c.orgId, detail: { hop: r.hop } })),
  );
  const codes = new Map(known.map((b) => [b.id, b.code]));
  const briefs = rows.map((r) => ({ id: r.id, account: r.account, bank: r.bank, bankOrgCode: r.bank_org_id === null ? null : (codes.get(r.bank_org_id) ?? null), amount: r.amount, status: r.status }));
  const notify = status === 'pending' ? requestNotifications(rows, c, now) : [];
  await insertNotifications(trx, notify);
  return { briefs, notify };
}

function requestNotifications(rows: { id: number; bank_org_id: number | null }[], c: { orgId: number; caseNo: string }, now: Date): NewNotification[] {
  const out: NewNotification[] = [];
  for (const r of rows) {
    // A bank's liaisons learn of every request addressed to them; requests to unknown banks fall to the case's unit.
    out.push({ orgId: r.bank_org_id ?? c.orgId, kind: r.bank_org_id ? 'stop_payment.requested' : 'stop_payment.unaddressed', title: `紧急止付 ${c.caseNo}`, targetType: 'stop_payment', targetId: String(r.id), at: now });
  }
  return out;
}

/** Groups a case's transfers into one request per receiving account, amounts summed exactly. */
export function firstHopTargets(transfers: { toAccount: string; toBank: string; toName?: string | undefined; amount: string }[]): RequestTarget[] {
  const by = new Map<string, RequestTarget>();
  for (const t of transfers) {
    const prev = by.get(t.toAccount);
    if (prev) {
      prev.amountFen += toFen(t.amount);
      prev.accountName ??= t.toName ?? null;
    } else {
      by.set(t.toAccount, { account: t.toAccount, bank: t.toBank, accountName: t.toName ?? null, amountFen: toFen(t.amount), hop: 1, parentId: null });
    }
  }
  return [...by.values()];
}

export function present(r: repo.StopPaymentRow) {
  return {
    id: r.id,
    caseId: r.case_id,
    caseNo: r.case_no,
    account: r.account,
    accountName: r.account_name,
    bank: r.bank,
    bankOrgCode: r.bank_org_code,
    amount: r.amount,
    hop: r.hop,
    parentId: r.parent_id,
    status: r.status,
    requestedAt: r.requested_at.toISOString(),
    respondedAt: r.responded_at?.toISOString() ?? null,
    stoppedAmount: r.stopped_amount,
    balance: r.balance,
    responseNote: r.response_note,
    expiresAt: r.expires_at?.toISOString() ?? null,
    renewals: r.renewals,
  };
}
export type StopPaymentDto = ReturnType<typeof present>;

export async function listRequests(deps: Deps, scope: Scope, q: { status?: StopPaymentStatus | 'answered' | undefined; sort?: 'oldest' | 'newest' | undefined; page: number; pageSize: number }) {
  const { rows, total } = await repo.list(deps.db, scope, { status: q.status, newestFirst: q.sort === 'newest' }, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  // What the bank checks the request against: the victim's transfers into the account (amounts, times).
  const transfers = await repo.transfersTo(deps.db, rows.map((r) => ({ caseId: r.case_id, account: r.account })));
  const items = rows.map((r) => ({
    ...present(r),
    transfers: transfers.filter((t) => t.caseId === r.case_id && t.account === r.account).map((t) => ({ amount: t.amount, at: t.at.toISOString() })),
  }));
  return { items, total };
}

export interface FlowIn {
  fromAccount: string;
  toAccount: string;
  toBank: string;
  amount: string;
  at: string;
  channel?: 'transfer' | 'cash_out' | 'cash_in' | 'card' | 'wallet' | undefined;
}

export interface ResponseIn {
  result: 'stopped' | 'mismatch' | 'no_balance' | 'rejected';
  stoppedAmount?: string | undefined;
  balance?: string | undefined;
  note?: string | undefined;
  flows?: FlowIn[] | undefined;
}

/**
 * A bank answers a request: once, while it is pending (409 otherwise). A stop holds for the configured
 * hours from now. Onward flows it reports are stored for tracing; `afterFlows` (the case's trace) turns
 * them into next-hop proposals in the same transaction.
 */
export async function respond(
  deps: Deps,
  ctx: RequestContext,
  scope: Scope,
  id: number,
  input: ResponseIn,
  afterFlows: (trx: Transaction<DB>, caseId: number, now: Date) => Promise<void>,
) {
  const visible = await repo.getById(deps.db, scope, id);
  if (!visible) throw notFound('stop-payment request');
  if (input.result === 'stopped' && input.stoppedAmount === undefined) throw invalid('stoppedAmount', 'required when the result is "stopped"');
  if (input.result !== 'stopped' && input.stoppedAmount !== undefined) throw invalid('stoppedAmount', 'only when the result is "stopped"');
  const now = deps.clock.now();
  (input.flows ?? []).forEach((f, i) => {
    if (new Date(f.at).getTime() > now.getTime() + 5 * 60_000) throw invalid(`flows.${i}.at`, 'lies in the future');
    if (f.fromAccount === f.toAccount) throw invalid(`flows.${i}.toAccount`, 'same as fromAccount');
  });
  const settings = await stopSettings(deps);
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockForUpdate(trx, id);
    if (!row) throw notFound('stop-payment request');
    if (row.status !== 'pending') throw new AppError('ILLEGAL_TRANSITION', `the request was already answered (${row.status})`);
    const expires = input.result === 'stopped' ? new Date(now.getTime() + settings.hours * 3_600_000) : null;
    await repo.update(trx, id, {
      status: input.result,
      responded_at: now,
      stopped_amount: input.stoppedAmount ?? null,
      balance: input.balance ?? null,
      response_note: input.note ?? null,
      expires_at: expires,
      updated_at: now,
    });
    const stored = await repo.insertFlows(
      trx,
      (input.flows ?? []).map((f) => ({ fromAccount: f.fromAccount, toAccount: f.toAccount, toBank: f.toBank, amount: f.amount, at: new Date(f.at), channel: f.channel ?? 'transfer', stopPaymentId: id, caseId: row.case_id })),
    );
    await repo.insertEvents(trx, [
      { stopPaymentId: id, at: now, kind: 'answered', fromStatus: 'pending', toStatus: input.result, ...actor(ctx), orgId: ctx.principal?.orgId ?? null, detail: { stoppedAmount: input.stoppedAmount ?? null, flows: input.flows?.length ?? 0, flowsStored: stored } },
    ]);
    if (input.flows?.length) await afterFlows(trx, row.case_id, now);
    await insertNotifications(trx, [
      { orgId: visible.case_org_id, kind: `stop_payment.${input.result}`, title: `止付反馈 ${visible.case_no}：${RESULT_ZH[input.result]}${input.stoppedAmount ? ` ${input.stoppedAmount} 元` : ''}`, targetType: 'case', targetId: String(row.case_id), at: now },
    ]);
    await audit.record(trx, ctx, now, { action: 'stop_payment.answer', targetType: 'stop_payment', targetId: id, orgId: visible.case_org_id, detail: { result: input.result, flows: input.flows?.length ?? 0 } });
  });
  return reload(deps, scope, id);
}

const RESULT_ZH: Record<ResponseIn['result'], string> = { stopped: '已止付', mismatch: '信息不符', no_balance: '无余额', rejected: '拒绝' };

async function reload(deps: Deps, scope: Scope, id: number): Promise<StopPaymentDto> {
  const r = await repo.getById(deps.db, scope, id);
  if (!r) throw notFound('stop-payment request');
  return present(r);
}

/** A stop renewed before it lapses holds for another period from its current end; at most maxRenewals times. */
export async function renew(deps: Deps, ctx: RequestContext, scope: Scope, id: number) {
  const visible = await repo.getById(deps.db, scope, id);
  if (!visible) throw notFound('stop-payment request');
  const now = deps.clock.now();
  const settings = await stopSettings(deps);
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockForUpdate(trx, id);
    if (!row) throw notFound('stop-payment request');
    if (row.status !== 'stopped') throw new AppError('ILLEGAL_TRANSITION', `only a stop in force can be renewed; this one is ${row.status}`);
    if (row.renewals >= settings.maxRenewals) throw new AppError('ILLEGAL_TRANSITION', `a stop can be renewed at most ${settings.maxRenewals} times; freeze the account instead`);
    const from = row.expires_at && row.expires_at > now ? row.expires_at : now;
    const expires = new Date(from.getTime() + settings.hours * 3_600_000);
    await repo.update(trx, id, { renewals: row.renewals + 1, expires_at: expires, expiry_warned_at: null, updated_at: now });
    await repo.insertEvents(trx, [{ stopPaymentId: id, at: now, kind: 'renewed', fromStatus: 'stopped', toStatus: 'stopped', ...actor(ctx), orgId: ctx.principal?.orgId ?? null, detail: { renewal: row.renewals + 1, expiresAt: expires.toISOString() } }]);
    if (row.bank_org_id !== null) {
      await insertNotifications(trx, [{ orgId: row.bank_org_id, kind: 'stop_payment.renewed', title: `止付续期 ${visible.case_no}（第 ${row.renewals + 1} 次）`, targetType: 'stop_payment', targetId: String(id), at: now }]);
    }
    await audit.record(trx, ctx, now, { action: 'stop_payment.renew', targetType: 'stop_payment', targetId: id, orgId: visible.case_org_id, detail: { renewal: row.renewals + 1 } });
  });
  return reload(deps, scope, id);
}

/** Ends a stop early (the money is frozen or returned, or the request was wrong). */
export async function release(deps: Deps, ctx: RequestContext, scope: Scope, id: number, note: string | undefined) {
  const visible = await repo.getById(deps.db, scope, id);
  if (!visible) throw notFound('stop-payment request');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockForUpdate(trx, id);
    if (!row) throw notFound('stop-payment request');
    if (row.status !== 'stopped') throw new AppError('ILLEGAL_TRANSITION', `only a stop in force can be released; this one is ${row.status}`);
    await repo.update(trx, id, { status: 'released', updated_at: now });
    await repo.insertEvents(trx, [{ stopPaymentId: id, at: now, kind: 'released', fromStatus: 'stopped', toStatus: 'released', ...actor(ctx), orgId: ctx.principal?.orgId ?? null, detail: note ? { note } : {} }]);
    if (row.bank_org_id !== null) {
      await insertNotifications(trx, [{ orgId: row.bank_org_id, kind: 'stop_payment.released', title: `解除止付 ${visible.case_no}`, targetType: 'stop_payment', targetId: String(id), at: now }]);
    }
    await audit.record(trx, ctx, now, { action: 'stop_payment.release', targetType: 'stop_payment', targetId: id, orgId: visible.case_org_id, detail: note ? { note } : {} });
  });
  return reload(deps, scope, id);
}

/**
 * A stop-payment an officer asks for by hand (a suggested account below the proposal threshold, an account
 * found outside the trace): pending at once; an account already requested for the case is 409.
 */
export async function requestByHand(
  deps: Deps,
  ctx: RequestContext,
  c: { id: number; orgId: number; caseNo: string },
  input: { account: string; bank: string; amount: string; accountName?: string | undefined },
  hop: number,
  /** more work in the same transaction (the alert that asked for the stop records it), given the new request's id */
  within?: (trx: Transaction<DB>, stopPaymentId: number) => Promise<void>,
) {
  const now = deps.clock.now();
  const opened = await deps.db.transaction().execute(async (trx) => {
    const out = await openRequests(trx, ctx, now, c, [{ account: input.account, bank: input.bank, accountName: input.accountName ?? null, amountFen: toFen(input.amount), hop, parentId: null }], 'pending');
    const first = out.briefs[0];
    if (!first) throw new AppError('CONFLICT', 'the account already has a stop-payment request in this case');
    await audit.record(trx, ctx, now, { action: 'stop_payment.request', targetType: 'case', targetId: c.id, orgId: c.orgId, detail: { account: input.account, bank: input.bank } });
    if (within) await within(trx, first.id);
    return out;
  });
  return opened;
}

/** Sends proposed next-hop requests of a case to their banks (all of them, or the ids given). */
export async function sendProposals(deps: Deps, ctx: RequestContext, c: { id: number; orgId: number; caseNo: string }, ids: number[] | undefined) {
  const now = deps.clock.now();
  const sent = await deps.db.transaction().execute(async (trx) => {
    const rows = (await repo.byCase(trx, c.id)).filter((r) => r.status === 'proposed' && (!ids || ids.includes(r.id)));
    if (ids) {
      const missing = ids.filter((i) => !rows.some((r) => r.id === i));
      if (missing.length) throw new AppError('ILLEGAL_TRANSITION', `not proposals of this case: ${missing.join(', ')}`);
    }
    for (const r of rows) await repo.update(trx, r.id, { status: 'pending', requested_at: now, updated_at: now });
    await repo.insertEvents(trx, rows.map((r) => ({ stopPaymentId: r.id, at: now, kind: 'requested', fromStatus: 'proposed' as const, toStatus: 'pending' as const, ...actor(ctx), orgId: c.orgId, detail: { hop: r.hop } })));
    await insertNotifications(trx, requestNotifications(rows, c, now));
    if (rows.length) await audit.record(trx, ctx, now, { action: 'stop_payment.send', targetType: 'case', targetId: c.id, orgId: c.orgId, detail: { ids: rows.map((r) => r.id) } });
    return rows;
  });
  return { sent: sent.map((r) => r.id), bankOrgIds: sent.flatMap((r) => (r.bank_org_id === null ? [] : [r.bank_org_id])) };
}

export interface ExpirySweep {
  warned: number;
  expired: number;
}

/**
 * The durable expiry sweeper: warns the case's unit (and the bank) `warnBeforeHours` before a stop
 * lapses, and marks lapsed stops expired. State lives in rows (expires_at, expiry_warned_at), so a
 * restart loses nothing; SKIP LOCKED lets several workers share the work.
 */
export async function sweepStops(deps: Deps, batch = 1000): Promise<ExpirySweep> {
  const now = deps.clock.now();
  const settings = await stopSettings(deps);
  const horizon = new Date(now.getTime() + settings.warnBeforeHours * 3_600_000);
  return deps.db.transaction().execute(async (trx) => {
    const due = await repo.lapsing(trx, now, horizon, batch);
    const expired = due.filter((d) => d.expires_at !== null && d.expires_at <= now);
    const warn = due.filter((d) => d.expires_at !== null && d.expires_at > now && d.expiry_warned_at === null);
    await repo.markExpired(trx, expired.map((d) => d.id), now);
    await repo.markWarned(trx, warn.map((d) => d.id), now);
    const system = { actorType: 'system' as const, actorId: null, actorName: 'sweeper' };
    await repo.insertEvents(trx, [
      ...expired.map((d) => ({ stopPaymentId: d.id, at: now, kind: 'expired', fromStatus: 'stopped' as const, toStatus: 'expired' as const, ...system, orgId: d.org_id, detail: {} })),
      ...warn.map((d) => ({ stopPaymentId: d.id, at: now, kind: 'expiry_warning', fromStatus: 'stopped' as const, toStatus: 'stopped' as const, ...system, orgId: d.org_id, detail: { expiresAt: d.expires_at?.toISOString() } })),
    ]);
    await insertNotifications(trx, [
      ...expired.map((d) => ({ orgId: d.org_id, kind: 'stop_payment.expired', title: `止付已到期 ${d.case_no}：${d.account}`, targetType: 'case', targetId: String(d.case_id), at: now })),
      ...warn.map((d) => ({
        orgId: d.org_id,
        kind: 'stop_payment.expiring',
        title: `止付即将到期 ${d.case_no}：${d.account}${d.renewals < settings.maxRenewals ? '，可续期' : '，请及时冻结'}`,
        targetType: 'case',
        targetId: String(d.case_id),
        at: now,
      })),
    ]);
    if (expired.length || warn.length) {
      await audit.record(trx, { principal: null, ip: null, requestId: 'sweeper' }, now, { action: 'stop_payment.sweep', targetType: 'stop_payment_batch', detail: { expired: expired.length, warned: warn.length } });
    }
    return { warned: warn.length, expired: expired.length };
  });
}
