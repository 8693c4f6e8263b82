import type { Role } from '../../../../../src/lib/roles.ts';

// Mirrors the `auth:` arrays of src/modules/persons/persons.ts; the server stays the authority and answers
// 403 to anything else. A grid worker has the module read-write but may only add to the work log.

/** Opens files and moves their status (WRITERS). */
export function canWritePersons(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst' || role === 'station_officer';
}

/** Records a contact, movement, family work or a note. */
export function canAddEvent(role: Role): boolean {
  return canWritePersons(role) || role === 'grid_worker';
}

/** May be a file's responsible officer, so "mine" means something (OFFICER_ROLES on the server). */
export function canBeOfficer(role: Role): boolean {
  return role === 'station_officer' || role === 'center_analyst' || role === 'center_leader';
}
