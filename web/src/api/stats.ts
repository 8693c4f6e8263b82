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
