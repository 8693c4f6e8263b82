import type { z } from 'zod';
import { parseCsv } from '../../lib/tabular.ts';
import { toIsoTime } from '../../lib/periods.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, invalid, notFound, type FieldError } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import type { Scope } from '../orgs/scope.ts';
import * as repo from './stop-payments.repo.ts';
import { refreshProposals } from './trace.service.ts';

/** Column headings banks use in statements (流水), per field; matching ignores case. */
const COLUMNS: Record<'fromAccount' | 'toAccount' | 'toBank' | 'amount' | 'at' | 'channel', readonly string[]> = {
  fromAccount: ['fromAccount', '付款账号', '付款卡号', '交易账号', '本方账号'],
  toAccount: ['toAccount', '收款账号', '收款卡号', '对方账号', '对手账号'],
  toBank: ['toBank', '收款银行', '对方银行', '对方开户行', '对手开户行'],
  amount: ['amount', '金额', '交易金额'],
  at: ['at', '时间', '交易时间'],
  channel: ['channel', '渠道', '交易渠道', '交易类型'],
};
const CHANNEL_WORDS: Record<string, 'transfer' | 'cash_out' | 'cash_in' | 'card' | 'wallet'> = {
  转账: 'transfer', 取现: 'cash_out', 取款: 'cash_out', 存现: 'cash_in', 存款: 'cash_in', 消费: 'card', 刷卡: 'card', 快捷支付: 'wallet', 第三方支付: 'wallet',
};

export const MAX_STATEMENT_ROWS = 5000;

/**
 * A bank's statement of where the money went after a request (CSV, headings in Chinese or the API's names),
 * checked row by row like the `flows` of an answer: good rows are stored (a movement already known is not
 * stored twice), bad ones are reported by row number and field, and the case is re-traced into proposals.
 * Only for a request already answered, by the bank it was addressed to.
 */
export async function uploadStatement(
  deps: Deps,
  ctx: RequestContext,
  scope: Scope,
  id: number,
  csv: string,
  flowSchema: z.ZodType<{ fromAccount: string; toAccount: string; toBank: string; amount: string; at: string; channel?: 'transfer' | 'cash_out' | 'cash_in' | 'card' | 'wallet' | undefined }>,
) {
  const request = await repo.getById(deps.db, scope, id);
  if (!request) throw notFound('stop-payment request');
  if (request.status === 'pending' || request.status === 'proposed') throw new AppError('ILLEGAL_TRANSITION', 'answer the request first; the statement follows the answer');
  const rows = parseCsv(csv.replace(/^\uFEFF/, '')).filter((r) => r.some((c) => c.trim() !== ''));
  const [header, ...body] = rows;
  if (!header) throw invalid('csv', 'empty file');
  if (body.length > MAX_STATEMENT_ROWS) throw new AppError('TOO_LARGE', `a statement holds at most ${MAX_STATEMENT_ROWS} rows, got ${body.length}`);
  const index: Partial<Record<keyof typeof COLUMNS, number>> = {};
  for (const [field, names] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, readonly string[]][]) {
    const i = header.findIndex((h) => names.some((n) => n.toLowerCase() === h.trim().toLowerCase()));
    if (i >= 0) index[field] = i;
  }
  const missing = (['toAccount', 'amount', 'at'] as const).filter((f) => index[f] === undefined);
  if (missing.length) throw invalid('csv', `missing columns: ${missing.join(', ')} (e.g. 收款账号, 金额, 交易时间)`);
  const now = deps.clock.now();
  const rejected: { row: number; errors: FieldError[] }[] = [];
  const good: repo.NewFlow[] = [];
  body.forEach((cells, k) => {
    const cell = (f: keyof typeof COLUMNS) => (index[f] === undefined ? undefined : (cells[index[f]] ?? '').trim() || undefined);
    const channelWord = cell('channel');
    const raw = {
      fromAccount: cell('fromAccount') ?? request.account,
      toAccount: cell('toAccount'),
      toBank: cell('toBank') ?? '未知银行',
      amount: cell('amount')?.replace(/,/g, ''),
      at: ((v) => (v === undefined ? undefined : toIsoTime(v)))(cell('at')),
      ...(channelWord ? { channel: CHANNEL_WORDS[channelWord] ?? channelWord } : {}),
    };
    const parsed = flowSchema.safeParse(raw);
    const row = k + 2; // the spreadsheet's own row number (the header is row 1)
    if (!parsed.success) {
      rejected.push({ row, errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
      return;
    }
    const f = parsed.data;
    if (new Date(f.at).getTime() > now.getTime() + 5 * 60_000) rejected.push({ row, errors: [{ path: 'at', message: 'lies in the future' }] });
    else if (f.fromAccount === f.toAccount) rejected.push({ row, errors: [{ path: 'toAccount', message: 'same as fromAccount' }] });
    else good.push({ fromAccount: f.fromAccount, toAccount: f.toAccount, toBank: f.toBank, amount: f.amount, at: new Date(f.at), channel: f.channel ?? 'transfer', stopPaymentId: id, caseId: request.case_id });
  });
  const result = await deps.db.transaction().execute(async (trx) => {
    const stored = await repo.insertFlows(trx, good);
    const proposals = good.length ? await refreshProposals(trx, ctx, request.case_id, now) : 0;
    await repo.insertEvents(trx, [
      { stopPaymentId: id, at: now, kind: 'statement', fromStatus: request.status, toStatus: request.status, actorType: ctx.principal?.type ?? 'system', actorId: ctx.principal?.id ?? null, actorName: ctx.principal?.name ?? null, orgId: ctx.principal?.orgId ?? null, detail: { rows: body.length, stored, rejected: rejected.length } },
    ]);
    await audit.record(trx, ctx, now, { action: 'stop_payment.statement', targetType: 'stop_payment', targetId: id, orgId: request.case_org_id, detail: { rows: body.length, stored, rejected: rejected.length } });
    return { stored, proposals };
  });
  return { received: body.length, stored: result.stored, duplicates: good.length - result.stored, rejected, proposals: result.proposals };
}
