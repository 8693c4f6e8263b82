import dayjs from 'dayjs';
import { FRAUD_TYPES } from '../../../../../src/lib/fraud-types.ts';
import { CASE_STATUSES } from '../../../../../src/modules/cases/case-workflow.ts';
import type { CaseQuery, CaseStatus, FraudType } from '../../../api/cases.ts';

/** The list's filters live in the address, so a reload or a shared link keeps them. */
export interface CaseFilter {
  status: CaseStatus | 'open' | 'all';
  fraudType?: FraudType | undefined;
  q: string;
  /** Whole days, YYYY-MM-DD, the end day included. */
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [20, 50, 100] as const;
const STATUSES: readonly string[] = [...CASE_STATUSES, 'open', 'all'];
const FRAUD: readonly string[] = FRAUD_TYPES;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function positive(v: string | null, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function readFilter(p: URLSearchParams): CaseFilter {
  const status = p.get('status') ?? 'open';
  const fraudType = p.get('fraudType') ?? '';
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  const pageSize = positive(p.get('pageSize'), 20);
  return {
    status: STATUSES.includes(status) ? (status as CaseFilter['status']) : 'open',
    fraudType: FRAUD.includes(fraudType) ? (fraudType as FraudType) : undefined,
    q: (p.get('q') ?? '').slice(0, 50),
    from: DAY.test(from) ? from : undefined,
    to: DAY.test(to) ? to : undefined,
    page: positive(p.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : 20,
  };
}

export function writeFilter(f: CaseFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status !== 'open') p.set('status', f.status);
  if (f.fraudType) p.set('fraudType', f.fraudType);
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.page > 1) p.set('page', String(f.page));
  if (f.pageSize !== 20) p.set('pageSize', String(f.pageSize));
  return p;
}

/** Days are the user's local days; the server wants ISO times with their offset, the end exclusive. */
export function toQuery(f: CaseFilter): CaseQuery {
  return {
    status: f.status === 'all' ? undefined : f.status,
    fraudType: f.fraudType,
    q: f.q.trim() || undefined,
    from: f.from ? dayjs(f.from).startOf('day').format() : undefined,
    to: f.to ? dayjs(f.to).startOf('day').add(1, 'day').format() : undefined,
    page: f.page,
    pageSize: f.pageSize,
  };
}
