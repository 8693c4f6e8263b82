import type { AlertQuery } from '../../../api/risk.ts';

// Query keys of the monitoring screens: everything under RISK_KEY is refetched when the live stream announces
// a new or escalated alert.
export const RISK_KEY = ['risk'] as const;
export const RISK_ALERTS_KEY = ['risk', 'alerts'] as const;
export const alertsKey = (q: AlertQuery) => ['risk', 'alerts', q] as const;
export const alertKey = (id: number) => ['risk', 'alert', id] as const;
export const ALLOW_KEY = ['risk', 'allow'] as const;
export const allowKey = (all: boolean) => ['risk', 'allow', all] as const;
export const RULE_SETS_KEY = ['risk', 'rule-sets'] as const;
export const ruleStatsKey = (days: number) => ['risk', 'rule-stats', days] as const;
