/**
 * 控 — key persons (一人一档) and people stranded abroad (滞留境外) with a return plan each. One module:
 * the schema, the status workflow, queries and the routes are small enough to read in one place (the
 * control-period sweep lives beside it in persons.sweep.ts).
 */
import type { FastifyInstance } from 'fastify';
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { z } from 'zod';
import { appendTimeline } from '../../db/timeline.ts';
import type { DB, PersonStatus } from '../../db/types.ts';
import { isValidIdNumber } from '../../lib/id-number.ts';
import { maskFields } from '../../lib/mask.ts';
import { dayStart } from '../../lib/periods.ts';
import { isMobilePhone, normalizePhone } from '../../lib/phone.ts';
import type { OrgKind, Role } from '../../lib/roles.ts';
import type { Deps, Principal, RequestContext } from '../../server/context.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import { route } from '../../server/route.ts';
import * as audit from '../audit/audit.service.ts';
import { requireInScope } from '../orgs/orgs.service.ts';
import { escapeLike, orgInScope, scopeOf, type Scope } from '../orgs/scope.ts';
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
/** Units that keep a file. */
export const KEEPING_KINDS: readonly OrgKind[] = ['county', 'station', 'township'];
/** Who may be a file's responsible officer (责任民警): police, not grid workers, partners or the read-only. */
export const OFFICER_ROLES: readonly Role[] = ['station_officer', 'center_analyst', 'center_leader'];
/** The fields PATCH may change, in the order the timeline lists them. */
export const EDITABLE = ['phone', 'measures', 'abroadLocation', 'returnPlan', 'familyContacts', 'officerId', 'orgCode'] as const;
export type EditableField = (typeof EDITABLE)[number];

export function canMove(from: PersonStatus, to: PersonStatus): boolean {
  return NEXT[from].includes(to);
}

const IdNumber = z.string().trim().toUpperCase().refine((v) => isValidIdNumber(v), 'not a valid resident ID number (GB 11643 check digit, birth date, region)');
const Contact = z.strictObject({ name: z.string().trim().min(1).max(50), relation: z.string().trim().min(1).max(20), phone: MobilePhone.optional() });
const Measures = z.array(z.string().trim().min(1).max(200)).max(20);
export const PersonIn = z.strictObject({
  idNumber: IdNumber,
  name: z.string().trim().min(1).max(50),
  phone: MobilePhone.optional(),
  category: z.enum(CATEGORIES),
  orgCode: z.string().trim().max(20),
  measures: Measures.optional(),
  abroadLocation: z.string().trim().max(200).optional(),
  returnPlan: z.string().trim().max(5000).optional(),
  familyContacts: z.array(Contact).max(20).optional(),
});
/** Text that may be cleared: an empty string or null clears it. */
const Clearable = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => v || null);
/** A masked value sent back unchanged (周*, 139****9000) would overwrite the real one. */
const notMasked = (v: string) => !v.includes('*');
const EditedContact = Contact.extend({ name: z.string().trim().min(1).max(50).refine(notMasked, 'looks masked: show the file in full before editing contacts') });
export const PersonPatch = z.strictObject({
  phone: z
    .string()
    .max(20)
    .transform((v) => (v.trim() === '' ? null : normalizePhone(v)))
    .refine((v) => v === null || isMobilePhone(v), 'not a mainland mobile number (11 digits with an allocated prefix)')
    .nullable()
    .optional(),
  measures: Measures.optional(),
  abroadLocation: Clearable(200).optional(),
  returnPlan: Clearable(5000).optional(),
  familyContacts: z.array(EditedContact).max(20).optional(),
  officerId: z.number().int().positive().max(2 ** 53 - 1).nullable().optional(),
  orgCode: z.string().trim().min(1).max(20).optional(),
});
export type PersonPatchInput = z.output<typeof PersonPatch>;

const PersonOut = z.object({
  id: z.number(),
  idNumber: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  category: z.enum(CATEGORIES),
  orgCode: z.string(),
  orgName: z.string(),
  officerId: z.number().nullable(),
  officerName: z.string().nullable(),
  measures: z.array(z.string()),
  status: z.enum(STATUSES),
  abroadLocation: z.string().nullable(),
  returnPlan: z.string().nullable(),
  familyContacts: z.array(z.object({ name: z.string(), relation: z.string(), phone: z.string().optional() })),
  listedAt: z.string(),
  returnedAt: z.string().nullable(),
  controlUntil: z.string().nullable(),
  /** Still under control although the control period has ended: the unit should review release. */
  controlOverdue: z.boolean(),
  updatedAt: z.string(),
  nextStatuses: z.array(z.enum(STATUSES)),
});
const PersonDetail = PersonOut.extend({ events: z.array(z.object({ at: z.string(), kind: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), actorName: z.string().nullable(), detail: z.record(z.string(), z.unknown()) })) });

/**
 * The scope of the persons screens. A grid worker's grid keeps no files (a county, station or township
 * does); in the 四位一体 team the grid workers help keep the files of the station or township their grid
 * belongs to, so they reach that unit's files: to read them and add to the work log, nothing more.
 */
export async function personScope(deps: Deps, principal: Principal): Promise<Scope> {
  const scope = await scopeOf(deps.db, principal);
  if (principal.role !== 'grid_worker' || principal.orgKind !== 'grid') return scope;
  const ids = principal.orgPath.split('/').filter(Boolean);
  const parentId = Number(ids[ids.length - 2]);
  if (!Number.isInteger(parentId)) return scope;
  const parent = await deps.db.selectFrom('orgs').select(['id', 'code', 'path', 'kind']).where('id', '=', parentId).executeTakeFirst();
  if (!parent) return scope;
  return { rootId: parent.id, rootCode: parent.code, rootPath: parent.path, rootKind: parent.kind, everything: false, partner: false };
}

function select(deps: Deps, scope: Scope) {
  return deps.db
    .selectFrom('key_persons')
    .innerJoin('orgs', 'orgs.id', 'key_persons.org_id')
    .leftJoin('users as officer', 'officer.id', 'key_persons.officer_id')
    .selectAll('key_persons')
    .select(['orgs.code as org_code', 'orgs.name as org_name', 'orgs.path as org_path', 'officer.display_name as officer_name'])
    .where(orgInScope(scope, 'key_persons.org_id'));
}
type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

function present(r: Row, reveal: boolean, now: Date): z.infer<typeof PersonOut> {
  const person = maskFields({ idNumber: r.id_number, name: r.name, phone: r.phone }, { idNumber: 'idNumber', name: 'name', phone: 'phone' }, reveal);
  return {
    id: r.id,
    ...person,
    category: r.category,
    orgCode: r.org_code,
    orgName: r.org_name,
    officerId: r.officer_id,
    officerName: r.officer_name,
    measures: r.measures,
    status: r.status,
    abroadLocation: r.abroad_location,
    returnPlan: r.return_plan,
    familyContacts: reveal ? r.family_contacts : r.family_contacts.map((c) => maskFields(c, { name: 'name', phone: 'phone' }, false)),
    listedAt: r.listed_at.toISOString(),
    returnedAt: r.returned_at?.toISOString() ?? null,
    controlUntil: r.control_until?.toISOString() ?? null,
    controlOverdue: r.status === 'under_control' && r.control_until !== null && r.control_until.getTime() <= now.getTime(),
    updatedAt: r.updated_at.toISOString(),
    nextStatuses: [...NEXT[r.status]],
  };
}

const actor = (ctx: RequestContext) => ({ actorType: ctx.principal?.type ?? ('system' as const), actorId: ctx.principal?.id ?? null, actorName: ctx.principal?.name ?? null });

async function detail(deps: Deps, scope: Scope, id: number, reveal: boolean) {
  const r = await select(deps, scope).where('key_persons.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('person');
  const events = await deps.db.selectFrom('person_events').selectAll().where('person_id', '=', id).orderBy('id').execute();
  return { ...present(r, reveal, deps.clock.now()), events: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name, detail: e.detail })) };
}

export const ListQuery = z.strictObject({
  category: z.enum(CATEGORIES).optional(),
  status: z.enum(STATUSES).optional(),
  /** An exact ID number or mobile number, or the start of a name. */
  q: z.string().trim().max(50).optional(),
  /** Files of this unit and the units below it (in the caller's scope). */
  orgCode: z.string().trim().min(1).max(20).optional(),
  /** The files a responsible officer keeps; "me" for the caller's own. */
  officerId: z.union([z.literal('me'), z.coerce.number().int().positive().max(2 ** 53 - 1)]).optional(),
  /** Still under control after the control period ended. */
  overdueControl: z.enum(['true', 'false']).optional(),
  /** updated: the latest change first (default); controlUntil: the control period ending first. */
  sort: z.enum(['updated', 'controlUntil']).default('updated'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PersonListQuery = z.output<typeof ListQuery>;

/** Files in scope matching the filters (masked), with the total; the conditions touch key_persons alone so the count needs no join. */
export async function listPersons(deps: Deps, principal: Principal, scope: Scope, q: PersonListQuery) {
  const now = deps.clock.now();
  const c: Expression<SqlBool>[] = [orgInScope(scope, 'key_persons.org_id')];
  if (q.category) c.push(sql<SqlBool>`key_persons.category = ${q.category}`);
  if (q.status) c.push(sql<SqlBool>`key_persons.status = ${q.status}`);
  if (q.orgCode) {
    const org = await requireInScope(deps, scope, q.orgCode, 'query.orgCode');
    c.push(orgInScope({ rootId: org.id, rootCode: org.code, rootPath: org.path, rootKind: org.kind, everything: false, partner: false }, 'key_persons.org_id'));
  }
  if (q.officerId !== undefined) {
    if (q.officerId === 'me' && principal.type !== 'user') throw invalid('query.officerId', 'an API token is no officer: name the officer’s id');
    c.push(sql<SqlBool>`key_persons.officer_id = ${q.officerId === 'me' ? principal.id : q.officerId}`);
  }
  if (q.overdueControl === 'true') c.push(sql<SqlBool>`key_persons.status = 'under_control' AND key_persons.control_until <= ${now}`);
  if (q.overdueControl === 'false') c.push(sql<SqlBool>`NOT (key_persons.status = 'under_control' AND key_persons.control_until IS NOT NULL AND key_persons.control_until <= ${now})`);
  if (q.q) {
    const text = q.q;
    c.push(sql<SqlBool>`(key_persons.id_number = ${text.toUpperCase()} OR key_persons.phone = ${normalizePhone(text)} OR key_persons.name LIKE ${`${escapeLike(text)}%`})`);
  }
  let rows = select(deps, scope).where((eb) => eb.and(c));
  rows = q.sort === 'controlUntil' ? rows.orderBy(sql`key_persons.control_until ASC NULLS LAST`).orderBy('key_persons.id') : rows.orderBy('key_persons.updated_at', 'desc').orderBy('key_persons.id', 'desc');
  const [items, count] = await Promise.all([
    rows.limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    deps.db.selectFrom('key_persons').where((eb) => eb.and(c)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map((r) => present(r, false, now)), total: Number(count.n) };
}

/** Opens a file; people stranded abroad start 'stranded', everyone else under control. One file per person and category. */
export async function createPerson(deps: Deps, ctx: RequestContext, scope: Scope, input: z.infer<typeof PersonIn>) {
  const org = await requireInScope(deps, scope, input.orgCode, 'orgCode');
  if (!KEEPING_KINDS.includes(org.kind)) throw invalid('orgCode', 'a county, station or township keeps the file');
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

/** An active police user (OFFICER_ROLES) working in the unit with this path or below it, or undefined. */
async function officerUnder(db: Kysely<DB> | Transaction<DB>, userId: number, unitPath: string) {
  const u = await db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select(['users.id', 'users.display_name', 'users.role', 'users.active', 'orgs.path'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return u && u.active && OFFICER_ROLES.includes(u.role) && u.path.startsWith(unitPath) ? u : undefined;
}

type Contacts = { name: string; relation: string; phone?: string | undefined }[];
const sameContacts = (a: Contacts, b: Contacts) => JSON.stringify(a.map((c) => [c.name, c.relation, c.phone ?? null])) === JSON.stringify(b.map((c) => [c.name, c.relation, c.phone ?? null]));
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Edits a file: phone, control measures, location abroad, return plan, family contacts, the responsible
 * officer (an active police user of the file's unit or below it) and the keeping unit (a county, station or
 * township in the caller's scope). Handing the file to a unit the officer does not work in clears the
 * officer. Only what really changes is written: one 'updated' event naming the fields, and the audit entry
 * (field names and unit codes, never the person's values). Nothing changed: the file as it is.
 */
export async function updatePerson(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: PersonPatchInput) {
  if (EDITABLE.every((f) => input[f] === undefined)) throw invalid('body', `nothing to change: send one of ${EDITABLE.join(', ')}`);
  const visible = await select(deps, scope).where('key_persons.id', '=', id).executeTakeFirst();
  if (!visible) throw notFound('person');
  const target = input.orgCode !== undefined && input.orgCode !== visible.org_code ? await requireInScope(deps, scope, input.orgCode, 'orgCode') : null;
  if (target && !KEEPING_KINDS.includes(target.kind)) throw invalid('orgCode', 'a county, station or township keeps the file');
  const unitPath = target?.path ?? visible.org_path;
  const officer = input.officerId ? await officerUnder(deps.db, input.officerId, unitPath) : undefined;
  if (input.officerId && !officer) throw invalid('officerId', 'not an active police officer of the file’s unit or a unit below it');
  const now = deps.clock.now();

  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('key_persons').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    // Someone handed the file on meanwhile: the unit this check was made for is gone.
    if (!target && row.org_id !== visible.org_id) throw new AppError('CONFLICT', 'the file was handed to another unit meanwhile; reload it');
    const fields: EditableField[] = [];
    const set: Record<string, unknown> = {};
    const detailOut: Record<string, unknown> = {};
    const auditOut: Record<string, unknown> = {};
    if (input.phone !== undefined && input.phone !== row.phone) {
      fields.push('phone');
      set.phone = input.phone;
    }
    if (input.measures !== undefined && !sameList(input.measures, row.measures)) {
      fields.push('measures');
      set.measures = input.measures;
    }
    if (input.abroadLocation !== undefined && input.abroadLocation !== row.abroad_location) {
      fields.push('abroadLocation');
      set.abroad_location = input.abroadLocation;
    }
    if (input.returnPlan !== undefined && input.returnPlan !== row.return_plan) {
      fields.push('returnPlan');
      set.return_plan = input.returnPlan;
    }
    if (input.familyContacts !== undefined && !sameContacts(input.familyContacts, row.family_contacts)) {
      fields.push('familyContacts');
      set.family_contacts = JSON.stringify(input.familyContacts);
    }
    let officerId = input.officerId !== undefined ? input.officerId : row.officer_id;
    // A new unit keeps its own officers: one who does not work there stops being responsible.
    if (target && input.officerId === undefined && row.officer_id !== null && !(await officerUnder(trx, row.officer_id, target.path))) officerId = null;
    if (officerId !== row.officer_id) {
      fields.push('officerId');
      set.officer_id = officerId;
      detailOut.officer = officer?.display_name ?? null;
      auditOut.officerId = officerId;
    }
    if (target && target.id !== row.org_id) {
      fields.push('orgCode');
      set.org_id = target.id;
      detailOut.fromOrg = visible.org_name;
      detailOut.toOrg = target.name;
      auditOut.fromOrgCode = visible.org_code;
      auditOut.toOrgCode = target.code;
    }
    if (fields.length === 0) return;
    const orgId = target?.id ?? row.org_id;
    await trx.updateTable('key_persons').set({ ...set, updated_at: now }).where('id', '=', id).execute();
    await appendTimeline(trx, 'person_events', [{ subjectId: id, at: now, kind: 'updated', fromStatus: null, toStatus: null, ...actor(ctx), orgId, detail: { fields, ...detailOut } }]);
    await audit.record(trx, ctx, now, { action: 'person.update', targetType: 'person', targetId: id, orgId, detail: { fields, ...auditOut } });
  });
  return detail(deps, scope, id, false);
}

/** Active police users of a unit and the units below it: who may be made a file's responsible officer. */
export async function officersOf(deps: Deps, scope: Scope, orgCode: string) {
  const org = await requireInScope(deps, scope, orgCode, 'query.orgCode');
  const rows = await deps.db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select(['users.id', 'users.display_name', 'users.role', 'orgs.code', 'orgs.name'])
    .where('users.active', '=', true)
    .where('users.role', 'in', [...OFFICER_ROLES])
    .where('orgs.path', 'like', `${escapeLike(org.path)}%`)
    .orderBy('orgs.path')
    .orderBy('users.display_name')
    .limit(500)
    .execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.display_name, role: r.role, orgCode: r.code, orgName: r.name })) };
}

/**
 * Moves a person along the return workflow (409 out of order). Returning or surrendering records the date;
 * coming under control starts the control period (12 months unless set), whose end the sweep tells again.
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
        ...(input.to === 'under_control' ? { control_until: until, control_end_notified_at: null } : {}),
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

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a calendar date');
export const ReductionQuery = z.strictObject({ from: Day.optional(), to: Day.optional() });

/**
 * 核减率 per county: of the people listed as stranded abroad, the share returned or surrendered (and
 * since then under control or released). Listed in a period — China-time days, `from` included and `to`
 * excluded — or all when none is given.
 */
export async function reduction(deps: Deps, scope: Scope, period: { from?: string | undefined; to?: string | undefined } = {}) {
  if (period.from && period.to && period.from >= period.to) throw invalid('query.to', 'must be a later day than from (to is excluded)');
  const since = period.from ? sql` AND p.listed_at >= ${dayStart(period.from)}` : sql``;
  const until = period.to ? sql` AND p.listed_at < ${dayStart(period.to)}` : sql``;
  const rows = await sql<{ code: string; name: string; listed: number; reduced: number }>`
    SELECT county.code, county.name, count(p.id)::int AS listed,
           count(p.id) FILTER (WHERE p.status = ANY(${[...REDUCED]}::text[]))::int AS reduced
    FROM orgs county
    LEFT JOIN orgs unit ON unit.path LIKE county.path || '%' AND ${orgInScope(scope, 'unit.id')}
    LEFT JOIN key_persons p ON p.org_id = unit.id AND p.category = 'stranded_abroad'${since}${until}
    -- The counties in scope, or (for a station's staff) the county their unit lies in, counting their own.
    WHERE county.kind = 'county' AND (${orgInScope(scope, 'county.id')} OR ${scope.rootPath} LIKE county.path || '%')
    GROUP BY county.code, county.name ORDER BY county.code`.execute(deps.db);
  const items = rows.rows.map((r) => ({ orgCode: r.code, orgName: r.name, listed: Number(r.listed), reduced: Number(r.reduced), rate: Number(r.listed) ? Number(r.reduced) / Number(r.listed) : null }));
  const listed = items.reduce((a, r) => a + r.listed, 0);
  const reduced = items.reduce((a, r) => a + r.reduced, 0);
  return { period: { from: period.from ?? null, to: period.to ?? null }, items, total: { listed, reduced, rate: listed ? reduced / listed : null } };
}

const READERS: readonly Role[] = ['admin', 'center_analyst', 'center_leader', 'viewer', 'station_officer', 'grid_worker'];
const WRITERS: readonly Role[] = ['admin', 'center_analyst', 'station_officer'];
const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });
const Rate = z.object({ listed: z.number(), reduced: z.number(), rate: z.number().nullable() });

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
    summary: 'Key persons of the caller’s jurisdiction (masked), with the total: search by exact ID number or phone or a name’s start; filter by unit, officer ("me"), overdue control',
    tags: ['persons'],
    auth: READERS,
    query: ListQuery,
    responses: { 200: z.object({ items: z.array(PersonOut), total: z.number() }) },
    handler: async ({ principal, query }) => listPersons(deps, principal, await personScope(deps, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/persons/reduction',
    summary: '核减率 of people stranded abroad, per county; those listed in [from, to) (China-time days) or all',
    tags: ['persons'],
    auth: READERS,
    query: ReductionQuery,
    responses: { 200: z.object({ period: z.object({ from: z.string().nullable(), to: z.string().nullable() }), items: z.array(Rate.extend({ orgCode: z.string(), orgName: z.string() })), total: Rate }) },
    handler: async ({ principal, query }) => reduction(deps, await personScope(deps, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/persons/officers',
    summary: 'Who may be responsible for a file of this unit: its active police users and those of the units below it',
    tags: ['persons'],
    auth: WRITERS,
    query: z.strictObject({ orgCode: z.string().trim().min(1).max(20) }),
    responses: { 200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), role: z.string(), orgCode: z.string(), orgName: z.string() })) }) },
    handler: async ({ principal, query }) => officersOf(deps, await scopeOf(deps.db, principal), query.orgCode),
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
      const scope = await personScope(deps, principal);
      const out = await detail(deps, scope, params.id, reveal);
      if (reveal) await audit.recordAlone(deps, ctx, { action: 'person.reveal', targetType: 'person', targetId: params.id, detail: {} });
      return out;
    },
  });
  route(app, deps, {
    method: 'PATCH',
    url: '/api/v1/persons/:id',
    summary: 'Edit phone, measures, location abroad, return plan, family contacts, the responsible officer or hand the file to another unit',
    tags: ['persons'],
    auth: WRITERS,
    params: IdParams,
    body: PersonPatch,
    responses: { 200: PersonDetail },
    handler: async ({ ctx, principal, params, body }) => updatePerson(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
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
    summary: 'Record a contact, movement, family work or note on the file (grid workers too, on their station’s files)',
    tags: ['persons'],
    auth: ['admin', 'center_analyst', 'station_officer', 'grid_worker'],
    params: IdParams,
    body: z.strictObject({ kind: z.enum(['contact', 'movement', 'family', 'note']), at: z.iso.datetime({ offset: true }), text: z.string().trim().min(1).max(5000) }),
    responses: { 200: PersonDetail },
    handler: async ({ ctx, principal, params, body }) => addEvent(deps, ctx, await personScope(deps, principal), params.id, body),
  });
}
