import type { OrgKind, Role } from '../../../../src/lib/roles.ts';
import type { HomeDto } from '../../api/home.ts';
import { kindLabel, roleLabel } from '../../i18n/labels.ts';
import type { Translate } from '../../i18n/lang.ts';
import { sumValues } from '../../lib/format.ts';

export interface Stat {
  key: string;
  label: string;
  value: number | string;
}

const JURISDICTION_UNITS: readonly OrgKind[] = ['county', 'station', 'township', 'grid'];
const PARTNER_INSTITUTIONS: readonly OrgKind[] = ['bank', 'operator', 'member_unit'];

const kindStat = (t: Translate, home: HomeDto, kind: OrgKind): Stat => ({ key: `kind-${kind}`, label: kindLabel(t, kind), value: home.orgCounts[kind] ?? 0 });
const roleStat = (t: Translate, home: HomeDto, role: Role): Stat => ({ key: `role-${role}`, label: roleLabel(t, role), value: home.userCounts[role] ?? 0 });

const institution = (t: Translate, home: HomeDto): Stat => ({ key: 'institution', label: t('home.institution'), value: home.scope.name });

/** The headline numbers of each role's home: what that role is responsible for. */
export function headlineStats(role: Role, home: HomeDto, t: Translate): Stat[] {
  switch (role) {
    case 'admin':
      return [
        { key: 'orgs', label: t('home.scopeOrgs'), value: sumValues(home.orgCounts) },
        { key: 'users', label: t('home.scopeStaff'), value: sumValues(home.userCounts) },
        { key: 'tokens', label: t('home.activeTokens'), value: home.activeTokens },
      ];
    case 'center_analyst':
    case 'center_leader':
    case 'viewer':
      return JURISDICTION_UNITS.map((k) => kindStat(t, home, k));
    case 'station_officer':
      return [
        { key: 'grids', label: t('home.gridCount'), value: home.orgCounts.grid ?? 0 },
        { key: 'grid-workers', label: t('home.gridWorkers'), value: home.userCounts.grid_worker ?? 0 },
        roleStat(t, home, 'station_officer'),
      ];
    case 'grid_worker':
      return [{ key: 'my-grid', label: t('home.myGrid'), value: home.scope.name }];
    case 'bank_liaison':
      return [institution(t, home), { key: 'branches', label: t('home.institutionUnits'), value: home.orgCounts.bank_branch ?? 0 }];
    case 'operator_liaison':
      return [institution(t, home), { key: 'outlets', label: t('home.institutionUnits'), value: home.orgCounts.outlet ?? 0 }];
    case 'member_contact':
      // The unit itself is counted among member_unit rows; the rest hang below it.
      return [institution(t, home), { key: 'sub-units', label: t('home.institutionUnits'), value: Math.max(0, (home.orgCounts.member_unit ?? 0) - 1) }];
  }
}

/** Secondary breakdowns shown under the headline (empty when a role has none). */
export function breakdowns(role: Role, home: HomeDto, t: Translate): { key: string; title: string; stats: Stat[] }[] {
  if (role === 'admin') {
    return [
      { key: 'orgs', title: t('home.orgsByKind'), stats: orderedKinds(home).map((k) => kindStat(t, home, k)) },
      { key: 'users', title: t('home.usersByRole'), stats: orderedRoles(home).map((r) => roleStat(t, home, r)) },
    ];
  }
  if (role === 'center_analyst' || role === 'center_leader' || role === 'viewer') {
    const out = [{ key: 'partners', title: t('home.partners'), stats: PARTNER_INSTITUTIONS.map((k) => kindStat(t, home, k)) }];
    const staff = orderedRoles(home).map((r) => roleStat(t, home, r));
    if (staff.length) out.push({ key: 'staff', title: t('home.scopeStaff'), stats: staff });
    return out;
  }
  return [];
}

const KIND_ORDER: readonly OrgKind[] = ['city', 'county', 'station', 'township', 'grid', 'bank', 'bank_branch', 'operator', 'outlet', 'member_unit'];
const ROLE_ORDER: readonly Role[] = [
  'admin',
  'center_leader',
  'center_analyst',
  'viewer',
  'station_officer',
  'grid_worker',
  'bank_liaison',
  'operator_liaison',
  'member_contact',
];

function orderedKinds(home: HomeDto): OrgKind[] {
  return KIND_ORDER.filter((k) => (home.orgCounts[k] ?? 0) > 0);
}

function orderedRoles(home: HomeDto): Role[] {
  return ROLE_ORDER.filter((r) => (home.userCounts[r] ?? 0) > 0);
}
