import { ROLE_ORG_KINDS, ROLES, type OrgKind, type Role } from '../../../src/lib/roles.ts';

/** The roles a user (or token) placed in an organisation of `kind` may have, as the server allows. */
export function rolesForKind(kind: OrgKind | undefined): Role[] {
  return kind ? ROLES.filter((r) => ROLE_ORG_KINDS[r].includes(kind)) : [];
}
