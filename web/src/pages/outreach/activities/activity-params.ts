import type { ActivityQuery, OutreachAudience } from '../../../api/outreach.ts';
import { AUDIENCES } from '../shared/labels.ts';
import { periodOf, readPeriod, writePeriod, type PeriodChoice, type PeriodKind } from '../shared/period.tsx';

/** The list's filters live in the address, so a reload or a shared link keeps them. */
export interface ActivityFilter {
  period: PeriodChoice;
  audience?: OutreachAudience | undefined;
  orgCode?: string | undefined;
  page: number;
}

export const PAGE_SIZE = 20;
export const ACTIVITY_PERIODS: readonly PeriodKind[] = ['all', 'month', 'quarter', 'year', 'custom'];
const DEFAULT_PERIOD: PeriodKind = 'all';

export function readFilter(p: URLSearchParams): ActivityFilter {
  const audience = p.get('audience') ?? '';
  const page = Number(p.get('page'));
  return {
    period: readPeriod(p, ACTIVITY_PERIODS, DEFAULT_PERIOD),
    audience: (AUDIENCES as readonly string[]).includes(audience) ? (audience as OutreachAudience) : undefined,
    orgCode: p.get('org') || undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The filter written over the address's own; whatever else it holds (the open form) is kept. */
export function writeFilter(base: URLSearchParams, f: ActivityFilter): URLSearchParams {
  const p = new URLSearchParams(base);
  writePeriod(p, f.period, DEFAULT_PERIOD);
  for (const k of ['audience', 'org', 'page']) p.delete(k);
  if (f.audience) p.set('audience', f.audience);
  if (f.orgCode) p.set('org', f.orgCode);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

export const isFiltered = (f: ActivityFilter): boolean => Boolean(f.period.kind !== DEFAULT_PERIOD || f.audience || f.orgCode);

export const toQuery = (f: ActivityFilter): ActivityQuery => ({ ...periodOf(f.period), audience: f.audience, orgCode: f.orgCode, page: f.page, pageSize: PAGE_SIZE });
