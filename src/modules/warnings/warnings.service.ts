import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import { maskFields } from '../../lib/mask.ts';
import { PARTNER_ROLES } from '../../lib/roles.ts';
import { dayStart, isDate } from '../../lib/periods.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, notFound, type FieldError } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import * as cases from '../cases/cases.service.ts';
import { requireInScope } from '../orgs/orgs.service.ts';
import type { Scope } from '../orgs/scope.ts';
import { Router } from './routing.ts';
import * as repo from './warnings.repo.ts';
import {
  WarningIn,
  type BatchResultDto,
  type WarningDetailDto,
  type WarningInput,
  type WarningSummaryDto,
} from './warnings.schema.ts';
import {
  canApply,
  DEFAULT_DEADLINES,
  dueAt,
  nextStatus,
  type AttemptChannel,
  type AttemptResult,
  type Outcome,
  type WarningAction,
  type WarningLevel,
  type WarningStatus,
} from './warning-workflow.ts';

/** A detectedAt this far ahead of our clock is a clock skew, not a future event. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const ROUTER_TTL_MS = 10_000;

interface IntakeContext {
  router: Router;
  knownRegions: Set<string>;
  deadlines: Record<WarningLevel, number>;
  repeatWindowDays: number;
  orgCodes: Map<number, string>;
  loadedAt: number;
}
const contexts = new WeakMap<Kysely<DB>, IntakeContext>();

/** Routing tables and settings, cached briefly: a batch of 5,000 must not reload them per item. */
async function intakeContext(deps: Deps): Promise<IntakeContext> {
  const now = Date.now();
  const cached = contexts.get(deps.db);
  if (cached && now - cached.loadedAt < ROUTER_TTL_MS) return cached;
  const [routing, deadlines, window, codes] = await Promise.all([
    repo.loadRouting(deps.db),
    repo.readSetting<Record<WarningLevel, number>>(deps.db, 'warnings.deadlines'),
    repo.readSetting<number>(deps.db, 'warnings.repeatWindowDays'),
    deps.db.selectFrom('orgs').select(['id', 'code']).execute(),
  ]);
  if (!routing.triage) throw new AppError('UNAVAILABLE', 'no city organisation: nowhere to triage warnings');
  const ctx: IntakeContext = {
    router: new Router(routing.orgs, routing.rules, routing.triage.id),
    knownRegions: new Set([
      ...routing.orgs.map((o) => o.regionCode).filter((c): c is string => !!c && c.length === 6),
      ...routing.rules.filter((r) => r.kind === 'region').map((r) => r.pattern),
    ]),
    deadlines: { ...DEFAULT_DEADLINES, ...deadlines },
    repeatWindowDays: window ?? 30,
    orgCodes: new Map(codes.map((c) => [c.id, c.code])),
    loadedAt: now,
  };
  contexts.set(deps.db, ctx);
  return ctx;
}

/** Drop cached routing after rules, orgs or settings change. */
export function invalidateRouting(deps: Deps): void {
  contexts.delete(deps.db);
}

function issuesOf(error: { issues: { path: PropertyKey[]; message: string; code: string; keys?: string[] }[] }): FieldError[] {
  return error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' && i.keys
      ? i.keys.map((k) => ({ path: [...i.path.map(String), k].join('.'), message: `unknown field "${k}"` }))
      : [{ path: i.path.map(String).join('.') || 'item', message: i.message }],
  );
}

/**
 * Intake of a batch (PARTNER-API POST /warnings): each item is validated on its own, good items are
 * graded, deadlined, routed and stored in one statement, bad ones reported with index and path, and a
 * repeated (source, externalId) returns the stored item unchanged.
 */
export async function intake(deps: Deps, ctx: RequestContext, items: unknown[]): Promise<BatchResultDto> {
  const now = deps.clock.now();
  const ic = await intakeContext(deps);
  const partnerPrefix = ctx.principal && PARTNER_ROLES.includes(ctx.principal.role) ? `${ctx.principal.orgCode}:` : '';
  const rejected: BatchResultDto['rejected'] = [];
  const valid: { index: number; input: WarningInput; source: string }[] = [];
  items.forEach((raw, index) => {
    const externalId = typeof raw === 'object' && raw && typeof (raw as { externalId?: unknown }).externalId === 'string' ? (raw as { externalId: string }).externalId : null;
    const parsed = WarningIn.safeParse(raw);
    if (!parsed.success) {
      rejected.push({ index, externalId, errors: issuesOf(parsed.error) });
      return;
    }
    const errors: FieldError[] = [];
    if (new Date(parsed.data.detectedAt).getTime() > now.getTime() + FUTURE_TOLERANCE_MS) errors.push({ path: 'detectedAt', message: 'lies in the future' });
    if (parsed.data.regionCode && !ic.knownRegions.has(parsed.data.regionCode)) errors.push({ path: 'regionCode', message: `unknown region code ${parsed.data.regionCode}` });
    if (errors.length) rejected.push({ index, externalId, errors });
    else valid.push({ index, input: parsed.data, source: partnerPrefix + parsed.data.source });
  });

  const key = (source: string, externalId: string) => `${source}\u0000${externalId}`;
  const existing = new Map(
    (await repo.findBySourceIds(deps.db, valid.map((v) => v.source), valid.map((v) => v.input.externalId))).map((r) => [key(r.source, r.external_id), r]),
  );
  const since = new Date(now.getTime() - ic.repeatWindowDays * 86_400_000);
  const fresh: typeof valid = [];
  const firstInBatch = new Map<string, number>();
  for (const v of valid) {
    const k = key(v.source, v.input.externalId);
    if (existing.has(k) || firstInBatch.has(k)) continue;
    firstInBatch.set(k, v.index);
    fresh.push(v);
  }
  const rows: repo.NewWarningRow[] = [];
  const inserted = await deps.db.transaction().execute(async (trx) => {
    // One batch at a time decides who is a repeat victim: a concurrent batch's rows are not visible
    // before it commits, so without the lock two batches would each miss the other's warnings.
    await repo.lockIntake(trx);
    const earlier = await repo.recentByPhones(trx, [...new Set(fresh.map((v) => v.input.victimPhone))], since);

    const receivedAt = now.toISOString();
    const samePhoneInBatch = new Map<string, number>();
    const vulnerable = new Map<string, { phone: string; name: string | null; orgId: number; count: number; firstAt: Date; lastAt: Date }>();
    for (const v of fresh) {
      const decision = ic.router.route({ regionCode: v.input.regionCode, address: v.input.address, phone: v.input.victimPhone });
      const before = earlier.get(v.input.victimPhone);
      const seenInBatch = samePhoneInBatch.get(v.input.victimPhone) ?? 0;
      if (before || seenInBatch > 0) {
        const count = (before?.count ?? 0) + seenInBatch + 1;
        vulnerable.set(v.input.victimPhone, { phone: v.input.victimPhone, name: v.input.victimName ?? before?.name ?? null, orgId: decision.orgId, count, firstAt: before?.firstAt ?? now, lastAt: now });
      }
      samePhoneInBatch.set(v.input.victimPhone, seenInBatch + 1);
      rows.push({
        source: v.source,
        externalId: v.input.externalId,
        level: v.input.level,
        status: decision.via === 'triage' ? 'received' : 'dispatched',
        victimPhone: v.input.victimPhone,
        victimName: v.input.victimName ?? null,
        victimIdNumber: v.input.victimIdNumber ?? null,
        address: v.input.address ?? null,
        regionCode: v.input.regionCode ?? null,
        fraudType: v.input.fraudType ?? null,
        counterparty: v.input.counterparty ? JSON.stringify(v.input.counterparty) : null,
        note: v.input.note ?? null,
        detectedAt: v.input.detectedAt,
        receivedAt,
        dueAt: dueAt(v.input.level, now, ic.deadlines).toISOString(),
        assignedOrgId: decision.orgId,
        routedVia: decision.via,
        repeatOfId: before?.id ?? null,
      });
    }
    const ids = await repo.insertMany(trx, rows);
    const byKey = new Map(ids.map((r) => [key(r.source, r.external_id), r.id]));
    // A second warning for a phone inside the same batch links to the first one.
    const lastByPhone = new Map<string, number>();
    const links: { id: number; repeatOf: number }[] = [];
    for (const r of rows) {
      const id = byKey.get(key(r.source, r.externalId));
      if (id === undefined) continue;
      const prev = lastByPhone.get(r.victimPhone);
      if (r.repeatOfId === null && prev !== undefined) {
        r.repeatOfId = prev;
        links.push({ id, repeatOf: prev });
      }
      lastByPhone.set(r.victimPhone, id);
    }
    await repo.setRepeatLinks(trx, links);
    const events: repo.NewEvent[] = [];
    for (const r of rows) {
      const id = byKey.get(key(r.source, r.externalId));
      if (id === undefined) continue;
      events.push({
        warningId: id,
        at: now,
        kind: r.status === 'received' ? 'triage' : 'dispatched',
        fromStatus: null,
        toStatus: r.status,
        actorType: ctx.principal?.type ?? 'system',
        actorId: ctx.principal?.id ?? null,
        actorName: ctx.principal?.name ?? null,
        orgId: r.assignedOrgId,
        detail: { routedVia: r.routedVia, ...(r.repeatOfId ? { repeatOf: r.repeatOfId } : {}) },
      });
    }
    await repo.insertEvents(trx, events);
    await repo.upsertVulnerable(trx, [...vulnerable.values()]);
    await audit.record(trx, ctx, now, {
      action: 'warning.intake',
      targetType: 'warning_batch',
      detail: { received: items.length, accepted: ids.length, duplicates: valid.length - ids.length, rejected: rejected.length },
    });
    return byKey;
  });
  // Rows another request inserted between our lookup and our insert are duplicates too.
  const missing = rows.filter((r) => !inserted.has(key(r.source, r.externalId)));
  if (missing.length) {
    for (const r of await repo.findBySourceIds(deps.db, missing.map((m) => m.source), missing.map((m) => m.externalId))) existing.set(key(r.source, r.external_id), r);
  }

  const accepted: BatchResultDto['accepted'] = [];
  const rowByKey = new Map(rows.map((r) => [key(r.source, r.externalId), r]));
  for (const v of valid) {
    const k = key(v.source, v.input.externalId);
    const newId = inserted.get(k);
    const row = rowByKey.get(k);
    if (newId !== undefined && row && firstInBatch.get(k) === v.index) {
      accepted.push({ index: v.index, externalId: v.input.externalId, id: newId, status: row.status, level: row.level, dueAt: row.dueAt, assignedOrgCode: ic.orgCodes.get(row.assignedOrgId) ?? '', duplicate: false });
      continue;
    }
    const old = existing.get(k);
    if (old) {
      accepted.push({ index: v.index, externalId: v.input.externalId, id: old.id, status: old.status, level: old.level, dueAt: old.due_at.toISOString(), assignedOrgCode: old.org_code, duplicate: true });
    } else if (newId !== undefined && row) {
      accepted.push({ index: v.index, externalId: v.input.externalId, id: newId, status: row.status, level: row.level, dueAt: row.dueAt, assignedOrgCode: ic.orgCodes.get(row.assignedOrgId) ?? '', duplicate: true });
    }
  }
  accepted.sort((a, b) => a.index - b.index);
  if (deps.live && inserted.size) {
    const paths = await orgPaths(deps, [...new Set(rows.map((r) => r.assignedOrgId))]);
    for (const r of rows) {
      const id = inserted.get(key(r.source, r.externalId));
      if (id !== undefined) deps.live.publish({ type: 'warning.new', id, orgPaths: [paths.get(r.assignedOrgId) ?? ''], data: { level: r.level } });
    }
  }
  return { accepted, rejected };
}

async function orgPaths(deps: Deps, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await deps.db.selectFrom('orgs').select(['id', 'path']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}

export function presentSummary(r: repo.WarningSummaryRow, now: Date, reveal: boolean): WarningSummaryDto {
  return maskFields(
    {
      id: r.id,
      externalId: r.external_id,
      source: r.source,
      level: r.level,
      status: r.status,
      // Stored when the sweeper or the closing step saw it; computed meanwhile so a countdown never lies.
      overdue: r.overdue || (r.status !== 'closed' && now > r.due_at),
      victimPhone: r.victim_phone,
      victimName: r.victim_name,
      fraudType: r.fraud_type,
      detectedAt: r.detected_at.toISOString(),
      receivedAt: r.received_at.toISOString(),
      dueAt: r.due_at.toISOString(),
      assignedOrgCode: r.assigned_org_code,
      assignedOrgName: r.assigned_org_name,
      escalationLevel: r.escalation_level,
      escalatedOrgCode: r.escalated_org_code,
      visitRequired: r.visit_required,
      outcome: r.outcome,
      repeatOfId: r.repeat_of_id,
    },
    { victimPhone: 'phone', victimName: 'name' },
    reveal,
  );
}

export async function get(deps: Deps, ctx: RequestContext, scope: Scope, id: number, reveal: boolean): Promise<WarningDetailDto> {
  const row = await repo.getById(deps.db, scope, id);
  if (!row) throw notFound('warning');
  const [attempts, events, linkedCase] = await Promise.all([repo.attemptsOf(deps.db, id), repo.eventsOf(deps.db, id), cases.ofWarning(deps, id)]);
  if (reveal) {
    await audit.recordAlone(deps, ctx, { action: 'warning.reveal', targetType: 'warning', targetId: id, orgId: row.assigned_org_id, detail: { fields: ['victimPhone', 'victimName', 'victimIdNumber', 'counterparty'] } });
  }
  const now = deps.clock.now();
  const summary = presentSummary(row, now, reveal);
  const counterparty = row.counterparty
    ? reveal
      ? row.counterparty
      : maskFields(row.counterparty, { phone: 'phone', account: 'account' }, false)
    : null;
  return {
    ...summary,
    victimIdNumber: maskFields({ v: row.victim_id_number }, { v: 'idNumber' }, reveal).v,
    address: row.address,
    regionCode: row.region_code,
    counterparty,
    note: row.note,
    routedVia: row.routed_via,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    outcomeNote: row.outcome_note,
    lossAmount: row.loss_amount,
    case: linkedCase,
    attempts: attempts.map((a) => ({ id: a.id, channel: a.channel, at: a.at.toISOString(), result: a.result, note: a.note, actorName: a.actor_name })),
    events: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name, detail: e.detail })),
  };
}

export async function list(
  deps: Deps,
  scope: Scope,
  q: { status?: WarningStatus | 'open' | undefined; level?: WarningLevel | undefined; overdue?: 'true' | 'false' | undefined; orgCode?: string | undefined; dueWithinMinutes?: number | undefined; triage?: 'true' | 'false' | undefined; from?: string | undefined; to?: string | undefined; outcome?: string | undefined; page: number; pageSize: number },
) {
  const now = deps.clock.now();
  const org = q.orgCode ? await requireInScope(deps, scope, q.orgCode, 'query.orgCode') : undefined;
  const { rows, total, totalCapped } = await repo.list(
    deps.db,
    scope,
    {
      status: q.status,
      level: q.level,
      overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
      orgScope: org ? { rootId: org.id, rootCode: org.code, rootPath: org.path, rootKind: org.kind, everything: false, partner: false } : undefined,
      dueBefore: q.dueWithinMinutes ? new Date(now.getTime() + q.dueWithinMinutes * 60_000) : undefined,
      triageOrgId: q.triage === 'true' ? scope.rootId : undefined,
      // A date is a whole China-time day (the statistics' drill-through); a time is taken as it is.
      receivedFrom: q.from ? (isDate(q.from) ? dayStart(q.from) : new Date(q.from)) : undefined,
      receivedTo: q.to ? (isDate(q.to) ? dayStart(q.to) : new Date(q.to)) : undefined,
      outcome: q.outcome,
    },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  return { items: rows.map((r) => presentSummary(r, now, false)), total, totalCapped };
}

interface Step {
  patch: Parameters<typeof repo.update>[2];
  event: { kind: string; detail?: Record<string, unknown> };
  to: WarningStatus;
}

/**
 * Applies one workflow action under a row lock: refuses it with 409 unless the transition table allows
 * it from the current status, then stores the change, its timeline event and its audit row together.
 */
async function transition(
  deps: Deps,
  ctx: RequestContext,
  scope: Scope,
  id: number,
  action: WarningAction,
  decide: (row: NonNullable<Awaited<ReturnType<typeof repo.lockForUpdate>>>, now: Date, trx: Transaction<DB>) => Promise<Step>,
): Promise<WarningDetailDto> {
  const visible = await repo.getById(deps.db, scope, id);
  if (!visible) throw notFound('warning');
  const now = deps.clock.now();
  const p = ctx.principal;
  const to = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockForUpdate(trx, id);
    if (!row) throw notFound('warning');
    if (!canApply(action, row.status)) {
      throw new AppError('ILLEGAL_TRANSITION', `cannot ${action.replace('_', ' ')} a warning that is ${row.status}`);
    }
    const step = await decide(row, now, trx);
    await repo.update(trx, id, { ...step.patch, status: step.to, updated_at: now });
    await repo.insertEvents(trx, [
      {
        warningId: id,
        at: now,
        kind: step.event.kind,
        fromStatus: row.status,
        toStatus: step.to,
        actorType: p?.type ?? 'system',
        actorId: p?.id ?? null,
        actorName: p?.name ?? null,
        orgId: p?.orgId ?? null,
        detail: step.event.detail ?? {},
      },
    ]);
    await audit.record(trx, ctx, now, { action: `warning.${step.event.kind}`, targetType: 'warning', targetId: id, orgId: row.assigned_org_id, detail: step.event.detail });
    return step.to;
  });
  const after = await get(deps, ctx, scope, id, false);
  if (deps.live) {
    // Tell the unit that had it and, after a dispatch, the unit that has it now.
    const paths = new Set([visible.assigned_org_path]);
    if (after.assignedOrgCode !== visible.assigned_org_code) {
      const now = await deps.db.selectFrom('orgs').select('path').where('code', '=', after.assignedOrgCode).executeTakeFirst();
      if (now) paths.add(now.path);
    }
    deps.live.publish({ type: 'warning.changed', id, orgPaths: [...paths], data: { status: to } });
  }
  return after;
}

export function acknowledge(deps: Deps, ctx: RequestContext, scope: Scope, id: number) {
  return transition(deps, ctx, scope, id, 'acknowledge', async (_row, now) => ({
    patch: { acknowledged_at: now },
    event: { kind: 'acknowledged' },
    to: nextStatus('acknowledge', 'dispatched'),
  }));
}

export function recordAttempt(
  deps: Deps,
  ctx: RequestContext,
  scope: Scope,
  id: number,
  input: { channel: AttemptChannel; at: string; result: AttemptResult; note?: string | undefined },
) {
  return transition(deps, ctx, scope, id, 'attempt', async (row, now, trx) => {
    const at = new Date(input.at);
    if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw new AppError('VALIDATION', 'at: lies in the future', { errors: [{ path: 'at', message: 'lies in the future' }] });
    if (at < row.received_at) throw new AppError('VALIDATION', 'at: before the warning was received', { errors: [{ path: 'at', message: 'before the warning was received' }] });
    const attemptId = await repo.insertAttempt(trx, {
      warningId: id,
      channel: input.channel,
      at,
      result: input.result,
      note: input.note ?? null,
      actorType: ctx.principal?.type ?? 'system',
      actorId: ctx.principal?.id ?? null,
      actorName: ctx.principal?.name ?? null,
      now,
    });
    return {
      patch: {
        first_attempt_at: row.first_attempt_at ?? at,
        ...(row.visit_required && input.channel === 'visit' ? { visit_required: false } : {}),
      },
      event: { kind: 'attempt', detail: { attemptId, channel: input.channel, result: input.result } },
      to: 'in_progress',
    };
  });
}

/** Outcomes that only make sense after someone tried to reach the person. */
const NEEDS_ATTEMPT: readonly Outcome[] = ['dissuaded', 'unreachable', 'refused'];

export function recordOutcome(
  deps: Deps,
  ctx: RequestContext,
  scope: Scope,
  id: number,
  input: { outcome: Outcome; note?: string | undefined; lossAmount?: string | undefined },
) {
  return transition(deps, ctx, scope, id, 'outcome', async (row, now, trx) => {
    const attempts = await repo.attemptsOf(trx, id);
    if (NEEDS_ATTEMPT.includes(input.outcome) && attempts.length === 0) {
      throw new AppError('ILLEGAL_TRANSITION', `record a dissuasion attempt before the outcome "${input.outcome}"`);
    }
    if (input.outcome !== 'defrauded' && input.lossAmount !== undefined) {
      throw new AppError('VALIDATION', 'lossAmount: only for the outcome "defrauded"', { errors: [{ path: 'lossAmount', message: 'only for the outcome "defrauded"' }] });
    }
    // A refusal without a face-to-face visit is not an end: it becomes a visit to make (seed 000 唤醒).
    if (input.outcome === 'refused' && !attempts.some((a) => a.channel === 'visit')) {
      return {
        patch: { visit_required: true },
        event: { kind: 'visit_required', detail: { reason: 'refused', ...(input.note ? { note: input.note } : {}) } },
        to: 'in_progress',
      };
    }
    const overdue = row.overdue || now > row.due_at;
    // 被骗: the case is opened in the same transaction, so a closed "defrauded" warning always has one.
    const opened =
      input.outcome === 'defrauded'
        ? await cases.openFromWarning(
            trx,
            ctx,
            now,
            {
              id: row.id,
              source: row.source,
              assignedOrgId: row.assigned_org_id,
              regionCode: row.region_code,
              fraudType: row.fraud_type,
              victimName: row.victim_name,
              victimPhone: row.victim_phone,
              victimIdNumber: row.victim_id_number,
              counterparty: row.counterparty,
              detectedAt: row.detected_at,
            },
            input,
          )
        : null;
    return {
      patch: {
        outcome: input.outcome,
        outcome_note: input.note ?? null,
        loss_amount: input.lossAmount ?? null,
        closed_at: now,
        overdue,
        next_escalation_at: null,
        visit_required: false,
      },
      event: {
        kind: 'closed',
        detail: {
          outcome: input.outcome,
          onTime: !overdue,
          ...(input.lossAmount ? { lossAmount: input.lossAmount } : {}),
          ...(opened ? { caseId: opened.id, caseNo: opened.caseNo } : {}),
        },
      },
      to: 'closed',
    };
  });
}

export async function dispatch(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { orgCode: string; note?: string | undefined }) {
  const target = await requireInScope(deps, scope, input.orgCode, 'orgCode');
  if (!['county', 'station', 'township', 'grid'].includes(target.kind)) {
    throw new AppError('VALIDATION', 'orgCode: warnings go to a county, station, township or grid', { errors: [{ path: 'orgCode', message: 'not a unit that handles warnings' }] });
  }
  return transition(deps, ctx, scope, id, 'dispatch', async (row) => ({
    patch: { assigned_org_id: target.id, routed_via: 'manual', escalated_org_id: null },
    event: { kind: 'dispatched', detail: { from: row.assigned_org_id, to: target.code, ...(input.note ? { note: input.note } : {}) } },
    to: 'dispatched',
  }));
}
