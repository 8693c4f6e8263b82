import { WARNING_LEVELS, WARNING_STATUSES, type WarningLevel, type WarningStatus } from '../../../../../src/modules/warnings/warning-workflow.ts';
import type { WarningQuery } from '../../../api/warnings.ts';

export type QueueView = 'all' | 'triage';

/** The queue's filters live in the address, so a board card can link to "overdue" and a reload keeps them. */
export interface QueueFilter {
  view: QueueView;
  status: WarningStatus | 'open';
  level?: WarningLevel | undefined;
  overdue?: 'true' | 'false' | undefined;
  dueSoon: boolean;
  page: number;
  pageSize: number;
}

const STATUSES: readonly string[] = [...WARNING_STATUSES, 'open'];
const LEVELS: readonly string[] = WARNING_LEVELS;
export const PAGE_SIZES = [20, 50, 100] as const;

function positive(v: string | null, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function readFilter(params: URLSearchParams): QueueFilter {
  const status = params.get('status') ?? 'open';
  const level = params.get('level') ?? '';
  const overdue = params.get('overdue');
  const pageSize = positive(params.get('pageSize'), 20);
  return {
    view: params.get('view') === 'triage' ? 'triage' : 'all',
    status: STATUSES.includes(status) ? (status as WarningStatus | 'open') : 'open',
    level: LEVELS.includes(level) ? (level as WarningLevel) : undefined,
    overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
    dueSoon: params.get('due') === '60',
    page: positive(params.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : 20,
  };
}

export function writeFilter(f: QueueFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.view === 'triage') p.set('view', 'triage');
  if (f.status !== 'open') p.set('status', f.status);
  if (f.level) p.set('level', f.level);
  if (f.overdue) p.set('overdue', f.overdue);
  if (f.dueSoon) p.set('due', '60');
  if (f.page > 1) p.set('page', String(f.page));
  if (f.pageSize !== 20) p.set('pageSize', String(f.pageSize));
  return p;
}

/**
 * The triage view is the center's own backlog: only warnings still waiting to be sent on. "Due within
 * the hour" has no lower bound on the server, so it also asks for not-yet-overdue ones, as the board
 * counts them (the overdue flag is set by the sweeper every 30 s).
 */
export function toQuery(f: QueueFilter): WarningQuery {
  return {
    status: f.view === 'triage' ? undefined : f.status,
    triage: f.view === 'triage' ? 'true' : undefined,
    level: f.level,
    overdue: f.overdue ?? (f.dueSoon ? 'false' : undefined),
    dueWithinMinutes: f.dueSoon ? 60 : undefined,
    page: f.page,
    pageSize: f.pageSize,
  };
}
