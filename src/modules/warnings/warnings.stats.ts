import { sql } from 'kysely';
import type { Deps, RequestContext } from '../../server/context.ts';
import { invalid } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { statsWorkbook } from './warnings.export.ts';
import { JURISDICTION_KINDS } from '../../lib/roles.ts';
import * as orgsRepo from '../orgs/orgs.repo.ts';
import type { Scope } from '../orgs/scope.ts';
import { warningKpis, type WarningCounts, type WarningKpis } from './warnings.kpi.ts';

export interface UnitStats extends WarningCounts, WarningKpis {
  orgCode: string;
  orgName: string;
}

export interface WarningStats {
  from: string;
  to: string;
  total: WarningCounts & WarningKpis;
  units: UnitStats[];
  /** Warnings held by the caller's root unit itself (本级: the city's triage, a county's own), if any. */
  own: UnitStats | null;
}

const ZERO: WarningCounts = { received: 0, closed: 0, dissuaded: 0, defrauded: 0, refused: 0, unreachable: 0, falsePositive: 0, closedOnTime: 0, closedWithVisit: 0 };

/**
 * Leaders' figures for a period, by the units directly below the caller's root: warnings received in the
 * period, and of those closed, the outcomes, on-time feedback and visits.
 */
export async function stats(deps: Deps, scope: Scope, from: Date, to: Date): Promise<WarningStats> {
  const segment = scope.rootPath.split('/').filter(Boolean).length + 2;
  const prefix = `${scope.rootPath}%`;
  const [rows, children, root] = await Promise.all([
    sql<{ child: string } & Record<keyof WarningCounts, number>>`
      SELECT split_part(o.path, '/', ${segment}) AS child,
        count(*)::int AS received,
        count(*) FILTER (WHERE w.status = 'closed')::int AS closed,
        count(*) FILTER (WHERE w.outcome = 'dissuaded')::int AS dissuaded,
        count(*) FILTER (WHERE w.outcome = 'defrauded')::int AS defrauded,
        count(*) FILTER (WHERE w.outcome = 'refused')::int AS refused,
        count(*) FILTER (WHERE w.outcome = 'unreachable')::int AS unreachable,
        count(*) FILTER (WHERE w.outcome = 'false_positive')::int AS "falsePositive",
        count(*) FILTER (WHERE w.status = 'closed' AND w.closed_at <= w.due_at)::int AS "closedOnTime",
        count(*) FILTER (WHERE w.status = 'closed' AND EXISTS (
          SELECT 1 FROM warning_attempts a WHERE a.warning_id = w.id AND a.channel = 'visit'))::int AS "closedWithVisit"
      FROM warnings w JOIN orgs o ON o.id = w.assigned_org_id
      WHERE w.received_at >= ${from} AND w.received_at < ${to} AND o.path LIKE ${prefix}
      GROUP BY 1`.execute(deps.db),
    orgsRepo.listInScope(deps.db, scope, { parentId: scope.rootId }).then((cs) => cs.filter((c) => JURISDICTION_KINDS.includes(c.kind))),
    orgsRepo.findById(deps.db, scope.rootId),
  ]);
  const byChild = new Map(rows.rows.map((r) => [r.child, r]));
  const total: WarningCounts = { ...ZERO };
  for (const r of rows.rows) for (const k of Object.keys(ZERO) as (keyof WarningCounts)[]) total[k] += Number(r[k]);
  const row = (code: string, name: string, r: Record<keyof WarningCounts, number> | undefined): UnitStats => {
    const counts: WarningCounts = { ...ZERO };
    if (r) for (const k of Object.keys(ZERO) as (keyof WarningCounts)[]) counts[k] = Number(r[k]);
    return { orgCode: code, orgName: name, ...counts, ...warningKpis(counts) };
  };
  const units = children.map((c) => row(c.code, c.name, byChild.get(String(c.id))));
  // The root's own items have no path segment below it: split_part gives ''.
  const ownRow = byChild.get('');
  const own = ownRow && Number(ownRow.received) > 0 ? row(scope.rootCode, root?.name ?? scope.rootCode, ownRow) : null;
  return { from: from.toISOString(), to: to.toISOString(), total: { ...total, ...warningKpis(total) }, units, own };
}

const DEFAULT_PERIOD_DAYS = 30;

/** The period asked for, or the last 30 days up to now. */
function period(deps: Deps, p: { from?: string | undefined; to?: string | undefined }): { from: Date; to: Date } {
  const now = deps.clock.now();
  const from = p.from ? new Date(p.from) : new Date(now.getTime() - DEFAULT_PERIOD_DAYS * 86_400_000);
  const to = p.to ? new Date(p.to) : now;
  if (from >= to) throw invalid('query.from', 'must be before to');
  return { from, to };
}

export function periodStats(deps: Deps, scope: Scope, p: { from?: string | undefined; to?: string | undefined }): Promise<WarningStats> {
  const { from, to } = period(deps, p);
  return stats(deps, scope, from, to);
}

/** The Excel sheet of the period; exporting is recorded in the audit log like any report leaving the system. */
export async function statsExport(deps: Deps, ctx: RequestContext, scope: Scope, p: { from?: string | undefined; to?: string | undefined }) {
  const result = await periodStats(deps, scope, p);
  await audit.recordAlone(deps, ctx, { action: 'warning.stats_export', targetType: 'report', detail: { from: result.from, to: result.to } });
  return { fileName: `warnings-${result.from.slice(0, 10)}-${result.to.slice(0, 10)}.xlsx`, content: await statsWorkbook(result, scope.rootCode) };
}
