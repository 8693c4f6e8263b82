import { sql } from 'kysely';
import type { Deps } from '../../server/context.ts';
import type { Scope } from '../orgs/scope.ts';
import { JURISDICTION_KINDS } from '../../lib/roles.ts';
import * as orgsRepo from '../orgs/orgs.repo.ts';
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
}

/** Depth of the scope root, from its path ('/1/7/' → 1): the next path segment names the child unit. */
function rootDepth(scope: Scope): number {
  return scope.rootPath.split('/').filter(Boolean).length - 1;
}

/**
 * The live board of the center or a unit: open warnings by grade and by the units directly below the
 * caller's root (counties for the city, stations for a county, grids for a station), overdue, due
 * within the hour, triage backlog and today's outcomes. Two grouped queries over the open-items index.
 */
export async function board(deps: Deps, scope: Scope): Promise<Board> {
  const now = deps.clock.now();
  const hour = new Date(now.getTime() + 3_600_000);
  const startOfDay = startOfLocalDay(now);
  const segment = rootDepth(scope) + 3;
  const prefix = `${scope.rootPath}%`;
  const [open, outcomes, children] = await Promise.all([
    sql<{ child: string; level: WarningLevel; n: number; overdue: number; soon: number; triage: number }>`
      SELECT split_part(o.path, '/', ${segment}) AS child, w.level, count(*)::int AS n,
             count(*) FILTER (WHERE w.overdue OR w.due_at < ${now})::int AS overdue,
             count(*) FILTER (WHERE w.due_at >= ${now} AND w.due_at < ${hour})::int AS soon,
             count(*) FILTER (WHERE w.status = 'received')::int AS triage
      FROM warnings w JOIN orgs o ON o.id = w.assigned_org_id
      WHERE w.status <> 'closed' AND o.path LIKE ${prefix}
      GROUP BY 1, 2`.execute(deps.db),
    sql<{ outcome: Outcome; n: number }>`
      SELECT w.outcome, count(*)::int AS n
      FROM warnings w JOIN orgs o ON o.id = w.assigned_org_id
      WHERE w.closed_at >= ${startOfDay} AND o.path LIKE ${prefix}
      GROUP BY 1`.execute(deps.db),
    orgsRepo.listInScope(deps.db, scope, { parentId: scope.rootId }).then((cs) => cs.filter((c) => JURISDICTION_KINDS.includes(c.kind))),
  ]);
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
  };
  for (const r of open.rows) {
    result.open[r.level] += Number(r.n);
    result.overdue += Number(r.overdue);
    result.dueWithinHour += Number(r.soon);
    result.triage += Number(r.triage);
    const unit = units.get(r.child);
    if (unit) {
      unit.open[r.level] += Number(r.n);
      unit.overdue += Number(r.overdue);
      unit.dueWithinHour += Number(r.soon);
    }
  }
  for (const r of outcomes.rows) if (r.outcome) result.todayOutcomes[r.outcome] = Number(r.n);
  result.units = [...units.values()];
  return result;
}

