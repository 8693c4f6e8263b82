/**
 * 警情通报: a bulletin on recent fraud for a unit and period. The system drafts it from the figures (cases,
 * losses, the types that rose), the new phrases in the case narratives (src/engines/bulletin/terms.ts) and
 * the costliest cases; an analyst edits it and publishes it to the units below, whose bell rings.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { emergingTerms } from '../../engines/bulletin/terms.ts';
import { FRAUD_TYPES, type FraudType } from '../../lib/fraud-types.ts';
import { addDays, dayStart, localDay } from '../../lib/periods.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { insertNotifications } from '../notifications/notifications.repo.ts';
import { requireInScope } from '../orgs/orgs.service.ts';
import { orgIdsUnder, orgInScope, type Scope } from '../orgs/scope.ts';
import { periodOf, previousOf, type Days } from './periods.ts';
import * as repo from './stats.repo.ts';
import { figuresOf } from './stats.service.ts';

/** Advice per fraud type, for the bulletin's 防范提示 (edited freely before publishing). */
const ADVICE: Record<FraudType, string> = {
  刷单返利: '凡是刷单都是诈骗，先垫付资金的兼职一律不做。',
  虚假网络投资理财: '不轻信"导师""内幕消息"，投资理财认准正规金融机构，不在陌生平台充值。',
  贷款代办信用卡: '正规贷款放款前不收取任何费用，"解冻金""保证金"都是诈骗。',
  冒充电商物流客服: '接到自称客服的退款理赔电话，通过官方渠道核实，不下载陌生会议软件、不共享屏幕。',
  虚假征信: '征信无法"修复""注销"，自称能消除不良记录的都是诈骗。',
  虚假购物服务: '网购选正规平台，不私下交易、不扫陌生二维码付款。',
  冒充公检法: '公检法机关不会电话办案，更没有"安全账户"。',
  冒充领导熟人: '"领导""熟人"借钱转账，务必当面或电话核实。',
  网络游戏虚假交易: '游戏装备账号交易走官方平台，不轻信低价、不私下转账。',
  网络婚恋交友: '网恋对象诱导投资、赌博、借钱的，一定是诈骗。',
  冒充军警购物: '以部队、单位采购为名要求垫资订货的，务必通过官方渠道核实。',
  网黑: '不参与网络赌博，"稳赚不赔"的平台都是陷阱。',
  其他: '陌生来电、链接和要求转账的，先拨打 96110 咨询。',
};
const AGE_ADVICE: Record<string, string> = {
  '0-17': '学校和家长提醒未成年人：游戏充值、"免费皮肤"、追星返利都是骗局。',
  '18-25': '在校学生和求职青年警惕刷单兼职、游戏交易和校园贷。',
  '26-35': '青年职工警惕网络投资、婚恋交友和贷款类诈骗。',
  '36-45': '中年群体警惕投资理财、冒充领导熟人类诈骗。',
  '46-60': '中年群体警惕投资理财和冒充客服类诈骗，转账前多核实。',
  '61+': '子女多提醒老年人：保健品、养老投资、冒充公检法都是常见骗局。',
};

const fmtYuan = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (v: number) => `${v >= 0 ? '上升' : '下降'} ${Math.abs(v * 100).toFixed(1)}%`;
/** Numbers in a narrative (phones, accounts, amounts) are not for a bulletin. */
const scrub = (s: string) => s.replace(/\d{5,}/g, '****').slice(0, 80);

async function narratives(deps: Deps, orgIds: number[] | null, from: Date, to: Date, limit: number): Promise<{ id: number; narrative: string; fraud_type: string | null; loss: string; victim_age: number | null }[]> {
  const rows = await sql<{ id: number; narrative: string; fraud_type: string | null; loss: string; victim_age: number | null }>`
    SELECT id, narrative, fraud_type, loss_amount::text AS loss, victim_age FROM cases
    WHERE reported_at >= ${from} AND reported_at < ${to} AND status <> 'withdrawn'
      AND ${orgIds === null ? sql`true` : sql`org_id = ANY(${orgIds}::int8[])`}
    ORDER BY loss_amount DESC, id LIMIT ${limit}`.execute(deps.db);
  return rows.rows;
}

/** Drafts the bulletin text from a unit's figures and narratives for a period (default: the last 7 days). */
async function compose(deps: Deps, org: { id: number; code: string; name: string; kind: string; path: string }, period: Days) {
  const orgIds = await orgIdsUnder(deps.db, org.path);
  const previous = previousOf(period);
  const [figures, before] = await Promise.all([figuresOf(deps, org, period), repo.sums(deps.db, { orgIds, ...previous }, [], ['c.type.'])]);
  const k = (id: string) => figures.kpis.find((x) => x.id === id);
  const cases = k('cases_reported');
  const loss = k('loss');
  const types = figures.fraudTypes.slice(0, 5).map((t) => {
    const was = before[`c.type.${t.key}`] ?? 0;
    return { type: t.key, n: t.n, share: t.share, previous: was, rising: t.n > was };
  });
  const from = dayStart(period.firstDay);
  const to = dayStart(addDays(period.lastDay, 1));
  const [recent, earlier] = await Promise.all([narratives(deps, orgIds, from, to, 2000), narratives(deps, orgIds, new Date(from.getTime() - 56 * 86_400_000), from, 5000)]);
  const terms = emergingTerms(
    recent.map((r) => r.narrative),
    earlier.map((r) => r.narrative),
    { limit: 6 },
  );
  const typical = recent.slice(0, 3).map((r) => ({ type: r.fraud_type ?? '其他', loss: Number(r.loss), excerpt: scrub(r.narrative) }));
  const topAge = figures.victims.age.find((a) => a.key !== 'unknown');
  const lines: string[] = [];
  lines.push(`一、总体情况`);
  const vs = (label: '去年同期' | '上期', change: number | null | undefined, base: number | null | undefined) => (change === null || change === undefined ? (base ? '' : `${label}无案件`) : `${label === '去年同期' ? '同比' : '环比'}${pct(change)}`);
  const compare = (parts: string[]) => (parts.filter(Boolean).length ? `（${parts.filter(Boolean).join('，')}）` : '');
  lines.push(
    `${period.firstDay} 至 ${period.lastDay}，${org.name}共接报电信网络诈骗案件 ${cases?.value ?? 0} 起${compare([vs('去年同期', cases?.yoy, cases?.lastYear), vs('上期', cases?.mom, cases?.previous)])}，损失 ${fmtYuan(loss?.value ?? 0)} 元${compare([vs('去年同期', loss?.yoy, loss?.lastYear)])}。`,
  );
  lines.push('', '二、主要类型');
  if (types.length === 0) lines.push('本期无新发案件。');
  types.forEach((t, i) => lines.push(`${i + 1}. ${t.type} ${t.n} 起，占 ${(t.share * 100).toFixed(1)}%${t.rising ? `（上期 ${t.previous} 起，呈上升趋势）` : ''}。`));
  lines.push('', '三、新手法、新话术');
  if (terms.length === 0) lines.push('本期未发现明显的新手法。');
  for (const t of terms) lines.push(`· "${t.term}"：本期 ${t.recent} 起案件提及（此前八周 ${t.earlier} 起）。`);
  lines.push('', '四、典型案例');
  typical.forEach((c, i) => lines.push(`${i + 1}. ${c.type}，损失 ${fmtYuan(c.loss)} 元：${c.excerpt}`));
  lines.push('', '五、防范提示');
  for (const t of types.slice(0, 3)) lines.push(`· ${ADVICE[(FRAUD_TYPES as readonly string[]).includes(t.type) ? (t.type as FraudType) : '其他']}`);
  if (topAge && AGE_ADVICE[topAge.key]) lines.push(`· ${AGE_ADVICE[topAge.key]}`);
  lines.push('· 遇到可疑情况，请拨打 96110 反诈专线或 110 咨询报警。');
  return {
    title: `${org.name}电信网络诈骗警情通报（${period.firstDay} 至 ${period.lastDay}）`,
    body: lines.join('\n'),
    basis: { cases: cases?.value ?? 0, loss: loss?.value ?? 0, types, terms, typical: typical.map((t) => ({ type: t.type, loss: t.loss })) },
  };
}

export const BulletinOut = z.object({
  id: z.number(),
  orgCode: z.string(),
  orgName: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  title: z.string(),
  body: z.string(),
  status: z.enum(['draft', 'published']),
  basis: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
});

/** The unit directly above the scope's root (null for the city): its published bulletins are addressed to the root. */
function parentIdOf(scope: Scope): number | null {
  const ids = scope.rootPath.split('/').filter(Boolean);
  return ids.length > 1 ? Number(ids[ids.length - 2]) : null;
}

/**
 * Bulletins of the units in scope; with `addressed`, also those the unit directly above published, since
 * they went out to the caller's unit (its bell rang). Drafts and changes stay with the units in scope.
 */
function select(deps: Deps, scope: Scope, addressed = false) {
  const parent = addressed ? parentIdOf(scope) : null;
  return deps.db
    .selectFrom('stat_bulletins as b')
    .innerJoin('orgs', 'orgs.id', 'b.org_id')
    .selectAll('b')
    .select(['orgs.code as org_code', 'orgs.name as org_name'])
    .select(sql<string>`to_char(b.first_day, 'YYYY-MM-DD')`.as('first'))
    .select(sql<string>`to_char(b.last_day, 'YYYY-MM-DD')`.as('last'))
    .where((eb) => (parent === null ? orgInScope(scope, 'b.org_id') : eb.or([orgInScope(scope, 'b.org_id'), eb.and([eb('b.status', '=', 'published'), eb('b.org_id', '=', parent)])])));
}
type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;
const present = (r: Row): z.infer<typeof BulletinOut> => ({
  id: r.id,
  orgCode: r.org_code,
  orgName: r.org_name,
  firstDay: r.first,
  lastDay: r.last,
  title: r.title,
  body: r.body,
  status: r.status,
  basis: r.basis,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
  publishedAt: r.published_at?.toISOString() ?? null,
  publishedBy: r.published_by,
});

/** One bulletin of the units in scope, or one the unit above published to the caller's unit (`addressed`). */
export async function get(deps: Deps, scope: Scope, id: number, addressed = true) {
  const r = await select(deps, scope, addressed).where('b.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('bulletin');
  return present(r);
}

export async function list(deps: Deps, scope: Scope, q: { status?: 'draft' | 'published' | undefined; limit: number }) {
  let query = select(deps, scope, true);
  if (q.status) query = query.where('b.status', '=', q.status);
  return { items: (await query.orderBy('b.created_at', 'desc').orderBy('b.id', 'desc').limit(q.limit).execute()).map(present) };
}

/** A new draft for a unit in scope and a period (the last 7 days by default). */
export async function draft(deps: Deps, ctx: RequestContext, scope: Scope, q: { from?: string | undefined; to?: string | undefined; orgCode?: string | undefined }) {
  const now = deps.clock.now();
  const today = localDay(now);
  const period = periodOf(now, { from: q.from ?? addDays(today, -6), to: q.to });
  const org = await requireInScope(deps, scope, q.orgCode ?? scope.rootCode, 'orgCode');
  const text = await compose(deps, org, period);
  const row = await deps.db
    .insertInto('stat_bulletins')
    .values({ org_id: org.id, first_day: period.firstDay, last_day: period.lastDay, title: text.title, body: text.body, status: 'draft', basis: JSON.stringify(text.basis), created_at: now, created_by: ctx.principal?.name ?? null, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit.recordAlone(deps, ctx, { action: 'bulletin.draft', targetType: 'bulletin', targetId: row.id, orgId: org.id, detail: { firstDay: period.firstDay, lastDay: period.lastDay } });
  return get(deps, scope, Number(row.id));
}

/** Edits a draft (a published bulletin stays as it went out: 409). */
export async function edit(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { title?: string | undefined; body?: string | undefined }) {
  const b = await get(deps, scope, id, false);
  if (b.status !== 'draft') throw new AppError('ILLEGAL_TRANSITION', 'a published bulletin is not edited');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('stat_bulletins').set({ ...(input.title ? { title: input.title } : {}), ...(input.body ? { body: input.body } : {}), updated_at: now }).where('id', '=', id).where('status', '=', 'draft').execute();
    await audit.record(trx, ctx, now, { action: 'bulletin.edit', targetType: 'bulletin', targetId: id, detail: { fields: Object.keys(input) } });
  });
  return get(deps, scope, id);
}

/** Publishes a draft: the units directly below are told (their bell rings). */
export async function publish(deps: Deps, ctx: RequestContext, scope: Scope, id: number) {
  const b = await get(deps, scope, id, false);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('stat_bulletins').set({ status: 'published', published_at: now, published_by: ctx.principal?.name ?? null, updated_at: now }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('ILLEGAL_TRANSITION', 'the bulletin was already published');
    const org = await trx.selectFrom('orgs').select('id').where('code', '=', b.orgCode).executeTakeFirstOrThrow();
    const below = await trx.selectFrom('orgs').select('id').where('parent_id', '=', org.id).where('active', '=', true).where('kind', 'in', ['county', 'station', 'township', 'grid']).execute();
    await insertNotifications(trx, below.map((o) => ({ orgId: o.id, kind: 'bulletin.published', title: b.title, targetType: 'bulletin', targetId: String(id), at: now })));
    await audit.record(trx, ctx, now, { action: 'bulletin.publish', targetType: 'bulletin', targetId: id, orgId: org.id, detail: { units: below.length } });
  });
  return get(deps, scope, id);
}
