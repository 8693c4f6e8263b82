import { FRAUD_TYPES } from '../../../../../src/lib/fraud-types.ts';
import type { Outcome } from '../../../../../src/modules/warnings/warning-workflow.ts';
import type { KpiId } from '../../../api/stats.ts';

/**
 * Click-through from a figure to the records behind it, with every filter the figure stands for, so the
 * list's total is the figure (docs/kpis.md says what each counts). Days in the addresses are China-time
 * days, both ends included, as the dashboard shows them; the list pages send them to the server as dates.
 *
 * - cases list (web/src/pages/cases/list/list-params.ts): status (`reported` = all but withdrawn, what
 *   发案 counts), orgCode (its subtree), fraudType, from/to (reported), solvedFrom/solvedTo (破案).
 * - warnings queue (web/src/pages/warnings/queue/queue-params.ts): status (`all`), orgCode, from/to
 *   (received: the day the statistics count a warning on, its outcome included), outcome.
 *
 * Each link keeps only the parameters its list reads, so a link never claims a filter the page would
 * silently drop. When a list page learns a parameter, add it here.
 */
const CASES_LIST_READS: ReadonlySet<string> = new Set(['status', 'orgCode', 'fraudType', 'from', 'to', 'solvedFrom', 'solvedTo']);
const WARNINGS_LIST_READS: ReadonlySet<string> = new Set(['status', 'orgCode', 'from', 'to', 'outcome']);

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

/** Cases reported in the period in the unit, withdrawn ones left out as 发案数 leaves them out; optionally of one fraud type. */
export function casesLink(s: DrillScope, fraudType?: string): string {
  return link(
    '/cases',
    { status: 'reported', orgCode: s.orgCode, fraudType: fraudType && FRAUD.has(fraudType) ? fraudType : undefined, from: s.firstDay, to: s.lastDay },
    CASES_LIST_READS,
  );
}

/** Cases solved (破案) in the period in the unit and not withdrawn since: those 破案数 and 抓获人数 count. */
export function solvedCasesLink(s: DrillScope): string {
  return link('/cases', { status: 'reported', orgCode: s.orgCode, solvedFrom: s.firstDay, solvedTo: s.lastDay }, CASES_LIST_READS);
}

/** Whether a fraud type of the mix can be listed (the list filters by the 13 official types only). */
export function canListFraudType(key: string): boolean {
  return FRAUD.has(key);
}

export type WarningsDrill = { closed: true } | { outcome: Outcome };

/**
 * Warnings received in the period in the unit, whatever their status now; or of those the closed ones, or
 * the ones closed with one outcome.
 */
export function warningsLink(s: DrillScope, only?: WarningsDrill): string {
  const status = only && 'closed' in only ? 'closed' : 'all';
  const outcome = only && 'outcome' in only ? only.outcome : undefined;
  return link('/warnings', { status, orgCode: s.orgCode, from: s.firstDay, to: s.lastDay, outcome }, WARNINGS_LIST_READS);
}

/**
 * The records behind a headline KPI, where a list can show them:
 * - 发案数, 损失金额, 电诈占刑事案件比 (its numerator): the cases reported;
 * - 破案数, 破案率 (its numerator), 抓获人数: the cases solved in the period;
 * - 预警数: the warnings received; 劝阻成功率: those dissuaded (its numerator); 按时反馈率: those closed
 *   (its denominator; the list cannot tell on time from late).
 * No link: 移送起诉人数 (counted on the day of prosecution, which the list cannot filter by), the money
 * figures (止付, 冻结, 返还: counted on the day the money moved, per stop, freeze or return, not per case),
 * the 断卡 leads (another module) and the APP registration rate (reference figures, no records).
 */
export function drillFor(id: KpiId, s: DrillScope): Drill | null {
  switch (id) {
    case 'cases_reported':
    case 'loss':
    case 'fraud_share':
      return { target: 'cases', href: casesLink(s) };
    case 'cases_solved':
    case 'solve_rate':
    case 'suspects_arrested':
      return { target: 'cases', href: solvedCasesLink(s) };
    case 'warnings_received':
      return { target: 'warnings', href: warningsLink(s) };
    case 'dissuasion_rate':
      return { target: 'warnings', href: warningsLink(s, { outcome: 'dissuaded' }) };
    case 'feedback_on_time_rate':
      return { target: 'warnings', href: warningsLink(s, { closed: true }) };
    default:
      return null;
  }
}
