import type { Deps } from '../../server/context.ts';
import { requireInScope } from '../orgs/orgs.service.ts';
import { orgIdsInScope, type Scope } from '../orgs/scope.ts';
import { evaluate, KPI_BY_ID, KPIS, metricsOf, type KpiId, type Refs, type Sums } from './kpis.ts';
import { lastYearOf, periodOf, previousOf, trendMonths, type Days } from './periods.ts';
import * as repo from './stats.repo.ts';

/** The headline KPIs, in the order the dashboard shows them. */
const HEADLINE: readonly KpiId[] = KPIS.map((k) => k.id);
/** KPIs drawn month by month. */
const TREND: readonly KpiId[] = ['cases_reported', 'loss', 'cases_solved', 'suspects_arrested', 'dissuasion_rate', 'stopped_amount', 'frozen_amount', 'returned_amount'];
/** KPIs per unit in the heat table. */
const UNITS: readonly KpiId[] = ['cases_reported', 'loss', 'cases_solved', 'solve_rate', 'warnings_received', 'dissuasion_rate', 'feedback_on_time_rate', 'stopped_amount'];

const round = (v: number | null, unit: string) => (v === null ? null : unit === 'yuan' ? Math.round(v * 100) / 100 : unit === 'rate' ? Math.round(v * 10_000) / 10_000 : v);

async function figures(deps: Deps, orgIds: number[] | null, d: Days, prefixes: readonly string[] = []): Promise<{ s: Sums; r: Refs }> {
  const span = { orgIds, ...d };
  const [s, r] = await Promise.all([repo.sums(deps.db, span, metricsOf(HEADLINE), prefixes), repo.refs(deps.db, span)]);
  return { s, r };
}

function family(s: Sums, prefix: string) {
  const items = Object.entries(s)
    .filter(([k]) => k.startsWith(prefix))
    .map(([k, n]) => ({ key: k.slice(prefix.length), n }))
    .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  const total = items.reduce((a, x) => a + x.n, 0);
  return items.map((x) => ({ ...x, share: total ? Math.round((x.n / total) * 10_000) / 10_000 : 0 }));
}

/**
 * The leadership dashboard for a period (the year so far by default) and a unit (the caller's own by
 * default, or one inside it): every KPI with its 同比 and 环比, twelve months of trend, the fraud-type mix,
 * the victims' ages and occupations, and the KPIs per unit directly below.
 */
export async function dashboard(deps: Deps, scope: Scope, q: { from?: string | undefined; to?: string | undefined; orgCode?: string | undefined }) {
  const period = periodOf(deps.clock.now(), q);
  const org = await requireInScope(deps, scope, q.orgCode ?? scope.rootCode, 'query.orgCode');
  return figuresOf(deps, org, period);
}
export type Dashboard = Awaited<ReturnType<typeof figuresOf>>;

/** The dashboard's figures for one unit and period (also what a report is made from). */
export async function figuresOf(deps: Deps, org: { id: number; code: string; name: string; kind: string; path: string }, period: Days) {
  const unitScope: Scope = { rootId: org.id, rootCode: org.code, rootPath: org.path, rootKind: org.kind as Scope['rootKind'], everything: org.path.split('/').filter(Boolean).length === 1, partner: false };
  const orgIds = await orgIdsInScope(deps.db, unitScope);
  const trend = trendMonths(period);
  const [now, lastYear, previous, monthly, units, children] = await Promise.all([
    figures(deps, orgIds, period, ['c.type.', 'c.age.', 'c.occupation.']),
    figures(deps, orgIds, lastYearOf(period)),
    figures(deps, orgIds, previousOf(period)),
    repo.monthly(deps.db, { orgIds, ...trend.span }, metricsOf(TREND)),
    repo.byChild(deps.db, { id: org.id, path: org.path }, period.firstDay, period.lastDay, metricsOf(UNITS)),
    deps.db.selectFrom('orgs').select(['code', 'name', 'kind']).where('parent_id', '=', org.id).where('active', '=', true).where('kind', 'in', ['county', 'station', 'township', 'grid']).orderBy('code').execute(),
  ]);
  const kpis = HEADLINE.map((id) => {
    const def = KPI_BY_ID.get(id);
    if (!def) throw new Error(`no KPI ${id}`);
    const c = evaluate(def, now, lastYear, previous);
    return { id, unit: def.unit, better: def.better, value: round(c.value, def.unit), lastYear: round(c.lastYear, def.unit), previous: round(c.previous, def.unit), yoy: c.yoy === null ? null : Math.round(c.yoy * 10_000) / 10_000, mom: c.mom === null ? null : Math.round(c.mom * 10_000) / 10_000, yoyGood: c.yoyGood };
  });
  const perMonth = new Map<string, Record<string, number>>();
  for (const r of monthly) perMonth.set(r.month, { ...(perMonth.get(r.month) ?? {}), [r.metric]: r.n });
  const noRefs = { criminalCases: null, population: null, appRegistered: null };
  const series = Object.fromEntries(TREND.map((id) => [id, trend.months.map((mo) => round(KPI_BY_ID.get(id)?.compute(perMonth.get(mo) ?? {}, noRefs) ?? null, KPI_BY_ID.get(id)?.unit ?? 'count'))]));
  const perUnit = new Map<string | null, Record<string, number>>();
  for (const r of units) perUnit.set(r.code, { ...(perUnit.get(r.code) ?? {}), [r.metric]: r.n });
  const unitRow = (sums: Sums) => Object.fromEntries(UNITS.map((id) => [id, round(KPI_BY_ID.get(id)?.compute(sums, noRefs) ?? null, KPI_BY_ID.get(id)?.unit ?? 'count')]));
  return {
    period: { firstDay: period.firstDay, lastDay: period.lastDay, lastYear: lastYearOf(period), previous: previousOf(period) },
    org: { code: org.code, name: org.name, kind: org.kind },
    kpis,
    trend: { months: trend.months, series },
    fraudTypes: family(now.s, 'c.type.'),
    victims: { age: family(now.s, 'c.age.'), occupation: family(now.s, 'c.occupation.') },
    units: [...children.map((c) => ({ code: c.code as string | null, name: c.name, kpis: unitRow(perUnit.get(c.code) ?? {}) })), ...(perUnit.has(null) ? [{ code: null, name: org.name, kpis: unitRow(perUnit.get(null) ?? {}) }] : [])],
  };
}

export function definitions() {
  return { items: KPIS.map((k) => ({ id: k.id, zh: k.zh, en: k.en, unit: k.unit, better: k.better, metrics: [...k.metrics] })) };
}
