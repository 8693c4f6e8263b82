import { z } from 'zod';

/**
 * A rule set: the rules' parameters, weights and interdiction marks, and the typologies that combine them. A
 * rule set is versioned data, not code: a new version can run in shadow next to the live one before it goes live,
 * and a replay can run any version over a file of history.
 *
 * Scoring: every rule that fires for an account gives a strength in (0, 1]. A typology's score for that account is
 * the sum of weight × strength over its rules (capped at 1). The account's decision is
 *   - `hold` or `block` when some typology's score reaches its `interdict` threshold AND one of the rules that fired
 *     in it carries that interdiction mark (the strongest mark wins) – no typology can stop money on its own;
 *   - `review` when some typology's score reaches its `review` threshold;
 *   - `allow` otherwise.
 * Precedence on an account: a hit on the center's stop/freeze lists > an allow-list entry > everything else.
 */
export const RULE_IDS = [
  'fast_in_out',
  'fan_in',
  'fan_out',
  'new_account_volume',
  'night_burst',
  'cash_out_after_inflow',
  'just_under_limit',
  'listed_counterparty',
  'cycle',
  'scatter_gather',
  'gather_scatter',
  'bipartite',
  'stack',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Decision = 'allow' | 'review' | 'hold' | 'block';
export const DECISION_RANK: Record<Decision, number> = { allow: 0, review: 1, hold: 2, block: 3 };

const yuan = z.number().nonnegative();
const minutes = z.number().positive().max(24 * 60);

/** Parameters per rule; every window is at most the engine's 24-hour state window. */
export const RuleParams = z.object({
  fast_in_out: z.object({
    /** money leaves within this many minutes of arriving */ dwellMinutes: minutes,
    /** the outflow is at least this share of what arrived in the dwell window */ minShare: z.number().min(0.1).max(1),
    minYuan: yuan,
    /** pass-throughs in 24 h for full strength; one pass gives 1/this */ fullAt: z.number().int().min(1),
  }),
  fan_in: z.object({ minPayers: z.number().int().min(2), minAvgYuan: yuan, minTotalYuan: yuan }),
  fan_out: z.object({
    minPayees: z.number().int().min(2),
    minTotalYuan: yuan,
    /** the money going out arrived in the same window (a payroll account's money does not) */ minFundedShare: z.number().min(0).max(1),
  }),
  new_account_volume: z.object({
    /** an account first seen this recently is new */ newDays: z.number().positive(),
    /** accounts seen in the engine's first days are not called new (it has not watched long enough) */ warmupDays: z.number().min(0),
    minInYuan: yuan,
    minCount: z.number().int().min(1),
  }),
  night_burst: z.object({ fromHour: z.number().int().min(0).max(23), toHour: z.number().int().min(1).max(24), minCount: z.number().int().min(2), minYuan: yuan }),
  cash_out_after_inflow: z.object({ withinMinutes: minutes, minShare: z.number().min(0.1).max(1), minYuan: yuan }),
  just_under_limit: z.object({ limitsYuan: z.array(z.number().positive()).min(1), belowShare: z.number().positive().max(0.2), minCount: z.number().int().min(1) }),
  listed_counterparty: z.object({}),
  cycle: z.object({ windowMinutes: minutes, maxLength: z.number().int().min(3).max(6), amountTolerance: z.number().min(0).max(0.5) }),
  scatter_gather: z.object({ windowMinutes: minutes, minBranches: z.number().int().min(2), minShare: z.number().min(0).max(1) }),
  gather_scatter: z.object({ minPayers: z.number().int().min(2), minPayees: z.number().int().min(2), minShare: z.number().min(0).max(1), minTotalYuan: yuan }),
  bipartite: z.object({ windowMinutes: minutes, minPayers: z.number().int().min(2), minYuan: yuan }),
  stack: z.object({ minLayers: z.number().int().min(2).max(10) }),
});
export type RuleParams = z.infer<typeof RuleParams>;

const RuleSetting = z.object({
  enabled: z.boolean(),
  /** the strongest decision this rule may lead to; rules without a mark can only raise a review */
  interdict: z.enum(['hold', 'block']).optional(),
});

export const Typology = z.object({
  id: z.string().regex(/^[a-z_]{2,40}$/),
  name: z.string().min(1).max(60),
  weights: z.partialRecord(z.enum(RULE_IDS), z.number().min(0).max(1)),
  review: z.number().gt(0).max(1),
  interdict: z.number().gt(0).max(1),
});
export type Typology = z.infer<typeof Typology>;

export const RuleSet = z
  .object({
    version: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/),
    rules: z.object(Object.fromEntries(RULE_IDS.map((r) => [r, RuleSetting])) as Record<RuleId, typeof RuleSetting>),
    params: RuleParams,
    typologies: z.array(Typology).min(1),
    /** one alert per account in this many hours unless its decision gets stronger */
    alertDedupHours: z.number().positive().max(24 * 30),
  })
  .superRefine((rs, ctx) => {
    rs.typologies.forEach((t, i) => {
      if (t.interdict < t.review) ctx.addIssue({ code: 'custom', path: ['typologies', i, 'interdict'], message: 'interdict threshold below the review threshold' });
    });
    const n = rs.params.night_burst;
    if (n.toHour <= n.fromHour) ctx.addIssue({ code: 'custom', path: ['params', 'night_burst', 'toHour'], message: 'toHour must be after fromHour' });
  });
export type RuleSet = z.infer<typeof RuleSet>;

/** The shipped rule set. Thresholds follow the typologies in docs/detection.md. */
export const DEFAULT_RULESET: RuleSet = {
  version: 'v1',
  rules: {
    fast_in_out: { enabled: true },
    fan_in: { enabled: true },
    fan_out: { enabled: true },
    new_account_volume: { enabled: true },
    night_burst: { enabled: true },
    cash_out_after_inflow: { enabled: true },
    just_under_limit: { enabled: true },
    listed_counterparty: { enabled: true, interdict: 'block' },
    cycle: { enabled: true, interdict: 'hold' },
    scatter_gather: { enabled: true },
    gather_scatter: { enabled: true },
    bipartite: { enabled: true },
    stack: { enabled: true, interdict: 'hold' },
  },
  params: {
    fast_in_out: { dwellMinutes: 30, minShare: 0.8, minYuan: 1000, fullAt: 3 },
    fan_in: { minPayers: 5, minAvgYuan: 800, minTotalYuan: 10_000 },
    fan_out: { minPayees: 5, minTotalYuan: 10_000, minFundedShare: 0.7 },
    new_account_volume: { newDays: 30, warmupDays: 7, minInYuan: 20_000, minCount: 5 },
    night_burst: { fromHour: 0, toHour: 5, minCount: 4, minYuan: 5000 },
    cash_out_after_inflow: { withinMinutes: 180, minShare: 0.6, minYuan: 3000 },
    just_under_limit: { limitsYuan: [5000, 10_000, 20_000, 50_000], belowShare: 0.02, minCount: 2 },
    listed_counterparty: {},
    cycle: { windowMinutes: 24 * 60, maxLength: 5, amountTolerance: 0.1 },
    scatter_gather: { windowMinutes: 12 * 60, minBranches: 3, minShare: 0.5 },
    gather_scatter: { minPayers: 4, minPayees: 4, minShare: 0.7, minTotalYuan: 10_000 },
    bipartite: { windowMinutes: 12 * 60, minPayers: 3, minYuan: 1000 },
    stack: { minLayers: 3 },
  },
  typologies: [
    {
      id: 'collection',
      name: '收款卡/跑分',
      weights: { fan_in: 0.35, fast_in_out: 0.5, new_account_volume: 0.25, just_under_limit: 0.15, night_burst: 0.1 },
      review: 0.5,
      interdict: 0.9,
    },
    {
      id: 'layering',
      name: '过账/分层转移',
      weights: { stack: 0.75, cycle: 0.8, scatter_gather: 0.75, gather_scatter: 0.75, bipartite: 0.75, fast_in_out: 0.3, fan_out: 0.6 },
      review: 0.5,
      interdict: 0.8,
    },
    {
      id: 'cash_out',
      name: '取现',
      weights: { cash_out_after_inflow: 0.45, night_burst: 0.2, new_account_volume: 0.2, fast_in_out: 0.2 },
      review: 0.5,
      interdict: 0.9,
    },
    { id: 'listed', name: '名单账户往来', weights: { listed_counterparty: 1 }, review: 0.5, interdict: 0.5 },
  ],
  alertDedupHours: 24,
};

/** Parses a stored or uploaded rule set; throws a ZodError naming each bad field. */
export function parseRuleSet(input: unknown): RuleSet {
  return RuleSet.parse(input);
}
