import { sql } from 'kysely';
import { z } from 'zod';
import { localDateStamp } from '../../lib/periods.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { insertNotifications } from '../notifications/notifications.repo.ts';
import { announce } from '../orgs/orgs.service.ts';
import { orgIdIn, orgIdsInScope, orgInScope, type Scope } from '../orgs/scope.ts';
import * as leadsRepo from './leads.repo.ts';
import { rankingDays, rankingThresholds } from './leads.service.ts';

/** Kinds of org a notice (提示函) may be addressed to: the partners and member units, not police units. */
const ADDRESSEES = ['bank', 'bank_branch', 'operator', 'outlet', 'member_unit'];

export const NoticeIn = z.strictObject({
  orgCode: z.string().trim().max(40),
  kind: z.enum(['rectification', 'summons', 'suspension_proposal']),
  subject: z.string().trim().min(2).max(200),
  body: z.string().trim().min(5).max(20_000),
  replyDays: z.number().int().min(1).max(90).default(7),
});
export const NoticeOut = z.object({
  id: z.number(),
  noticeNo: z.string(),
  toOrgCode: z.string(),
  toOrgName: z.string(),
  kind: z.enum(['rectification', 'summons', 'suspension_proposal']),
  subject: z.string(),
  body: z.string(),
  issuedAt: z.string(),
  replyDueAt: z.string(),
  overdue: z.boolean(),
  replyText: z.string().nullable(),
  repliedAt: z.string().nullable(),
  repliedBy: z.string().nullable(),
  /** For a notice from the accountability ranking: the branch or outlet, the period and the figures. */
  basis: z.record(z.string(), z.unknown()).nullable(),
});

function select(deps: Deps) {
  return deps.db
    .selectFrom('unit_notices')
    .innerJoin('orgs', 'orgs.id', 'unit_notices.to_org_id')
    .selectAll('unit_notices')
    .select(['orgs.code as to_code', 'orgs.name as to_name', 'orgs.path as to_path']);
}
type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

function present(r: Row, now: Date): z.infer<typeof NoticeOut> {
  return {
    id: r.id,
    noticeNo: r.notice_no,
    toOrgCode: r.to_code,
    toOrgName: r.to_name,
    kind: r.kind,
    subject: r.subject,
    body: r.body,
    issuedAt: r.issued_at.toISOString(),
    replyDueAt: r.reply_due_at.toISOString(),
    overdue: r.replied_at === null && now > r.reply_due_at,
    replyText: r.reply_text,
    repliedAt: r.replied_at?.toISOString() ?? null,
    repliedBy: r.replied_by,
    basis: r.basis,
  };
}

/** Who sees a notice: the center that sent it (its scope) and the addressed partner (its institution). */
async function visible(deps: Deps, scope: Scope) {
  return scope.partner ? orgIdIn(await orgIdsInScope(deps.db, scope), 'unit_notices.to_org_id') : orgInScope(scope, 'unit_notices.from_org_id');
}

/** The center sends a notice (提示函, summons, suspension proposal) with a reply deadline. */
export async function send(deps: Deps, ctx: RequestContext, scope: Scope, input: z.infer<typeof NoticeIn>, basis?: Record<string, unknown>) {
  const to = await deps.db.selectFrom('orgs').select(['id', 'code', 'kind']).where('code', '=', input.orgCode).where('active', '=', true).executeTakeFirst();
  if (!to) throw invalid('orgCode', 'no such unit');
  if (!ADDRESSEES.includes(to.kind)) throw invalid('orgCode', 'notices go to banks, operators, their branches and outlets, and member units');
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const seq = await sql<{ n: string }>`SELECT nextval('unit_notice_no_seq')::text AS n`.execute(trx);
    const noticeNo = `TSH${localDateStamp(now)}${String(seq.rows[0]?.n ?? 0).padStart(4, '0')}`;
    const r = await trx
      .insertInto('unit_notices')
      .values({ notice_no: noticeNo, to_org_id: to.id, from_org_id: scope.rootId, kind: input.kind, subject: input.subject, body: input.body, basis: basis ? JSON.stringify(basis) : null, issued_at: now, reply_due_at: new Date(now.getTime() + input.replyDays * 86_400_000), created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertNotifications(trx, [{ orgId: to.id, kind: `notice.${input.kind}`, title: `${noticeNo}：${input.subject}（${input.replyDays} 日内回复）`, targetType: 'unit_notice', targetId: String(r.id), at: now }]);
    await audit.record(trx, ctx, now, { action: 'notice.send', targetType: 'unit_notice', targetId: r.id, orgId: scope.rootId, detail: { to: to.code, kind: input.kind } });
    return Number(r.id);
  });
  await announce(deps, [to.id, scope.rootId], { type: 'notice.changed', id });
  return present(await select(deps).where('unit_notices.id', '=', id).executeTakeFirstOrThrow(), now);
}

export const RankingNoticeIn = z.strictObject({
  /** The bank branch or operator outlet of the ranking row. */
  orgCode: z.string().trim().max(40),
  kind: z.enum(['summons', 'suspension_proposal']),
  /** The ranking's period, as the ranking takes it (default: the last 365 days). */
  from: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  to: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  replyDays: z.number().int().min(1).max(90).default(7),
  /** The text to send instead of the one composed from the figures. */
  body: z.string().trim().min(5).max(20_000).optional(),
});

/**
 * A summons (约谈, to the branch or outlet) or a suspension proposal (暂停新开户, to its institution) issued
 * from the accountability ranking: the figures are counted again for the period and must reach the setting's
 * threshold; they are kept with the notice as its basis, and the ranking shows the notice beside the row.
 */
export async function fromRanking(deps: Deps, ctx: RequestContext, scope: Scope, input: z.infer<typeof RankingNoticeIn>) {
  const org = await deps.db.selectFrom('orgs').select(['id', 'code', 'name', 'kind', 'path']).where('code', '=', input.orgCode).where('active', '=', true).executeTakeFirst();
  if (!org || !['bank_branch', 'outlet'].includes(org.kind)) throw invalid('orgCode', 'names no bank branch or operator outlet');
  const { firstDay, lastDay } = rankingDays(deps.clock.now(), input);
  const [row] = await leadsRepo.accountability(deps.db, org.kind === 'bank_branch' ? 'bank' : 'operator', firstDay, lastDay, 1, org.id);
  const t = await rankingThresholds(deps);
  const leads = row?.leads ?? 0;
  const need = input.kind === 'summons' ? t.summonAt : t.suspendAt;
  if (!row || leads < need) throw invalid('kind', `${org.name} has ${leads} case-involved cards from ${firstDay} to ${lastDay}; a ${input.kind === 'summons' ? 'summons' : 'suspension proposal'} needs ${need}`);
  const institution = await deps.db.selectFrom('orgs').select(['code', 'name']).where('id', '=', row.institution_id).executeTakeFirstOrThrow();
  const figures = `${firstDay} 至 ${lastDay}，经公安机关核查，在你单位${org.kind === 'bank_branch' ? '开立的银行账户' : '办理的电话卡'}中有 ${leads} 张（个）涉及电信网络诈骗案件（已核实 ${row.closed} 张，已依法处理 ${row.punished} 张），达到${input.kind === 'summons' ? `约谈标准（${t.summonAt} 张）` : `暂停新开户业务建议标准（${t.suspendAt} 张）`}。`;
  const subject = input.kind === 'summons' ? `关于约谈${org.name}的通知` : `关于暂停${org.name}新开户业务的建议`;
  const body =
    input.body ??
    (input.kind === 'summons'
      ? `${org.name}：\n${figures}请你单位负责人于收到本通知后按约定时间到反诈中心接受约谈，并于 ${input.replyDays} 日内书面报告开户审核、风险排查和整改情况。`
      : `${institution.name}：\n你行（公司）所属${org.name}${figures}依据《中华人民共和国反电信网络诈骗法》相关规定，建议暂停该${org.kind === 'bank_branch' ? '网点' : '营业厅'}新开户业务，完成整改并经评估后恢复。请于 ${input.replyDays} 日内回复处理意见。`);
  return send(
    deps,
    ctx,
    scope,
    { orgCode: input.kind === 'summons' ? org.code : institution.code, kind: input.kind, subject, body, replyDays: input.replyDays },
    { orgId: org.id, orgCode: org.code, orgName: org.name, firstDay, lastDay, leads, closed: row.closed, punished: row.punished, threshold: need },
  );
}

export async function list(deps: Deps, scope: Scope, q: { open?: 'true' | 'false' | undefined; overdue?: 'true' | 'false' | undefined; limit: number }) {
  const now = deps.clock.now();
  let query = select(deps).where(await visible(deps, scope));
  if (q.open === 'true') query = query.where('unit_notices.replied_at', 'is', null);
  if (q.overdue === 'true') query = query.where('unit_notices.replied_at', 'is', null).where('unit_notices.reply_due_at', '<', now);
  const rows = await query.orderBy('unit_notices.issued_at', 'desc').limit(q.limit).execute();
  const all = await deps.db
    .selectFrom('unit_notices')
    .where(await visible(deps, scope))
    .select((eb) => [
      eb.fn.countAll<number>().as('sent'),
      eb.fn.count<number>('replied_at').as('replied'),
      sql<number>`count(*) FILTER (WHERE replied_at IS NULL AND reply_due_at < ${now})`.as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  return { items: rows.map((r) => present(r, now)), sent: Number(all.sent), replied: Number(all.replied), overdue: Number(all.overdue) };
}

/** One notice, for the center that sent it or the partner it was sent to. */
export async function get(deps: Deps, scope: Scope, id: number) {
  const row = await select(deps).where('unit_notices.id', '=', id).where(await visible(deps, scope)).executeTakeFirst();
  if (!row) throw notFound('notice');
  return present(row, deps.clock.now());
}

/** The addressed unit replies, once; a notice addressed elsewhere is not found for it. */
export async function reply(deps: Deps, ctx: RequestContext, scope: Scope, id: number, text: string) {
  const row = await select(deps).where('unit_notices.id', '=', id).where(await visible(deps, scope)).executeTakeFirst();
  if (!row || !scope.partner) throw notFound('notice');
  if (row.replied_at) throw new AppError('ILLEGAL_TRANSITION', 'the notice was already answered');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('unit_notices').set({ reply_text: text, replied_at: now, replied_by: ctx.principal?.name ?? null }).where('id', '=', id).where('replied_at', 'is', null).execute();
    await insertNotifications(trx, [{ orgId: row.from_org_id, kind: 'notice.replied', title: `${row.notice_no} 已回复（${row.to_name}）`, targetType: 'unit_notice', targetId: String(id), at: now }]);
    await audit.record(trx, ctx, now, { action: 'notice.reply', targetType: 'unit_notice', targetId: id, orgId: row.to_org_id, detail: {} });
  });
  await announce(deps, [row.to_org_id, row.from_org_id], { type: 'notice.changed', id });
  return present(await select(deps).where('unit_notices.id', '=', id).executeTakeFirstOrThrow(), now);
}

/** Tells the sending center once about each notice past its reply deadline. */
export async function sweepNotices(deps: Deps): Promise<{ overdue: number }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const due = await trx.selectFrom('unit_notices').select(['id', 'notice_no', 'from_org_id']).where('replied_at', 'is', null).where('reply_due_at', '<', now).where('overdue_notified_at', 'is', null).limit(1000).forUpdate().skipLocked().execute();
    if (due.length === 0) return { overdue: 0 };
    await trx.updateTable('unit_notices').set({ overdue_notified_at: now }).where('id', 'in', due.map((d) => d.id)).execute();
    await insertNotifications(trx, due.map((d) => ({ orgId: d.from_org_id, kind: 'notice.overdue', title: `${d.notice_no} 逾期未回复`, targetType: 'unit_notice', targetId: String(d.id), at: now })));
    return { overdue: due.length };
  });
}
