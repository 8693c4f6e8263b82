/**
 * Weekly and monthly statistics reports (周报/月报): the dashboard's figures for a unit and a period, frozen
 * when made, with the workbook leaders send upward and a printable page. The `reports.schedule` job makes
 * the last whole week's and month's reports for the city and each county once; anyone may make one for a
 * period of their own. Downloads are audited like every report leaving the system.
 */
import { sql } from 'kysely';
import { addDays, localDay } from '../../lib/periods.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { requireInScope } from '../orgs/orgs.service.ts';
import { orgInScope, type Scope } from '../orgs/scope.ts';
import { KPI_BY_ID, type KpiId } from './kpis.ts';
import { periodOf, type Days } from './periods.ts';
import { reportWorkbook } from './reports.workbook.ts';
import { figuresOf, type Dashboard } from './stats.service.ts';

type Kind = 'weekly' | 'monthly' | 'custom';
type OrgRow = { id: number; code: string; name: string; kind: string; path: string };

const KIND_ZH: Record<Kind, string> = { weekly: '周报', monthly: '月报', custom: '统计报告' };

/** The last whole week (Monday to Sunday) and month before `today`. */
export function lastWhole(today: string): { weekly: Days; monthly: Days } {
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const thisMonday = addDays(today, -weekday);
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const lastMonthEnd = addDays(firstOfMonth, -1);
  return { weekly: { firstDay: addDays(thisMonday, -7), lastDay: addDays(thisMonday, -1) }, monthly: { firstDay: `${lastMonthEnd.slice(0, 7)}-01`, lastDay: lastMonthEnd } };
}

function titleOf(org: OrgRow, kind: Kind, p: Days): string {
  const span = kind === 'monthly' ? `${Number(p.firstDay.slice(0, 4))}年${Number(p.firstDay.slice(5, 7))}月` : `${p.firstDay} 至 ${p.lastDay}`;
  return `${org.name}反诈工作${KIND_ZH[kind]}（${span}）`;
}

async function make(deps: Deps, org: OrgRow, kind: Kind, period: Days, by: string | null): Promise<number | null> {
  const figures = await figuresOf(deps, org, period);
  const title = titleOf(org, kind, period);
  const xlsx = await reportWorkbook(figures, title);
  const row = await deps.db
    .insertInto('stat_reports')
    .values({ kind, org_id: org.id, first_day: period.firstDay, last_day: period.lastDay, title, figures: JSON.stringify(figures), xlsx, created_at: deps.clock.now(), created_by: by })
    .onConflict((oc) => oc.columns(['kind', 'org_id', 'first_day']).where('kind', '<>', 'custom').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/**
 * Makes the reports that are due and missing: last week's and last month's, for the city and each county.
 * Safe to run as often as wanted and from several workers (one row per kind, unit and first day).
 */
export async function scheduleReports(deps: Deps): Promise<{ made: number }> {
  const { weekly, monthly } = lastWhole(localDay(deps.clock.now()));
  const units = (await deps.db.selectFrom('orgs').select(['id', 'code', 'name', 'kind', 'path']).where('kind', 'in', ['city', 'county']).where('active', '=', true).orderBy('path').execute()) as OrgRow[];
  const have = await sql<{ kind: string; org_id: string; first_day: string }>`
    SELECT kind, org_id::text, to_char(first_day, 'YYYY-MM-DD') AS first_day FROM stat_reports
    WHERE (kind = 'weekly' AND first_day = ${weekly.firstDay}::date) OR (kind = 'monthly' AND first_day = ${monthly.firstDay}::date)`.execute(deps.db);
  const done = new Set(have.rows.map((r) => `${r.kind}|${r.org_id}|${r.first_day}`));
  let made = 0;
  for (const org of units) {
    for (const [kind, p] of [['weekly', weekly], ['monthly', monthly]] as const) {
      if (done.has(`${kind}|${org.id}|${p.firstDay}`)) continue;
      if ((await make(deps, org, kind, p, null)) !== null) made++;
    }
  }
  return { made };
}

/** A report for a period of the caller's choosing (a unit in scope; the year so far by default). */
export async function create(deps: Deps, ctx: RequestContext, scope: Scope, q: { from?: string | undefined; to?: string | undefined; orgCode?: string | undefined }) {
  const period = periodOf(deps.clock.now(), q);
  const org = (await requireInScope(deps, scope, q.orgCode ?? scope.rootCode, 'orgCode')) as OrgRow;
  const id = await make(deps, org, 'custom', period, ctx.principal?.name ?? null);
  if (id === null) throw new Error('a custom report was not stored');
  await audit.recordAlone(deps, ctx, { action: 'report.create', targetType: 'report', targetId: id, orgId: org.id, detail: { firstDay: period.firstDay, lastDay: period.lastDay } });
  return get(deps, scope, id);
}

function select(deps: Deps, scope: Scope) {
  return deps.db
    .selectFrom('stat_reports')
    .innerJoin('orgs', 'orgs.id', 'stat_reports.org_id')
    .select(['stat_reports.id', 'stat_reports.kind', 'stat_reports.title', 'stat_reports.created_at', 'stat_reports.created_by', 'orgs.code as org_code', 'orgs.name as org_name'])
    .select(sql<string>`to_char(stat_reports.first_day, 'YYYY-MM-DD')`.as('first_day'))
    .select(sql<string>`to_char(stat_reports.last_day, 'YYYY-MM-DD')`.as('last_day'))
    .where(orgInScope(scope, 'stat_reports.org_id'));
}
type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;
const present = (r: Row) => ({ id: r.id, kind: r.kind, title: r.title, orgCode: r.org_code, orgName: r.org_name, firstDay: r.first_day, lastDay: r.last_day, createdAt: r.created_at.toISOString(), createdBy: r.created_by });

/** Reports of the units in the caller's scope, the latest period end first (a year-so-far report sits with this week's). */
export async function list(deps: Deps, scope: Scope, q: { kind?: Kind | undefined; orgCode?: string | undefined; limit: number }) {
  let query = select(deps, scope);
  if (q.kind) query = query.where('stat_reports.kind', '=', q.kind);
  if (q.orgCode) query = query.where('orgs.code', '=', q.orgCode);
  const rows = await query.orderBy('stat_reports.last_day', 'desc').orderBy('stat_reports.first_day', 'desc').orderBy('stat_reports.id', 'desc').limit(q.limit).execute();
  return { items: rows.map(present) };
}

export async function get(deps: Deps, scope: Scope, id: number) {
  const r = await select(deps, scope).where('stat_reports.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('report');
  return present(r);
}

/** The workbook, audited. */
export async function download(deps: Deps, ctx: RequestContext, scope: Scope, id: number) {
  const r = await get(deps, scope, id);
  const file = await deps.db.selectFrom('stat_reports').select(['xlsx', 'org_id']).where('id', '=', id).executeTakeFirstOrThrow();
  await audit.recordAlone(deps, ctx, { action: 'report.download', targetType: 'report', targetId: id, orgId: file.org_id, detail: { format: 'xlsx' } });
  return { fileName: `${r.title}.xlsx`, content: Buffer.from(file.xlsx) };
}

/** The printable page of a report: the same tables as the workbook. */
export async function printable(deps: Deps, ctx: RequestContext, scope: Scope, id: number): Promise<string> {
  const r = await get(deps, scope, id);
  const { figures, org_id } = await deps.db.selectFrom('stat_reports').select(['figures', 'org_id']).where('id', '=', id).executeTakeFirstOrThrow();
  await audit.recordAlone(deps, ctx, { action: 'report.view', targetType: 'report', targetId: id, orgId: org_id, detail: { format: 'html' } });
  return reportHtml(r.title, figures as unknown as Dashboard);
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
function show(unit: string, v: number | null): string {
  if (v === null) return '—';
  if (unit === 'rate') return `${(v * 100).toFixed(2)}%`;
  if (unit === 'yuan') return v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return v.toLocaleString('zh-CN');
}
function showChange(unit: string, v: number | null): string {
  if (v === null) return '—';
  return unit === 'rate' ? `${v >= 0 ? '+' : ''}${v.toFixed(2)} 个百分点` : `${v >= 0 ? '+' : ''}${(v * 100).toFixed(2)}%`;
}

export function reportHtml(title: string, d: Dashboard): string {
  const kpiRows = d.kpis
    .map((k) => {
      const def = KPI_BY_ID.get(k.id as KpiId);
      const mark = k.yoyGood === null ? '' : k.yoyGood ? ' class="good"' : ' class="bad"';
      return `<tr><td>${esc(def?.zh ?? k.id)}</td><td>${show(k.unit, k.value)}</td><td>${show(k.unit, k.lastYear)}</td><td${mark}>${showChange(k.unit, k.yoy)}</td><td>${show(k.unit, k.previous)}</td><td>${showChange(k.unit, k.mom)}</td></tr>`;
    })
    .join('');
  const unitIds: KpiId[] = ['cases_reported', 'loss', 'cases_solved', 'solve_rate', 'dissuasion_rate', 'stopped_amount'];
  const unitRows = d.units.map((u) => `<tr><td>${esc(u.code === null ? `${u.name}（本级）` : u.name)}</td>${unitIds.map((id) => `<td>${show(KPI_BY_ID.get(id)?.unit ?? 'count', u.kpis[id] ?? null)}</td>`).join('')}</tr>`).join('');
  const types = d.fraudTypes.map((x) => `<tr><td>${esc(x.key === 'unclassified' ? '未分类' : x.key)}</td><td>${x.n}</td><td>${(x.share * 100).toFixed(2)}%</td></tr>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;max-width:960px;margin:32px auto;color:#222}h1{font-size:22px;text-align:center}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border:1px solid #bbb;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}th{background:#f0f0f0}
.good{color:#237804}.bad{color:#cf1322}@media print{body{margin:0}}</style></head>
<body><h1>${esc(title)}</h1><p>统计期间：${d.period.firstDay} 至 ${d.period.lastDay}；同比：${d.period.lastYear.firstDay} 至 ${d.period.lastYear.lastDay}；环比：${d.period.previous.firstDay} 至 ${d.period.previous.lastDay}</p>
<h2>一、主要指标</h2><table><tr><th>指标</th><th>本期</th><th>去年同期</th><th>同比</th><th>上期</th><th>环比</th></tr>${kpiRows}</table>
<h2>二、分单位情况</h2><table><tr><th>单位</th><th>发案数</th><th>损失金额（元）</th><th>破案数</th><th>破案率</th><th>劝阻成功率</th><th>止付金额（元）</th></tr>${unitRows}</table>
<h2>三、诈骗类型</h2><table><tr><th>类型</th><th>案件数</th><th>占比</th></tr>${types}</table>
</body></html>`;
}
