import type { Role } from '../../../../../src/lib/roles.ts';

// Mirrors the `auth:` arrays of src/modules/outreach/outreach.routes.ts and of the reference figures in
// src/modules/stats/stats.routes.ts; the server stays the authority and answers 403 to anything else.

/** Records activities (DOERS). */
export function canRecord(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst' || role === 'station_officer' || role === 'member_contact';
}

/** Issues directives and enters the population and app registration figures. */
export function canIssue(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst';
}

/** Reads the precision directives proposed from the statistics. */
export function seesProposals(role: Role): boolean {
  return canIssue(role) || role === 'center_leader';
}

/** The units directives are addressed to: they report back, by an activity or in writing. */
export function answersDirectives(role: Role): boolean {
  return role === 'station_officer' || role === 'member_contact';
}
