import type { FlowIn, ResponseIn } from '../../../src/modules/money/stop-payments.service.ts';
import type { StopPaymentDto, StopPaymentStatus } from './cases.ts';
import { request } from './client.ts';

/** A request as a bank sees it, with the victim's transfers into the account: what the bank checks. */
export interface BankRequestDto extends StopPaymentDto {
  transfers: { amount: string; at: string }[];
}

export type BankResult = ResponseIn['result'];
export type FlowChannel = NonNullable<FlowIn['channel']>;
export type FlowBody = FlowIn;
export type ResponseBody = ResponseIn;

/** `answered` is every status after pending; proposals never reach a bank. */
export type RequestStatusFilter = Exclude<StopPaymentStatus, 'proposed' | 'withdrawn'> | 'answered';

export interface RequestQuery {
  status?: RequestStatusFilter | undefined;
  page: number;
  pageSize: number;
}

export const listBankRequests = (q: RequestQuery): Promise<{ items: BankRequestDto[]; total: number }> =>
  request('GET', '/api/v1/bank/requests', { query: { ...q } });

/** Answers once; a second answer is 409. Onward flows feed the case's trace and its next-hop proposals. */
export const respondRequest = (id: number, body: ResponseBody): Promise<StopPaymentDto> => request('POST', `/api/v1/bank/requests/${id}/response`, { body });

/**
 * The same list newest first. The server orders requests oldest first (right for what waits for an
 * answer) and takes no sort parameter, so the newest page is cut from the end: one call for the total,
 * then the one or two server pages the wanted slice spans.
 */
export async function listBankRequestsNewestFirst(q: RequestQuery): Promise<{ items: BankRequestDto[]; total: number }> {
  const { total } = await listBankRequests({ status: q.status, page: 1, pageSize: 1 });
  const end = total - (q.page - 1) * q.pageSize;
  if (end <= 0) return { items: [], total };
  const start = Math.max(0, end - q.pageSize);
  const first = Math.floor(start / q.pageSize) + 1;
  const last = Math.floor((end - 1) / q.pageSize) + 1;
  const pages = await Promise.all([first, ...(last !== first ? [last] : [])].map((page) => listBankRequests({ status: q.status, page, pageSize: q.pageSize })));
  const rows = pages.flatMap((p) => p.items);
  const offset = (first - 1) * q.pageSize;
  return { items: rows.slice(start - offset, end - offset).reverse(), total };
}
