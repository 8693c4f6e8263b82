import type { Role } from '../../../../../src/lib/roles.ts';

// Mirrors the `auth:` arrays of src/modules/stats/stats.routes.ts; the server stays the authority and
// answers 403 to anything else.

/** Makes a report for a period of their own (POST /api/v1/stats/reports). */
export function canRequestReport(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst' || role === 'center_leader';
}

/** Drafts and edits bulletins. */
export function canDraftBulletin(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst';
}

/** Publishes a draft bulletin to the units below. */
export function canPublishBulletin(role: Role): boolean {
  return canDraftBulletin(role) || role === 'center_leader';
}

/** Enters the reference figures. */
export function canEditFigures(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst';
}

/** The reference figures are entered and read by the center; a station has none of its own. */
export function seesFigures(role: Role): boolean {
  return role !== 'station_officer';
}
