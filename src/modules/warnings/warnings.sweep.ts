import { sql } from 'kysely';
import type { Deps } from '../../server/context.ts';
import * as audit from '../audit/audit.service.ts';
import * as repo from './warnings.repo.ts';
import { DEFAULT_DEADLINES, type WarningLevel } from './warning-workflow.ts';

export interface SweepResult {
  escalated: number;
  batches: number;
}

/**
 * The durable deadline sweeper. Every open warning carries `next_escalation_at` (its feedback deadline at
 * first); when it has passed, the warning is marked overdue and escalated one level up the tree (grid →
 * station → county → city), the unit above is notified, and the next escalation is set one deadline later.
 * All state is in rows, so a restart loses nothing; SKIP LOCKED lets several workers share the work.
 */
export async function sweepOverdue(deps: Deps, batchSize = 2000): Promise<SweepResult> {
  const now = deps.clock.now();
  const deadlines = { ...DEFAULT_DEADLINES, ...(await repo.readSetting<Record<WarningLevel, number>>(deps.db, 'warnings.deadlines')) };
  let escalated = 0;
  let batches = 0;
  for (;;) {
    const swept = await deps.db.transaction().execute(async (trx) => {
      const due = await repo.dueForEscalation(trx, now, batchSize);
      if (due.length === 0) return [];
      const ids = due.map((d) => d.id);
      const targets = due.map((d) => d.parent_id ?? d.current_org_id);
      const nexts = due.map((d) => (d.parent_id === null ? null : new Date(now.getTime() + deadlines[d.level] * 60_000).toISOString()));
      const escalate = due.map((d) => d.parent_id !== null);
      await sql`
        UPDATE warnings AS w SET overdue = true,
          escalated_org_id = CASE WHEN t.escalate THEN t.target ELSE w.escalated_org_id END,
          escalation_level = w.escalation_level + CASE WHEN t.escalate THEN 1 ELSE 0 END,
          next_escalation_at = t.next, updated_at = ${now}
        FROM unnest(${ids}::int8[], ${targets}::int8[], ${nexts}::timestamptz[], ${escalate}::bool[]) AS t(id, target, next, escalate)
        WHERE w.id = t.id`.execute(trx);
      await repo.insertEvents(
        trx,
        due.map((d, i) => ({
          warningId: d.id,
          at: now,
          kind: d.parent_id === null ? 'overdue' : 'escalated',
          fromStatus: d.status,
          toStatus: d.status,
          actorType: 'system' as const,
          actorId: null,
          actorName: 'sweeper',
          orgId: targets[i] ?? null,
          detail: { level: d.escalation_level + (d.parent_id === null ? 0 : 1), dueAt: d.due_at.toISOString() },
        })),
      );
      await repo.insertNotifications(
        trx,
        due.map((d, i) => ({ orgId: targets[i] ?? d.current_org_id, kind: 'warning.overdue', title: `预警 #${d.id} 超期未反馈`, targetType: 'warning', targetId: String(d.id), at: now })),
      );
      await audit.record(trx, { principal: null, ip: null, requestId: 'sweeper' }, now, { action: 'warning.sweep', targetType: 'warning_batch', detail: { escalated: due.length, firstId: ids[0], lastId: ids.at(-1) } });
      return due;
    });
    const n = swept.length;
    if (n === 0) break;
    await announce(deps, swept.map((d) => ({ id: d.id, orgIds: [d.assigned_org_id, d.parent_id ?? d.current_org_id] })));
    escalated += n;
    batches++;
    if (n < batchSize) break;
  }
  return { escalated, batches };
}

/** Open screens of the unit and of the one above it learn of the escalation at once. */
async function announce(deps: Deps, items: { id: number; orgIds: number[] }[]): Promise<void> {
  if (!deps.live || items.length === 0) return;
  const ids = [...new Set(items.flatMap((i) => i.orgIds))];
  const rows = await deps.db.selectFrom('orgs').select(['id', 'path']).where('id', 'in', ids).execute();
  const path = new Map(rows.map((r) => [r.id, r.path]));
  for (const i of items) {
    deps.live.publish({ type: 'warning.escalated', id: i.id, orgPaths: i.orgIds.map((o) => path.get(o) ?? '').filter(Boolean) });
  }
}
