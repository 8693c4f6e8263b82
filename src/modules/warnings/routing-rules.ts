import { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { conflict, invalid, notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { OrgCode } from '../orgs/orgs.schema.ts';
import { requireInScope } from '../orgs/orgs.service.ts';
import { pathInScope, type Scope } from '../orgs/scope.ts';
import { invalidateRouting } from './warnings.service.ts';

/** Admin-editable routing rules: address keyword, region code, or 7-digit phone segment → unit. */
export const RuleIn = z.strictObject({
  kind: z.enum(['keyword', 'region', 'phone_prefix']),
  pattern: z.string().trim().min(1).max(50),
  orgCode: OrgCode,
  priority: z.number().int().min(-100).max(100).default(0),
  note: z.string().max(200).optional(),
});
export const RulePatch = z.strictObject({ active: z.boolean().optional(), priority: z.number().int().min(-100).max(100).optional(), note: z.string().max(200).optional() });
export const RuleOut = z.object({
  id: z.number(),
  kind: z.enum(['keyword', 'region', 'phone_prefix']),
  pattern: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  priority: z.number(),
  active: z.boolean(),
  note: z.string().nullable(),
});
export const RuleList = z.object({ items: z.array(RuleOut) });
export const RuleIdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });
export type RuleInput = z.input<typeof RuleIn>;

type Q = Kysely<DB> | Transaction<DB>;

function rows(db: Q, scope: Scope | null) {
  const q = db
    .selectFrom('routing_rules')
    .innerJoin('orgs', 'orgs.id', 'routing_rules.org_id')
    .select(['routing_rules.id', 'routing_rules.kind', 'routing_rules.pattern', 'orgs.code as orgCode', 'orgs.name as orgName', 'routing_rules.priority', 'routing_rules.active', 'routing_rules.note'])
  ;
  return scope ? q.where(pathInScope(scope, 'orgs.path')) : q;
}

export async function listRules(deps: Deps, scope: Scope) {
  return { items: await rows(deps.db, scope).orderBy('routing_rules.kind').orderBy('routing_rules.pattern').execute() };
}

function patternProblem(kind: 'keyword' | 'region' | 'phone_prefix', pattern: string): string | null {
  if (kind === 'region' && !/^\d{6}$/.test(pattern)) return 'a region rule takes a 6-digit GB/T 2260 code';
  if (kind === 'phone_prefix' && !/^1\d{6}$/.test(pattern)) return 'a phone rule takes the first 7 digits of a mobile number';
  if (kind === 'keyword' && pattern.length < 2) return 'a keyword needs at least 2 characters';
  return null;
}

export async function createRule(deps: Deps, ctx: RequestContext, scope: Scope | null, input: z.output<typeof RuleIn>) {
  const org = await requireInScope(deps, scope, input.orgCode, 'orgCode');
  if (!['city', 'county', 'station', 'township', 'grid'].includes(org.kind)) throw invalid('orgCode', 'rules route to jurisdiction units only');
  const problem = patternProblem(input.kind, input.pattern);
  if (problem) throw invalid('pattern', problem);
  const id = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const dup = await trx.selectFrom('routing_rules').select('id').where('kind', '=', input.kind).where('pattern', '=', input.pattern).where('org_id', '=', org.id).executeTakeFirst();
    if (dup) throw conflict('the same rule exists');
    const r = await trx
      .insertInto('routing_rules')
      .values({ kind: input.kind, pattern: input.pattern, org_id: org.id, priority: input.priority, note: input.note ?? null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit.record(trx, ctx, now, { action: 'routing_rule.create', targetType: 'routing_rule', targetId: r.id, orgId: org.id, detail: { ...input } });
    return r.id;
  });
  invalidateRouting(deps);
  return rows(deps.db, null).where('routing_rules.id', '=', id).executeTakeFirstOrThrow();
}

export async function updateRule(deps: Deps, ctx: RequestContext, scope: Scope, id: number, patch: z.output<typeof RulePatch>) {
  const rule = await rows(deps.db, scope).where('routing_rules.id', '=', id).executeTakeFirst();
  if (!rule) throw notFound('routing rule');
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await trx.updateTable('routing_rules').set({ ...patch, updated_at: now }).where('id', '=', id).execute();
    await audit.record(trx, ctx, now, { action: 'routing_rule.update', targetType: 'routing_rule', targetId: id, detail: { ...patch } });
  });
  invalidateRouting(deps);
  return rows(deps.db, scope).where('routing_rules.id', '=', id).executeTakeFirstOrThrow();
}
