import type { AppealStatus } from '../../db/types.ts';
import { maskFields } from '../../lib/mask.ts';
import type { Deps } from '../../server/context.ts';
import * as audit from '../audit/audit.service.ts';
import { insertNotifications, type NewNotification } from '../notifications/notifications.repo.ts';
import { centerOrgIds } from '../orgs/orgs.repo.ts';
import { orgIdsInScope, type Scope } from '../orgs/scope.ts';
import { OPEN_APPEAL } from './appeal-steps.ts';
import * as repo from './appeals.repo.ts';

export function presentQueueItem(r: repo.AppealRow, now: Date) {
  const open = OPEN_APPEAL.includes(r.status);
  // The deadline of the step the appeal waits for: acceptance while submitted, the answer after.
  const stepDueAt = r.status === 'submitted' && r.accept_due_at && r.accept_due_at < r.due_at ? r.accept_due_at : r.due_at;
  return {
    id: r.id,
    subject: r.punishment_id !== null ? ('punishment' as const) : ('restriction' as const),
    subjectId: r.punishment_id ?? r.restriction_id ?? 0,
    subjectNo: r.notice_no ?? r.restriction_no ?? '',
    ...maskFields({ personName: r.person_name ?? r.holder_name ?? null }, { personName: 'name' }, false),
    holderOrgCode: r.holder_code,
    holderOrgName: r.holder_name_org,
    status: r.status,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at.toISOString(),
    grounds: r.grounds,
    acceptDueAt: r.accept_due_at?.toISOString() ?? null,
    dueAt: r.due_at.toISOString(),
    stepDueAt: open ? stepDueAt.toISOString() : null,
    overdue: open && now > stepDueAt,
    escalated: r.escalated_at !== null || r.accept_escalated_at !== null,
    decidedAt: r.decided_at?.toISOString() ?? null,
    answer: r.answer,
  };
}

/**
 * The appeals queue: the center's open appeals on its measures and on partners' restrictions (oldest
 * deadline first), or a partner's forwarded appeals and those against its restrictions.
 */
export async function list(deps: Deps, scope: Scope, q: { open?: 'true' | 'false' | undefined; overdue?: 'true' | 'false' | undefined; subject?: 'punishment' | 'restriction' | undefined; status?: AppealStatus | undefined; sort?: 'due' | 'newest' | undefined; page: number; pageSize: number }) {
  const now = deps.clock.now();
  const partnerIds = scope.partner ? await orgIdsInScope(deps.db, scope) : null;
  const { rows, total } = await repo.list(deps.db, scope, partnerIds, { open: q.open === 'true', overdueAt: q.overdue === 'true' ? now : undefined, subject: q.subject, status: q.status, sort: q.sort }, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: rows.map((r) => presentQueueItem(r, now)), total };
}

/**
 * Escalates, once per step, the appeals past a deadline (durable, SKIP LOCKED): not accepted within the
 * acceptance period, or not answered within the appeal period. An appeal on a punishment goes to the unit
 * above the one holding the measure; one on a restriction to the institution's unit and the city center.
 */
export async function sweepAppeals(deps: Deps, batch = 1000): Promise<{ appealsOverdue: number; appealsUnaccepted: number }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const centers = await centerOrgIds(trx);
    const notify = (rows: Awaited<ReturnType<typeof repo.pastAnswer>>, kind: string, what: string): NewNotification[] =>
      rows.flatMap((a) => {
        const title = `${a.punishment_id !== null ? '惩戒申诉' : '限制措施申诉'}${what}：${a.notice_no ?? a.restriction_no ?? ''}`;
        const targetType = a.punishment_id !== null ? 'punishment' : 'restriction';
        const targetId = String(a.punishment_id ?? a.restriction_id);
        const to = a.punishment_id !== null ? [a.holder_parent_id ?? a.holder_id] : [a.holder_id, ...centers];
        return to.map((orgId) => ({ orgId, kind, title, targetType, targetId, at: now }));
      });
    const unaccepted = await repo.pastAccept(trx, now, batch);
    await repo.markEscalated(trx, unaccepted.map((a) => a.id), now, 'accept');
    const late = await repo.pastAnswer(trx, now, batch);
    await repo.markEscalated(trx, late.map((a) => a.id), now, 'answer');
    await insertNotifications(trx, [...notify(unaccepted, 'appeal.unaccepted', '逾期未受理'), ...notify(late, 'appeal.overdue', '逾期未答复')]);
    if (unaccepted.length || late.length) await audit.record(trx, { principal: null, ip: null, requestId: 'sweeper' }, now, { action: 'appeal.sweep', targetType: 'appeal_batch', detail: { unaccepted: unaccepted.length, overdue: late.length } });
    return { appealsOverdue: late.length, appealsUnaccepted: unaccepted.length };
  });
}
