import type { CaseQuery, TraceMethod } from '../../../api/cases.ts';
import type { RequestQuery } from '../../../api/funds.ts';

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
