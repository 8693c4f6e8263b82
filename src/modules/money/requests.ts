/**
 * The request steps that span stop-payments, tracing and the live stream: a bank's answer (re-traced into
 * proposals), a stop asked for by hand, proposals sent, and freeze/return changes announced. Routes call
 * one function each; the steps themselves live in stop-payments.service, trace.service and freezes.service.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { notFound } from '../../server/errors.ts';
import * as casesRepo from '../cases/cases.repo.ts';
import { announce } from '../orgs/orgs.service.ts';
import type { Scope } from '../orgs/scope.ts';
import * as service from './stop-payments.service.ts';
import { hopOf, refreshProposals } from './trace.service.ts';

async function caseOf(deps: Deps, scope: Scope, caseId: number) {
  const c = await casesRepo.getById(deps.db, scope, caseId);
  if (!c) throw notFound('case');
  return { id: c.id, orgId: c.org_id, caseNo: c.case_no };
}

/** A bank answers; onward flows become proposals in the same transaction; the case's unit is told. */
export async function answer(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: service.ResponseIn) {
  const out = await service.respond(deps, ctx, scope, id, input, (trx, caseId, now) => refreshProposals(trx, ctx, caseId, now).then(() => undefined));
  const c = await deps.db.selectFrom('cases').select('org_id').where('id', '=', out.caseId).executeTakeFirst();
  if (c) await announce(deps, [c.org_id], { type: 'stop_payment.answered', id: out.id, data: { caseId: out.caseId, status: out.status } });
  return out;
}

/** A stop on an account by hand, at the hop the trace places it; its bank is told at once. */
export async function askByHand(
  deps: Deps,
  ctx: RequestContext,
  scope: Scope,
  caseId: number,
  input: { account: string; bank: string; amount: string; accountName?: string | undefined },
  within?: (trx: Transaction<DB>, stopPaymentId: number) => Promise<void>,
) {
  const c = await caseOf(deps, scope, caseId);
  const opened = await service.requestByHand(deps, ctx, c, input, await hopOf(deps.db, c.id, input.account), within);
  await announce(deps, opened.notify.map((n) => n.orgId), { type: 'stop_payment.new', id: c.id });
  return { stopPayments: opened.briefs };
}

/** Sends a case's proposals (all or the ids given) and tells the banks addressed. */
export async function sendProposed(deps: Deps, ctx: RequestContext, scope: Scope, caseId: number, ids: number[] | undefined) {
  const c = await caseOf(deps, scope, caseId);
  const { sent, bankOrgIds } = await service.sendProposals(deps, ctx, c, ids);
  await announce(deps, bankOrgIds, { type: 'stop_payment.new', id: c.id });
  return { sent };
}

/** The bank's screens and the case's unit learn of a freeze or return change at once. */
export async function announceFreeze(deps: Deps, freezeId: number, type: string): Promise<void> {
  const f = await deps.db.selectFrom('freezes').innerJoin('cases', 'cases.id', 'freezes.case_id').select(['freezes.bank_org_id', 'cases.org_id', 'freezes.case_id']).where('freezes.id', '=', freezeId).executeTakeFirst();
  if (f) await announce(deps, [f.org_id, ...(f.bank_org_id === null ? [] : [f.bank_org_id])], { type, id: freezeId, data: { caseId: f.case_id } });
}
