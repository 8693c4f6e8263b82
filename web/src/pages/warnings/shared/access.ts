import type { Role } from '../../../../../src/lib/roles.ts';

export type WarningsTab = 'queue' | 'board' | 'stats' | 'import';
export const TABS: readonly WarningsTab[] = ['queue', 'board', 'stats', 'import'];

export const TAB_PATHS: Record<WarningsTab, string> = {
  queue: '/warnings',
  board: '/warnings/board',
  stats: '/warnings/stats',
  import: '/warnings/import',
};

// Mirrors the `auth:` arrays of src/modules/warnings/warnings.routes.ts; the server stays the authority.
// The administrator is not part of the casework: only the import (and the settings on its admin page).
const TAB_ROLES: Record<WarningsTab, readonly Role[]> = {
  queue: ['center_analyst', 'center_leader', 'viewer', 'station_officer', 'grid_worker'],
  board: ['center_analyst', 'center_leader', 'viewer', 'station_officer'],
  stats: ['center_analyst', 'center_leader', 'viewer', 'station_officer'],
  import: ['center_analyst', 'admin'],
};

export function tabsFor(role: Role): WarningsTab[] {
  return TABS.filter((tab) => TAB_ROLES[tab].includes(role));
}

/** Acknowledge, attempts and outcomes (HANDLERS in warnings.routes.ts). */
export function canHandle(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst' || role === 'station_officer' || role === 'grid_worker';
}

export function canDispatch(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst' || role === 'station_officer';
}

/** The center's own backlog: warnings no rule could route, waiting for an analyst to send them on. */
export function seesTriage(role: Role): boolean {
  return role === 'center_analyst' || role === 'center_leader' || role === 'viewer';
}
