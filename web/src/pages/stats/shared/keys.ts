// Query keys of the statistics screens. The figures are not live: they refresh on a new period or unit.
export const KPI_DEFS_KEY = ['stats', 'kpis'] as const;
export const dashboardKey = (from: string, to: string, orgCode: string | undefined) => ['stats', 'dashboard', from, to, orgCode ?? ''] as const;
/** The same key as the other modules' organisation pickers, so the list is fetched once. */
export const ORGS_ACTIVE_KEY = ['orgs', 'active'] as const;
export const reportsKey = (kind: string | undefined, orgCode: string | undefined) => ['stats', 'reports', kind ?? '', orgCode ?? ''] as const;
export const REPORTS_KEY = ['stats', 'reports'] as const;
export const bulletinsKey = (status: string | undefined) => ['stats', 'bulletins', 'list', status ?? ''] as const;
export const BULLETINS_KEY = ['stats', 'bulletins'] as const;
export const BULLETIN_LISTS_KEY = ['stats', 'bulletins', 'list'] as const;
export const bulletinKey = (id: number) => ['stats', 'bulletins', 'one', id] as const;
export const figuresKey = (month: string) => ['stats', 'figures', month] as const;
/** The 宣传 coverage reads the same reference figures. */
export const OUTREACH_KEY = ['outreach'] as const;
/** Everything the statistics screens fetched: refetched after the reference figures change. */
export const STATS_KEY = ['stats'] as const;
