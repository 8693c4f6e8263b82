import type { z } from 'zod';
import type { Board } from '../../../src/modules/warnings/warnings.board.ts';
import type { ImportField } from '../../../src/modules/warnings/warnings.import.ts';
import type { AttemptIn, DispatchIn, OutcomeIn, WarningDetailDto, WarningSummaryDto } from '../../../src/modules/warnings/warnings.schema.ts';
import type { WarningSettingsDto } from '../../../src/modules/warnings/warnings.settings.ts';
import type { UnitStats, WarningStats } from '../../../src/modules/warnings/warnings.stats.ts';
import type { Outcome, WarningLevel, WarningStatus } from '../../../src/modules/warnings/warning-workflow.ts';
import { request } from './client.ts';

export type { Board, ImportField, UnitStats, WarningDetailDto, WarningSettingsDto, WarningStats, WarningSummaryDto };
export type AttemptBody = z.input<typeof AttemptIn>;
export type OutcomeBody = z.input<typeof OutcomeIn>;
export type DispatchBody = z.input<typeof DispatchIn>;

export interface WarningQuery {
  status?: WarningStatus | 'open' | undefined;
  level?: WarningLevel | undefined;
  overdue?: 'true' | 'false' | undefined;
  orgCode?: string | undefined;
  dueWithinMinutes?: number | undefined;
  triage?: 'true' | undefined;
  /** Received from: a date (that China-time day's start) or an ISO time … */
  from?: string | undefined;
  /** … to, exclusive. */
  to?: string | undefined;
  /** Closed with this outcome. */
  outcome?: Outcome | undefined;
  page: number;
  pageSize: number;
}

export const listWarnings = (q: WarningQuery): Promise<{ items: WarningSummaryDto[]; total: number; totalCapped: boolean }> =>
  request('GET', '/api/v1/warnings', { query: { ...q } });

/** With reveal the server shows the personal fields unmasked and writes an audit entry. */
export const getWarning = (id: number, reveal = false): Promise<WarningDetailDto> =>
  request('GET', `/api/v1/warnings/${id}`, { query: { reveal: reveal ? '1' : undefined } });

export const acknowledgeWarning = (id: number): Promise<WarningDetailDto> => request('POST', `/api/v1/warnings/${id}/acknowledge`, { body: {} });

export const recordAttempt = (id: number, body: AttemptBody): Promise<WarningDetailDto> => request('POST', `/api/v1/warnings/${id}/attempts`, { body });

export const recordOutcome = (id: number, body: OutcomeBody): Promise<WarningDetailDto> => request('POST', `/api/v1/warnings/${id}/outcome`, { body });

export const dispatchWarning = (id: number, body: DispatchBody): Promise<WarningDetailDto> => request('POST', `/api/v1/warnings/${id}/dispatch`, { body });

export const fetchBoard = (): Promise<Board> => request('GET', '/api/v1/warnings/board');

export const fetchStats = (from: string, to: string): Promise<WarningStats> => request('GET', '/api/v1/warnings/stats', { query: { from, to } });

/** The Excel download is a plain GET the browser follows with the session cookie. */
export function statsExportUrl(from: string, to: string): string {
  return `/api/v1/warnings/stats?${new URLSearchParams({ from, to, format: 'xlsx' }).toString()}`;
}

export interface ImportUpload {
  id: number;
  fileName: string;
  columns: string[];
  total: number;
  sample: string[][];
  suggestedMapping: Partial<Record<ImportField, string>>;
  fields: ImportField[];
}

export interface ChunkBody {
  mapping: Partial<Record<ImportField, string>>;
  source: string;
  defaultLevel?: WarningLevel | undefined;
  offset: number;
  limit: number;
}

export interface ChunkResult {
  processed: number;
  total: number;
  accepted: number;
  duplicates: number;
  rejected: { row: number; externalId: string | null; errors: { path: string; message: string }[] }[];
}

export const uploadImport = (fileName: string, contentBase64: string): Promise<ImportUpload> =>
  request('POST', '/api/v1/warnings/imports', { body: { fileName, contentBase64 } });

export const runImportChunk = (id: number, body: ChunkBody): Promise<ChunkResult> => request('POST', `/api/v1/warnings/imports/${id}/chunk`, { body });

export const fetchWarningSettings = (): Promise<WarningSettingsDto> => request('GET', '/api/v1/settings/warnings');

export const saveWarningSettings = (body: WarningSettingsDto): Promise<WarningSettingsDto> => request('PUT', '/api/v1/settings/warnings', { body });

export interface NoticeDto {
  id: number;
  kind: string;
  title: string;
  targetType: string | null;
  targetId: string | null;
  createdAt: string;
  readAt: string | null;
}

export const listNotices = (): Promise<{ unread: number; items: NoticeDto[] }> =>
  request('GET', '/api/v1/notifications', { query: { unread: 'true', limit: 20 } });

export const markNoticeRead = (id: number): Promise<void> => request('POST', `/api/v1/notifications/${id}/read`);
