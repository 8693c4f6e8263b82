import { FRAUD_TYPES } from '../../../../../src/lib/fraud-types.ts';
import { CASE_STATUSES } from '../../../../../src/modules/cases/case-workflow.ts';
import type { CaseQuery, CaseStatus, FraudType } from '../../../api/cases.ts';

/**
 * The list's filters live in the address, so a reload, a shared link or the statistics dashboard's
 * click-through keeps them:
 *   status      a case status, `open` (the default), `all`, or `reported` (every status but withdrawn:
 *               what the statistics count as 发案)
 *   orgCode     a unit; its whole subtree
 *   fraudType, q
 *   from, to    reported on these China-time days, YYYY-MM-DD, both included
 *   solvedFrom, solvedTo   solved (破案) on these days, both included
 */
export type CaseStatusFilter = CaseStatus | 'open' | 'all' | 'reported';
export interface CaseFilter {
  status: CaseStatusFilter;
  orgCode?: string | undefined;
  fraudType?: FraudType | undefined;
  q: string;
  /** Reported: whole days, YYYY-MM-DD, the end day included. */
  from?: string | undefined;
  to?: string | undefined;
  /** Solved: whole days, YYYY-MM-DD, the end day included. */
  solvedFrom?: string | undefined;
  solvedTo?: string | undefined;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [20, 50, 100] as const;
const STATUSES: readonly string[] = [...CASE_STATUSES, 'open', 'all', 'reported'];
const FRAUD: readonly string[] = FRAUD_TYPES;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Organisation codes as the server writes them. */
const ORG_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/;

function positive(v: string | null, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
function isDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * The day after a YYYY-MM-DD day, as a plain calendar step (UTC arithmetic on the date alone), so the
 * browser's time zone plays no part: the server takes the dates as China-time days.
 */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A day from the address, if it is one. Either end of a range may be left open. */
const day = (v: string | null): string | undefined => (v !== null && isDay(v) ? v : undefined);

export function readFilter(p: URLSearchParams): CaseFilter {
  const status = p.get('status') ?? 'open';
  const fraudType = p.get('fraudType') ?? '';
  const orgCode = p.get('orgCode') ?? '';
  const pageSize = positive(p.get('pageSize'), 20);
  return {
    status: STATUSES.includes(status) ? (status as CaseStatusFilter) : 'open',
    orgCode: ORG_CODE.test(orgCode) ? orgCode : undefined,
    fraudType: FRAUD.includes(fraudType) ? (fraudType as FraudType) : undefined,
    q: (p.get('q') ?? '').slice(0, 50),
    from: day(p.get('from')),
    to: day(p.get('to')),
    solvedFrom: day(p.get('solvedFrom')),
    solvedTo: day(p.get('solvedTo')),
    page: positive(p.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : 20,
  };
}

export function writeFilter(f: CaseFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status !== 'open') p.set('status', f.status);
  if (f.orgCode) p.set('orgCode', f.orgCode);
  if (f.fraudType) p.set('fraudType', f.fraudType);
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.solvedFrom) p.set('solvedFrom', f.solvedFrom);
  if (f.solvedTo) p.set('solvedTo', f.solvedTo);
  if (f.page > 1) p.set('page', String(f.page));
  if (f.pageSize !== 20) p.set('pageSize', String(f.pageSize));
  return p;
}

/** Whether anything differs from the plain list (open cases, no other filter). */
export function isFiltered(f: CaseFilter): boolean {
  return f.status !== 'open' || f.orgCode !== undefined || f.fraudType !== undefined || f.q !== '' || f.from !== undefined || f.to !== undefined || f.solvedFrom !== undefined || f.solvedTo !== undefined;
}

/**
 * The server's query. Days go as dates, which the server reads as whole China-time days (as the
 * statistics count them), the end exclusive: the day after the last one. `orgCode` is left out when the
 * page found it outside the caller's units (it would be refused).
 */
export function toQuery(f: CaseFilter, orgCodeKnown = true): CaseQuery {
  return {
    status: f.status === 'all' ? undefined : f.status,
    orgCode: orgCodeKnown ? f.orgCode : undefined,
    fraudType: f.fraudType,
    q: f.q.trim() || undefined,
    from: f.from,
    to: f.to ? nextDay(f.to) : undefined,
    solvedFrom: f.solvedFrom,
    solvedTo: f.solvedTo ? nextDay(f.solvedTo) : undefined,
    page: f.page,
    pageSize: f.pageSize,
  };
}
