import { warningKpis, type WarningCounts } from '../../../../../src/modules/warnings/warnings.kpi.ts';
import { WARNING_LEVELS } from '../../../../../src/modules/warnings/warning-workflow.ts';
import type { Board, UnitStats, WarningStats } from '../../../api/warnings.ts';

type BoardUnit = Board['units'][number];

// The server breaks figures down by the units directly below the caller's root, so warnings held by
// the root itself (the city's triage, a station's own cases) fall in no row. The difference between
// the total and the rows is that "own level" row; it is shown when it is not empty.

export function boardOwnRow(board: Board, code: string, name: string): BoardUnit | null {
  const open = { emergency: 0, high: 0, normal: 0 };
  for (const l of WARNING_LEVELS) open[l] = board.open[l] - board.units.reduce((n, u) => n + u.open[l], 0);
  const overdue = board.overdue - board.units.reduce((n, u) => n + u.overdue, 0);
  const dueWithinHour = board.dueWithinHour - board.units.reduce((n, u) => n + u.dueWithinHour, 0);
  const empty = WARNING_LEVELS.every((l) => open[l] === 0) && overdue === 0 && dueWithinHour === 0;
  return empty ? null : { orgCode: code, orgName: name, open, overdue, dueWithinHour };
}

export function statsOwnRow(stats: WarningStats, code: string, name: string): UnitStats | null {
  const rest = (k: keyof WarningCounts) => stats.total[k] - stats.units.reduce((n, u) => n + u[k], 0);
  const counts: WarningCounts = {
    received: rest('received'),
    closed: rest('closed'),
    dissuaded: rest('dissuaded'),
    defrauded: rest('defrauded'),
    refused: rest('refused'),
    unreachable: rest('unreachable'),
    falsePositive: rest('falsePositive'),
    closedOnTime: rest('closedOnTime'),
    closedWithVisit: rest('closedWithVisit'),
  };
  if (counts.received === 0 && counts.closed === 0) return null;
  // The same KPI definitions the server uses (warnings.kpi.ts, shared as pure code).
  return { orgCode: code, orgName: name, ...counts, ...warningKpis(counts) };
}
