import { appendTimeline } from '../../db/timeline.ts';
import { maskName } from '../../lib/mask.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import * as audit from '../audit/audit.service.ts';
import { insertNotifications } from '../notifications/notifications.repo.ts';

const SWEEPER: RequestContext = { principal: null, ip: null, requestId: 'sweeper' };

/**
 * The end of a returnee's control period (job persons.control_sweep): the file's unit is told once, so it
 * reviews release. The row keeps when it was told (control_end_notified_at), so a restart or a second
 * worker tells no one twice; coming under control again clears it. Batches of `batch`, each in its own
 * transaction, until none is left.
 */
export async function sweepControlEnds(deps: Deps, batch = 500): Promise<{ controlEnded: number }> {
  let controlEnded = 0;
  for (;;) {
    const now = deps.clock.now();
    const n = await deps.db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('key_persons')
        .select(['id', 'org_id', 'name', 'control_until'])
        .where('status', '=', 'under_control')
        .where('control_until', '<=', now)
        .where('control_end_notified_at', 'is', null)
        .orderBy('control_until')
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      if (due.length === 0) return 0;
      await trx
        .updateTable('key_persons')
        .set({ control_end_notified_at: now })
        .where('id', 'in', due.map((d) => d.id))
        .execute();
      await appendTimeline(
        trx,
        'person_events',
        due.map((d) => ({ subjectId: d.id, at: now, kind: 'control_ended', fromStatus: null, toStatus: null, actorType: 'system' as const, actorId: null, actorName: null, orgId: d.org_id, detail: { controlUntil: d.control_until?.toISOString() ?? null } })),
      );
      // The bell shows the title to everyone of the unit: the name masked, as in the lists.
      await insertNotifications(
        trx,
        due.map((d) => ({ orgId: d.org_id, kind: 'person.control_ended', title: `管控期满，请评估是否解除管控：${maskName(d.name) ?? ''}`, targetType: 'person', targetId: String(d.id), at: now })),
      );
      await audit.record(trx, SWEEPER, now, { action: 'person.control_sweep', targetType: 'person_batch', detail: { notified: due.length } });
      return due.length;
    });
    controlEnded += n;
    if (n < batch) return { controlEnded };
  }
}
