import type { Transaction } from 'kysely';
import { z } from 'zod';
import { parseRuleSet, RULE_IDS, type RuleSet } from '../../engines/risk/config.ts';
import { isParseError, parseContractLine } from '../../engines/risk/ndjson.ts';
import type { Tx } from '../../engines/risk/types.ts';
import { appendTimeline } from '../../db/timeline.ts';
import type { DB, RiskAlertStatus, RiskDecision } from '../../db/types.ts';
import type { Deps, Principal, RequestContext } from '../../server/context.ts';
import { AppError } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import * as requests from '../money/requests.ts';
import { centerOrgIds } from '../orgs/orgs.repo.ts';
import { announce } from '../orgs/orgs.service.ts';
import { orgIdsInScope, type Scope } from '../orgs/scope.ts';
import * as repo from './risk.repo.ts';
import { configOf, runtimeFor } from './risk.runtime.ts';

/** Lines per request: a batch is one database transaction. */
export const MAX_LINES = 50_000;

export interface IngestResult {
  received: number;
  accepted: number;
  duplicates: number;
  rejected: { line: number; errors: { path: string; message: string }[] }[];
  alerts: { txId: string; account: string; decision: Exclude<RiskDecision, 'allow'>; score: number; reasons: { rule: string; subRule: string; reason: string }[] }[];
}

/**
 * A bank's NDJSON batch: each line checked on its own (bad lines are reported with their line number and
 * fields, good ones stored), stored once per txId, decided by the engine. The response lists the alerts the
 * batch raised (the decisions of review and above).
 */
export async function ingestNdjson(deps: Deps, scope: Scope, body: string): Promise<IngestResult> {
  const { txs, rejected, received } = parseBatch(body);
  const out = await ingestParsed(deps, scope.rootId, txs);
  return { received, accepted: out.accepted, duplicates: out.duplicates, rejected, alerts: out.alerts };
}

export function parseBatch(body: string): { txs: Tx[]; rejected: IngestResult['rejected']; received: number } {
  const lines = body.split('\n');
  if (lines.length > MAX_LINES + 1) throw new AppError('TOO_LARGE', `at most ${MAX_LINES} lines per request`);
  const txs: Tx[] = [];
  const rejected: IngestResult['rejected'] = [];
  let received = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = (lines[k] ?? '').trim();
    if (line === '') continue;
    received++;
    const r = parseContractLine(line);
    if (isParseError(r)) rejected.push({ line: k + 1, errors: r.errors });
    else txs.push(r);
  }
  if (received === 0) throw new AppError('VALIDATION', 'the body holds no transaction lines', { errors: [{ path: 'body', message: 'one JSON transaction per line' }] });
  return { txs, rejected, received };
}

export async function ingestParsed(deps: Deps, orgId: number, txs: readonly Tx[]): Promise<{ accepted: number; duplicates: number; alerts: IngestResult['alerts'] }> {
  const runtime = runtimeFor(deps);
  const { accepted, duplicates, decided, alertIds } = await runtime.ingest(orgId, txs);
  const alerts: IngestResult['alerts'] = [];
  for (const d of decided) {
    for (const a of d.verdict.accounts) {
      if (a.decision === 'allow') continue;
      alerts.push({ txId: d.tx.txId, account: a.account, decision: a.decision, score: a.score, reasons: a.hits.map((h) => ({ rule: h.rule, subRule: h.subRule, reason: h.reason })) });
    }
  }
  // the newest alert's id, and all of them (a batch can raise thousands: the screens refetch their page)
  const newest = alertIds.at(-1);
  if (newest !== undefined) await announce(deps, [orgId], { type: 'risk_alert.new', id: newest, data: { count: alertIds.length, ...(alertIds.length <= 100 ? { ids: alertIds } : {}) } });
  return { accepted, duplicates, alerts };
}

// ---- alerts --------------------------------------------------------------------------------------------

export const AlertQuery = z.strictObject({
  since: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(['open', 'escalated', 'confirmed_mule', 'false_positive', 'stop_payment_requested', 'decided']).optional(),
  decision: z.enum(['review', 'hold', 'block']).optional(),
  account: z.string().trim().min(1).max(64).optional(),
  rule: z.enum(RULE_IDS).optional(),
  shadow: z.enum(['0', '1', 'true', 'false']).optional(),
  order: z.enum(['newest', 'score']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

function presentAlert(r: repo.AlertRow) {
  return {
    id: r.id,
    txId: r.tx_id,
    account: r.account,
    bank: r.bank,
    orgCode: r.org_code,
    orgName: r.org_name,
    raisedAt: new Date(r.raised_at).toISOString(),
    decision: r.decision,
    score: r.score,
    typology: r.typology,
    reasons: configOf(r.reasons) as { rule: string; subRule: string; strength: number; reason: string }[],
    rulesVersion: r.rules_version,
    shadow: r.shadow,
    status: r.status,
    outcomeNote: r.outcome_note,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decidedBy: r.decided_by,
    caseId: r.case_id === null ? null : Number(r.case_id),
    stopPaymentId: r.stop_payment_id === null ? null : Number(r.stop_payment_id),
  };
}
export type AlertOut = ReturnType<typeof presentAlert>;

export async function listAlerts(deps: Deps, scope: Scope, q: z.output<typeof AlertQuery>) {
  const orgIds = await orgIdsInScope(deps.db, scope);
  const shadow = q.shadow === '1' || q.shadow === 'true';
  const { items, total } = await repo.listAlerts(
    deps.db,
    { orgIds, status: q.status, decision: q.decision, shadow, account: q.account, since: q.since ? new Date(q.since) : undefined, rule: q.rule },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize, order: q.order ?? 'newest' },
  );
  return { items: items.map(presentAlert), total };
}

async function alertInScope(deps: Deps, scope: Scope, id: number): Promise<repo.AlertRow> {
  const row = await repo.getAlert(deps.db, await orgIdsInScope(deps.db, scope), id);
  if (!row) throw new AppError('NOT_FOUND', 'alert not found');
  return row;
}

/** One alert with its timeline and the account's latest transactions; the view is audited. */
export async function getAlert(deps: Deps, ctx: RequestContext, scope: Scope, id: number) {
  const orgIds = await orgIdsInScope(deps.db, scope);
  const row = await repo.getAlert(deps.db, orgIds, id);
  if (!row) throw new AppError('NOT_FOUND', 'alert not found');
  // a bank sees the transactions it reported itself, the center all of them
  const [events, txs] = await Promise.all([
    deps.db.selectFrom('risk_alert_events').selectAll().where('alert_id', '=', id).orderBy('id').execute(),
    repo.recentTransactionsOf(deps.db, orgIds, row.account, 30),
  ]);
  await audit.recordAlone(deps, ctx, { action: 'risk_alert.view', targetType: 'risk_alert', targetId: id, orgId: row.org_id });
  return {
    ...presentAlert(row),
    events: events.map((e) => ({
      at: new Date(e.at).toISOString(),
      kind: e.kind,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_name,
      detail: configOf(e.detail) as Record<string, unknown>,
    })),
    transactions: txs.map((t) => ({
      txId: t.tx_id,
      at: new Date(t.at).toISOString(),
      fromAccount: t.from_account,
      fromBank: t.from_bank,
      toAccount: t.to_account,
      toBank: t.to_bank,
      amount: String(t.amount),
      channel: t.channel,
      decision: t.decision,
      score: t.score,
    })),
  };
}

/**
 * The alert workflow. A bank liaison confirms a mule, calls it a false positive, or escalates to the center
 * when money should be stopped; the center does the same and, with the case the money belongs to, turns the
 * alert into a stop-payment request on the account. Every move is stored on the alert's timeline.
 */
export const ALERT_STEPS: Record<RiskAlertStatus, readonly RiskAlertStatus[]> = {
  open: ['escalated', 'confirmed_mule', 'false_positive', 'stop_payment_requested'],
  escalated: ['confirmed_mule', 'false_positive', 'stop_payment_requested'],
  confirmed_mule: ['stop_payment_requested'],
  false_positive: [],
  stop_payment_requested: [],
};

export const OutcomeIn = z
  .strictObject({
    outcome: z.enum(['escalated', 'confirmed_mule', 'false_positive', 'stop_payment_requested']),
    note: z.string().trim().max(2000).optional(),
    /** stop_payment_requested: the case the money belongs to, and the amount to stop */
    caseId: z.number().int().positive().optional(),
    amount: z
      .string()
      .regex(/^\d{1,12}(\.\d{1,2})?$/, 'a yuan amount such as "1234.56"')
      .optional(),
    /** false_positive: keep the account at allow for this many days (避免误伤) */
    allowDays: z.number().int().min(1).max(365).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'stop_payment_requested') {
      if (v.caseId === undefined) ctx.addIssue({ code: 'custom', path: ['caseId'], message: 'a stop-payment needs the case the money belongs to' });
      if (v.amount === undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'a stop-payment needs the amount to stop' });
    }
    if (v.allowDays !== undefined && v.outcome !== 'false_positive') ctx.addIssue({ code: 'custom', path: ['allowDays'], message: 'only a false positive puts the account on the allow-list' });
  });

const STAFF_STOPPERS = new Set(['center_analyst']);

export async function decideAlert(deps: Deps, ctx: RequestContext, principal: Principal, scope: Scope, id: number, input: z.output<typeof OutcomeIn>) {
  const row = await alertInScope(deps, scope, id);
  if (row.shadow) throw new AppError('CONFLICT', 'a shadow alert is for comparison only');
  if (!ALERT_STEPS[row.status].includes(input.outcome)) throw new AppError('ILLEGAL_TRANSITION', `an alert ${row.status} cannot become ${input.outcome}`);
  if (input.outcome === 'stop_payment_requested' && !STAFF_STOPPERS.has(principal.role)) {
    throw new AppError('FORBIDDEN', 'a stop-payment is requested by the police; escalate the alert to the center instead');
  }
  const now = deps.clock.now();
  const actor = principal.name;
  // The alert moves only from the status read above; a stop-payment is created in the same transaction, so a
  // decision taken meanwhile by someone else leaves neither an unlinked request nor a half-moved alert.
  const record = async (trx: Transaction<DB>, stopPaymentId: number | null) => {
    const updated = await trx
      .updateTable('risk_alerts')
      .set({
        status: input.outcome,
        outcome_note: input.note ?? null,
        decided_at: input.outcome === 'escalated' ? null : now,
        decided_by: input.outcome === 'escalated' ? null : actor,
        case_id: input.caseId ?? row.case_id,
        stop_payment_id: stopPaymentId ?? row.stop_payment_id,
      })
      .where('id', '=', id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'the alert changed meanwhile; reload it');
    await appendTimeline(trx, 'risk_alert_events', [
      {
        subjectId: id,
        at: now,
        kind: 'outcome',
        fromStatus: row.status,
        toStatus: input.outcome,
        actorType: principal.type,
        actorId: principal.id,
        actorName: actor,
        orgId: principal.orgId,
        detail: { note: input.note ?? null, caseId: input.caseId ?? null, stopPaymentId, allowDays: input.allowDays ?? null },
      },
    ]);
    if (input.outcome === 'false_positive' && input.allowDays) {
      await repo.insertAllowEntry(trx, { orgId: row.org_id, account: row.account, reason: input.note?.trim() || '预警核实为误报', expiresAt: new Date(now.getTime() + input.allowDays * 86_400_000), createdBy: actor, createdAt: now });
    }
    await audit.record(trx, ctx, now, { action: `risk_alert.${input.outcome}`, targetType: 'risk_alert', targetId: id, orgId: row.org_id, detail: { caseId: input.caseId ?? null } });
  };
  if (input.outcome === 'stop_payment_requested' && input.caseId !== undefined && input.amount !== undefined) {
    await requests.askByHand(deps, ctx, scope, input.caseId, { account: row.account, bank: row.bank, amount: input.amount }, record);
  } else {
    await deps.db.transaction().execute((trx) => record(trx, null));
  }
  if (input.outcome === 'false_positive' && input.allowDays) await runtimeFor(deps).refreshLists().catch(() => undefined);
  if (input.outcome === 'escalated') await announceToCenter(deps, id);
  return getAlert(deps, ctx, scope, id);
}

/**
 * Tells the city centers (the roots of the org tree) of an escalation. Looked up each time: an escalation is a
 * person's step, and a center added by an admin must hear of the next one without a restart.
 */
async function announceToCenter(deps: Deps, alertId: number): Promise<void> {
  await announce(deps, await centerOrgIds(deps.db), { type: 'risk_alert.escalated', id: alertId });
}

// ---- allow-list -------------------------------------------------------------------------------------------

export const AllowIn = z.strictObject({
  account: z.string().trim().min(1).max(64),
  reason: z.string().trim().min(4).max(500),
  days: z.number().int().min(1).max(365),
});

function presentAllow(r: Awaited<ReturnType<typeof repo.listAllowEntries>>[number]) {
  return {
    id: r.id,
    account: r.account,
    reason: r.reason,
    orgCode: r.org_code,
    orgName: r.org_name,
    expiresAt: new Date(r.expires_at).toISOString(),
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    revokedBy: r.revoked_by,
  };
}

export async function listAllow(deps: Deps, scope: Scope, includeEnded: boolean) {
  const rows = await repo.listAllowEntries(deps.db, await orgIdsInScope(deps.db, scope), includeEnded, deps.clock.now());
  return { items: rows.map(presentAllow) };
}

export async function addAllow(deps: Deps, ctx: RequestContext, principal: Principal, scope: Scope, input: z.output<typeof AllowIn>) {
  const now = deps.clock.now();
  const actor = principal.name;
  const id = await deps.db.transaction().execute(async (trx) => {
    const created = await repo.insertAllowEntry(trx, { orgId: scope.rootId, account: input.account, reason: input.reason, expiresAt: new Date(now.getTime() + input.days * 86_400_000), createdBy: actor, createdAt: now });
    await audit.record(trx, ctx, now, { action: 'risk_allow.add', targetType: 'risk_allow', targetId: created, orgId: scope.rootId, detail: { days: input.days } });
    return created;
  });
  await runtimeFor(deps).refreshLists().catch(() => undefined);
  const created = await repo.allowEntryWithOrg(deps.db, id);
  if (!created) throw new AppError('INTERNAL', 'the allow-list entry was not stored');
  return presentAllow(created);
}

export async function revokeAllow(deps: Deps, ctx: RequestContext, principal: Principal, scope: Scope, id: number) {
  const now = deps.clock.now();
  const found = await repo.getAllowEntry(deps.db, await orgIdsInScope(deps.db, scope), id);
  if (!found) throw new AppError('NOT_FOUND', 'allow-list entry not found');
  if (found.revoked_at) throw new AppError('ILLEGAL_TRANSITION', 'the entry was revoked already');
  await deps.db.transaction().execute(async (trx) => {
    await repo.revokeAllowEntry(trx, id, now, principal.name);
    await audit.record(trx, ctx, now, { action: 'risk_allow.revoke', targetType: 'risk_allow', targetId: id, orgId: found.org_id });
  });
  await runtimeFor(deps).refreshLists().catch(() => undefined);
  return { ok: true };
}

// ---- rule sets and rule statistics -----------------------------------------------------------------------

export const RuleSetIn = z.strictObject({ config: z.unknown(), note: z.string().trim().max(500).optional() });
export const RuleSetStatusIn = z.strictObject({ status: z.enum(['shadow', 'live', 'retired']) });

export async function listRuleSets(deps: Deps) {
  const rows = await repo.ruleSets(deps.db);
  return {
    items: rows.map((r) => ({
      version: r.version,
      status: r.status,
      note: r.note,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at).toISOString(),
      activatedAt: r.activated_at ? new Date(r.activated_at).toISOString() : null,
      config: configOf(r.config) as RuleSet,
    })),
    runtime: runtimeFor(deps).status(),
  };
}

export async function createRuleSet(deps: Deps, ctx: RequestContext, principal: Principal, input: z.output<typeof RuleSetIn>) {
  const parsed = RuleSetConfig(input.config);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('risk_rule_sets').select('version').where('version', '=', parsed.version).executeTakeFirst();
    if (exists) throw new AppError('CONFLICT', `rule set ${parsed.version} exists; a version is never changed, give the new one its own`, { errors: [{ path: 'config.version', message: 'version already used' }] });
    await trx
      .insertInto('risk_rule_sets')
      .values({ version: parsed.version, config: JSON.stringify(parsed), status: 'draft', note: input.note ?? null, created_by: principal.name, created_at: now })
      .execute();
    await audit.record(trx, ctx, now, { action: 'risk_rules.create', targetType: 'risk_rule_set', detail: { version: parsed.version } });
  });
  return ruleSetOut(deps, parsed.version);
}

async function ruleSetOut(deps: Deps, version: string) {
  const found = (await listRuleSets(deps)).items.find((r) => r.version === version);
  if (!found) throw new AppError('NOT_FOUND', 'rule set not found');
  return found;
}

function RuleSetConfig(config: unknown): RuleSet {
  try {
    return parseRuleSet(config);
  } catch (err) {
    if (err instanceof z.ZodError) {
      throw new AppError('VALIDATION', 'the rule set is not valid', { errors: err.issues.map((i) => ({ path: ['config', ...i.path.map(String)].join('.'), message: i.message })) });
    }
    throw err;
  }
}

/**
 * Moves a rule set: a draft or retired version can run in shadow or go live; going live retires the live
 * one; a shadow going live stops shadowing. The engine reloads at once.
 */
export async function setRuleSetStatus(deps: Deps, ctx: RequestContext, version: string, status: 'shadow' | 'live' | 'retired') {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('risk_rule_sets').select(['version', 'status']).where('version', '=', version).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'rule set not found');
    if (row.status === status) throw new AppError('ILLEGAL_TRANSITION', `rule set ${version} is ${status} already`);
    if (row.status === 'live' && status !== 'live') throw new AppError('ILLEGAL_TRANSITION', 'the live rule set is replaced by activating another, not retired by hand');
    if (status === 'live') await trx.updateTable('risk_rule_sets').set({ status: 'retired' }).where('status', '=', 'live').execute();
    if (status === 'shadow') await trx.updateTable('risk_rule_sets').set({ status: 'retired' }).where('status', '=', 'shadow').execute();
    await trx
      .updateTable('risk_rule_sets')
      .set({ status, activated_at: status === 'retired' ? null : now })
      .where('version', '=', version)
      .execute();
    await audit.record(trx, ctx, now, { action: `risk_rules.${status}`, targetType: 'risk_rule_set', detail: { version, from: row.status } });
  });
  await runtimeFor(deps).reloadRules();
  return ruleSetOut(deps, version);
}

/**
 * Per rule: alerts raised (live and shadow), how many were decided, and the precision of the decided ones:
 * confirmed mules and stop-payments over those plus false positives.
 */
export async function ruleStats(deps: Deps, sinceDays: number) {
  const since = new Date(deps.clock.now().getTime() - sinceDays * 86_400_000);
  const rows = await repo.outcomesByRule(deps.db, since);
  return {
    since: since.toISOString(),
    items: RULE_IDS.map((rule) => {
      const of = (shadow: boolean, statuses: readonly string[]) => rows.filter((r) => r.rule === rule && r.shadow === shadow && statuses.includes(r.status)).reduce((a, r) => a + r.n, 0);
      const alerts = of(false, ['open', 'escalated', 'confirmed_mule', 'false_positive', 'stop_payment_requested']);
      const confirmed = of(false, ['confirmed_mule', 'stop_payment_requested']);
      const falsePositives = of(false, ['false_positive']);
      return {
        rule,
        alerts,
        open: of(false, ['open', 'escalated']),
        confirmed,
        falsePositives,
        precision: confirmed + falsePositives > 0 ? Math.round((confirmed / (confirmed + falsePositives)) * 1000) / 1000 : null,
        shadowAlerts: of(true, ['open']),
      };
    }),
  };
}
