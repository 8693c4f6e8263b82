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

const ratio = (num: number, den: number): number | null => (den === 0 ? null : Math.round((num / den) * 10_000) / 10_000);

export function warningKpis(c: WarningCounts): WarningKpis {
  return {
    successRate: ratio(c.dissuaded, c.dissuaded + c.defrauded + c.refused + c.unreachable),
    onTimeRate: ratio(c.closedOnTime, c.closed),
    visitShare: ratio(c.closedWithVisit, c.closed),
  };
}
