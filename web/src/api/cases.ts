import type { z } from 'zod';
import type { FraudType } from '../../../src/lib/fraud-types.ts';
import type { CaseStatus } from '../../../src/db/types.ts';
import type { CaseCreated, CaseDetail, CaseIn, CaseSummary, StopPaymentOut } from '../../../src/modules/cases/cases.schema.ts';
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
  status?: CaseStatus | 'open' | undefined;
  fraudType?: FraudType | undefined;
  orgCode?: string | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
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

export const getTrace = (caseId: number, method: TraceMethod): Promise<TraceDto> => request('GET', `/api/v1/cases/${caseId}/trace`, { query: { method } });
