import { z } from 'zod';
import type { Deps, RequestContext } from '../../server/context.ts';
import { invalid } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { readSetting, writeSetting } from '../settings/settings.repo.ts';
import { stopSettings } from './stop-payments.service.ts';

export const DEFAULT_MIN_PROPOSAL_YUAN = 100;

export const MoneySettings = z.strictObject({
  hours: z.number().int().min(1).max(168).describe('how long a stop holds (48 h under the 2016 rules)'),
  maxRenewals: z.number().int().min(0).max(10).describe('renewals allowed after the first stop (2)'),
  warnBeforeHours: z.number().int().min(1).max(72).describe('warn the case unit this long before a stop lapses'),
  minProposalYuan: z.number().int().min(0).max(10_000_000).describe('no next-hop proposal below this amount'),
});
export type MoneySettingsDto = z.infer<typeof MoneySettings>;

export async function moneySettings(deps: Pick<Deps, 'db'>): Promise<MoneySettingsDto> {
  const [stop, min] = await Promise.all([stopSettings(deps), readSetting<number>(deps.db, 'money.minProposalYuan')]);
  return { ...stop, minProposalYuan: min ?? DEFAULT_MIN_PROPOSAL_YUAN };
}

/** New rules apply to stops answered or renewed from now on; the audit log keeps the change. */
export async function putMoneySettings(deps: Deps, ctx: RequestContext, input: MoneySettingsDto): Promise<MoneySettingsDto> {
  if (input.warnBeforeHours >= input.hours) throw invalid('warnBeforeHours', 'must be shorter than hours');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const by = ctx.principal?.name ?? null;
    await writeSetting(trx, 'money.stopPayment', { hours: input.hours, maxRenewals: input.maxRenewals, warnBeforeHours: input.warnBeforeHours }, now, by);
    await writeSetting(trx, 'money.minProposalYuan', input.minProposalYuan, now, by);
    await audit.record(trx, ctx, now, { action: 'money.settings', targetType: 'settings', detail: input });
  });
  return moneySettings(deps);
}
