import type { ActivityQuery, CoverageQuery } from '../../../api/outreach.ts';

// Query keys of the 宣传 screens: everything under OUTREACH_KEY is refetched after a change (an activity
// can report back on a directive and moves the coverage, a directive moves the proposals' context).
export const OUTREACH_KEY = ['outreach'] as const;
export const activityListKey = (q: ActivityQuery) => ['outreach', 'activities', q] as const;
export const directiveListKey = (q: { open?: 'true' | undefined; limit: number }) => ['outreach', 'directives', 'list', q] as const;
export const directiveDetailKey = (id: number) => ['outreach', 'directives', 'detail', id] as const;
export const PROPOSALS_KEY = ['outreach', 'proposals'] as const;
export const coverageKey = (q: CoverageQuery) => ['outreach', 'coverage', q] as const;
export const referenceKey = (month: string) => ['outreach', 'reference', month] as const;
/** The statistics read the same reference figures (the app registration rate KPI). */
export const STATS_KEY = ['stats'] as const;
