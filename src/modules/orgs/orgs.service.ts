import type { Org } from '../../db/types.ts';
import { isRegionCode } from '../../lib/id-number.ts';
import { JURISDICTION_KINDS, PARENT_KINDS, type OrgKind } from '../../lib/roles.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, conflict, invalid, notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import * as repo from './orgs.repo.ts';
import type { OrgCreateInput, OrgDto, OrgUpdateInput } from './orgs.schema.ts';
import { isPathInScope, type Scope } from './scope.ts';

export function present(o: repo.OrgWithParent): OrgDto {
  return { code: o.code, name: o.name, kind: o.kind, parentCode: o.parent_code, regionCode: o.region_code, active: o.active };
}

/** Region-code length by level: 6 digits down to county, 9 for a township/station, 12 for a grid. */
const REGION_LENGTHS: Partial<Record<OrgKind, number>> = { city: 6, county: 6, station: 9, township: 9, grid: 12 };

export function regionCodeProblem(kind: OrgKind, regionCode: string | null | undefined, parent: Org | null): string | null {
  const needed = REGION_LENGTHS[kind];
  if (regionCode === null || regionCode === undefined) return needed ? `required for a ${kind}` : null;
  const len = needed ?? 6;
  if (!isRegionCode(regionCode, [len])) return `must be a ${len}-digit GB/T 2260 code with a valid province prefix`;
  if (needed && parent?.region_code && JURISDICTION_KINDS.includes(parent.kind)) {
    const parentPrefix = parent.kind === 'city' ? parent.region_code.slice(0, 4) : parent.region_code;
    if (!regionCode.startsWith(parentPrefix)) return `must lie inside the parent's region ${parent.region_code}`;
  }
  return null;
}

export async function list(deps: Deps, scope: Scope, filter: { kind?: OrgKind | undefined; parentCode?: string | undefined; q?: string | undefined; includeInactive?: boolean }) {
  let parentId: number | undefined;
  if (filter.parentCode) {
    const parent = await repo.findByCode(deps.db, scope, filter.parentCode);
    if (!parent) throw notFound('parent organisation');
    parentId = parent.id;
  }
  const rows = await repo.listInScope(deps.db, scope, { ...filter, parentId });
  return { items: rows.map(present) };
}

export async function get(deps: Deps, scope: Scope, code: string): Promise<OrgDto> {
  const org = await repo.findByCode(deps.db, scope, code);
  if (!org) throw notFound('organisation');
  return present(org);
}

/** Looks up an org the caller may act on; an org outside the scope is reported as unknown. */
export async function requireInScope(deps: Deps, scope: Scope | null, code: string, field: string): Promise<repo.OrgWithParent> {
  const org = await repo.findByCode(deps.db, scope, code);
  if (!org) throw new AppError('NOT_FOUND', `${field}: organisation ${code} not found`, { errors: [{ path: field, message: 'unknown organisation' }] });
  if (!org.active) throw invalid(field, `organisation ${code} is inactive`);
  return org;
}

export async function create(deps: Deps, ctx: RequestContext, scope: Scope | null, input: OrgCreateInput): Promise<OrgDto> {
  const parent = await requireInScope(deps, scope, input.parentCode, 'parentCode');
  if (!PARENT_KINDS[input.kind].includes(parent.kind)) {
    throw invalid('kind', `a ${input.kind} cannot be placed under a ${parent.kind}`);
  }
  const problem = regionCodeProblem(input.kind, input.regionCode, parent);
  if (problem) throw invalid('regionCode', problem);
  return deps.db.transaction().execute(async (trx) => {
    if (await repo.findByCode(trx, null, input.code)) throw conflict(`organisation code ${input.code} already exists`);
    const now = deps.clock.now();
    const org = await repo.insert(trx, { code: input.code, name: input.name, kind: input.kind, parent, regionCode: input.regionCode ?? null, now });
    await audit.record(trx, ctx, now, { action: 'org.create', targetType: 'org', targetId: org.code, orgId: org.id, detail: { ...input } });
    return present({ ...org, parent_code: parent.code });
  });
}

/** Creates the root of the tree (the city); only the CLI and the demo seeder do this. */
export async function createRoot(deps: Deps, ctx: RequestContext, input: { code: string; name: string; regionCode: string }): Promise<Org> {
  const problem = regionCodeProblem('city', input.regionCode, null);
  if (problem) throw invalid('regionCode', problem);
  return deps.db.transaction().execute(async (trx) => {
    if (await repo.findByCode(trx, null, input.code)) throw conflict(`organisation code ${input.code} already exists`);
    const now = deps.clock.now();
    const org = await repo.insert(trx, { ...input, kind: 'city', parent: null, now });
    await audit.record(trx, ctx, now, { action: 'org.create', targetType: 'org', targetId: org.code, orgId: org.id, detail: { ...input, kind: 'city' } });
    return org;
  });
}

export async function update(deps: Deps, ctx: RequestContext, scope: Scope, code: string, patch: OrgUpdateInput): Promise<OrgDto> {
  const org = await repo.findByCode(deps.db, scope, code);
  if (!org) throw notFound('organisation');
  if (org.id === scope.rootId && patch.active === false) throw conflict('you cannot deactivate the organisation your own scope hangs from');
  if (patch.regionCode !== undefined) {
    const parent = org.parent_id ? ((await repo.findById(deps.db, org.parent_id)) ?? null) : null;
    const problem = regionCodeProblem(org.kind, patch.regionCode, parent);
    if (problem) throw invalid('regionCode', problem);
  }
  return deps.db.transaction().execute(async (trx) => {
    if (patch.active === false && (await repo.countActiveChildren(trx, org.id)) > 0) {
      throw conflict('deactivate the organisations below it first');
    }
    const now = deps.clock.now();
    await repo.update(trx, org.id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.regionCode !== undefined ? { region_code: patch.regionCode } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      updated_at: now,
    });
    await audit.record(trx, ctx, now, { action: 'org.update', targetType: 'org', targetId: org.code, orgId: org.id, detail: { ...patch } });
    const updated = await repo.findByCode(trx, null, code);
    if (!updated || !isPathInScope(scope, updated.path)) throw notFound('organisation');
    return present(updated);
  });
}

/**
 * Tells the open screens of the given units and institutions about a change (live stream): the event goes
 * to their org paths, and every caller whose scope covers one of them receives it.
 */
export async function announce(deps: Deps, orgIds: number[], e: { type: string; id: number; data?: Record<string, unknown> }): Promise<void> {
  if (!deps.live || orgIds.length === 0) return;
  const rows = await deps.db.selectFrom('orgs').select('path').where('id', 'in', [...new Set(orgIds)]).execute();
  deps.live.publish({ type: e.type, id: e.id, orgPaths: rows.map((r) => r.path), ...(e.data ? { data: e.data } : {}) });
}
