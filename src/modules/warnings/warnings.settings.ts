import { z } from 'zod';
import type { Deps, RequestContext } from '../../server/context.ts';
import { invalid } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { readSetting } from './warnings.repo.ts';
import { invalidateRouting } from './warnings.service.ts';
import { DEFAULT_DEADLINES, type WarningLevel } from './warning-workflow.ts';

/** Feedback deadlines per grade (minutes) and the window in which a second warning counts as a repeat. */
export const WarningSettings = z.strictObject({
  deadlines: z.strictObject({
    emergency: z.number().int().min(5).max(43_200),
    high: z.number().int().min(5).max(43_200),
    normal: z.number().int().min(5).max(43_200),
  }),
  repeatWindowDays: z.number().int().min(1).max(365),
});
export type WarningSettingsDto = z.infer<typeof WarningSettings>;

export async function getSettings(deps: Deps): Promise<WarningSettingsDto> {
  const [deadlines, window] = await Promise.all([
    readSetting<Record<WarningLevel, number>>(deps.db, 'warnings.deadlines'),
    readSetting<number>(deps.db, 'warnings.repeatWindowDays'),
  ]);
  return { deadlines: { ...DEFAULT_DEADLINES, ...deadlines }, repeatWindowDays: window ?? 30 };
}

/** New deadlines apply to warnings received from now on; open ones keep the deadline they were given. */
export async function putSettings(deps: Deps, ctx: RequestContext, input: WarningSettingsDto): Promise<WarningSettingsDto> {
  if (!(input.deadlines.emergency <= input.deadlines.high && input.deadlines.high <= input.deadlines.normal)) {
    throw invalid('deadlines', 'emergency ≤ high ≤ normal');
  }
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    for (const [key, value] of [['warnings.deadlines', input.deadlines], ['warnings.repeatWindowDays', input.repeatWindowDays]] as const) {
      await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value), updated_at: now, updated_by: ctx.principal?.name ?? null })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now, updated_by: ctx.principal?.name ?? null }))
        .execute();
    }
    await audit.record(trx, ctx, now, { action: 'settings.update', targetType: 'settings', targetId: 'warnings', detail: { ...input } });
  });
  invalidateRouting(deps);
  return getSettings(deps);
}
