import type { Role } from '../../../../../src/lib/roles.ts';

// Mirrors the `auth:` arrays of src/modules/cases/cases.routes.ts and money.routes.ts; the server stays
// the authority and answers 403 to anything else.

/** Report cases, move their status, renew, release and send stop-payments (CASE_WRITERS). */
export function canWriteCases(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst' || role === 'station_officer';
}

/** 三定一盯: the responsible unit, investigator and leader. */
export function canAssign(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst' || role === 'center_leader';
}

/** Only a bank answers its requests. */
export function canAnswer(role: Role): boolean {
  return role === 'bank_liaison';
}

/**
 * The event stream (/api/v1/stream) is open to every role; each sees the changes of its own scope (a bank
 * liaison its institution's requests). Screens poll only while it is down.
 */
export function hasStream(_role: Role): boolean {
  return true;
}

/** A pro-rata return is approved for payment by the center (POST /api/v1/returns/:id/approve). */
export function canApproveReturn(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst' || role === 'center_leader';
}

/** Merging linked cases into a serial case (POST /api/v1/serials). */
export function canMergeSerial(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst';
}
