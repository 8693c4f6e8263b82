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
 * The event stream (/api/v1/stream) is open to the police jurisdiction's roles only; the others (a bank
 * liaison) poll instead. Kept apart from JURISDICTION_ROLES so the day the server opens the stream to
 * partners, only this line changes.
 */
const STREAM_ROLES: readonly Role[] = ['admin', 'center_analyst', 'center_leader', 'viewer', 'station_officer', 'grid_worker'];

export function hasStream(role: Role): boolean {
  return STREAM_ROLES.includes(role);
}

/** Renewals a stop allows (money.stopPayment.maxRenewals, 2 by default; the server refuses more with 409). */
export const MAX_RENEWALS = 2;
