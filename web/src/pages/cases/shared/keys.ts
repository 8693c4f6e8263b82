import type { CaseQuery, TraceMethod } from '../../../api/cases.ts';
import type { FreezeQuery, RequestQuery } from '../../../api/funds.ts';

// Query keys of the cases and funds screens. Everything under CASES_KEY (lists, details, traces) is
// refreshed when the live stream reports a stop-payment change; the bank queue has its own root.
export const CASES_KEY = ['cases'] as const;
export const caseListKey = (q: CaseQuery) => ['cases', 'list', q] as const;
export const caseDetailKey = (id: number) => ['cases', 'detail', id] as const;
export const caseTraceKey = (id: number, method?: TraceMethod) => (method ? (['cases', 'trace', id, method] as const) : (['cases', 'trace', id] as const));
export const BANK_REQUESTS_KEY = ['bank-requests'] as const;
export const bankRequestsKey = (q: RequestQuery) => ['bank-requests', q] as const;
export const ORGS_KEY = ['orgs', 'active'] as const;
export const usersKey = (role: string) => ['users', 'by-role', role] as const;
export const clustersKey = (q: { days: number; minCases: number }) => ['cases', 'clusters', q] as const;
export const serialKey = (id: number) => ['cases', 'serial', id] as const;
/** A bank's freezes (and the police's view of them) have their own root, like the request queue. */
export const BANK_FREEZES_KEY = ['bank-freezes'] as const;
export const bankFreezesKey = (q: FreezeQuery) => ['bank-freezes', q] as const;
export const BANK_RETURNS_KEY = ['bank-returns'] as const;
export const bankReturnsKey = (status: string | undefined) => ['bank-returns', status ?? 'all'] as const;
