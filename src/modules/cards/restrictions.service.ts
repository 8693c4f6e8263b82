import type { RestrictionKind, RestrictionMeasure } from '../../db/types.ts';
import { appendTimeline } from '../../db/timeline.ts';
import { maskFields } from '../../lib/mask.ts';
import { localDateStamp } from '../../lib/periods.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { insertNotifications } from '../notifications/notifications.repo.ts';
import { announce } from '../orgs/orgs.service.ts';
import { isPathInScope, orgIdsInScope, type Scope } from '../orgs/scope.ts';
import { appealDeadlines, nextAppealStatus, OPEN_APPEAL, presentAppeal, type AppealStep } from './appeal-steps.ts';
import * as repo from './restrictions.repo.ts';

/** What each kind of institution may restrict: banks and payment institutions accounts (art. 18), operators phone cards (art. 11). */
const KINDS_OF: Record<string, readonly RestrictionKind[]> = { bank: ['bank_account', 'payment_account'], operator: ['phone_card'] };
/** Clock skew tolerated on a reported time. */
const SKEW_MS = 5 * 60_000;

const actor = (ctx: RequestContext) => ({ actorType: ctx.principal?.type ?? ('system' as const), actorId: ctx.principal?.id ?? null, actorName: ctx.principal?.name ?? null });

export interface RestrictionInput {
  externalId?: string | undefined;
  unitCode?: string | undefined;
  kind: RestrictionKind;
  identifier: string;
  holderName?: string | undefined;
  holderIdNumber?: string | undefined;
  measure: RestrictionMeasure;
  reason: string;
  restrictedAt: string;
}

/** Open screens of the institution's unit and of the staff who forwarded an appeal refresh the restriction. */
const changed = (deps: Deps, orgIds: (number | null | undefined)[], id: number) => announce(deps, orgIds.filter((o): o is number => typeof o === 'number'), { type: 'restriction.changed', id });

async function visibility(deps: Deps, scope: Scope) {
  return repo.visible(scope, scope.partner ? await orgIdsInScope(deps.db, scope) : null);
}

async function load(deps: Deps, scope: Scope, id: number) {
  const r = await repo.getById(deps.db, await visibility(deps, scope), id);
  if (!r) throw notFound('restriction');
  return r;
}

function summary(r: repo.RestrictionRow, reveal: boolean) {
  return {
    ...maskFields({ holderName: r.holder_name, holderIdNumber: r.holder_id_number }, { holderName: 'name', holderIdNumber: 'idNumber' }, reveal),
    id: r.id,
    restrictionNo: r.restriction_no,
    externalId: r.external_id,
    orgCode: r.org_code,
    orgName: r.org_name,
    kind: r.kind,
    identifier: r.identifier,
    measure: r.measure,
    reason: r.reason,
    restrictedAt: r.restricted_at.toISOString(),
    status: r.status,
    liftedAt: r.lifted_at?.toISOString() ?? null,
    liftReason: r.lift_reason,
    openAppeals: Number(r.open_appeals),
  };
}

async function present(deps: Deps, r: repo.RestrictionRow, reveal = false) {
  const [appeals, events] = await Promise.all([repo.appealsOf(deps.db, r.id), repo.eventsOf(deps.db, r.id)]);
  return {
    ...summary(r, reveal),
    appeals: appeals.map(presentAppeal),
    events: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name, detail: e.detail })),
  };
}

/**
 * A bank, payment institution or operator reports a restriction it placed, with the reason it told the
 * person (art. 32): by its own unit (the caller's, or a branch/outlet named by code), of a kind it may
 * restrict. A replayed `externalId` of the same unit returns the stored one with `duplicate: true`.
 */
export async function report(deps: Deps, ctx: RequestContext, scope: Scope, input: RestrictionInput) {
  if (!scope.partner || !ctx.principal) throw new AppError('FORBIDDEN', 'restrictions are reported by the bank or operator that placed them');
  const unit = input.unitCode
    ? await deps.db.selectFrom('orgs').select(['id', 'code', 'path']).where('code', '=', input.unitCode).where('active', '=', true).executeTakeFirst()
    : { id: ctx.principal.orgId, code: ctx.principal.orgCode, path: ctx.principal.orgPath };
  if (!unit || !isPathInScope(scope, unit.path)) throw invalid('unitCode', 'names no unit of your institution');
  const allowed = KINDS_OF[scope.rootKind] ?? [];
  if (!allowed.includes(input.kind)) throw invalid('kind', `a ${scope.rootKind} restricts ${allowed.join(' or ') || 'nothing here'}`);
  const now = deps.clock.now();
  const at = new Date(input.restrictedAt);
  if (at.getTime() > now.getTime() + SKEW_MS) throw invalid('restrictedAt', 'lies in the future');
  if (input.externalId) {
    const old = await repo.findByExternal(deps.db, unit.id, input.externalId);
    if (old) return { ...(await present(deps, await load(deps, scope, old))), duplicate: true };
  }
  const id = await deps.db.transaction().execute(async (trx) => {
    const no = `XZ${localDateStamp(now)}${String(await repo.nextNo(trx)).padStart(6, '0')}`;
    const rid = await repo.insert(trx, {
      restriction_no: no,
      org_id: unit.id,
      external_id: input.externalId ?? null,
      kind: input.kind,
      identifier: input.identifier,
      holder_name: input.holderName ?? null,
      holder_id_number: input.holderIdNumber ?? null,
      measure: input.measure,
      reason: input.reason,
      restricted_at: at,
      status: 'in_force',
      created_at: now,
      updated_at: now,
    });
    // A concurrent replay won the insert: answer with its row.
    if (rid === null) return null;
    await appendTimeline(trx, 'restriction_events', [{ subjectId: rid, at: now, kind: 'restricted', fromStatus: null, toStatus: 'in_force', ...actor(ctx), orgId: unit.id, detail: { measure: input.measure, restrictedAt: at.toISOString() } }]);
    await audit.record(trx, ctx, now, { action: 'restriction.report', targetType: 'restriction', targetId: rid, orgId: unit.id, detail: { kind: input.kind, measure: input.measure } });
    return rid;
  });
  if (id === null) return { ...(await present(deps, await load(deps, scope, (await repo.findByExternal(deps.db, unit.id, input.externalId ?? '')) ?? 0))), duplicate: true };
  await changed(deps, [unit.id], id);
  return { ...(await present(deps, await load(deps, scope, id))), duplicate: false };
}

export async function list(deps: Deps, scope: Scope, q: { status?: 'in_force' | 'lifted' | undefined; appealOpen?: 'true' | 'false' | undefined; q?: string | undefined; page: number; pageSize: number }) {
  const { rows, total } = await repo.list(deps.db, await visibility(deps, scope), { status: q.status, appealOpen: q.appealOpen === 'true', q: q.q }, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: rows.map((r) => summary(r, false)), total };
}

export async function get(deps: Deps, ctx: RequestContext, scope: Scope, id: number, reveal: boolean) {
  const r = await load(deps, scope, id);
  if (reveal) await audit.recordAlone(deps, ctx, { action: 'restriction.reveal', targetType: 'restriction', targetId: id, orgId: r.org_id, detail: {} });
  return present(deps, r, reveal);
}

/** The institution lifts its own restriction (re-verified, placed in error, …) with the reason. */
export async function lift(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { reason: 'verified' | 'error' | 'other'; note?: string | undefined }) {
  if (!scope.partner) throw notFound('restriction');
  const r = await load(deps, scope, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockForUpdate(trx, id);
    if (!row || row.status !== 'in_force') throw new AppError('ILLEGAL_TRANSITION', `only a restriction in force can be lifted; this one is ${row?.status}`);
    await repo.update(trx, id, { status: 'lifted', lifted_at: now, lift_reason: input.reason, updated_at: now });
    await appendTimeline(trx, 'restriction_events', [{ subjectId: id, at: now, kind: 'lifted', fromStatus: 'in_force', toStatus: 'lifted', ...actor(ctx), orgId: ctx.principal?.orgId ?? null, detail: { reason: input.reason, ...(input.note ? { note: input.note } : {}) } }]);
    await audit.record(trx, ctx, now, { action: 'restriction.lift', targetType: 'restriction', targetId: id, orgId: r.org_id, detail: { reason: input.reason } });
  });
  await changed(deps, [r.org_id], id);
  return present(deps, await load(deps, scope, id));
}

/**
 * An appeal against a restriction in force: received by the institution itself, or brought to the police
 * and forwarded by staff (the institution is told). One open at a time; deadlines as for every appeal.
 */
export async function submitAppeal(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { grounds: string }) {
  const r = await load(deps, scope, id);
  const now = deps.clock.now();
  const { acceptDueAt, dueAt } = appealDeadlines(now);
  const aid = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockForUpdate(trx, id);
    if (!row || row.status !== 'in_force') throw new AppError('ILLEGAL_TRANSITION', `an appeal is made against a restriction in force; this one is ${row?.status}`);
    if ((await repo.appealsOf(trx, id)).some((a) => OPEN_APPEAL.includes(a.status))) throw new AppError('CONFLICT', 'an appeal against this restriction is already open');
    const by = scope.partner ? ('partner' as const) : ('staff' as const);
    const appealId = await repo.insertAppeal(trx, { restriction_id: id, punishment_id: null, submitted_at: now, submitted_by: by, submitter_org_id: ctx.principal?.orgId ?? null, grounds: input.grounds, status: 'submitted', due_at: dueAt, accept_due_at: acceptDueAt, created_at: now, updated_at: now });
    await appendTimeline(trx, 'restriction_events', [{ subjectId: id, at: now, kind: 'appeal.submitted', fromStatus: null, toStatus: null, ...actor(ctx), orgId: ctx.principal?.orgId ?? null, detail: { appealId, by } }]);
    if (by === 'staff') await insertNotifications(trx, [{ orgId: row.org_id, kind: 'appeal.submitted', title: `限制措施申诉待受理：${row.restriction_no}`, targetType: 'restriction', targetId: String(id), at: now }]);
    await audit.record(trx, ctx, now, { action: 'appeal.submit', targetType: 'appeal', targetId: appealId, orgId: r.org_id, detail: { restrictionId: id } });
    return appealId;
  });
  await changed(deps, [r.org_id, ctx.principal?.orgId], id);
  return { id: aid, restrictionId: id, status: 'submitted' as const, acceptDueAt: acceptDueAt.toISOString(), dueAt: dueAt.toISOString() };
}

/**
 * The institution that placed the restriction moves the appeal: accept, review, answer. Upheld lifts the
 * restriction at once (art. 32); staff who forwarded the appeal hear the answer.
 */
export async function moveAppeal(deps: Deps, ctx: RequestContext, scope: Scope, appealId: number, step: AppealStep) {
  const a = await deps.db.selectFrom('appeals').select(['restriction_id']).where('id', '=', appealId).where('restriction_id', 'is not', null).executeTakeFirst();
  const rid = a?.restriction_id;
  const visible = rid && scope.partner ? await repo.getById(deps.db, await visibility(deps, scope), rid) : undefined;
  if (!rid || !visible) throw notFound('appeal');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('appeals').selectAll().where('id', '=', appealId).forUpdate().executeTakeFirstOrThrow();
    const to = nextAppealStatus(row.status, step);
    const events = [];
    if (step.action !== 'answer') {
      await trx.updateTable('appeals').set({ status: to, updated_at: now }).where('id', '=', appealId).execute();
      events.push({ kind: `appeal.${to}`, fromStatus: null, toStatus: null, detail: { appealId } });
    } else {
      await trx.updateTable('appeals').set({ status: to, decided_at: now, answer: step.answer, updated_at: now }).where('id', '=', appealId).execute();
      events.push({ kind: `appeal.${to}`, fromStatus: null, toStatus: null, detail: { appealId, answer: step.answer } });
      const r = await repo.lockForUpdate(trx, rid);
      if (step.upheld && r?.status === 'in_force') {
        await repo.update(trx, rid, { status: 'lifted', lifted_at: now, lift_reason: 'appeal_upheld', updated_at: now });
        events.push({ kind: 'lifted', fromStatus: 'in_force', toStatus: 'lifted', detail: { reason: 'appeal_upheld', appealId } });
      }
      if (row.submitted_by === 'staff' && row.submitter_org_id) await insertNotifications(trx, [{ orgId: row.submitter_org_id, kind: 'appeal.answered', title: `限制措施申诉已答复（${step.upheld ? '成立' : '不成立'}）：${visible.restriction_no}`, targetType: 'restriction', targetId: String(rid), at: now }]);
    }
    await appendTimeline(trx, 'restriction_events', events.map((e) => ({ subjectId: rid, at: now, ...e, ...actor(ctx), orgId: ctx.principal?.orgId ?? null })));
    await audit.record(trx, ctx, now, { action: `appeal.${step.action}`, targetType: 'appeal', targetId: appealId, orgId: visible.org_id, detail: step.action === 'answer' ? { upheld: step.upheld } : {} });
    return row.submitter_org_id;
  }).then((submitter) => changed(deps, [visible.org_id, submitter], rid));
  return present(deps, await load(deps, scope, rid));
}
