import type { KpiId, KpiUnit } from '../../../src/modules/stats/kpis.ts';
import { request } from './client.ts';

export type { KpiId, KpiUnit };

/** GET /api/v1/stats/kpis: one definition per KPI (formulas in docs/kpis.md). */
export interface KpiDefDto {
  id: KpiId;
  zh: string;
  en: string;
  unit: KpiUnit;
  /** Which way is good: cases and losses down, the rest up. */
  better: 'up' | 'down';
  metrics: string[];
}

/** Whole China-time days, both ends included. */
export interface DaysDto {
  firstDay: string;
  lastDay: string;
}

export interface KpiValueDto {
  id: KpiId;
  unit: KpiUnit;
  better: 'up' | 'down';
  /** Rates are fractions (0.5 = 50 %); null = cannot be computed (an empty denominator). */
  value: number | null;
  lastYear: number | null;
  previous: number | null;
  /** Relative change for counts and amounts (0.25 = +25 %), percentage points for rates; null = nothing to compare. */
  yoy: number | null;
  mom: number | null;
  /** Whether the change against last year is the good way round (null: no change or nothing to compare). */
  yoyGood: boolean | null;
}

export interface ShareDto {
  key: string;
  n: number;
  share: number;
}

/** The heat table's KPIs per unit (src/modules/stats/stats.service.ts UNITS). */
export type UnitKpiId = 'cases_reported' | 'loss' | 'cases_solved' | 'solve_rate' | 'warnings_received' | 'dissuasion_rate' | 'feedback_on_time_rate' | 'stopped_amount';

export interface UnitRowDto {
  /** null: what the chosen unit holds itself (本级). */
  code: string | null;
  name: string;
  kpis: Partial<Record<UnitKpiId, number | null>>;
}

export interface DashboardDto {
  period: DaysDto & { lastYear: DaysDto; previous: DaysDto };
  org: { code: string; name: string; kind: string };
  kpis: KpiValueDto[];
  /** Twelve months (YYYY-MM) ending with the period's last month, and a series per trend KPI. */
  trend: { months: string[]; series: Partial<Record<KpiId, (number | null)[]>> };
  fraudTypes: ShareDto[];
  victims: { age: ShareDto[]; occupation: ShareDto[] };
  units: UnitRowDto[];
}

export interface DashboardQuery {
  /** First day, YYYY-MM-DD. */
  from?: string | undefined;
  /** Exclusive, YYYY-MM-DD. */
  to?: string | undefined;
  orgCode?: string | undefined;
}

export async function fetchKpiDefs(): Promise<KpiDefDto[]> {
  const out = await request<{ items: KpiDefDto[] }>('GET', '/api/v1/stats/kpis');
  return out.items;
}

export const fetchDashboard = (q: DashboardQuery): Promise<DashboardDto> => request<DashboardDto>('GET', '/api/v1/stats/dashboard', { query: { ...q } });

/** Weekly and monthly reports come from the scheduled job; custom ones on request. */
export type ReportKind = 'weekly' | 'monthly' | 'custom';

/** GET /api/v1/stats/reports: one report (its figures are frozen when made). */
export interface ReportDto {
  id: number;
  kind: ReportKind;
  title: string;
  orgCode: string;
  orgName: string;
  firstDay: string;
  lastDay: string;
  createdAt: string;
  /** null: made by the scheduled job. */
  createdBy: string | null;
}

export interface ReportsQuery {
  kind?: ReportKind | undefined;
  orgCode?: string | undefined;
  limit?: number | undefined;
}

export const listReports = async (q: ReportsQuery): Promise<ReportDto[]> => (await request<{ items: ReportDto[] }>('GET', '/api/v1/stats/reports', { query: { ...q } })).items;

/** 201; from (first day) and to (exclusive) as dates, the unit in the caller's scope (default: its own). */
export const createReport = (body: DashboardQuery): Promise<ReportDto> => request('POST', '/api/v1/stats/reports', { body });

/** The workbook and the printable page are plain GETs the browser follows with the session cookie (both audited). */
export const reportXlsxUrl = (id: number): string => `/api/v1/stats/reports/${id}/xlsx`;
export const reportHtmlUrl = (id: number): string => `/api/v1/stats/reports/${id}/html`;

export type BulletinStatus = 'draft' | 'published';

/** What the draft was made from (src/modules/stats/bulletins.ts compose). */
export interface BulletinBasisDto {
  cases?: number;
  loss?: number;
  types?: { type: string; n: number; share: number; previous: number; rising: boolean }[];
  terms?: { term: string; recent: number; earlier: number }[];
  typical?: { type: string; loss: number }[];
}

/** GET /api/v1/stats/bulletins/:id: a 警情通报; the body is plain text in sections (一、…). */
export interface BulletinDto {
  id: number;
  orgCode: string;
  orgName: string;
  firstDay: string;
  lastDay: string;
  title: string;
  body: string;
  status: BulletinStatus;
  basis: BulletinBasisDto;
  createdAt: string;
  createdBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
}

/** The units in scope's bulletins and those the unit above published to the caller's unit, newest first. */
export const listBulletins = async (q: { status?: BulletinStatus | undefined; limit?: number | undefined }): Promise<BulletinDto[]> =>
  (await request<{ items: BulletinDto[] }>('GET', '/api/v1/stats/bulletins', { query: { ...q } })).items;

export const getBulletin = (id: number): Promise<BulletinDto> => request('GET', `/api/v1/stats/bulletins/${id}`);

/** 201; the period defaults to the last 7 days, the unit to the caller's. */
export const draftBulletin = (body: DashboardQuery): Promise<BulletinDto> => request('POST', '/api/v1/stats/bulletins', { body });

/** A draft only (409 once published). */
export const editBulletin = (id: number, body: { title?: string; body?: string }): Promise<BulletinDto> => request('PATCH', `/api/v1/stats/bulletins/${id}`, { body });

/** Sends a draft to the units directly below (409 when already published). */
export const publishBulletin = (id: number): Promise<BulletinDto> => request('POST', `/api/v1/stats/bulletins/${id}/publish`, { body: {} });
