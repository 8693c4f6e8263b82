import type { z } from 'zod';
import type { FraudType } from '../../../src/lib/fraud-types.ts';
import type { CaseStatus } from '../../../src/db/types.ts';
import type { CaseCreated, CaseDetail, CaseIn, CaseSummary, StopPaymentOut } from '../../../src/modules/cases/cases.schema.ts';
import type { MoneySettingsDto } from '../../../src/modules/money/money.settings.ts';
import type { CaseTraceDto } from '../../../src/modules/money/trace.service.ts';
import { request } from './client.ts';

export type CaseDetailDto = z.infer<typeof CaseDetail>;
export type CaseSummaryDto = z.infer<typeof CaseSummary>;
export type CaseCreatedDto = z.infer<typeof CaseCreated>;
export type StopPaymentDto = z.infer<typeof StopPaymentOut>;
export type StopPaymentStatus = StopPaymentDto['status'];
/** The intake body as the server's schema accepts it (before its transforms: account spaces, phone). */
export type CaseBody = z.input<typeof CaseIn>;
export type TransferBody = CaseBody['transfers'][number];
export type IdentifierKind = NonNullable<CaseBody['identifiers']>[number]['kind'];
export type TraceDto = CaseTraceDto;
export type TraceMethod = TraceDto['method'];
export type { CaseStatus, FraudType };

export interface CaseQuery {
  /** 'open': not closed; 'reported': every status but withdrawn (what the statistics count as 发案). */
  status?: CaseStatus | 'open' | 'reported' | undefined;
  fraudType?: FraudType | undefined;
  /** A unit in the caller's scope: its whole subtree. */
  orgCode?: string | undefined;
  q?: string | undefined;
  /** Reported from: a date (that China-time day's start) or an ISO time … */
  from?: string | undefined;
  /** … to, exclusive. */
  to?: string | undefined;
  /** Solved (破案) from / to (exclusive), dates YYYY-MM-DD as China-time days. */
  solvedFrom?: string | undefined;
  solvedTo?: string | undefined;
  page: number;
  pageSize: number;
}

export const listCases = (q: CaseQuery): Promise<{ items: CaseSummaryDto[]; total: number }> => request('GET', '/api/v1/cases', { query: { ...q } });

/** With reveal the server shows the victim (and the victim's own accounts) unmasked and writes an audit entry. */
export const getCase = (id: number, reveal = false): Promise<CaseDetailDto> => request('GET', `/api/v1/cases/${id}`, { query: { reveal: reveal ? '1' : undefined } });

/** 201 for a new case, 200 with duplicate:true when the same (source, externalId) was reported before. */
export const createCase = (body: CaseBody): Promise<CaseCreatedDto> => request('POST', '/api/v1/cases', { body });

export const moveCaseStatus = (id: number, to: CaseStatus, note?: string): Promise<CaseDetailDto> =>
  request('POST', `/api/v1/cases/${id}/status`, { body: { to, ...(note ? { note } : {}) } });

export interface AssignBody {
  orgCode?: string | undefined;
  investigatorId: number;
  leaderId: number;
}

export const assignCase = (id: number, body: AssignBody): Promise<CaseDetailDto> => request('POST', `/api/v1/cases/${id}/assign`, { body });

/** Sends the case's proposed next-hop requests (all, or the ids given) to their banks. */
export const sendProposals = (caseId: number, ids?: number[]): Promise<{ sent: number[] }> =>
  request('POST', `/api/v1/cases/${caseId}/stop-payments/send`, { body: ids && ids.length ? { ids } : {} });

export const renewStop = (id: number, note?: string): Promise<StopPaymentDto> => request('POST', `/api/v1/stop-payments/${id}/renew`, { body: note ? { note } : {} });

export const releaseStop = (id: number, note?: string): Promise<StopPaymentDto> => request('POST', `/api/v1/stop-payments/${id}/release`, { body: note ? { note } : {} });

/** A stop asked for by hand (a suggestion below the proposal threshold, an account found elsewhere); 409 if already asked. */
export const requestStop = (caseId: number, body: { account: string; bank: string; amount: string; accountName?: string | undefined }): Promise<{ stopPayments: CaseCreatedDto['stopPayments'] }> =>
  request('POST', `/api/v1/cases/${caseId}/stop-payments`, { body });

export type MoneySettings = MoneySettingsDto;

/** The stop rules in force: hours a stop holds, renewals allowed, the warning lead, the smallest proposal. */
export const getMoneySettings = (): Promise<MoneySettings> => request('GET', '/api/v1/money/settings');

export const getTrace = (caseId: number, method: TraceMethod): Promise<TraceDto> => request('GET', `/api/v1/cases/${caseId}/trace`, { query: { method } });

// ---- freezes (冻结), returns (返还), money totals ----

export type FreezeDto = CaseDetailDto['freezes'][number];
export type FreezeStatus = FreezeDto['status'];
export type FreezeKind = FreezeDto['kind'];
export type ReturnDto = CaseDetailDto['returns'][number];
export type ReturnStatus = ReturnDto['status'];
export type ReturnMethod = ReturnDto['method'];
export type MoneyDto = CaseDetailDto['money'];
export type RelatedCaseDto = CaseDetailDto['related'][number];

export interface FreezeBody {
  account: string;
  bank?: string | undefined;
  /** 法律文书号 of the freeze decision, 3–60 characters. */
  documentNo: string;
  kind: FreezeKind;
  /** Required iff the freeze is limited. */
  limitAmount?: string | undefined;
  /** 1–12, 6 by default. */
  months?: number | undefined;
}

/** 201 with the freeze (requested); 409 when the account already has a live freeze in this case. */
export const requestFreeze = (caseId: number, body: FreezeBody): Promise<FreezeDto> => request('POST', `/api/v1/cases/${caseId}/freezes`, { body });

/** 续冻: another period from the current end, with the new document. */
export const renewFreeze = (id: number, body: { documentNo: string; months?: number | undefined }): Promise<FreezeDto> => request('POST', `/api/v1/freezes/${id}/renew`, { body });

/** 解冻 with the release document. */
export const releaseFreeze = (id: number, body: { documentNo: string; note?: string | undefined }): Promise<FreezeDto> => request('POST', `/api/v1/freezes/${id}/release`, { body });

export interface ReturnBody {
  method: ReturnMethod;
  /** Pro rata: the other cases whose victims' money is in the account (the freeze's own case is always one). */
  caseIds?: number[] | undefined;
  /** Default: all still frozen and not yet planned. */
  amount?: string | undefined;
  note?: string | undefined;
}

/** Traced: approved at once. Pro rata: noticed for 30 days (noticeUntil), then approved. */
export const planReturn = (freezeId: number, body: ReturnBody): Promise<ReturnDto> => request('POST', `/api/v1/freezes/${freezeId}/returns`, { body });

/** After the notice period (409 before). */
export const approveReturn = (id: number): Promise<ReturnDto> => request('POST', `/api/v1/returns/${id}/approve`, { body: {} });

export const getMoneyTotals = (): Promise<MoneyDto> => request('GET', '/api/v1/money/totals');

// ---- serial cases (串并案) ----

export interface ClusterCaseDto {
  id: number;
  caseNo: string;
  status: CaseStatus;
  reportedAt: string;
  lossAmount: string;
  fraudType: string | null;
  serialNo: string | null;
}
export interface SharedIdentifierDto {
  kind: string;
  value: string;
  cases: number;
}
export interface ClustersDto {
  from: string;
  to: string;
  total: number;
  hubs: SharedIdentifierDto[];
  clusters: { shared: SharedIdentifierDto[]; cases: ClusterCaseDto[] }[];
}
export interface ClustersQuery {
  from?: string | undefined;
  to?: string | undefined;
  minCases?: number | undefined;
  limit?: number | undefined;
}
export interface SerialDto {
  id: number;
  serialNo: string;
  name: string;
  createdAt: string;
  createdBy: string | null;
  cases: (Omit<ClusterCaseDto, 'serialNo'> & { linkedBy: { kind: string; value: string }[] })[];
  lossTotal: string;
}

/** Cases linked by shared identifiers, biggest clusters first (the last year unless a period is given). */
export const getClusters = (q: ClustersQuery): Promise<ClustersDto> => request('GET', '/api/v1/cases/clusters', { query: { ...q } });

export const createSerial = (body: { name: string; caseIds: number[] }): Promise<SerialDto> => request('POST', '/api/v1/serials', { body });

export const getSerial = (id: number): Promise<SerialDto> => request('GET', `/api/v1/serials/${id}`);
