// Query keys of the statistics screens. The figures are not live: they refresh on a new period or unit.
export const KPI_DEFS_KEY = ['stats', 'kpis'] as const;
export const dashboardKey = (from: string, to: string, orgCode: string | undefined) => ['stats', 'dashboard', from, to, orgCode ?? ''] as const;
/** The same key as the other modules' organisation pickers, so the list is fetched once. */
export const ORGS_ACTIVE_KEY = ['orgs', 'active'] as const;
