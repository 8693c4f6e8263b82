import type { FlowIn, ResponseIn } from '../../../src/modules/money/stop-payments.service.ts';
import type { FreezeDto, FreezeStatus, ReturnDto, StopPaymentDto, StopPaymentStatus } from './cases.ts';
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

/** The same list newest first (a history to look back on), as the server sorts it. */
export const listBankRequestsNewestFirst = (q: RequestQuery): Promise<{ items: BankRequestDto[]; total: number }> =>
  request('GET', '/api/v1/bank/requests', { query: { ...q, sort: 'newest' } });

// ---- freezes (冻结) and returns (返还) as a bank works them ----

export interface FreezeQuery {
  status?: FreezeStatus | undefined;
  page: number;
  pageSize: number;
}

/**
 * A bank liaison sees its institution's freezes, police users their cases'. Oldest first; the server
 * gives no total, so a page shorter than pageSize is the last one.
 */
export const listBankFreezes = (q: FreezeQuery): Promise<{ items: FreezeDto[] }> => request('GET', '/api/v1/bank/freezes', { query: { ...q } });

export interface FreezeAnswerBody {
  result: 'frozen' | 'rejected';
  /** Required when frozen. */
  frozenAmount?: string | undefined;
  note?: string | undefined;
}

/** Once (409 after); a freeze in force releases the stop-payment on the account. */
export const respondFreeze = (id: number, body: FreezeAnswerBody): Promise<FreezeDto> => request('POST', `/api/v1/bank/freezes/${id}/response`, { body });

/** The bank paid an approved return to the victims (409 unless approved). */
export const confirmReturnPaid = (id: number, reference: string): Promise<ReturnDto> => request('POST', `/api/v1/bank/returns/${id}/paid`, { body: { reference } });

/** A return with the freeze it is paid from: the account, its bank and the freeze's case. */
export interface BankReturnDto extends ReturnDto {
  account: string;
  bank: string;
  caseNo: string;
}

/**
 * Returns of the freezes the caller sees (a bank: its own freezes'; approved ones are to pay), newest
 * first, at most `limit` (no paging).
 */
export const listBankReturns = (q: { status?: ReturnDto['status'] | undefined; limit?: number | undefined }): Promise<{ items: BankReturnDto[] }> =>
  request('GET', '/api/v1/bank/returns', { query: { ...q } });
