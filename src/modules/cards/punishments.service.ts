import type { Transaction } from 'kysely';
import type { DB, PunishmentStatus } from '../../db/types.ts';
import { appendTimeline } from '../../db/timeline.ts';
import { maskFields } from '../../lib/mask.ts';
import { localDateStamp } from '../../lib/periods.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { insertNotifications } from '../notifications/notifications.repo.ts';
import { announce, requireInScope } from '../orgs/orgs.service.ts';
import type { Scope } from '../orgs/scope.ts';
import { addYears, consecutiveYears, grounds, MAX_CONSECUTIVE_YEARS, periodYears, type Findings } from './punishment-rules.ts';
import { appealDeadlines, APPEAL_DAYS, nextAppealStatus, OPEN_APPEAL, presentAppeal, type AppealStep } from './appeal-steps.ts';
import { sweepAppeals } from './appeals.service.ts';
import * as repo from './punishments.repo.ts';

/** The measures of the 2024 rules (the notice lists them). */
export const MEASURES = ['no_non_counter_payments', 'no_new_accounts_or_cards', 'credit_record'] as const;
const MEASURE_ZH: Record<(typeof MEASURES)[number], string> = {
  no_non_counter_payments: '限制非柜面业务（不得通过网银、手机银行等非柜面渠道转出资金）',
  no_new_accounts_or_cards: '暂停新开银行账户、支付账户和电话卡',
  credit_record: '纳入金融信用信息基础数据库',
};
const GROUND_ZH: Record<string, string> = { cards: '出售、出租、出借银行卡（账户）或电话卡 3 张（个）以上', times: '出售、出租、出借 3 次以上', counterparties: '向 3 个以上的对象出售、出租、出借', convicted: '因相关犯罪被判处刑罚' };

const actor = (ctx: RequestContext) => ({ actorType: ctx.principal?.type ?? ('system' as const), actorId: ctx.principal?.id ?? null, actorName: ctx.principal?.name ?? null });

function event(trx: Transaction<DB>, ctx: RequestContext | null, id: number, at: Date, kind: string, from: PunishmentStatus | null, to: PunishmentStatus | null, detail: Record<string, unknown> = {}) {
  const who = ctx ? actor(ctx) : { actorType: 'system' as const, actorId: null, actorName: 'sweeper' };
  return appendTimeline(trx, 'punishment_events', [{ subjectId: id, at, kind, fromStatus: from, toStatus: to, ...who, orgId: ctx?.principal?.orgId ?? null, detail }]);
}

function summary(r: repo.PunishmentRow, reveal: boolean) {
  return {
    ...maskFields({ personIdNumber: r.person_id_number, personName: r.person_name }, { personIdNumber: 'idNumber', personName: 'name' }, reveal),
    id: r.id,
    noticeNo: r.notice_no,
    orgCode: r.org_code,
    orgName: r.org_name,
    findings: r.findings,
    grounds: r.grounds,
    leadIds: r.lead_ids.map(Number),
    years: r.years,
    measures: r.measures,
    status: r.status,
    proposedAt: r.proposed_at.toISOString(),
    approvedAt: r.approved_at?.toISOString() ?? null,
    startsAt: r.starts_at?.toISOString() ?? null,
    endsAt: r.ends_at?.toISOString() ?? null,
    deliveredAt: r.delivered_at?.toISOString() ?? null,
    deliveryMethod: r.delivery_method,
    liftedAt: r.lifted_at?.toISOString() ?? null,
    liftReason: r.lift_reason,
  };
}

export async function present(deps: Deps, r: repo.PunishmentRow, reveal = false) {
  const [appeals, events] = await Promise.all([repo.appealsOf(deps.db, r.id), repo.eventsOf(deps.db, r.id)]);
  return {
    ...summary(r, reveal),
    appeals: appeals.map(presentAppeal),
    events: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name, detail: e.detail })),
  };
}

/** Open screens of the holding unit (and a partner that forwarded an appeal) refresh the measure. */
const changed = (deps: Deps, orgIds: (number | null | undefined)[], id: number) => announce(deps, orgIds.filter((o): o is number => typeof o === 'number'), { type: 'punishment.changed', id });

async function load(deps: Deps, scope: Scope, id: number) {
  const r = await repo.getById(deps.db, scope, id);
  if (!r) throw notFound('punishment');
  return r;
}

/**
 * A station or the center proposes a punishment with its findings; the system checks the thresholds
 * (≥3 cards, times or counterparties, or a conviction) and refuses a proposal that meets none.
 */
export async function propose(deps: Deps, ctx: RequestContext, scope: Scope, input: { personIdNumber: string; personName: string; findings: Findings; leadIds?: number[] | undefined; note?: string | undefined }) {
  const met = grounds(input.findings);
  if (met.length === 0) throw invalid('findings', 'meets none of the thresholds (3 cards, 3 times, 3 counterparties, or a related conviction)');
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const noticeNo = `CJ${localDateStamp(now)}${String(await repo.nextNo(trx)).padStart(6, '0')}`;
    const pid = await repo.insert(trx, {
      notice_no: noticeNo,
      person_id_number: input.personIdNumber,
      person_name: input.personName,
      org_id: scope.rootId,
      findings: JSON.stringify(input.findings),
      grounds: met,
      lead_ids: input.leadIds ?? [],
      years: periodYears(input.findings),
      measures: [...MEASURES],
      status: 'proposed',
      proposed_at: now,
      note: input.note ?? null,
      created_at: now,
      updated_at: now,
    });
    await event(trx, ctx, pid, now, 'proposed', null, 'proposed', { grounds: met });
    await audit.record(trx, ctx, now, { action: 'punishment.propose', targetType: 'punishment', targetId: pid, orgId: scope.rootId, detail: { grounds: met } });
    return pid;
  });
  await changed(deps, [scope.rootId], id);
  return present(deps, await load(deps, scope, id));
}

/**
 * A leader decides. Approval starts the measure now for 2 or 3 years, unless it would make more than five
 * years in a row with the person's earlier measures (409); the written notice is then ready to deliver.
 */
export async function decide(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { approve: boolean; note?: string | undefined }) {
  const visible = await load(deps, scope, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockForUpdate(trx, id);
    if (!row || row.status !== 'proposed') throw new AppError('ILLEGAL_TRANSITION', `only a proposal can be decided; this one is ${row?.status}`);
    if (!input.approve) {
      await repo.update(trx, id, { status: 'rejected', note: input.note ?? row.note, updated_at: now });
      await event(trx, ctx, id, now, 'rejected', 'proposed', 'rejected', input.note ? { note: input.note } : {});
      return;
    }
    const earlier = (await repo.periodsOf(trx, row.person_id_number, id)).flatMap((p) => (p.starts_at && p.ends_at ? [{ start: p.starts_at, end: p.lifted_at && p.lifted_at < p.ends_at ? p.lifted_at : p.ends_at }] : []));
    const run = consecutiveYears(earlier, now, row.years);
    if (run > MAX_CONSECUTIVE_YEARS + 0.01) throw new AppError('ILLEGAL_TRANSITION', `approving would make ${run.toFixed(1)} years of measures in a row; the rules allow at most ${MAX_CONSECUTIVE_YEARS}`);
    const ends = addYears(now, row.years);
    await repo.update(trx, id, { status: 'active', approved_at: now, approved_by: ctx.principal?.type === 'user' ? ctx.principal.id : null, starts_at: now, ends_at: ends, updated_at: now });
    await event(trx, ctx, id, now, 'approved', 'proposed', 'active', { endsAt: ends.toISOString(), ...(input.note ? { note: input.note } : {}) });
    await insertNotifications(trx, (await repo.institutions(trx)).map((o) => ({ orgId: o.id, kind: 'punishment.listed', title: `联合惩戒名单更新：${row.notice_no}`, targetType: 'punishment', targetId: String(id), at: now })));
  });
  await audit.recordAlone(deps, ctx, { action: input.approve ? 'punishment.approve' : 'punishment.reject', targetType: 'punishment', targetId: id, orgId: visible.org_id, detail: {} });
  await changed(deps, [visible.org_id], id);
  return present(deps, await load(deps, scope, id));
}

/** The written notice (告知书): basis, period, measures and how to appeal, as a printable page. */
export async function noticeHtml(deps: Deps, ctx: RequestContext, scope: Scope, id: number): Promise<string> {
  const r = await load(deps, scope, id);
  if (r.status === 'proposed' || r.status === 'rejected') throw new AppError('ILLEGAL_TRANSITION', 'a notice exists once the measure is approved');
  await audit.recordAlone(deps, ctx, { action: 'punishment.notice', targetType: 'punishment', targetId: id, orgId: r.org_id, detail: {} });
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const day = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : '');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.notice_no)}</title>
<style>body{font-family:"Noto Serif CJK SC",serif;max-width:720px;margin:40px auto;line-height:1.8}h1{text-align:center;font-size:22px}.no{text-align:right}</style></head>
<body><h1>联合惩戒告知书</h1><p class="no">${esc(r.notice_no)}</p>
<p>${esc(r.person_name)}（公民身份号码 ${esc(r.person_id_number)}）：</p>
<p>经${esc(r.org_name)}查明，你存在以下情形：${r.grounds.map((g) => esc(GROUND_ZH[g] ?? g)).join('；')}。依据《中华人民共和国反电信网络诈骗法》第三十一条及相关规定，决定对你实施联合惩戒，期限 ${r.years} 年（${day(r.starts_at)} 至 ${day(r.ends_at)}），措施如下：</p>
<ol>${r.measures.map((m) => `<li>${esc(MEASURE_ZH[m as (typeof MEASURES)[number]] ?? m)}</li>`).join('')}</ol>
<p>如对上述决定有异议，可自收到本告知书之日起向${esc(r.org_name)}或办理业务的银行、电信业务经营者提出申诉，我单位将在 ${APPEAL_DAYS} 日内审核答复；申诉成立的，立即解除惩戒措施。</p>
<p class="no">${esc(r.org_name)}<br>${day(r.approved_at)}</p></body></html>`;
}

/** Records how and when the notice reached the person. */
export async function recordDelivery(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { method: string; at: string }) {
  const r = await load(deps, scope, id);
  if (r.status !== 'active') throw new AppError('ILLEGAL_TRANSITION', `a notice is delivered for a measure in force; this one is ${r.status}`);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.update(trx, id, { delivered_at: new Date(input.at), delivery_method: input.method, updated_at: now });
    await event(trx, ctx, id, now, 'delivered', 'active', 'active', { method: input.method, at: input.at });
    await audit.record(trx, ctx, now, { action: 'punishment.deliver', targetType: 'punishment', targetId: id, orgId: r.org_id, detail: { method: input.method } });
  });
  await changed(deps, [r.org_id], id);
  return present(deps, await load(deps, scope, id));
}

/** A bank or operator checks its customers against the measures in force (by ID number), audited. */
export async function matchForPartner(deps: Deps, ctx: RequestContext, idNumbers: string[]) {
  const rows = await repo.activeByIdNumbers(deps.db, [...new Set(idNumbers.map((i) => i.toUpperCase()))]);
  await audit.recordAlone(deps, ctx, { action: 'punishment.match', targetType: 'punishment_list', detail: { asked: idNumbers.length, matched: rows.length } });
  return { items: rows.map((r) => ({ idNumber: r.person_id_number, noticeNo: r.notice_no, endsAt: r.ends_at?.toISOString() ?? null, measures: r.measures })) };
}

/**
 * An appeal, submitted by staff for the person or by a bank/operator: only against a measure in force (409
 * otherwise) and one open at a time; it must be answered within APPEAL_DAYS.
 */
export async function submitAppeal(deps: Deps, ctx: RequestContext, target: { punishmentId: number } | { idNumber: string }, input: { grounds: string }, scope: Scope) {
  const now = deps.clock.now();
  const partner = scope.partner;
  const { acceptDueAt, dueAt } = appealDeadlines(now);
  const p = 'punishmentId' in target ? await repo.getById(deps.db, scope, target.punishmentId) : (await deps.db.selectFrom('punishments').select('id').where('person_id_number', '=', target.idNumber.toUpperCase()).where('status', '=', 'active').executeTakeFirst());
  if (!p) throw notFound('measure in force');
  const created = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockForUpdate(trx, p.id);
    if (!row || row.status !== 'active') throw new AppError('ILLEGAL_TRANSITION', `an appeal is made against a measure in force; this one is ${row?.status}`);
    if ((await repo.appealsOf(trx, p.id)).some((a) => OPEN_APPEAL.includes(a.status))) throw new AppError('CONFLICT', 'an appeal against this measure is already open');
    const aid = await repo.insertAppeal(trx, { punishment_id: p.id, submitted_at: now, submitted_by: partner ? 'partner' : 'staff', submitter_org_id: ctx.principal?.orgId ?? null, grounds: input.grounds, status: 'submitted', due_at: dueAt, accept_due_at: acceptDueAt, created_at: now, updated_at: now });
    await event(trx, ctx, p.id, now, 'appeal.submitted', 'active', 'active', { appealId: aid, by: partner ? 'partner' : 'staff' });
    await insertNotifications(trx, [{ orgId: row.org_id, kind: 'appeal.submitted', title: `惩戒申诉待受理：${row.notice_no}`, targetType: 'punishment', targetId: String(p.id), at: now }]);
    await audit.record(trx, ctx, now, { action: 'appeal.submit', targetType: 'appeal', targetId: aid, orgId: row.org_id, detail: { punishmentId: p.id } });
    return { aid, orgId: row.org_id };
  });
  await changed(deps, [created.orgId, ctx.principal?.orgId], p.id);
  return { id: created.aid, punishmentId: p.id, status: 'submitted' as const, acceptDueAt: acceptDueAt.toISOString(), dueAt: dueAt.toISOString() };
}

/**
 * Moves an appeal: accept (受理), review (审核), then answer upheld or rejected with the reasons. An upheld
 * appeal lifts the measure at once and tells the banks and operators.
 */
export async function moveAppeal(deps: Deps, ctx: RequestContext, scope: Scope, appealId: number, step: AppealStep) {
  const a = await deps.db.selectFrom('appeals').select(['punishment_id']).where('id', '=', appealId).where('punishment_id', 'is not', null).executeTakeFirst();
  const pid = a?.punishment_id;
  const visible = pid ? await repo.getById(deps.db, scope, pid) : undefined;
  if (!pid || !visible) throw notFound('appeal');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockAppeal(trx, appealId);
    if (!row) throw notFound('appeal');
    const to = nextAppealStatus(row.status, step);
    if (step.action !== 'answer') {
      await repo.updateAppeal(trx, appealId, { status: to, updated_at: now });
      await event(trx, ctx, pid, now, `appeal.${to}`, null, null, { appealId });
    } else {
      await repo.updateAppeal(trx, appealId, { status: to, decided_at: now, answer: step.answer, updated_at: now });
      await event(trx, ctx, pid, now, `appeal.${to}`, null, null, { appealId, answer: step.answer });
      if (step.upheld) {
        const p = await repo.lockForUpdate(trx, pid);
        if (p && p.status === 'active') {
          await repo.update(trx, p.id, { status: 'lifted', lifted_at: now, lift_reason: 'appeal_upheld', updated_at: now });
          await event(trx, ctx, p.id, now, 'lifted', 'active', 'lifted', { reason: 'appeal_upheld', appealId });
          await insertNotifications(trx, (await repo.institutions(trx)).map((o) => ({ orgId: o.id, kind: 'punishment.lifted', title: `联合惩戒解除（申诉成立）：${p.notice_no}`, targetType: 'punishment', targetId: String(p.id), at: now })));
        }
      }
      // The bank or operator that forwarded the appeal hears the answer.
      if (row.submitted_by === 'partner' && row.submitter_org_id) await insertNotifications(trx, [{ orgId: row.submitter_org_id, kind: 'appeal.answered', title: `惩戒申诉已答复（${step.upheld ? '成立' : '不成立'}）：${visible.notice_no}`, targetType: 'appeal', targetId: String(appealId), at: now }]);
    }
    await audit.record(trx, ctx, now, { action: `appeal.${step.action}`, targetType: 'appeal', targetId: appealId, orgId: visible.org_id, detail: step.action === 'answer' ? { upheld: step.upheld } : {} });
    return row.submitter_org_id;
  }).then((submitter) => changed(deps, [visible.org_id, submitter], pid));
  return present(deps, await load(deps, scope, pid));
}

/**
 * Lifts measures at the end of their period and tells the institutions (durable, SKIP LOCKED); then the
 * appeals past a step's deadline are escalated (`sweepAppeals`).
 */
export async function sweepPunishments(deps: Deps, batch = 1000): Promise<{ expired: number; appealsOverdue: number; appealsUnaccepted: number }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const due = await repo.activeLapsed(trx, now, batch);
    for (const d of due) {
      await repo.update(trx, d.id, { status: 'expired', lifted_at: now, lift_reason: 'period_ended', updated_at: now });
      await event(trx, null, d.id, now, 'expired', 'active', 'expired');
    }
    if (due.length) {
      const inst = await repo.institutions(trx);
      await insertNotifications(trx, due.flatMap((d) => inst.map((o) => ({ orgId: o.id, kind: 'punishment.expired', title: `联合惩戒期满解除：${d.notice_no}`, targetType: 'punishment', targetId: String(d.id), at: now }))));
      await audit.record(trx, { principal: null, ip: null, requestId: 'sweeper' }, now, { action: 'punishment.sweep', targetType: 'punishment_batch', detail: { expired: due.length } });
    }
    return due.length;
  }).then(async (expired) => ({ expired, ...(await sweepAppeals(deps, batch)) }));
}

export async function list(deps: Deps, scope: Scope, q: { status?: string | undefined; q?: string | undefined; orgCode?: string | undefined; page: number; pageSize: number }) {
  const org = q.orgCode ? await requireInScope(deps, scope, q.orgCode, 'query.orgCode') : undefined;
  const orgScope = org ? { rootId: org.id, rootCode: org.code, rootPath: org.path, rootKind: org.kind, everything: false, partner: false } : undefined;
  const { rows, total } = await repo.list(deps.db, scope, { status: q.status, q: q.q, orgScope }, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map((r) => summary(r, false)), total };
}

export async function get(deps: Deps, ctx: RequestContext, scope: Scope, id: number, reveal: boolean) {
  const r = await load(deps, scope, id);
  if (reveal) await audit.recordAlone(deps, ctx, { action: 'punishment.reveal', targetType: 'punishment', targetId: id, orgId: r.org_id, detail: {} });
  return present(deps, r, reveal);
}
