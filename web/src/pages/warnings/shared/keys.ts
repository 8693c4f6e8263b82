// Query keys of the warnings screens. Everything under WARNINGS_KEY is refreshed when the live stream
// reports a change; statistics and settings are not live and keep their own roots.
export const WARNINGS_KEY = ['warnings'] as const;
export const warningListKey = (query: object) => ['warnings', 'list', query] as const;
export const warningDetailKey = (id: number) => ['warnings', 'detail', id] as const;
export const BOARD_KEY = ['warnings', 'board'] as const;
export const statsKey = (from: string, to: string) => ['warning-stats', from, to] as const;
export const SETTINGS_KEY = ['warning-settings'] as const;
export const NOTICES_KEY = ['notifications'] as const;
export const ORGS_ACTIVE_KEY = ['orgs', 'active'] as const;
