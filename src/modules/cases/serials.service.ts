import { findClusters } from '../../engines/graph/clusters.ts';
import { fromFen, toFen } from '../../lib/money.ts';
import { localDateStamp } from '../../lib/periods.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import type { Scope } from '../orgs/scope.ts';
import * as repo from './cases.repo.ts';

const DEFAULT_WINDOW_DAYS = 365;

/**
 * Clusters of cases in the caller's scope linked by shared identifiers (串并案 leads), in a period (the
 * last year by default), biggest first, each with the identifiers that link it and its cases.
 */
export async function clusters(deps: Deps, scope: Scope, q: { from?: string | undefined; to?: string | undefined; minCases: number; limit: number }) {
  const now = deps.clock.now();
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
  if (from >= to) throw invalid('query.from', 'must be before to');
  const mentions = await repo.mentionsInScope(deps.db, scope, from, to);
  const found = findClusters(mentions, { minCases: q.minCases });
  const shown = found.clusters.slice(0, q.limit);
  const cases = new Map((await repo.briefs(deps.db, shown.flatMap((c) => c.caseIds))).map((c) => [c.id, c]));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    total: found.clusters.length,
    hubs: found.hubs.slice(0, 20),
    clusters: shown.map((c) => ({
      shared: c.shared,
      cases: c.caseIds.flatMap((id) => {
        const b = cases.get(id);
        return b ? [{ id, caseNo: b.case_no, status: b.status, reportedAt: b.reported_at.toISOString(), lossAmount: b.loss_amount, fraudType: b.fraud_type, serialNo: b.serial_no }] : [];
      }),
    })),
  };
}

/**
 * Merges cases into a serial case (串并案): a new record that lists them with the identifiers that link
 * each one; every case keeps its own record. All cases must be visible to the caller and linked.
 */
export async function createSerial(deps: Deps, ctx: RequestContext, scope: Scope, input: { name: string; caseIds: number[] }) {
  const ids = [...new Set(input.caseIds)];
  if (ids.length < 2) throw invalid('caseIds', 'a serial case joins at least two cases');
  const related = new Map<number, { kind: string; value: string }[]>();
  for (const [i, id] of ids.entries()) {
    const c = await repo.getById(deps.db, scope, id);
    if (!c) throw invalid(`caseIds.${i}`, 'no such case in your jurisdiction');
    const shared = (await repo.relatedCases(deps.db, scope, id)).filter((r) => ids.includes(r.id)).flatMap((r) => r.shared);
    if (shared.length === 0) throw new AppError('VALIDATION', `case ${c.case_no} shares no identifier with the others`, { errors: [{ path: `caseIds.${i}`, message: 'shares no identifier with the other cases' }] });
    related.set(id, [...new Map(shared.map((s) => [`${s.kind}|${s.value}`, s])).values()]);
  }
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const seq = await repo.nextCaseSeq(trx);
    const serialNo = `CB${localDateStamp(now)}${String(seq).padStart(6, '0')}`;
    const sid = await repo.createSerial(trx, { serialNo, name: input.name, orgId: scope.rootId, at: now, by: ctx.principal?.name ?? null }, ids.map((caseId) => ({ caseId, reason: related.get(caseId) ?? [] })));
    for (const caseId of ids) {
      await repo.insertEvents(trx, [
        { caseId, at: now, kind: 'serial', fromStatus: null, toStatus: null, actorType: ctx.principal?.type ?? 'system', actorId: ctx.principal?.id ?? null, actorName: ctx.principal?.name ?? null, orgId: scope.rootId, detail: { serialId: sid, serialNo } },
      ]);
    }
    await audit.record(trx, ctx, now, { action: 'case.serial', targetType: 'serial_case', targetId: sid, orgId: scope.rootId, detail: { serialNo, cases: ids } });
    return sid;
  });
  return getSerial(deps, scope, id);
}

export async function getSerial(deps: Deps, scope: Scope, id: number) {
  const s = await repo.serialById(deps.db, scope, id);
  if (!s) throw notFound('serial case');
  const members = await repo.serialMembers(deps.db, id);
  return {
    id: s.id,
    serialNo: s.serial_no,
    name: s.name,
    createdAt: s.created_at.toISOString(),
    createdBy: s.created_by,
    cases: members.map((m) => ({ id: m.id, caseNo: m.case_no, status: m.status, reportedAt: m.reported_at.toISOString(), lossAmount: m.loss_amount, fraudType: m.fraud_type, linkedBy: m.reason as { kind: string; value: string }[] })),
    lossTotal: fromFen(members.reduce((sum, m) => sum + toFen(m.loss_amount), 0)),
  };
}
