import type { z } from 'zod';
import type { AuditEntryDto, VerifyOut } from '../../../src/modules/audit/audit.schema.ts';
import { request } from './client.ts';

export type { AuditEntryDto };
export type VerifyResult = z.infer<typeof VerifyOut>;

export interface AuditQuery {
  action?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export const listAudit = (q: AuditQuery): Promise<{ items: AuditEntryDto[]; total: number }> => request('GET', '/api/v1/audit', { query: { ...q } });

export const verifyAudit = (): Promise<VerifyResult> => request('POST', '/api/v1/audit/verify');
