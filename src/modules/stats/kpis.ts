/**
 * The KPIs of the statistics (统计研判), each defined once: a formula over sums of the daily metrics kept in
 * `stat_days` (migration 0011) and, for a few, figures entered from outside (`reference_figures`). The
 * dashboard, the reports and the Excel sheets all evaluate these definitions; docs/kpis.md explains them.
 * Pure: no I/O, so every formula is tested on hand-computed sums.
 */

/** Sums of metrics over a period and a set of units, by metric name (absent = 0). */
export type Sums = Readonly<Record<string, number>>;
/** Figures from outside the system for the same units: sums over the period's months, or the latest (stocks). */
export interface Refs {
  /** All criminal cases filed (刑事案件立案数), summed over the months of the period. */
  criminalCases: number | null;
  /** Population aged 16–60, latest month up to the period's end. */
  population: number | null;
  /** Registrations of the national anti-fraud app, latest month up to the period's end. */
  appRegistered: number | null;
}
export const NO_REFS: Refs = { criminalCases: null, population: null, appRegistered: null };

export type KpiUnit = 'count' | 'yuan' | 'people' | 'rate';
export type KpiId =
  | 'cases_reported'
  | 'loss'
  | 'cases_solved'
  | 'suspects_arrested'
  | 'suspects_prosecuted'
  | 'solve_rate'
  | 'warnings_received'
  | 'dissuasion_rate'
  | 'feedback_on_time_rate'
  | 'stopped_amount'
  | 'frozen_amount'
  | 'returned_amount'
  | 'leads_closed'
  | 'leads_punishable'
  | 'fraud_share'
  | 'app_registration_rate';

export interface KpiDef {
  id: KpiId;
  zh: string;
  en: string;
  unit: KpiUnit;
  /** Which way is good: cases and losses down, the rest up. */
  better: 'up' | 'down';
  /** The metrics the formula reads. */
  metrics: readonly string[];
  compute(s: Sums, r: Refs): number | null;
}

const m = (s: Sums, key: string): number => s[key] ?? 0;
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export const KPIS: readonly KpiDef[] = [
  { id: 'cases_reported', zh: '发案数', en: 'Cases reported', unit: 'count', better: 'down', metrics: ['c.reported'], compute: (s) => m(s, 'c.reported') },
  { id: 'loss', zh: '损失金额', en: 'Money lost', unit: 'yuan', better: 'down', metrics: ['c.loss'], compute: (s) => m(s, 'c.loss') },
  { id: 'cases_solved', zh: '破案数', en: 'Cases solved', unit: 'count', better: 'up', metrics: ['c.solved'], compute: (s) => m(s, 'c.solved') },
  { id: 'suspects_arrested', zh: '抓获人数', en: 'Suspects caught', unit: 'people', better: 'up', metrics: ['c.arrested'], compute: (s) => m(s, 'c.arrested') },
  { id: 'suspects_prosecuted', zh: '移送起诉人数', en: 'Suspects sent for prosecution', unit: 'people', better: 'up', metrics: ['c.prosecuted'], compute: (s) => m(s, 'c.prosecuted') },
  { id: 'solve_rate', zh: '破案率', en: 'Solve rate', unit: 'rate', better: 'up', metrics: ['c.solved', 'c.reported'], compute: (s) => ratio(m(s, 'c.solved'), m(s, 'c.reported')) },
  { id: 'warnings_received', zh: '预警数', en: 'Warnings received', unit: 'count', better: 'up', metrics: ['w.received'], compute: (s) => m(s, 'w.received') },
  {
    id: 'dissuasion_rate',
    zh: '劝阻成功率',
    en: 'Dissuasion success rate',
    unit: 'rate',
    better: 'up',
    // False positives (误报) were no attempt to dissuade: they stay out of the denominator.
    metrics: ['w.outcome.dissuaded', 'w.outcome.defrauded', 'w.outcome.refused', 'w.outcome.unreachable'],
    compute: (s) => ratio(m(s, 'w.outcome.dissuaded'), m(s, 'w.outcome.dissuaded') + m(s, 'w.outcome.defrauded') + m(s, 'w.outcome.refused') + m(s, 'w.outcome.unreachable')),
  },
  { id: 'feedback_on_time_rate', zh: '按时反馈率', en: 'Warnings answered on time', unit: 'rate', better: 'up', metrics: ['w.closed_on_time', 'w.closed'], compute: (s) => ratio(m(s, 'w.closed_on_time'), m(s, 'w.closed')) },
  { id: 'stopped_amount', zh: '止付金额', en: 'Money stopped', unit: 'yuan', better: 'up', metrics: ['m.stopped'], compute: (s) => m(s, 'm.stopped') },
  { id: 'frozen_amount', zh: '冻结金额', en: 'Money frozen', unit: 'yuan', better: 'up', metrics: ['m.frozen'], compute: (s) => m(s, 'm.frozen') },
  { id: 'returned_amount', zh: '返还金额', en: 'Money returned', unit: 'yuan', better: 'up', metrics: ['m.returned'], compute: (s) => m(s, 'm.returned') },
  { id: 'leads_closed', zh: '断卡线索核查数', en: 'Two-card leads verified', unit: 'count', better: 'up', metrics: ['l.closed'], compute: (s) => m(s, 'l.closed') },
  { id: 'leads_punishable', zh: '断卡线索查处数', en: 'Two-card leads dealt with', unit: 'count', better: 'up', metrics: ['l.punishable'], compute: (s) => m(s, 'l.punishable') },
  { id: 'fraud_share', zh: '电诈案件占刑事案件比', en: 'Fraud share of criminal cases', unit: 'rate', better: 'down', metrics: ['c.reported'], compute: (s, r) => (r.criminalCases === null ? null : ratio(m(s, 'c.reported'), r.criminalCases)) },
  {
    id: 'app_registration_rate',
    zh: '国家反诈APP注册率',
    en: 'Anti-fraud app registration rate',
    unit: 'rate',
    better: 'up',
    metrics: [],
    compute: (_s, r) => (r.appRegistered === null || r.population === null ? null : ratio(r.appRegistered, r.population)),
  },
];

export const KPI_BY_ID: ReadonlyMap<KpiId, KpiDef> = new Map(KPIS.map((k) => [k.id, k]));

/** The metrics a set of KPIs reads. */
export function metricsOf(ids: readonly KpiId[]): string[] {
  return [...new Set(ids.flatMap((id) => KPI_BY_ID.get(id)?.metrics ?? []))];
}

export interface Compared {
  value: number | null;
  /** The same span one year earlier (同比) and the span just before (环比). */
  lastYear: number | null;
  previous: number | null;
  /** Relative change for counts and amounts; for rates the difference in percentage points. */
  yoy: number | null;
  mom: number | null;
  /** Whether the change against last year is the good way round (null: no change or nothing to compare). */
  yoyGood: boolean | null;
}

/** Change from `before` to `now`: relative for counts and amounts, percentage points for rates. */
export function change(unit: KpiUnit, now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  if (unit === 'rate') return (now - before) * 100;
  return before === 0 ? null : (now - before) / before;
}

export function evaluate(def: KpiDef, now: { s: Sums; r: Refs }, lastYear: { s: Sums; r: Refs }, previous: { s: Sums; r: Refs }): Compared {
  const value = def.compute(now.s, now.r);
  const ly = def.compute(lastYear.s, lastYear.r);
  const prev = def.compute(previous.s, previous.r);
  const yoy = change(def.unit, value, ly);
  const diff = value !== null && ly !== null ? value - ly : null;
  return { value, lastYear: ly, previous: prev, yoy, mom: change(def.unit, value, prev), yoyGood: diff === null || diff === 0 ? null : (diff < 0) === (def.better === 'down') };
}
