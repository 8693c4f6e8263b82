/**
 * 控 — key persons (一人一档) and people stranded abroad (滞留境外) with a return plan each. One module:
 * the schema, the status workflow, queries and the routes are small enough to read in one place.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { appendTimeline } from '../../db/timeline.ts';
import type { PersonCategory, PersonStatus } from '../../db/types.ts';
import { isValidIdNumber } from '../../lib/id-number.ts';
import { maskFields } from '../../lib/mask.ts';
import type { Role } from '../../lib/roles.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import { route } from '../../server/route.ts';
import * as audit from '../audit/audit.service.ts';
import { requireInScope } from '../orgs/orgs.service.ts';
import { orgInScope, scopeOf, type Scope } from '../orgs/scope.ts';
import { readSetting } from '../settings/settings.repo.ts';
import { MobilePhone } from '../users/users.schema.ts';

export const CATEGORIES = ['fraud_record', 'two_card', 'stranded_abroad', 'returnee', 'illegal_crossing'] as const;
export const STATUSES = ['stranded', 'contacted', 'returning', 'returned', 'surrendered', 'under_control', 'released'] as const;

/** stranded → contacted → returning → returned / surrendered → under_control → released; the rest start under control. */
const NEXT: Record<PersonStatus, readonly PersonStatus[]> = {
  stranded: ['contacted', 'returned', 'surrendered'],
  contacted: ['returning', 'returned', 'surrendered', 'stranded'],
  returning: ['returned', 'surrendered', 'contacted'],
  returned: ['under_control'],
  surrendered: ['under_control'],
  under_control: ['released'],
  released: ['under_control'],
};
/** Statuses that count as reduced (核减) for the stranded-abroad list. */
export const REDUCED: readonly PersonStatus[] = ['returned', 'surrendered', 'under_control', 'released'];
/** Months a returnee stays under control unless set otherwise (setting persons.controlMonths). */
export const DEFAULT_CONTROL_MONTHS = 12;

export function canMove(from: PersonStatus, to: PersonStatus): boolean {
  return NEXT[from].includes(to);
}

const IdNumber = z.string().trim().toUpperCase().refine((v) => isValidIdNumber(v), 'not a valid resident ID number (GB 11643 check digit, birth date, region)');
const Contact = z.strictObject({ name: z.string().trim().min(1).max(50), relation: z.string().trim().min(1).max(20), phone: MobilePhone.optional() });
export const PersonIn = z.strictObject({
  idNumber: IdNumber,
  name: z.string().trim().min(1).max(50),
  phone: MobilePhone.optional(),
  category: z.enum(CATEGORIES),
  orgCode: z.string().trim().max(20),
  measures: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  abroadLocation: z.string().trim().max(200).optional(),
  returnPlan: z.string().trim().max(5000).optional(),
  familyContacts: z.array(Contact).max(20).optional(),
});
const PersonOut = z.object({
  id: z.number(),
  idNumber: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  category: z.enum(CATEGORIES),
  orgCode: z.string(),
  orgName: z.string(),
  officerId: z.number().nullable(),
  measures: z.array(z.string()),
  status: z.enum(STATUSES),
  abroadLocation: z.string().nullable(),
  returnPlan: z.string().nullable(),
  familyContacts: z.array(z.object({ name: z.string(), relation: z.string(), phone: z.string().optional() })),
  listedAt: z.string(),
  returnedAt: z.string().nullable(),
  controlUntil: z.string().nullable(),
  nextStatuses: z.array(z.enum(STATUSES)),
});
const PersonDetail = PersonOut.extend({ events: z.array(z.object({ at: z.string(), kind: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), actorName: z.string().nullable(), detail: z.record(z.string(), z.unknown()) })) });

function select(deps: Deps, scope: Scope) {
  return deps.db.selectFrom('key_persons').innerJoin('orgs', 'orgs.id', 'key_persons.org_id').selectAll('key_persons').select(['orgs.code as org_code', 'orgs.name as org_name']).where(orgInScope(scope, 'key_persons.org_id'));
}
type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

function present(r: Row, reveal: boolean): z.infer<typeof PersonOut> {
  const person = maskFields({ idNumber: r.id_number, name: r.name, phone: r.phone }, { idNumber: 'idNumber', name: 'name', phone: 'phone' }, reveal);
  return {
    id: r.id,
    ...person,
    category: r.category,
    orgCode: r.org_code,
    orgName: r.org_name,
    officerId: r.officer_id,
    measures: r.measures,
    status: r.status,
    abroadLocation: r.abroad_location,
    returnPlan: r.return_plan,
    familyContacts: reveal ? r.family_contacts : r.family_contacts.map((c) => maskFields(c, { name: 'name', phone: 'phone' }, false)),
    listedAt: r.listed_at.toISOString(),
    returnedAt: r.returned_at?.toISOString() ?? null,
    controlUntil: r.control_until?.toISOString() ?? null,
    nextStatuses: [...NEXT[r.status]],
  };
}

const actor = (ctx: RequestContext) => ({ actorType: ctx.principal?.type ?? ('system' as const), actorId: ctx.principal?.id ?? null, actorName: ctx.principal?.name ?? null });

async function detail(deps: Deps, scope: Scope, id: number, reveal: boolean) {
  const r = await select(deps, scope).where('key_persons.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('person');
  const events = await deps.db.selectFrom('person_events').selectAll().where('person_id', '=', id).orderBy('id').execute();
  return { ...present(r, reveal), events: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name, detail: e.detail })) };
}

/** Files in scope, most recently worked first (masked). */
export async function listPersons(deps: Deps, scope: Scope, q: { category?: PersonCategory | undefined; status?: PersonStatus | undefined; page: number; pageSize: number }) {
  let query = select(deps, scope);
  if (q.category) query = query.where('key_persons.category', '=', q.category);
  if (q.status) query = query.where('key_persons.status', '=', q.status);
  const rows = await query.orderBy('key_persons.updated_at', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map((r) => present(r, false)) };
}

/** Opens a file; people stranded abroad start 'stranded', everyone else under control. One file per person and category. */
export async function createPerson(deps: Deps, ctx: RequestContext, scope: Scope, input: z.infer<typeof PersonIn>) {
  const org = await requireInScope(deps, scope, input.orgCode, 'orgCode');
  if (!['county', 'station', 'township'].includes(org.kind)) throw invalid('orgCode', 'a county, station or township keeps the file');
  const now = deps.clock.now();
  const status: PersonStatus = input.category === 'stranded_abroad' ? 'stranded' : 'under_control';
  let id: number;
  try {
    id = await deps.db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto('key_persons')
        .values({ id_number: input.idNumber, name: input.name, phone: input.phone ?? null, category: input.category, org_id: org.id, measures: input.measures ?? [], status, abroad_location: input.abroadLocation ?? null, return_plan: input.returnPlan ?? null, family_contacts: JSON.stringify(input.familyContacts ?? []), listed_at: now, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendTimeline(trx, 'person_events', [{ subjectId: r.id, at: now, kind: 'listed', fromStatus: null, toStatus: status, ...actor(ctx), orgId: org.id, detail: { category: input.category } }]);
      await audit.record(trx, ctx, now, { action: 'person.create', targetType: 'person', targetId: r.id, orgId: org.id, detail: { category: input.category } });
      return Number(r.id);
    });
  } catch (err) {
    if (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505') throw new AppError('CONFLICT', 'this person already has a file in this category');
    throw err;
  }
  return detail(deps, scope, id, false);
}

/**
 * Moves a person along the return workflow (409 out of order). Returning or surrendering records the date;
 * coming under control starts the control period (12 months unless set).
 */
export async function moveStatus(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { to: PersonStatus; note?: string | undefined }) {
  const visible = await select(deps, scope).where('key_persons.id', '=', id).executeTakeFirst();
  if (!visible) throw notFound('person');
  const now = deps.clock.now();
  const months = (await readSetting<number>(deps.db, 'persons.controlMonths')) ?? DEFAULT_CONTROL_MONTHS;
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('key_persons').select(['status', 'returned_at']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (!canMove(row.status, input.to)) throw new AppError('ILLEGAL_TRANSITION', `a person who is ${row.status} cannot become ${input.to}`);
    const until = new Date(now);
    until.setUTCMonth(until.getUTCMonth() + months);
    await trx
      .updateTable('key_persons')
      .set({
        status: input.to,
        updated_at: now,
        ...((input.to === 'returned' || input.to === 'surrendered') && !row.returned_at ? { returned_at: now } : {}),
        ...(input.to === 'under_control' ? { control_until: until } : {}),
      })
      .where('id', '=', id)
      .execute();
    await appendTimeline(trx, 'person_events', [{ subjectId: id, at: now, kind: 'status', fromStatus: row.status, toStatus: input.to, ...actor(ctx), orgId: visible.org_id, detail: input.note ? { note: input.note } : {} }]);
    await audit.record(trx, ctx, now, { action: 'person.status', targetType: 'person', targetId: id, orgId: visible.org_id, detail: { from: row.status, to: input.to } });
  });
  return detail(deps, scope, id, false);
}

/** A contact, a movement, family work or a note on the person's file. */
export async function addEvent(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { kind: 'contact' | 'movement' | 'family' | 'note'; at: string; text: string }) {
  const visible = await select(deps, scope).where('key_persons.id', '=', id).executeTakeFirst();
  if (!visible) throw notFound('person');
  const now = deps.clock.now();
  if (new Date(input.at).getTime() > now.getTime() + 5 * 60_000) throw invalid('at', 'lies in the future');
  await deps.db.transaction().execute(async (trx) => {
    await appendTimeline(trx, 'person_events', [{ subjectId: id, at: new Date(input.at), kind: input.kind, fromStatus: null, toStatus: null, ...actor(ctx), orgId: visible.org_id, detail: { text: input.text } }]);
    await trx.updateTable('key_persons').set({ updated_at: now }).where('id', '=', id).execute();
    await audit.record(trx, ctx, now, { action: `person.${input.kind}`, targetType: 'person', targetId: id, orgId: visible.org_id, detail: {} });
  });
  return detail(deps, scope, id, false);
}

/**
 * 核减率 per county: of the people listed as stranded abroad, the share returned or surrendered (and
 * since then under control or released). Listed in a period (by listing date), or all when none is given.
 */
export async function reduction(deps: Deps, scope: Scope) {
  const rows = await sql<{ code: string; name: string; listed: number; reduced: number }>`
    SELECT county.code, county.name, count(p.id)::int AS listed,
           count(p.id) FILTER (WHERE p.status = ANY(${[...REDUCED]}::text[]))::int AS reduced
    FROM orgs county
    LEFT JOIN orgs unit ON unit.path LIKE county.path || '%' AND ${orgInScope(scope, 'unit.id')}
    LEFT JOIN key_persons p ON p.org_id = unit.id AND p.category = 'stranded_abroad'
    -- The counties in scope, or (for a station's staff) the county their unit lies in, counting their own.
    WHERE county.kind = 'county' AND (${orgInScope(scope, 'county.id')} OR ${scope.rootPath} LIKE county.path || '%')
    GROUP BY county.code, county.name ORDER BY county.code`.execute(deps.db);
  const items = rows.rows.map((r) => ({ orgCode: r.code, orgName: r.name, listed: Number(r.listed), reduced: Number(r.reduced), rate: Number(r.listed) ? Number(r.reduced) / Number(r.listed) : null }));
  const listed = items.reduce((a, r) => a + r.listed, 0);
  const reduced = items.reduce((a, r) => a + r.reduced, 0);
  return { items, total: { listed, reduced, rate: listed ? reduced / listed : null } };
}

const READERS: readonly Role[] = ['admin', 'center_analyst', 'center_leader', 'viewer', 'station_officer', 'grid_worker'];
const WRITERS: readonly Role[] = ['admin', 'center_analyst', 'station_officer'];
const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });

export function personRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/persons',
    summary: 'Open a key person’s file (一人一档); stranded-abroad people start "stranded"',
    tags: ['persons'],
    auth: WRITERS,
    body: PersonIn,
    status: 201,
    responses: { 201: PersonDetail },
    handler: async ({ ctx, principal, body }) => createPerson(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/persons',
    summary: 'Key persons of the caller’s jurisdiction (masked)',
    tags: ['persons'],
    auth: READERS,
    query: z.strictObject({ category: z.enum(CATEGORIES).optional(), status: z.enum(STATUSES).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
    responses: { 200: z.object({ items: z.array(PersonOut) }) },
    handler: async ({ principal, query }) => listPersons(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/persons/reduction',
    summary: '核减率 of people stranded abroad, per county',
    tags: ['persons'],
    auth: READERS,
    responses: { 200: z.object({ items: z.array(z.object({ orgCode: z.string(), orgName: z.string(), listed: z.number(), reduced: z.number(), rate: z.number().nullable() })), total: z.object({ listed: z.number(), reduced: z.number(), rate: z.number().nullable() }) }) },
    handler: async ({ principal }) => reduction(deps, await scopeOf(deps.db, principal)),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/persons/:id',
    summary: 'One file with its timeline; unmasked with reveal=1 (audited)',
    tags: ['persons'],
    auth: READERS,
    params: IdParams,
    query: z.strictObject({ reveal: z.enum(['0', '1', 'true', 'false']).optional() }),
    responses: { 200: PersonDetail },
    handler: async ({ ctx, principal, params, query }) => {
      const reveal = query.reveal === '1' || query.reveal === 'true';
      const scope = await scopeOf(deps.db, principal);
      const out = await detail(deps, scope, params.id, reveal);
      if (reveal) await audit.recordAlone(deps, ctx, { action: 'person.reveal', targetType: 'person', targetId: params.id, detail: {} });
      return out;
    },
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/persons/:id/status',
    summary: 'Move along stranded → contacted → returning → returned/surrendered → under control → released (409 out of order)',
    tags: ['persons'],
    auth: WRITERS,
    params: IdParams,
    body: z.strictObject({ to: z.enum(STATUSES), note: z.string().trim().max(2000).optional() }),
    responses: { 200: PersonDetail },
    handler: async ({ ctx, principal, params, body }) => moveStatus(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/persons/:id/events',
    summary: 'Record a contact, movement, family work or note on the file',
    tags: ['persons'],
    auth: ['admin', 'center_analyst', 'station_officer', 'grid_worker'],
    params: IdParams,
    body: z.strictObject({ kind: z.enum(['contact', 'movement', 'family', 'note']), at: z.iso.datetime({ offset: true }), text: z.string().trim().min(1).max(5000) }),
    responses: { 200: PersonDetail },
    handler: async ({ ctx, principal, params, body }) => addEvent(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
}
