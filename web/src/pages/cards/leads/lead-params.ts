import type { LeadOutcome, LeadQuery, LeadStatus } from '../../../api/cards.ts';
import { LEAD_OUTCOMES, LEAD_STATUSES } from '../shared/labels.ts';

/** The queue's filters live in the address, so a reload or a shared link keeps them. */
export interface LeadFilter {
  status: LeadStatus | 'open' | 'all';
  overdue: boolean;
  outcome?: LeadOutcome | undefined;
  orgCode?: string | undefined;
  q: string;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [20, 50, 100] as const;
const STATUSES: readonly string[] = [...LEAD_STATUSES, 'open', 'all'];
const OUTCOMES: readonly string[] = LEAD_OUTCOMES;

function positive(v: string | null, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function readFilter(p: URLSearchParams): LeadFilter {
  const status = p.get('status') ?? 'open';
  const outcome = p.get('outcome') ?? '';
  const pageSize = positive(p.get('pageSize'), 20);
  // Overdue is a view of the open leads (closed ones are never overdue).
  const overdue = p.get('overdue') === '1';
  return {
    status: overdue ? 'open' : STATUSES.includes(status) ? (status as LeadFilter['status']) : 'open',
    overdue,
    outcome: OUTCOMES.includes(outcome) ? (outcome as LeadOutcome) : undefined,
    orgCode: p.get('org')?.slice(0, 20) || undefined,
    q: (p.get('q') ?? '').slice(0, 40),
    page: positive(p.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : 20,
  };
}

export function writeFilter(f: LeadFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status !== 'open') p.set('status', f.status);
  if (f.overdue) p.set('overdue', '1');
  if (f.outcome) p.set('outcome', f.outcome);
  if (f.orgCode) p.set('org', f.orgCode);
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.page > 1) p.set('page', String(f.page));
  if (f.pageSize !== 20) p.set('pageSize', String(f.pageSize));
  return p;
}

export function toQuery(f: LeadFilter): LeadQuery {
  return {
    status: f.status === 'all' ? undefined : f.status,
    // Overdue means open and past the deadline; an outcome means closed.
    overdue: f.overdue ? 'true' : undefined,
    outcome: f.outcome,
    orgCode: f.orgCode,
    q: f.q.trim() || undefined,
    page: f.page,
    pageSize: f.pageSize,
  };
}
