import type { Role } from '../../../src/lib/roles.ts';

export type BusinessModule = 'warnings' | 'cases' | 'funds' | 'cards' | 'persons' | 'outreach' | 'liaison' | 'stats';
export type Access = 'rw' | 'ro';

export const BUSINESS_MODULES: readonly BusinessModule[] = ['warnings', 'cases', 'funds', 'cards', 'persons', 'outreach', 'liaison', 'stats'];

export const MODULE_PATHS: Record<BusinessModule, string> = {
  warnings: '/warnings',
  cases: '/cases',
  funds: '/funds',
  cards: '/cards',
  persons: '/persons',
  outreach: '/outreach',
  liaison: '/liaison',
  stats: '/stats',
};

// Who works in which module. Leaders and viewers see every business module but change nothing; the
// system administrator keeps the platform running and is not part of the casework. Partners see only
// the module their institution takes part in.
const CENTER: Partial<Record<Role, Access>> = { center_analyst: 'rw', center_leader: 'ro', viewer: 'ro' };

export const MODULE_ACCESS: Record<BusinessModule, Partial<Record<Role, Access>>> = {
  warnings: { ...CENTER, station_officer: 'rw', grid_worker: 'rw' },
  cases: { ...CENTER, station_officer: 'rw' },
  funds: { ...CENTER, bank_liaison: 'rw' },
  // Member units take part in 断卡 only through the notices (提示函) the center sends them.
  cards: { ...CENTER, station_officer: 'rw', operator_liaison: 'rw', bank_liaison: 'rw', member_contact: 'rw' },
  persons: { ...CENTER, station_officer: 'rw', grid_worker: 'rw' },
  outreach: { ...CENTER, station_officer: 'rw', member_contact: 'rw' },
  // The joint-meeting office is the center's; member units, banks and operators answer their tasks and sign their letters.
  liaison: { ...CENTER, member_contact: 'rw', bank_liaison: 'rw', operator_liaison: 'rw' },
  stats: { center_analyst: 'ro', center_leader: 'ro', viewer: 'ro', station_officer: 'ro' },
};

export function moduleAccess(role: Role, module: BusinessModule): Access | null {
  return MODULE_ACCESS[module][role] ?? null;
}

export function modulesFor(role: Role): BusinessModule[] {
  return BUSINESS_MODULES.filter((m) => moduleAccess(role, m) !== null);
}

export type AdminPage = 'orgs' | 'users' | 'tokens' | 'audit' | 'warnings' | 'risk';
export const ADMIN_PAGES: readonly AdminPage[] = ['orgs', 'users', 'tokens', 'audit', 'warnings', 'risk'];

export function isAdmin(role: Role): boolean {
  return role === 'admin';
}
