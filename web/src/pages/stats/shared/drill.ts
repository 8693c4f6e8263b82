import { FRAUD_TYPES } from '../../../../../src/lib/fraud-types.ts';
import type { KpiId } from '../../../api/stats.ts';

/**
 * Click-through from a figure to the records behind it. Each link is built with every filter the figure
 * stands for, then keeps only the parameters the list page reads from its address today, so a link
 * never claims a filter the page would silently drop. When a list page learns a parameter, add it here.
 *
 * - cases list (web/src/pages/cases/list/list-params.ts): status, fraudType, from, to (days, the end
 *   included, turned into ISO times by the page). It does not read orgCode yet.
 * - warnings queue (web/src/pages/warnings/queue/queue-params.ts): status only. It does not read the
 *   received days (from/to), the outcome nor orgCode, although GET /api/v1/warnings takes them.
 */
const CASES_LIST_READS: ReadonlySet<string> = new Set(['status', 'fraudType', 'from', 'to']);
const WARNINGS_LIST_READS: ReadonlySet<string> = new Set(['status']);

export interface DrillScope {
  /** The dashboard's days, both included (China time). */
  firstDay: string;
  lastDay: string;
  /** The unit shown. */
  orgCode: string;
}

export type DrillTarget = 'cases' | 'warnings';
export interface Drill {
  target: DrillTarget;
  href: string;
}

function link(path: string, wanted: Record<string, string | undefined>, reads: ReadonlySet<string>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(wanted)) if (v !== undefined && reads.has(k)) p.set(k, v);
  const qs = p.toString();
  return qs ? `${path}?${qs}` : path;
}

const FRAUD: ReadonlySet<string> = new Set(FRAUD_TYPES);

/** Cases reported in the period in the unit (every status: 发案数 counts all but withdrawn ones), optionally of one fraud type. */
export function casesLink(s: DrillScope, fraudType?: string): string {
  return link('/cases', { status: 'all', from: s.firstDay, to: s.lastDay, orgCode: s.orgCode, fraudType: fraudType && FRAUD.has(fraudType) ? fraudType : undefined }, CASES_LIST_READS);
}

/** Whether a fraud type of the mix can be listed (the list filters by the 13 official types only). */
export function canListFraudType(key: string): boolean {
  return FRAUD.has(key);
}

/** Warnings received in the period in the unit; the rates are over the closed ones. */
export function warningsLink(s: DrillScope, closedOnly: boolean): string {
  return link('/warnings', { status: closedOnly ? 'closed' : undefined, from: s.firstDay, to: s.lastDay, orgCode: s.orgCode }, WARNINGS_LIST_READS);
}

/**
 * The records behind a headline KPI, where a list can show them. Cases solved, suspects and money are
 * counted on the day they were solved, prosecuted or moved, which the lists cannot filter by: no link.
 */
export function drillFor(id: KpiId, s: DrillScope): Drill | null {
  switch (id) {
    case 'cases_reported':
    case 'loss':
      return { target: 'cases', href: casesLink(s) };
    case 'warnings_received':
      return { target: 'warnings', href: warningsLink(s, false) };
    case 'dissuasion_rate':
    case 'feedback_on_time_rate':
      return { target: 'warnings', href: warningsLink(s, true) };
    default:
      return null;
  }
}
