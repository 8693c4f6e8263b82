/**
 * 宣 outreach: activities, directives (日常/精准宣防指令) with feedback, precision directives proposed from the
 * statistics, and coverage per unit (activities, people reached, the vulnerable register reached, the app
 * registration rate).
 */
import { sql } from 'kysely';
import { proposeDirectives, type UnitFigures } from '../../engines/outreach/proposals.ts';
import { addDays, localDateStamp, localDay } from '../../lib/periods.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import type { OutreachAudience, OutreachVenue } from '../../db/types.ts';
import * as audit from '../audit/audit.service.ts';
import { insertNotifications } from '../notifications/notifications.repo.ts';
import { requireInScope } from '../orgs/orgs.service.ts';
import { orgIdsInScope, orgIdsUnder, type Scope } from '../orgs/scope.ts';
import * as statsRepo from '../stats/stats.repo.ts';
import * as repo from './outreach.repo.ts';

/** Days the units have to report back on a directive unless told otherwise. */
export const DEFAULT_DIRECTIVE_DAYS = 7;
/** The span a proposal compares: the last four weeks against the four before. */
const PROPOSAL_DAYS = 28;

const HOLDERS = ['county', 'station', 'township', 'grid', 'member_unit', 'city'];

export interface ActivityInput {
  orgCode?: string | undefined;
  heldOn: string;
  place: string;
  venue: OutreachVenue;
  audience: OutreachAudience;
  peopleReached: number;
  materials?: { kind: string; count: number }[] | undefined;
  fraudTypes?: string[] | undefined;
  directiveId?: number | undefined;
  note?: string | undefined;
  /** Phones of people on the vulnerable register the activity reached. */
  reachedPhones?: string[] | undefined;
}

/** Records an activity of a unit in scope; one held for a directive reports back on it at the same time. */
export async function addActivity(deps: Deps, ctx: RequestContext, scope: Scope, input: ActivityInput) {
  const org = await requireInScope(deps, scope, input.orgCode ?? ctx.principal?.orgCode ?? scope.rootCode, 'orgCode');
  if (!HOLDERS.includes(org.kind)) throw invalid('orgCode', 'outreach is held by a police unit or a member unit');
  const now = deps.clock.now();
  if (input.heldOn > localDay(now)) throw invalid('heldOn', 'lies in the future');
  const phones = [...new Set(input.reachedPhones ?? [])];
  if (phones.length) {
    const known = await deps.db.selectFrom('vulnerable_people').select('phone').where('phone', 'in', phones).execute();
    const missing = phones.filter((p) => !known.some((k) => k.phone === p));
    if (missing.length) throw invalid('reachedPhones', `not on the vulnerable register: ${missing.length} of ${phones.length}`);
  }
  const target = input.directiveId ? await directiveTargetFor(deps, input.directiveId, org.path) : null;
  if (input.directiveId && !target) throw invalid('directiveId', 'no directive addressed to this unit');
  const id = await deps.db.transaction().execute(async (trx) => {
    const aid = await repo.insertActivity(trx, {
      org_id: org.id,
      held_on: input.heldOn,
      place: input.place,
      venue: input.venue,
      audience: input.audience,
      people_reached: input.peopleReached,
      materials: JSON.stringify(input.materials ?? []),
      fraud_types: input.fraudTypes ?? [],
      directive_id: input.directiveId ?? null,
      note: input.note ?? null,
      created_by: ctx.principal?.name ?? null,
      created_at: now,
    });
    if (phones.length) await trx.insertInto('outreach_reached').values(phones.map((phone) => ({ activity_id: aid, phone }))).execute();
    if (target && !target.done_at) await trx.updateTable('outreach_directive_targets').set({ done_at: now, activity_id: aid }).where('directive_id', '=', input.directiveId ?? 0).where('org_id', '=', target.org_id).execute();
    await audit.record(trx, ctx, now, { action: 'outreach.activity', targetType: 'outreach_activity', targetId: aid, orgId: org.id, detail: { audience: input.audience, people: input.peopleReached, vulnerable: phones.length } });
    return aid;
  });
  const row = await repo.getActivity(deps.db, id);
  if (!row) throw notFound('activity');
  return presentActivity(row);
}

function presentActivity(r: Awaited<ReturnType<typeof repo.listActivities>>['rows'][number]) {
  return {
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    heldOn: r.held,
    place: r.place,
    venue: r.venue,
    audience: r.audience,
    peopleReached: r.people_reached,
    materials: r.materials,
    fraudTypes: r.fraud_types,
    directiveId: r.directive_id,
    note: r.note,
    vulnerableReached: Number(r.vulnerable_reached ?? 0),
    createdBy: r.created_by,
  };
}

export async function listActivities(deps: Deps, scope: Scope, q: { from?: string | undefined; to?: string | undefined; orgCode?: string | undefined; audience?: OutreachAudience | undefined; page: number; pageSize: number }) {
  const org = q.orgCode ? await requireInScope(deps, scope, q.orgCode, 'query.orgCode') : null;
  const orgIds = org ? await orgIdsInScope(deps.db, { rootId: org.id, rootCode: org.code, rootPath: org.path, rootKind: org.kind, everything: false, partner: false }) : await orgIdsInScope(deps.db, scope);
  const { rows, total, people } = await repo.listActivities(deps.db, { orgIds, from: q.from, to: q.to, audience: q.audience }, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: rows.map(presentActivity), total, peopleReached: people };
}

/** The target of a directive that a unit answers for: the unit itself or the nearest unit above it addressed. */
async function directiveTargetFor(deps: Deps, directiveId: number, unitPath: string) {
  const targets = await repo.targetsOf(deps.db, directiveId);
  return targets.filter((t) => unitPath.startsWith(t.path)).sort((a, b) => b.path.length - a.path.length)[0] ?? null;
}

/**
 * Proposals for precision directives: per unit directly below the chosen one, the fraud types that rose
 * over the last four weeks against the four before, aimed at the group the unit's victims mostly are.
 */
export async function proposals(deps: Deps, scope: Scope, q: { orgCode?: string | undefined }) {
  const org = await requireInScope(deps, scope, q.orgCode ?? scope.rootCode, 'query.orgCode');
  const today = localDay(deps.clock.now());
  const recent = { firstDay: addDays(today, -(PROPOSAL_DAYS - 1)), lastDay: today };
  const before = { firstDay: addDays(recent.firstDay, -PROPOSAL_DAYS), lastDay: addDays(recent.firstDay, -1) };
  const children = await deps.db.selectFrom('orgs').select(['id', 'code', 'name', 'path']).where('parent_id', '=', org.id).where('active', '=', true).where('kind', 'in', ['county', 'station', 'township']).orderBy('code').execute();
  const units: UnitFigures[] = [];
  for (const c of children) {
    const ids = await orgIdsUnder(deps.db, c.path);
    const [r, b] = await Promise.all([statsRepo.sums(deps.db, { orgIds: ids, ...recent }, [], ['c.type.', 'c.age.']), statsRepo.sums(deps.db, { orgIds: ids, ...before }, [], ['c.type.'])]);
    const pick = (s: Record<string, number>, prefix: string) => Object.fromEntries(Object.entries(s).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
    units.push({ code: c.code, name: c.name, recent: pick(r, 'c.type.'), before: pick(b, 'c.type.'), ages: pick(r, 'c.age.') });
  }
  return { recent, before, items: proposeDirectives(units) };
}

export interface DirectiveInput {
  kind: 'daily' | 'precision';
  title: string;
  body: string;
  fraudType?: string | undefined;
  audience?: OutreachAudience | undefined;
  orgCodes: string[];
  dueDays?: number | undefined;
  basis?: Record<string, unknown> | undefined;
}

/** Issues a directive to units in scope (each told), with a feedback deadline. */
export async function issueDirective(deps: Deps, ctx: RequestContext, scope: Scope, input: DirectiveInput) {
  const targets: { id: number; kind: string }[] = [];
  for (const [i, code] of input.orgCodes.entries()) {
    const o = await requireInScope(deps, scope, code, `orgCodes.${i}`);
    if (!HOLDERS.includes(o.kind) || o.id === scope.rootId) throw invalid(`orgCodes.${i}`, 'a directive goes to units below the issuing one');
    targets.push(o);
  }
  const now = deps.clock.now();
  const due = new Date(now.getTime() + (input.dueDays ?? DEFAULT_DIRECTIVE_DAYS) * 86_400_000);
  const id = await deps.db.transaction().execute(async (trx) => {
    const no = `XFZL${localDateStamp(now)}${String(await repo.nextDirectiveNo(trx)).padStart(4, '0')}`;
    const r = await trx
      .insertInto('outreach_directives')
      .values({ directive_no: no, kind: input.kind, from_org_id: scope.rootId, title: input.title, body: input.body, fraud_type: input.fraudType ?? null, audience: input.audience ?? null, basis: input.basis ? JSON.stringify(input.basis) : null, issued_at: now, due_at: due, created_by: ctx.principal?.name ?? null, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('outreach_directive_targets').values(targets.map((t) => ({ directive_id: r.id, org_id: t.id }))).execute();
    // The units addressed and the stations and townships directly below them (who hold the activities) are told.
    const below = await trx.selectFrom('orgs').select('id').where('parent_id', 'in', targets.map((t) => t.id)).where('active', '=', true).where('kind', 'in', ['station', 'township']).execute();
    const told = [...new Set([...targets.map((t) => t.id), ...below.map((b) => b.id)])];
    await insertNotifications(trx, told.map((orgId) => ({ orgId, kind: `directive.${input.kind}`, title: `${input.kind === 'precision' ? '精准' : '日常'}宣防指令 ${no}：${input.title}`, targetType: 'directive', targetId: String(r.id), at: now })));
    await audit.record(trx, ctx, now, { action: 'outreach.directive', targetType: 'directive', targetId: r.id, orgId: scope.rootId, detail: { kind: input.kind, targets: targets.length } });
    return Number(r.id);
  });
  return getDirective(deps, scope, id);
}

/** Directives the caller issued (its scope) or that address its unit or a unit above it. */
async function visible(deps: Deps, scope: Scope) {
  const ids = await orgIdsInScope(deps.db, scope);
  const ancestors = scope.rootPath.split('/').filter(Boolean).map(Number);
  return sql<boolean>`(${ids === null ? sql`true` : sql`d.from_org_id = ANY(${ids}::int8[])`} OR EXISTS (SELECT 1 FROM outreach_directive_targets t WHERE t.directive_id = d.id AND (t.org_id = ANY(${ancestors}::int8[]) ${ids === null ? sql`` : sql`OR t.org_id = ANY(${ids}::int8[])`})))`;
}

function presentDirective(d: Awaited<ReturnType<ReturnType<typeof repo.directiveBase>['executeTakeFirstOrThrow']>>, now: Date) {
  return {
    id: d.id,
    directiveNo: d.directive_no,
    kind: d.kind,
    fromOrgCode: d.from_code,
    fromOrgName: d.from_name,
    title: d.title,
    body: d.body,
    fraudType: d.fraud_type,
    audience: d.audience,
    basis: d.basis,
    issuedAt: d.issued_at.toISOString(),
    dueAt: d.due_at.toISOString(),
    targets: Number(d.targets),
    done: Number(d.done),
    overdue: now > d.due_at && Number(d.done) < Number(d.targets),
  };
}

export async function listDirectives(deps: Deps, scope: Scope, q: { open?: 'true' | 'false' | undefined; limit: number }) {
  const now = deps.clock.now();
  let query = repo.directiveBase(deps.db).where(await visible(deps, scope));
  if (q.open === 'true') query = query.where(sql<boolean>`EXISTS (SELECT 1 FROM outreach_directive_targets t WHERE t.directive_id = d.id AND t.done_at IS NULL)`);
  const rows = await query.orderBy('d.issued_at', 'desc').orderBy('d.id', 'desc').limit(q.limit).execute();
  return { items: rows.map((d) => presentDirective(d, now)) };
}

export async function getDirective(deps: Deps, scope: Scope, id: number) {
  const d = await repo.directiveBase(deps.db).where('d.id', '=', id).where(await visible(deps, scope)).executeTakeFirst();
  if (!d) throw notFound('directive');
  const targets = await repo.targetsOf(deps.db, id);
  const now = deps.clock.now();
  return {
    ...presentDirective(d, now),
    units: targets.map((t) => ({ orgCode: t.code, orgName: t.name, doneAt: t.done_at?.toISOString() ?? null, activityId: t.activity_id, note: t.note, overdue: t.done_at === null && now > d.due_at })),
  };
}

/** A unit addressed (or inside one addressed) reports back on a directive, once. */
export async function feedback(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { note: string }) {
  const d = await getDirective(deps, scope, id);
  const target = await directiveTargetFor(deps, id, scope.rootPath);
  if (!target) throw new AppError('FORBIDDEN', 'the directive does not address your unit');
  if (target.done_at) throw new AppError('ILLEGAL_TRANSITION', 'your unit already reported back');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('outreach_directive_targets').set({ done_at: now, note: input.note }).where('directive_id', '=', id).where('org_id', '=', target.org_id).where('done_at', 'is', null).execute();
    await audit.record(trx, ctx, now, { action: 'outreach.feedback', targetType: 'directive', targetId: id, orgId: target.org_id, detail: {} });
  });
  return getDirective(deps, scope, d.id);
}

/** Coverage per unit below the chosen one over a period (default: the year so far). */
export async function coverage(deps: Deps, scope: Scope, q: { from?: string | undefined; to?: string | undefined; orgCode?: string | undefined }) {
  const org = await requireInScope(deps, scope, q.orgCode ?? scope.rootCode, 'query.orgCode');
  const today = localDay(deps.clock.now());
  const from = q.from ?? `${today.slice(0, 4)}-01-01`;
  const to = q.to ?? addDays(today, 1);
  if (from >= to) throw invalid('query.from', 'must be before to');
  const rows = await repo.coverage(deps.db, { id: org.id, path: org.path }, from, to);
  const lastDay = addDays(to, -1);
  const withRates = await Promise.all(
    rows.map(async (r) => {
      const ids = await orgIdsUnder(deps.db, r.path);
      const refs = await statsRepo.refs(deps.db, { orgIds: ids, firstDay: from, lastDay });
      return { code: r.code, name: r.name, activities: r.activities, people: r.people, vulnerable: r.vulnerable, reached: r.reached, vulnerableRate: r.vulnerable ? r.reached / r.vulnerable : null, population: refs.population, appRegistered: refs.appRegistered, appRate: refs.population && refs.appRegistered !== null ? refs.appRegistered / refs.population : null };
    }),
  );
  return { from, to, items: withRates };
}

/** Tells each unit once when its feedback on a directive is overdue (durable: flagged per target). */
export async function sweepDirectives(deps: Deps): Promise<{ overdue: number }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('outreach_directive_targets as t')
      .innerJoin('outreach_directives as d', 'd.id', 't.directive_id')
      .select(['t.directive_id', 't.org_id', 'd.directive_no', 'd.title'])
      .where('t.done_at', 'is', null)
      .where('t.overdue_notified_at', 'is', null)
      .where('d.due_at', '<', now)
      .limit(1000)
      .forUpdate('t')
      .skipLocked()
      .execute();
    for (const t of due) await trx.updateTable('outreach_directive_targets').set({ overdue_notified_at: now }).where('directive_id', '=', t.directive_id).where('org_id', '=', t.org_id).execute();
    await insertNotifications(trx, due.map((t) => ({ orgId: t.org_id, kind: 'directive.overdue', title: `宣防指令逾期未反馈：${t.directive_no} ${t.title}`, targetType: 'directive', targetId: String(t.directive_id), at: now })));
    return { overdue: due.length };
  });
}
