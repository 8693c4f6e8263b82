import { OUTCOMES, WARNING_LEVELS, WARNING_STATUSES, type Outcome, type WarningLevel, type WarningStatus } from '../../../../../src/modules/warnings/warning-workflow.ts';
import type { WarningQuery } from '../../../api/warnings.ts';

export type QueueView = 'all' | 'triage';
/** A warning status, `open` (not closed: the default) or `all`. */
export type QueueStatus = WarningStatus | 'open' | 'all';

/**
 * The queue's filters live in the address, so a board card or a statistics figure can link to them and a
 * reload keeps them:
 *   view=triage, status (a status, `open`, `all`), level, overdue, due=60
 *   orgCode     a unit; its whole subtree
 *   from, to    received on these China-time days, YYYY-MM-DD, both included
 *   outcome     closed with this outcome; without a status it lists every status (an outcome means closed)
 */
export interface QueueFilter {
  view: QueueView;
  status: QueueStatus;
  level?: WarningLevel | undefined;
  overdue?: 'true' | 'false' | undefined;
  dueSoon: boolean;
  orgCode?: string | undefined;
  /** Received: whole days, YYYY-MM-DD, the end day included. */
  from?: string | undefined;
  to?: string | undefined;
  outcome?: Outcome | undefined;
  page: number;
  pageSize: number;
}

const STATUSES: readonly string[] = [...WARNING_STATUSES, 'open', 'all'];
const LEVELS: readonly string[] = WARNING_LEVELS;
const OUTCOME_CODES: readonly string[] = OUTCOMES;
export const PAGE_SIZES = [20, 50, 100] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Organisation codes as the server writes them. */
const ORG_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/;

function positive(v: string | null, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** A real calendar day written YYYY-MM-DD (not 2026-02-30), or nothing. */
function day(v: string | null): string | undefined {
  if (v === null || !DAY.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v ? v : undefined;
}

/**
 * The day after a YYYY-MM-DD day, as a plain calendar step (UTC arithmetic on the date alone), so the
 * browser's time zone plays no part: the server takes the dates as China-time days.
 */
export function nextDay(d: string): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The status a queue has when the address names none: open ones, or every status for an outcome. */
const defaultStatus = (outcome: string | undefined): QueueStatus => (outcome ? 'all' : 'open');

export function readFilter(params: URLSearchParams): QueueFilter {
  const level = params.get('level') ?? '';
  const overdue = params.get('overdue');
  const outcome = params.get('outcome') ?? '';
  const orgCode = params.get('orgCode') ?? '';
  const pageSize = positive(params.get('pageSize'), 20);
  const known = OUTCOME_CODES.includes(outcome) ? (outcome as Outcome) : undefined;
  const status = params.get('status') ?? defaultStatus(known);
  return {
    view: params.get('view') === 'triage' ? 'triage' : 'all',
    status: STATUSES.includes(status) ? (status as QueueStatus) : defaultStatus(known),
    level: LEVELS.includes(level) ? (level as WarningLevel) : undefined,
    overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
    dueSoon: params.get('due') === '60',
    orgCode: ORG_CODE.test(orgCode) ? orgCode : undefined,
    from: day(params.get('from')),
    to: day(params.get('to')),
    outcome: known,
    page: positive(params.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : 20,
  };
}

export function writeFilter(f: QueueFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.view === 'triage') p.set('view', 'triage');
  if (f.status !== defaultStatus(f.outcome)) p.set('status', f.status);
  if (f.level) p.set('level', f.level);
  if (f.overdue) p.set('overdue', f.overdue);
  if (f.dueSoon) p.set('due', '60');
  if (f.orgCode) p.set('orgCode', f.orgCode);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.outcome) p.set('outcome', f.outcome);
  if (f.page > 1) p.set('page', String(f.page));
  if (f.pageSize !== 20) p.set('pageSize', String(f.pageSize));
  return p;
}

/** Whether anything differs from the plain queue (open warnings, no other filter). */
export function isFiltered(f: QueueFilter): boolean {
  return (
    f.status !== 'open' ||
    f.level !== undefined ||
    f.overdue !== undefined ||
    f.dueSoon ||
    f.orgCode !== undefined ||
    f.from !== undefined ||
    f.to !== undefined ||
    f.outcome !== undefined
  );
}

/**
 * The triage view is the center's own backlog: only warnings still waiting to be sent on. "Due within
 * the hour" has no lower bound on the server, so it also asks for not-yet-overdue ones, as the board
 * counts them (the overdue flag is set by the sweeper every 30 s). Days go as dates, which the server
 * reads as whole China-time days of receipt (as the statistics count warnings), the end exclusive: the
 * day after the last one. `orgCode` is left out when the page found it outside the caller's units.
 */
export function toQuery(f: QueueFilter, orgCodeKnown = true): WarningQuery {
  return {
    status: f.view === 'triage' || f.status === 'all' ? undefined : f.status,
    triage: f.view === 'triage' ? 'true' : undefined,
    level: f.level,
    overdue: f.overdue ?? (f.dueSoon ? 'false' : undefined),
    dueWithinMinutes: f.dueSoon ? 60 : undefined,
    orgCode: orgCodeKnown ? f.orgCode : undefined,
    from: f.from,
    to: f.to ? nextDay(f.to) : undefined,
    outcome: f.outcome,
    page: f.page,
    pageSize: f.pageSize,
  };
}
