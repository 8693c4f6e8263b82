import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../server/context.ts';
import { route } from '../../server/route.ts';
import { CASE_READERS, CASE_WRITERS } from '../cases/cases.routes.ts';
import { Account, CaseIdParams, Money, StopPaymentBrief, StopPaymentOut } from '../cases/cases.schema.ts';
import { scopeOf } from '../orgs/scope.ts';
import * as freezes from './freezes.service.ts';
import { FreezeOut, ReturnOut } from './money.schema.ts';
import { moneyTotals } from './freezes.repo.ts';
import * as requests from './requests.ts';
import * as service from './stop-payments.service.ts';
import { uploadStatement } from './statements.ts';
import { MoneySettings, moneySettings, putMoneySettings } from './money.settings.ts';
import { caseTrace } from './trace.service.ts';

const IsoTime = z.iso.datetime({ offset: true, message: 'ISO 8601 time with offset, e.g. 2026-11-28T09:30:00+08:00' });
const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });

const QueueQuery = z.strictObject({
  status: z.enum(['pending', 'stopped', 'mismatch', 'no_balance', 'rejected', 'expired', 'released', 'answered']).optional(),
  sort: z.enum(['oldest', 'newest']).default('oldest').describe('by request time: oldest first (a queue to work off) or newest first (a history)'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const QueueItem = StopPaymentOut.extend({ transfers: z.array(z.object({ amount: z.string(), at: z.string() })) });

const FlowIn = z.strictObject({
  fromAccount: Account,
  toAccount: Account,
  toBank: z.string().trim().min(1).max(60),
  amount: Money.refine((v) => Number(v) > 0, 'must be more than 0'),
  at: IsoTime,
  channel: z.enum(['transfer', 'cash_out', 'cash_in', 'card', 'wallet']).optional(),
});
const ResponseIn = z.strictObject({
  result: z.enum(['stopped', 'mismatch', 'no_balance', 'rejected']),
  stoppedAmount: Money.optional(),
  balance: Money.optional(),
  note: z.string().trim().max(2000).optional(),
  flows: z.array(FlowIn).max(5000).optional(),
});
const NoteIn = z.strictObject({ note: z.string().trim().max(2000).optional() });
const SendIn = z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(500).optional() });
const TraceQuery = z.strictObject({ method: z.enum(['fifo', 'proportional']).optional() });

const money = z.string();
const TraceOut = z.object({
  method: z.enum(['fifo', 'proportional']),
  truncated: z.boolean(),
  nodes: z.array(z.object({ account: z.string(), bank: z.string().nullable(), hop: z.number(), heldAmount: money, receivedAmount: money, cashedOutAmount: money, status: z.string(), stopPaymentId: z.number().nullable() })),
  edges: z.array(z.object({ from: z.string(), to: z.string(), amount: money, taintedAmount: money, at: z.string(), channel: z.string() })),
  suggestions: z.array(z.object({ account: z.string(), bank: z.string().nullable(), amount: money, hop: z.number(), reason: z.string(), stopPaymentId: z.number().nullable() })),
  totals: z.object({ seed: money, held: money, cashedOut: money }),
});


const DocumentNo = z.string().trim().min(3).max(60);
const FreezeIn = z.strictObject({
  account: Account,
  bank: z.string().trim().min(1).max(60).optional(),
  documentNo: DocumentNo,
  kind: z.enum(['full', 'limited']),
  limitAmount: Money.refine((v) => Number(v) > 0, 'must be more than 0').optional(),
  months: z.number().int().min(1).max(12).optional(),
});
const FreezeAnswerIn = z.strictObject({ result: z.enum(['frozen', 'rejected']), frozenAmount: Money.optional(), note: z.string().trim().max(2000).optional() });
const FreezeQuery = z.strictObject({
  status: z.enum(['requested', 'frozen', 'rejected', 'released', 'expired']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const ReturnIn = z.strictObject({
  method: z.enum(['traced', 'pro_rata']),
  caseIds: z.array(z.number().int().positive()).max(200).optional(),
  amount: Money.optional(),
  note: z.string().trim().max(2000).optional(),
});
const MoneyTotals = z.object({ stopped: z.string(), frozen: z.string(), returned: z.string() });

function freezeRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cases/:id/freezes',
    summary: 'Request a freeze (冻结) of an account of the case with its document: full or limited, 6 months unless set',
    tags: ['money'],
    auth: CASE_WRITERS,
    params: CaseIdParams,
    body: FreezeIn,
    status: 201,
    responses: { 201: FreezeOut },
    handler: async ({ ctx, principal, params, body }) => freezes.requestFreeze(deps, ctx, await scopeOf(deps.db, principal), params.id, body).then(async (f) => (await requests.announceFreeze(deps, f.id, 'freeze.requested'), f)),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/bank/freezes',
    summary: 'Freezes: a bank liaison sees its institution’s, police users their cases’',
    tags: ['money'],
    auth: ['bank_liaison', ...CASE_READERS],
    query: FreezeQuery,
    responses: { 200: z.object({ items: z.array(FreezeOut) }) },
    handler: async ({ principal, query }) => freezes.listFreezes(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/bank/freezes/:id/response',
    summary: 'The bank carries out or refuses a freeze, once; a freeze in force releases the stop-payment on the account',
    tags: ['money'],
    auth: ['bank_liaison'],
    params: IdParams,
    body: FreezeAnswerIn,
    responses: { 200: FreezeOut },
    handler: async ({ ctx, principal, params, body }) => freezes.respondFreeze(deps, ctx, await scopeOf(deps.db, principal), params.id, body).then(async (f) => (await requests.announceFreeze(deps, f.id, 'freeze.answered'), f)),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/freezes/:id/renew',
    summary: 'Renew a freeze in force with a new document (续冻)',
    tags: ['money'],
    auth: CASE_WRITERS,
    params: IdParams,
    body: z.strictObject({ documentNo: DocumentNo, months: z.number().int().min(1).max(12).optional() }),
    responses: { 200: FreezeOut },
    handler: async ({ ctx, principal, params, body }) => freezes.renewFreeze(deps, ctx, await scopeOf(deps.db, principal), params.id, body).then(async (f) => (await requests.announceFreeze(deps, f.id, 'freeze.renewed'), f)),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/freezes/:id/release',
    summary: 'Release a freeze with the release document (解冻)',
    tags: ['money'],
    auth: CASE_WRITERS,
    params: IdParams,
    body: z.strictObject({ documentNo: DocumentNo, note: z.string().trim().max(2000).optional() }),
    responses: { 200: FreezeOut },
    handler: async ({ ctx, principal, params, body }) => freezes.releaseFreeze(deps, ctx, await scopeOf(deps.db, principal), params.id, body).then(async (f) => (await requests.announceFreeze(deps, f.id, 'freeze.released'), f)),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/freezes/:id/returns',
    summary: 'Plan a return (返还) of frozen money: traced to the case’s victim, or pro rata over several cases after a 30-day notice',
    tags: ['money'],
    auth: CASE_WRITERS,
    params: IdParams,
    body: ReturnIn,
    status: 201,
    responses: { 201: ReturnOut },
    handler: async ({ ctx, principal, params, body }) => freezes.planReturn(deps, ctx, await scopeOf(deps.db, principal), params.id, body).then(async (r) => (await requests.announceFreeze(deps, r.freezeId, 'return.planned'), r)),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/returns/:id/approve',
    summary: 'Approve a pro-rata return for payment once its notice period has run (409 before)',
    tags: ['money'],
    auth: ['admin', 'center_analyst', 'center_leader'],
    params: IdParams,
    body: z.strictObject({}),
    responses: { 200: ReturnOut },
    handler: async ({ ctx, principal, params }) => freezes.approveReturn(deps, ctx, await scopeOf(deps.db, principal), params.id).then(async (r) => (await requests.announceFreeze(deps, r.freezeId, 'return.approved'), r)),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/bank/returns/:id/paid',
    summary: 'The bank confirms it paid an approved return to the victims',
    tags: ['money'],
    auth: ['bank_liaison'],
    params: IdParams,
    body: z.strictObject({ reference: z.string().trim().min(1).max(100) }),
    responses: { 200: ReturnOut },
    handler: async ({ ctx, principal, params, body }) => freezes.confirmPaid(deps, ctx, await scopeOf(deps.db, principal), params.id, body).then(async (r) => (await requests.announceFreeze(deps, r.freezeId, 'return.paid'), r)),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/bank/returns',
    summary: 'Returns of frozen money: a bank liaison sees its own freezes’ (approved ones are to pay), police users their cases’',
    tags: ['money'],
    auth: ['bank_liaison', ...CASE_READERS],
    query: z.strictObject({ status: z.enum(['noticed', 'approved', 'paid', 'cancelled']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
    responses: { 200: z.object({ items: z.array(ReturnOut.extend({ account: z.string(), bank: z.string(), caseNo: z.string() })) }) },
    handler: async ({ principal, query }) => freezes.listReturns(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/money/settings',
    summary: 'Stop-payment rules in force: hours a stop holds, renewals allowed, warning lead; smallest next-hop proposal',
    tags: ['money'],
    auth: ['bank_liaison', ...CASE_READERS],
    responses: { 200: MoneySettings },
    handler: async () => moneySettings(deps),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/money/settings',
    summary: 'Change the stop-payment rules (admin); stops in force keep their expiry',
    tags: ['money'],
    auth: ['admin'],
    body: MoneySettings,
    responses: { 200: MoneySettings },
    handler: async ({ ctx, body }) => putMoneySettings(deps, ctx, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/money/totals',
    summary: 'Money stopped, frozen and returned over the caller’s cases',
    tags: ['money'],
    auth: CASE_READERS,
    responses: { 200: MoneyTotals },
    handler: async ({ principal }) => moneyTotals(deps.db, await scopeOf(deps.db, principal)),
  });
}

export function moneyRoutes(app: FastifyInstance, deps: Deps): void {
  freezeRoutes(app, deps);
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/bank/requests',
    summary: 'Stop-payment requests: a bank liaison sees its own institution’s only, police users their cases’',
    tags: ['money'],
    auth: ['bank_liaison', ...CASE_READERS],
    query: QueueQuery,
    responses: { 200: z.object({ items: z.array(QueueItem), total: z.number() }) },
    handler: async ({ principal, query }) => service.listRequests(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/bank/requests/:id/response',
    summary: 'A bank answers a request once (409 after): stopped with amount, mismatch, no balance or rejected; onward flows feed tracing',
    tags: ['money'],
    auth: ['bank_liaison'],
    params: IdParams,
    body: ResponseIn,
    responses: { 200: StopPaymentOut },
    handler: async ({ ctx, principal, params, body }) => requests.answer(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/bank/requests/:id/flows',
    summary: 'Attach a statement (流水, CSV) of where the money went after an answered request; rows checked one by one, the case re-traced',
    tags: ['money'],
    auth: ['bank_liaison'],
    params: IdParams,
    body: z.strictObject({ csv: z.string().min(1).max(5 * 1024 * 1024) }),
    responses: {
      200: z.object({
        received: z.number(),
        stored: z.number(),
        duplicates: z.number(),
        rejected: z.array(z.object({ row: z.number(), errors: z.array(z.object({ path: z.string(), message: z.string() })) })),
        proposals: z.number(),
      }),
    },
    handler: async ({ ctx, principal, params, body }) => uploadStatement(deps, ctx, await scopeOf(deps.db, principal), params.id, body.csv, FlowIn),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/stop-payments/:id/renew',
    summary: 'Renew a stop in force for another period (at most twice by default; 409 after)',
    tags: ['money'],
    auth: CASE_WRITERS,
    params: IdParams,
    body: NoteIn,
    responses: { 200: StopPaymentOut },
    handler: async ({ ctx, principal, params }) => service.renew(deps, ctx, await scopeOf(deps.db, principal), params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/stop-payments/:id/release',
    summary: 'Release a stop early (the money is frozen or returned, or the stop was wrong)',
    tags: ['money'],
    auth: CASE_WRITERS,
    params: IdParams,
    body: NoteIn,
    responses: { 200: StopPaymentOut },
    handler: async ({ ctx, principal, params, body }) => service.release(deps, ctx, await scopeOf(deps.db, principal), params.id, body.note),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cases/:id/stop-payments',
    summary: 'Ask for a stop-payment on an account by hand (a suggestion below the proposal threshold, an account found elsewhere); 409 if already asked',
    tags: ['money'],
    auth: CASE_WRITERS,
    params: CaseIdParams,
    body: z.strictObject({ account: Account, bank: z.string().trim().min(1).max(60), amount: Money.refine((v) => Number(v) > 0, 'must be more than 0'), accountName: z.string().trim().min(1).max(60).optional() }),
    status: 201,
    responses: { 201: z.object({ stopPayments: z.array(StopPaymentBrief) }) },
    handler: async ({ ctx, principal, params, body }) => requests.askByHand(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cases/:id/stop-payments/send',
    summary: 'Send the proposed next-hop stop-payment requests of a case (all, or the ids given) to their banks',
    tags: ['money'],
    auth: CASE_WRITERS,
    params: CaseIdParams,
    body: SendIn,
    responses: { 200: z.object({ sent: z.array(z.number()) }) },
    handler: async ({ ctx, principal, params, body }) => requests.sendProposed(deps, ctx, await scopeOf(deps.db, principal), params.id, body.ids),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cases/:id/trace',
    summary: 'Where the victim’s money went: accounts with the amount they can still hold, movements, and next stop-payments to send',
    tags: ['money'],
    auth: CASE_READERS,
    params: CaseIdParams,
    query: TraceQuery,
    responses: { 200: TraceOut },
    handler: async ({ principal, params, query }) => caseTrace(deps, await scopeOf(deps.db, principal), params.id, query.method),
  });
}
