import type { Deps } from '../../server/context.ts';
import type { Scope } from '../orgs/scope.ts';
import { JURISDICTION_KINDS } from '../../lib/roles.ts';
import * as orgsRepo from '../orgs/orgs.repo.ts';
import * as repo from './warnings.repo.ts';
import { startOfLocalDay } from '../../lib/periods.ts';
import { OUTCOMES, type Outcome, type WarningLevel } from './warning-workflow.ts';

export interface UnitRow {
  orgCode: string;
  orgName: string;
  open: Record<WarningLevel, number>;
  overdue: number;
  dueWithinHour: number;
}

export interface Board {
  at: string;
  open: Record<WarningLevel, number>;
  overdue: number;
  dueWithinHour: number;
  triage: number;
  todayOutcomes: Record<Outcome, number>;
  units: UnitRow[];
  /** Open items held by the caller's root unit itself (本级: the city's triage, a county's own), if any. */
  own: UnitRow | null;
}

/** Depth of the scope root, from its path ('/1/7/' → 1): the next path segment names the child unit. */
function rootDepth(scope: Scope): number {
  return scope.rootPath.split('/').filter(Boolean).length - 1;
}

/**
 * The live board of the center or a unit: open warnings by grade and by the units directly below the
 * caller's root (counties for the city, stations for a county, grids for a station), overdue, due
 * within the hour, triage backlog and today's outcomes. The open counts come from trigger-kept counters
 * (migration 0003), so the board costs the same with 150 open items or 150,000.
 */
export async function board(deps: Deps, scope: Scope): Promise<Board> {
  const now = deps.clock.now();
  const hour = new Date(now.getTime() + 3_600_000);
  const [cells, outcomes, children, root] = await Promise.all([
    repo.boardCells(deps.db, scope.rootPath, rootDepth(scope) + 3, now, hour),
    repo.outcomesSince(deps.db, scope.rootPath, startOfLocalDay(now)),
    orgsRepo.listInScope(deps.db, scope, { parentId: scope.rootId }).then((cs) => cs.filter((c) => JURISDICTION_KINDS.includes(c.kind))),
    orgsRepo.findById(deps.db, scope.rootId),
  ]);
  const own: UnitRow = { orgCode: scope.rootCode, orgName: root?.name ?? scope.rootCode, open: { emergency: 0, high: 0, normal: 0 }, overdue: 0, dueWithinHour: 0 };
  const zeroLevels = (): Record<WarningLevel, number> => ({ emergency: 0, high: 0, normal: 0 });
  const units = new Map<string, UnitRow>(
    children.map((c) => [String(c.id), { orgCode: c.code, orgName: c.name, open: zeroLevels(), overdue: 0, dueWithinHour: 0 }]),
  );
  const result: Board = {
    at: now.toISOString(),
    open: zeroLevels(),
    overdue: 0,
    dueWithinHour: 0,
    triage: 0,
    todayOutcomes: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>,
    units: [],
    own: null,
  };
  for (const r of cells) {
    result.open[r.level] += r.open;
    result.overdue += r.overdue;
    result.dueWithinHour += r.soon;
    result.triage += r.triage;
    // The root's own items have no path segment below it: split_part gives ''.
    const unit = r.child === '' ? own : units.get(r.child);
    if (unit) {
      unit.open[r.level] += r.open;
      unit.overdue += r.overdue;
      unit.dueWithinHour += r.soon;
    }
  }
  for (const r of outcomes) if (r.outcome && r.outcome in result.todayOutcomes) result.todayOutcomes[r.outcome as Outcome] = r.n;
  result.units = [...units.values()];
  if (own.open.emergency + own.open.high + own.open.normal > 0) result.own = own;
  return result;
}
