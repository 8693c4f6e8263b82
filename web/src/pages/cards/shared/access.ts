import type { Role } from '../../../../../src/lib/roles.ts';

// Mirrors the `auth:` arrays of src/modules/cards/leads.routes.ts and punishments.routes.ts; the server
// stays the authority and answers 403 to anything else.

export type CardsTab = 'leads' | 'import' | 'punishments' | 'accountability' | 'partner';
export const TABS: readonly CardsTab[] = ['leads', 'import', 'punishments', 'accountability', 'partner'];

export const TAB_PATHS: Record<CardsTab, string> = {
  leads: '/cards',
  import: '/cards/import',
  punishments: '/cards/punishments',
  accountability: '/cards/accountability',
  partner: '/cards/partner',
};

const POLICE: readonly Role[] = ['center_analyst', 'center_leader', 'viewer', 'station_officer'];
const TAB_ROLES: Record<CardsTab, readonly Role[]> = {
  leads: POLICE,
  import: ['center_analyst'],
  punishments: POLICE,
  accountability: ['center_analyst', 'center_leader', 'viewer'],
  partner: ['bank_liaison', 'operator_liaison'],
};

export function tabsFor(role: Role): CardsTab[] {
  return TABS.filter((tab) => TAB_ROLES[tab].includes(role));
}

/** Verify a lead and record its outcome; propose a punishment, record its delivery, appeal for the person (WORKERS). */
export function canWork(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst' || role === 'station_officer';
}

/** Hand a lead to another unit, take in a batch; accept and review appeals (the center's analysts). */
export function isCenterWorker(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst';
}

/** Decide a proposal and answer an appeal (center_leader only). */
export function isLeader(role: Role): boolean {
  return role === 'center_leader';
}

export function isPartner(role: Role): boolean {
  return role === 'bank_liaison' || role === 'operator_liaison';
}
