import { sql } from 'kysely';
import type { Deps } from '../../server/context.ts';
import * as audit from '../audit/audit.service.ts';
import { insertNotifications } from '../notifications/notifications.repo.ts';
import { readSetting } from '../settings/settings.repo.ts';
import * as repo from './cases.repo.ts';

/** Days without progress before the unit is reminded of an open case (setting cases.followupDays). */
export const DEFAULT_FOLLOWUP_DAYS = 7;

/**
 * 盯案: reminds each case's unit of open cases with no progress (status change, assignment) for the
 * configured days, once per stretch without progress. Durable: the reminder time is stored on the case.
 */
export async function remindStale(deps: Deps, batch = 1000): Promise<{ reminded: number }> {
  const now = deps.clock.now();
  const days = (await readSetting<number>(deps.db, 'cases.followupDays')) ?? DEFAULT_FOLLOWUP_DAYS;
  return deps.db.transaction().execute(async (trx) => {
    const due = await repo.stale(trx, new Date(now.getTime() - days * 86_400_000), batch);
    if (due.length === 0) return { reminded: 0 };
    await sql`UPDATE cases SET followup_notified_at = ${now} WHERE id = ANY(${due.map((d) => d.id)}::int8[])`.execute(trx);
    await insertNotifications(
      trx,
      due.map((d) => ({ orgId: d.org_id, kind: 'case.followup', title: `盯案提醒 ${d.case_no}：${Math.floor((now.getTime() - d.last_progress_at.getTime()) / 86_400_000)} 天无进展`, targetType: 'case', targetId: String(d.id), at: now })),
    );
    await audit.record(trx, { principal: null, ip: null, requestId: 'sweeper' }, now, { action: 'case.followup', targetType: 'case_batch', detail: { reminded: due.length } });
    return { reminded: due.length };
  });
}
