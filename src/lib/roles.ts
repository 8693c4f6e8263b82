/** Roles and organisation kinds shared by the server and the web app. */
export const ROLES = [
  'admin',
  'center_analyst',
  'center_leader',
  'station_officer',
  'grid_worker',
  'bank_liaison',
  'operator_liaison',
  'member_contact',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = [
  'city',
  'county',
  'station',
  'township',
  'grid',
  'bank',
  'bank_branch',
  'operator',
  'outlet',
  'member_unit',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const JURISDICTION_KINDS: readonly OrgKind[] = ['city', 'county', 'station', 'township', 'grid'];
/** Kinds that are partner institutions in their own right (the root of a liaison's scope). */
export const INSTITUTION_KINDS: readonly OrgKind[] = ['bank', 'operator', 'member_unit'];

/** Which parent kinds each kind may hang under; a null entry allows a root. */
export const PARENT_KINDS: Record<OrgKind, readonly (OrgKind | null)[]> = {
  city: [null],
  county: ['city'],
  station: ['county'],
  township: ['county'],
  grid: ['station', 'township'],
  bank: ['city', 'county'],
  bank_branch: ['bank', 'bank_branch'],
  operator: ['city', 'county'],
  outlet: ['operator', 'outlet'],
  member_unit: ['city', 'county', 'member_unit'],
};

/** The organisation kinds a user of each role may belong to. */
export const ROLE_ORG_KINDS: Record<Role, readonly OrgKind[]> = {
  admin: ['city', 'county'],
  center_analyst: ['city', 'county'],
  center_leader: ['city', 'county'],
  viewer: ['city', 'county'],
  station_officer: ['station', 'township'],
  grid_worker: ['grid'],
  bank_liaison: ['bank', 'bank_branch'],
  operator_liaison: ['operator', 'outlet'],
  member_contact: ['member_unit'],
};

export const PARTNER_ROLES: readonly Role[] = ['bank_liaison', 'operator_liaison', 'member_contact'];
export const ALL_ROLES: readonly Role[] = ROLES;
/** Everyone who works inside the police jurisdiction tree. */
export const JURISDICTION_ROLES: readonly Role[] = [
  'admin',
  'center_analyst',
  'center_leader',
  'viewer',
  'station_officer',
  'grid_worker',
];

export function roleFitsOrgKind(role: Role, kind: OrgKind): boolean {
  return ROLE_ORG_KINDS[role].includes(kind);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
