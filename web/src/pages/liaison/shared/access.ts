import type { Role } from '../../../../../src/lib/roles.ts';
import type { LetterDto, TaskDto } from '../../../api/liaison.ts';

// Mirrors the `auth:` arrays of src/modules/liaison/liaison.routes.ts; the server stays the authority and
// answers 403 (or 404 for another unit's task or letter) to anything else.

/** Member units, banks and operators: they see their institution's tasks and letters, and no meetings. */
export function isPartner(role: Role): boolean {
  return role === 'member_contact' || role === 'bank_liaison' || role === 'operator_liaison';
}

/** Records meetings (and so assigns tasks) and sends the responsibility letters (CENTER). */
export function canConvene(role: Role): boolean {
  return role === 'admin' || role === 'center_analyst';
}

/** Meetings are the center's to read. */
export function seesMeetings(role: Role): boolean {
  return !isPartner(role);
}

/**
 * Whether the caller answers the task here: a partner its institution's (the only ones it sees), an analyst
 * one owned by its own unit (a county's). The center does not answer for other units.
 */
export function canReply(me: { role: Role; orgCode: string }, task: Pick<TaskDto, 'ownerCode' | 'repliedAt'>): boolean {
  if (task.repliedAt) return false;
  return isPartner(me.role) || (me.role === 'center_analyst' && task.ownerCode === me.orgCode);
}

/** A partner signs its letter; the center records a signing on paper by the date it bears (OWNERS). */
export function canSign(role: Role, letter: Pick<LetterDto, 'signedOn'> | null): boolean {
  return letter !== null && letter.signedOn === null && (isPartner(role) || canConvene(role));
}
