import type { z } from 'zod';
import type { RuleId } from '../../../src/engines/risk/config.ts';
import type { RiskAlertStatus, RiskDecision } from '../../../src/db/types.ts';
import type { AlertOut, AllowIn, getAlert, listAllow, listRuleSets, OutcomeIn, ruleStats } from '../../../src/modules/risk/risk.service.ts';
import { request } from './client.ts';

// The transaction monitoring API (资金链监测): alerts of the risk engine and their outcomes, the allow-list,
// rule set versions and per-rule statistics. Shapes come from the server's service functions.

export type AlertStatus = RiskAlertStatus;
export type AlertDecision = Exclude<RiskDecision, 'allow'>;
export type TxDecision = RiskDecision;
export type AlertDto = AlertOut;
export type AlertDetailDto = Awaited<ReturnType<typeof getAlert>>;
export type AlertEventDto = AlertDetailDto['events'][number];
export type AlertTxDto = AlertDetailDto['transactions'][number];
export type OutcomeBody = z.input<typeof OutcomeIn>;
export type Outcome = OutcomeBody['outcome'];
export type AllowEntryDto = Awaited<ReturnType<typeof listAllow>>['items'][number];
export type AllowBody = z.input<typeof AllowIn>;
export type RuleSetsDto = Awaited<ReturnType<typeof listRuleSets>>;
export type RuleSetDto = RuleSetsDto['items'][number];
export type RuleSetStatus = RuleSetDto['status'];
export type RuleStatsDto = Awaited<ReturnType<typeof ruleStats>>;
export type RuleStatDto = RuleStatsDto['items'][number];
export type { RuleId };

/** `decided` is every final outcome (confirmed mule, false positive, stop-payment requested). */
export type AlertStatusFilter = AlertStatus | 'decided';

export interface AlertQuery {
  status?: AlertStatusFilter | undefined;
  decision?: AlertDecision | undefined;
  rule?: RuleId | undefined;
  /** exact account number */
  account?: string | undefined;
  /** the alerts of the version running in shadow instead of the live ones */
  shadow?: boolean | undefined;
  order?: 'newest' | 'score' | undefined;
  page: number;
  pageSize: number;
}

export const listAlerts = (q: AlertQuery): Promise<{ items: AlertDto[]; total: number }> =>
  request('GET', '/api/v1/alerts', { query: { ...q, shadow: q.shadow ? '1' : undefined } });

/** The view is audited on the server. */
export const getAlertDetail = (id: number): Promise<AlertDetailDto> => request('GET', `/api/v1/alerts/${id}`);

/** 409 when the alert moved meanwhile or the step is not allowed from its status; 403 for a bank asking a stop-payment. */
export const decideAlert = (id: number, body: OutcomeBody): Promise<AlertDetailDto> => request('POST', `/api/v1/alerts/${id}/outcome`, { body });

export const listAllowList = (all: boolean): Promise<{ items: AllowEntryDto[] }> => request('GET', '/api/v1/risk/allow-list', { query: { all: all ? '1' : undefined } });

export const addAllowEntry = (body: AllowBody): Promise<AllowEntryDto> => request('POST', '/api/v1/risk/allow-list', { body });

export const revokeAllowEntry = (id: number): Promise<{ ok: boolean }> => request('POST', `/api/v1/risk/allow-list/${id}/revoke`);

export const listRuleSetVersions = (): Promise<RuleSetsDto> => request('GET', '/api/v1/risk/rule-sets');

/** A new version is stored as a draft; 400 lists each bad field by path (config.params.fan_in.minPayers), 409 a used version. */
export const createRuleSetVersion = (config: unknown, note?: string): Promise<RuleSetDto> => request('POST', '/api/v1/risk/rule-sets', { body: { config, ...(note ? { note } : {}) } });

export const moveRuleSet = (version: string, status: Exclude<RuleSetStatus, 'draft'>): Promise<RuleSetDto> =>
  request('POST', `/api/v1/risk/rule-sets/${encodeURIComponent(version)}/status`, { body: { status } });

export const getRuleStats = (days: number): Promise<RuleStatsDto> => request('GET', '/api/v1/risk/rule-stats', { query: { days } });
