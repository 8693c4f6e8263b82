/**
 * The warning workflow as data: which action may move a warning from which status to which. The
 * service refuses anything not in this table with 409 ILLEGAL_TRANSITION and stores every transition
 * as an event row.
 */
export const WARNING_STATUSES = ['received', 'dispatched', 'acknowledged', 'in_progress', 'closed'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

export const WARNING_LEVELS = ['emergency', 'high', 'normal'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const ATTEMPT_CHANNELS = ['call', 'sms', 'visit', 'family'] as const;
export type AttemptChannel = (typeof ATTEMPT_CHANNELS)[number];
export const ATTEMPT_RESULTS = ['reached', 'unreachable', 'refused'] as const;
export type AttemptResult = (typeof ATTEMPT_RESULTS)[number];

export const OUTCOMES = ['dissuaded', 'defrauded', 'unreachable', 'refused', 'false_positive'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type WarningAction = 'dispatch' | 'acknowledge' | 'attempt' | 'outcome' | 'escalate_visit';

export const TRANSITIONS: Record<WarningAction, { from: readonly WarningStatus[]; to: WarningStatus | 'same' }> = {
  /** Triage (or re-assignment) by the center: to a unit's queue. */
  dispatch: { from: ['received', 'dispatched'], to: 'dispatched' },
  /** 签收: the unit takes the warning. */
  acknowledge: { from: ['dispatched'], to: 'acknowledged' },
  /** A dissuasion attempt: call, SMS, visit or family. */
  attempt: { from: ['acknowledged', 'in_progress'], to: 'in_progress' },
  /** Feedback with the outcome; closes the warning (a refusal without a visit escalates instead). */
  outcome: { from: ['acknowledged', 'in_progress'], to: 'closed' },
  /** A refusal turned into a required face-to-face visit. */
  escalate_visit: { from: ['acknowledged', 'in_progress'], to: 'in_progress' },
};

export function canApply(action: WarningAction, status: WarningStatus): boolean {
  return TRANSITIONS[action].from.includes(status);
}

export function nextStatus(action: WarningAction, status: WarningStatus): WarningStatus {
  const to = TRANSITIONS[action].to;
  return to === 'same' ? status : to;
}

/** Default feedback deadlines (seed 004: 紧急 2 h, 高危 24 h, 一般 48 h), in minutes; configurable. */
export const DEFAULT_DEADLINES: Record<WarningLevel, number> = { emergency: 120, high: 1440, normal: 2880 };

export function dueAt(level: WarningLevel, receivedAt: Date, deadlines: Record<WarningLevel, number> = DEFAULT_DEADLINES): Date {
  return new Date(receivedAt.getTime() + deadlines[level] * 60_000);
}
