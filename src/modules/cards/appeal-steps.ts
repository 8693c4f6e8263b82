import type { Selectable } from 'kysely';
import type { AppealsTable, AppealStatus } from '../../db/types.ts';
import { AppError } from '../../server/errors.ts';

/**
 * The steps every appeal takes, against a punishment (art. 31) or a partner's restriction (arts. 18, 11):
 * submitted → accepted (受理) → reviewing (审核) → upheld or rejected, with a deadline per step.
 */
export const OPEN_APPEAL: readonly AppealStatus[] = ['submitted', 'accepted', 'reviewing'];
/** Days to accept (受理) an appeal after it was submitted. */
export const ACCEPT_DAYS = 3;
/** Days to answer an appeal after it was submitted; past either deadline it is escalated once. */
export const APPEAL_DAYS = 15;

export type AppealStep = { action: 'accept' | 'review' } | { action: 'answer'; upheld: boolean; answer: string };

export function appealDeadlines(submittedAt: Date): { acceptDueAt: Date; dueAt: Date } {
  return { acceptDueAt: new Date(submittedAt.getTime() + ACCEPT_DAYS * 86_400_000), dueAt: new Date(submittedAt.getTime() + APPEAL_DAYS * 86_400_000) };
}

/** The status an appeal moves to with a step; refused (409) when the step does not follow from where it is. */
export function nextAppealStatus(current: AppealStatus, step: AppealStep): AppealStatus {
  switch (step.action) {
    case 'accept':
      if (current !== 'submitted') throw new AppError('ILLEGAL_TRANSITION', `an appeal that is ${current} cannot be accepted`);
      return 'accepted';
    case 'review':
      if (current !== 'accepted') throw new AppError('ILLEGAL_TRANSITION', `an appeal that is ${current} cannot be put under review`);
      return 'reviewing';
    case 'answer':
      if (current !== 'reviewing') throw new AppError('ILLEGAL_TRANSITION', `an appeal is answered after review; this one is ${current}`);
      return step.upheld ? 'upheld' : 'rejected';
  }
}

/** An appeal as shown with the measure or restriction it is against. */
export function presentAppeal(a: Selectable<AppealsTable>) {
  return { id: a.id, status: a.status, submittedAt: a.submitted_at.toISOString(), submittedBy: a.submitted_by, grounds: a.grounds, acceptDueAt: a.accept_due_at?.toISOString() ?? null, dueAt: a.due_at.toISOString(), decidedAt: a.decided_at?.toISOString() ?? null, answer: a.answer };
}
