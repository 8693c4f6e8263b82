/**
 * Figures from outside the system, per unit and month (reference_figures): all criminal cases filed, the
 * population aged 16–60, and registrations of the national anti-fraud app. The center enters them (or
 * imports a sheet's rows); the KPIs fraud_share and app_registration_rate read them (docs/kpis.md).
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { ReferenceFigureKey } from '../../db/types.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, type FieldError } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { isPathInScope, orgInScope, type Scope } from '../orgs/scope.ts';

export const REFERENCE_KEYS = ['criminal_cases', 'population_16_60', 'app_registered'] as const satisfies readonly ReferenceFigureKey[];
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');

export const ReferenceIn = z.strictObject({
  items: z
    .array(z.strictObject({ orgCode: z.string().trim().max(20), month: Month, key: z.enum(REFERENCE_KEYS), value: z.number().int().min(0).max(1_000_000_000) }))
    .min(1)
    .max(5000),
});
export const ReferenceOut = z.object({ orgCode: z.string(), orgName: z.string(), month: z.string(), key: z.enum(REFERENCE_KEYS), value: z.number(), updatedAt: z.string(), updatedBy: z.string().nullable() });

/**
 * Stores the figures (a unit and month's figure replaces the earlier one). All or nothing: any unknown
 * unit, a unit outside the caller's jurisdiction or a figure for a future month refuses the whole batch,
 * naming each bad item.
 */
export async function put(deps: Deps, ctx: RequestContext, scope: Scope, input: z.infer<typeof ReferenceIn>) {
  const now = deps.clock.now();
  const thisMonth = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
  const codes = [...new Set(input.items.map((i) => i.orgCode))];
  const orgs = await deps.db.selectFrom('orgs').select(['id', 'code', 'path', 'kind']).where('code', 'in', codes).where('active', '=', true).execute();
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const errors: FieldError[] = [];
  input.items.forEach((item, i) => {
    const org = byCode.get(item.orgCode);
    if (!org || !['city', 'county', 'station', 'township'].includes(org.kind)) errors.push({ path: `items.${i}.orgCode`, message: 'names no city, county, station or township' });
    else if (!scope.everything && !isPathInScope(scope, org.path)) errors.push({ path: `items.${i}.orgCode`, message: 'outside your jurisdiction' });
    if (item.month > thisMonth) errors.push({ path: `items.${i}.month`, message: 'lies in the future' });
  });
  if (errors.length) throw new AppError('VALIDATION', 'some figures cannot be stored', { errors });
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('reference_figures')
      .values(input.items.map((i) => ({ org_id: byCode.get(i.orgCode)?.id ?? 0, month: `${i.month}-01`, key: i.key, value: String(i.value), updated_at: now, updated_by: ctx.principal?.name ?? null })))
      .onConflict((oc) => oc.columns(['org_id', 'month', 'key']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: eb.ref('excluded.updated_at'), updated_by: eb.ref('excluded.updated_by') })))
      .execute();
    await audit.record(trx, ctx, now, { action: 'reference.put', targetType: 'reference_figures', detail: { items: input.items.length, keys: [...new Set(input.items.map((i) => i.key))] } });
  });
  return { stored: input.items.length };
}

/** The figures of the units in scope for months in [from, to] (YYYY-MM), by unit and month. */
export async function list(deps: Deps, scope: Scope, q: { from?: string | undefined; to?: string | undefined; key?: ReferenceFigureKey | undefined }) {
  const rows = await deps.db
    .selectFrom('reference_figures as f')
    .innerJoin('orgs', 'orgs.id', 'f.org_id')
    .select(['orgs.code', 'orgs.name', 'f.key', 'f.value', 'f.updated_at', 'f.updated_by'])
    .select(sql<string>`to_char(f.month, 'YYYY-MM')`.as('month'))
    .where(orgInScope(scope, 'f.org_id'))
    .$if(q.from !== undefined, (qb) => qb.where('f.month', '>=', `${q.from}-01`))
    .$if(q.to !== undefined, (qb) => qb.where('f.month', '<=', `${q.to}-01`))
    .$if(q.key !== undefined, (qb) => qb.where('f.key', '=', q.key as ReferenceFigureKey))
    .orderBy('orgs.path')
    .orderBy('f.month')
    .orderBy('f.key')
    .limit(5000)
    .execute();
  return { items: rows.map((r) => ({ orgCode: r.code, orgName: r.name, month: r.month, key: r.key, value: Number(r.value), updatedAt: r.updated_at.toISOString(), updatedBy: r.updated_by })) };
}

export { Month };
