import { KPI_BY_ID, NO_REFS, type KpiDef, type KpiId } from '../stats/kpis.ts';

/**
 * Warning KPIs, defined once (see docs/kpis.md):
 * - 劝阻成功率 success rate = dissuaded / (dissuaded + defrauded + refused + unreachable); false positives
 *   are not attempts to dissuade and stay out of the denominator.
 * - 按时反馈率 on-time feedback rate = closed with closed_at ≤ due_at / closed.
 * - 上门劝阻占比 visit share = closed warnings with at least one visit attempt / closed.
 */
export interface WarningCounts {
  received: number;
  closed: number;
  dissuaded: number;
  defrauded: number;
  refused: number;
  unreachable: number;
  falsePositive: number;
  closedOnTime: number;
  closedWithVisit: number;
}

export interface WarningKpis {
  successRate: number | null;
  onTimeRate: number | null;
  visitShare: number | null;
}

const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 10_000) / 10_000);
const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** The two rates the dashboard shows too are the statistics module's definitions (src/modules/stats/kpis.ts). */
export function warningKpis(c: WarningCounts): WarningKpis {
  const sums = { 'w.outcome.dissuaded': c.dissuaded, 'w.outcome.defrauded': c.defrauded, 'w.outcome.refused': c.refused, 'w.outcome.unreachable': c.unreachable, 'w.closed': c.closed, 'w.closed_on_time': c.closedOnTime };
  return {
    successRate: round(kpi('dissuasion_rate').compute(sums, NO_REFS)),
    onTimeRate: round(kpi('feedback_on_time_rate').compute(sums, NO_REFS)),
    visitShare: round(ratio(c.closedWithVisit, c.closed)),
  };
}

function kpi(id: KpiId): KpiDef {
  const k = KPI_BY_ID.get(id);
  if (!k) throw new Error(`no KPI ${id}`);
  return k;
}
