import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import { suggestNextStops, trace, type Attribution, type Flow, type TraceResult } from '../../engines/trace/trace.ts';
import { maskAccount } from '../../lib/mask.ts';
import { fromFen, toFen } from '../../lib/money.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { notFound } from '../../server/errors.ts';
import * as casesRepo from '../cases/cases.repo.ts';
import type { Scope } from '../orgs/scope.ts';
import { moneySettings } from './money.settings.ts';
import * as repo from './stop-payments.repo.ts';
import { openRequests } from './stop-payments.service.ts';
import { loadTraceFlows } from './trace.repo.ts';

/**
 * FIFO is the default attribution: money leaves an account in the order it came in, as banks read a
 * statement (流水), and it does not smear small shares of the victim's money over every later payment the
 * way proportional attribution does. Both are shown on request.
 */
export const DEFAULT_ATTRIBUTION: Attribution = 'fifo';
export const TRACE_HOPS = 6;


interface CaseTrace {
  result: TraceResult;
  truncated: boolean;
}

async function computeTrace(db: Kysely<DB> | Transaction<DB>, caseId: number, method: Attribution): Promise<CaseTrace> {
  const transfers = await casesRepo.transfersOf(db, caseId);
  const seeds: Flow[] = transfers.map((t) => ({ from: t.from_account, to: t.to_account, amount: toFen(t.amount), at: t.at.getTime(), toBank: t.to_bank }));
  const firstArrival = new Map<string, Date>();
  for (const t of transfers) if (!firstArrival.has(t.to_account) || t.at < (firstArrival.get(t.to_account) ?? t.at)) firstArrival.set(t.to_account, t.at);
  const loaded = await loadTraceFlows(
    db as Kysely<DB>,
    [...firstArrival].map(([account, at]) => ({ account, at })),
    TRACE_HOPS,
    { skip: transfers.map((t) => t.from_account) },
  );
  return { result: trace({ seeds, flows: loaded.flows, method, maxHops: TRACE_HOPS }), truncated: loaded.truncated };
}

/**
 * After a bank reports onward flows: re-trace the case and propose a stop-payment for every account that
 * can still hold victim money and has no request yet, addressed to the bank the flow named. Proposals wait
 * for an officer's one click (they may be ordinary shops the mule paid).
 */
export async function refreshProposals(trx: Transaction<DB>, ctx: RequestContext, caseId: number, now: Date): Promise<number> {
  const c = await trx.selectFrom('cases').select(['id', 'org_id', 'case_no']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const { result } = await computeTrace(trx, caseId, DEFAULT_ATTRIBUTION);
  const existing = await repo.byCase(trx, caseId);
  const covered = new Set(existing.map((r) => r.account));
  const minFen = (await moneySettings({ db: trx as Kysely<DB> })).minProposalYuan * 100;
  const requestOf = new Map(existing.map((r) => [r.account, r.id]));
  const suggestions = suggestNextStops(result, covered, minFen);
  const parentOf = (account: string): number | null => {
    // The request of the account that passed on the most victim money to this one.
    const into = result.edges.filter((e) => e.to === account && requestOf.has(e.from)).sort((a, b) => b.tainted - a.tainted)[0];
    return into ? (requestOf.get(into.from) ?? null) : null;
  };
  const opened = await openRequests(
    trx,
    ctx,
    now,
    { id: c.id, orgId: c.org_id, caseNo: c.case_no },
    suggestions.map((s) => ({ account: s.account, bank: s.bank ?? '未知银行', accountName: null, amountFen: s.amount, hop: s.hop, parentId: parentOf(s.account) })),
    'proposed',
  );
  return opened.briefs.length;
}

/** PARTNER-API GET /api/v1/cases/{id}/trace, with the per-account detail the graph view needs. */
export async function caseTrace(deps: Deps, scope: Scope, caseId: number, method: Attribution = DEFAULT_ATTRIBUTION) {
  const c = await casesRepo.getById(deps.db, scope, caseId);
  if (!c) throw notFound('case');
  const [{ result, truncated }, requests, transfers] = await Promise.all([computeTrace(deps.db, caseId, method), repo.byCase(deps.db, caseId), casesRepo.transfersOf(deps.db, caseId)]);
  // The victim's own accounts are personal data: masked here as on the case page (reveal is audited there).
  const victim = new Set(transfers.map((t) => t.from_account));
  const shown = (account: string) => (victim.has(account) ? (maskAccount(account) ?? account) : account);
  const requestByAccount = new Map(requests.map((r) => [r.account, r]));
  const covered = new Set(requests.filter((r) => r.status !== 'proposed').map((r) => r.account));
  return {
    method,
    truncated,
    nodes: result.nodes.map((n) => {
      const r = requestByAccount.get(n.account);
      return {
        account: n.account,
        bank: n.bank ?? r?.bank ?? null,
        hop: n.hop,
        heldAmount: fromFen(n.held),
        receivedAmount: fromFen(n.taintedIn),
        cashedOutAmount: fromFen(n.cashedOut),
        status: r ? r.status : n.held === 0 && n.cashedOut > 0 ? 'cashed_out' : n.held === 0 ? 'passed_on' : 'untouched',
        stopPaymentId: r?.id ?? null,
      };
    }),
    edges: result.edges.map((e) => ({ from: shown(e.from), to: shown(e.to), amount: fromFen(e.amount), taintedAmount: fromFen(e.tainted), at: new Date(e.at).toISOString(), channel: e.channel })),
    suggestions: suggestNextStops(result, covered).map((s) => ({
      account: s.account,
      bank: s.bank,
      amount: fromFen(s.amount),
      hop: s.hop,
      reason: s.reason,
      stopPaymentId: requestByAccount.get(s.account)?.id ?? null,
    })),
    totals: { seed: fromFen(result.totalSeed), held: fromFen(result.totalHeld), cashedOut: fromFen(result.totalCashedOut) },
  };
}
export type CaseTraceDto = Awaited<ReturnType<typeof caseTrace>>;

/** The hop at which the case's money reached an account (1 when the trace does not reach it). */
export async function hopOf(db: Kysely<DB>, caseId: number, account: string): Promise<number> {
  const { result } = await computeTrace(db, caseId, DEFAULT_ATTRIBUTION);
  return result.nodes.find((n) => n.account === account)?.hop ?? 1;
}

/** Victim money of a case that can still be in an account (FIFO trace), in fen: the basis of a return. */
export async function heldAt(db: Kysely<DB>, caseId: number, account: string): Promise<number> {
  const { result } = await computeTrace(db, caseId, DEFAULT_ATTRIBUTION);
  const node = result.nodes.find((n) => n.account === account);
  return node ? node.held : 0;
}
