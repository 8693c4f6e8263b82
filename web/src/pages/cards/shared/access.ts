import type { Role } from '../../../../../src/lib/roles.ts';

// Mirrors the `auth:` arrays of src/modules/cards/leads.routes.ts, punishments.routes.ts and
// restrictions.routes.ts; the server stays the authority and answers 403 to anything else. The admin keeps
// the platform running and has no 断卡 screens (src/layout/modules.ts), though the API lets it in.

export type CardsTab = 'leads' | 'import' | 'punishments' | 'partner' | 'restrictions' | 'appeals' | 'accountability' | 'notices';
/** In the order the tabs show; a partner's own tab comes first for it, the center never sees it. */
export const TABS: readonly CardsTab[] = ['leads', 'import', 'punishments', 'partner', 'restrictions', 'appeals', 'accountability', 'notices'];

export const TAB_PATHS: Record<CardsTab, string> = {
  leads: '/cards',
  import: '/cards/import',
  punishments: '/cards/punishments',
  partner: '/cards/partner',
  restrictions: '/cards/restrictions',
  appeals: '/cards/appeals',
  accountability: '/cards/accountability',
  notices: '/cards/notices',
};

const POLICE: readonly Role[] = ['center_analyst', 'center_leader', 'viewer', 'station_officer'];
const CENTER: readonly Role[] = ['center_analyst', 'center_leader', 'viewer'];
const LIAISONS: readonly Role[] = ['bank_liaison', 'operator_liaison'];
const TAB_ROLES: Record<CardsTab, readonly Role[]> = {
  leads: POLICE,
  import: ['center_analyst'],
  punishments: POLICE,
  partner: LIAISONS,
  restrictions: [...CENTER, ...LIAISONS],
  appeals: [...POLICE, ...LIAISONS],
  accountability: CENTER,
  notices: [...CENTER, ...LIAISONS, 'member_contact'],
};

export function tabsFor(role: Role): CardsTab[] {
  return TABS.filter((tab) => TAB_ROLES[tab].includes(role));
}

export function hasTab(role: Role, tab: CardsTab): boolean {
  return TAB_ROLES[tab].includes(role);
}

/** Verify a lead and record its outcome; propose a punishment, record its delivery, appeal for the person (WORKERS). */
export function canWork(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst' || role === 'station_officer';
}

/**
 * Hand a lead to another unit, take in a batch; accept and review appeals; forward a person's appeal against
 * a restriction; send notices and issue them from the ranking (the center's analysts).
 */
export function isCenterWorker(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst';
}

/** Decide a proposal and answer an appeal (center_leader only). */
export function isLeader(role: Role): boolean {
  return role === 'center_leader';
}

/** A bank's or an operator's liaison: checks customers, reports and lifts its restrictions, moves their appeals. */
export function isPartner(role: Role): boolean {
  return role === 'bank_liaison' || role === 'operator_liaison';
}

/** Anyone on the receiving end of notices: the liaisons and the member units' contacts. */
export function receivesNotices(role: Role): boolean {
  return isPartner(role) || role === 'member_contact';
}
