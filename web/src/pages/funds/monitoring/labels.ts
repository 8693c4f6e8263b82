import type { Translate } from '../../../i18n/lang.ts';
import { zh, type MessageKey } from '../../../i18n/zh.ts';
import type { AlertDecision, AlertStatus, Outcome, RuleId, RuleSetStatus, TxDecision } from '../../../api/risk.ts';

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}

export const alertStatusLabel = (t: Translate, s: AlertStatus): string => t(`risk.status.${s}`);
export const decisionLabel = (t: Translate, d: AlertDecision | TxDecision): string => t(`risk.decision.${d}`);
export const outcomeLabel = (t: Translate, o: Outcome): string => t(`risk.outcome.${o}`);
export const ruleSetStatusLabel = (t: Translate, s: RuleSetStatus): string => t(`risk.ruleStatus.${s}`);

/** A rule's name (RULE_NAMES of the engine, in the reader's language); a rule added later shows its id. */
export function ruleLabel(t: Translate, rule: string): string {
  const key = `risk.rule.${rule}`;
  return isMessageKey(key) ? t(key) : rule;
}

/** The shipped typologies by name; a typology of a newer rule set shows its id. */
export function typologyLabel(t: Translate, typology: string | null): string {
  if (!typology) return t('common.none');
  const key = `risk.typology.${typology}`;
  return isMessageKey(key) ? t(key) : typology;
}

/** Scores and strengths are 0–1; two decimals read best next to the thresholds (0.5 review, 0.8–0.9 interdict). */
export const score = (v: number): string => v.toFixed(2);

/** Precision 0–1 as a percentage; null (nothing decided yet) as a dash. */
export const percent = (t: Translate, v: number | null): string => (v === null ? t('common.none') : `${(v * 100).toFixed(1)}%`);

// Every rule id has a name in both catalogues (a compile error here names the one missing).
export const RULE_KEYS: Record<RuleId, MessageKey> = {
  fast_in_out: 'risk.rule.fast_in_out',
  fan_in: 'risk.rule.fan_in',
  fan_out: 'risk.rule.fan_out',
  new_account_volume: 'risk.rule.new_account_volume',
  night_burst: 'risk.rule.night_burst',
  cash_out_after_inflow: 'risk.rule.cash_out_after_inflow',
  just_under_limit: 'risk.rule.just_under_limit',
  listed_counterparty: 'risk.rule.listed_counterparty',
  cycle: 'risk.rule.cycle',
  scatter_gather: 'risk.rule.scatter_gather',
  gather_scatter: 'risk.rule.gather_scatter',
  bipartite: 'risk.rule.bipartite',
  stack: 'risk.rule.stack',
};
