/**
 * 联席办, the joint-meeting office: meetings of the member units whose decisions become tasks with an owner
 * unit and a deadline, the owners' replies (tracked with the notices 提示函 of the 断卡 module), and the
 * yearly responsibility letters (责任书) each member unit signs. The center sees what it convened and
 * assigned; a member unit, bank or operator sees the tasks and letters of its institution.
 */
import { sql } from 'kysely';
import { localDateStamp, localDay } from '../../lib/periods.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { insertNotifications } from '../notifications/notifications.repo.ts';
import { isPathInScope, orgIdsInScope, type Scope } from '../orgs/scope.ts';
import { taskCountsByOwner } from './liaison.repo.ts';

/** Units that sit at the joint meeting or own its tasks. */
const MEMBERS = ['member_unit', 'bank', 'operator', 'county', 'city'];

async function orgByCode(deps: Deps, code: string, path: string) {
  const o = await deps.db.selectFrom('orgs').select(['id', 'code', 'name', 'kind', 'path']).where('code', '=', code).where('active', '=', true).executeTakeFirst();
  if (!o || !MEMBERS.includes(o.kind)) throw invalid(path, 'names no member unit, bank, operator, county or city');
  return o;
}

/** Which tasks and letters the caller sees: staff those of units in scope or convened in scope; partners their institution's. */
async function visibleIds(deps: Deps, scope: Scope) {
  return orgIdsInScope(deps.db, scope);
}

export interface MeetingInput {
  heldAt: string;
  title: string;
  attendeeCodes: string[];
  minutes: string;
  decisions: { title: string; detail?: string | undefined; ownerCode: string; dueAt: string }[];
}

/** Records a meeting; each decision becomes a task for its owner unit (told by its bell). */
export async function recordMeeting(deps: Deps, ctx: RequestContext, scope: Scope, input: MeetingInput) {
  const now = deps.clock.now();
  if (new Date(input.heldAt).getTime() > now.getTime() + 3_600_000) throw invalid('heldAt', 'lies in the future');
  const attendees = await Promise.all(input.attendeeCodes.map((c, i) => orgByCode(deps, c, `attendeeCodes.${i}`)));
  const owners = await Promise.all(input.decisions.map((d, i) => orgByCode(deps, d.ownerCode, `decisions.${i}.ownerCode`)));
  input.decisions.forEach((d, i) => {
    if (new Date(d.dueAt) <= now) throw invalid(`decisions.${i}.dueAt`, 'must lie in the future');
  });
  const id = await deps.db.transaction().execute(async (trx) => {
    const seq = await sql<{ n: string }>`SELECT nextval('liaison_meeting_no_seq')::text AS n`.execute(trx);
    const m = await trx
      .insertInto('liaison_meetings')
      .values({ meeting_no: `LXH${localDateStamp(new Date(input.heldAt))}${String(seq.rows[0]?.n ?? 0).padStart(3, '0')}`, org_id: scope.rootId, held_at: new Date(input.heldAt), title: input.title, attendee_ids: attendees.map((a) => a.id), minutes: input.minutes, created_by: ctx.principal?.name ?? null, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.decisions.length) {
      const tasks = await trx
        .insertInto('liaison_tasks')
        .values(input.decisions.map((d, i) => ({ meeting_id: m.id, from_org_id: scope.rootId, owner_org_id: owners[i]?.id ?? 0, title: d.title, detail: d.detail ?? null, due_at: new Date(d.dueAt), created_at: now })))
        .returning(['id', 'owner_org_id', 'title'])
        .execute();
      await insertNotifications(trx, tasks.map((t) => ({ orgId: t.owner_org_id, kind: 'liaison.task', title: `联席会议任务：${t.title}`, targetType: 'liaison_task', targetId: String(t.id), at: now })));
    }
    await audit.record(trx, ctx, now, { action: 'liaison.meeting', targetType: 'liaison_meeting', targetId: m.id, orgId: scope.rootId, detail: { decisions: input.decisions.length, attendees: attendees.length } });
    return Number(m.id);
  });
  return getMeeting(deps, scope, id);
}

function presentTask(t: { id: number; meeting_id: number | null; title: string; detail: string | null; due_at: Date; reply_text: string | null; replied_at: Date | null; replied_by: string | null; owner_code: string; owner_name: string; from_name: string; meeting_no: string | null; created_at: Date; overdue_notified_at: Date | null }, now: Date) {
  return {
    id: t.id,
    meetingId: t.meeting_id,
    meetingNo: t.meeting_no,
    title: t.title,
    detail: t.detail,
    ownerCode: t.owner_code,
    ownerName: t.owner_name,
    fromName: t.from_name,
    createdAt: t.created_at.toISOString(),
    dueAt: t.due_at.toISOString(),
    overdue: t.replied_at === null && now > t.due_at,
    remindedAt: t.overdue_notified_at?.toISOString() ?? null,
    replyText: t.reply_text,
    repliedAt: t.replied_at?.toISOString() ?? null,
    repliedBy: t.replied_by,
  };
}

function tasks(deps: Deps) {
  return deps.db
    .selectFrom('liaison_tasks as t')
    .innerJoin('orgs as o', 'o.id', 't.owner_org_id')
    .innerJoin('orgs as f', 'f.id', 't.from_org_id')
    .leftJoin('liaison_meetings as m', 'm.id', 't.meeting_id')
    .select(['t.id', 't.meeting_id', 't.title', 't.detail', 't.due_at', 't.reply_text', 't.replied_at', 't.replied_by', 't.from_org_id', 't.owner_org_id', 't.created_at', 't.overdue_notified_at', 'o.code as owner_code', 'o.name as owner_name', 'f.name as from_name', 'm.meeting_no']);
}

async function taskVisibility(deps: Deps, scope: Scope) {
  const ids = await visibleIds(deps, scope);
  if (ids === null) return sql<boolean>`true`;
  return scope.partner ? sql<boolean>`t.owner_org_id = ANY(${ids}::int8[])` : sql<boolean>`(t.from_org_id = ANY(${ids}::int8[]) OR t.owner_org_id = ANY(${ids}::int8[]))`;
}

export async function getMeeting(deps: Deps, scope: Scope, id: number) {
  const ids = await visibleIds(deps, scope);
  const m = await deps.db
    .selectFrom('liaison_meetings as m')
    .selectAll('m')
    .where('m.id', '=', id)
    .$if(ids !== null, (q) => q.where('m.org_id', 'in', ids ?? []))
    .executeTakeFirst();
  if (!m || scope.partner) throw notFound('meeting');
  const [attendees, items] = await Promise.all([
    m.attendee_ids.length ? deps.db.selectFrom('orgs').select(['code', 'name']).where('id', 'in', m.attendee_ids.map(Number)).orderBy('code').execute() : Promise.resolve([]),
    tasks(deps).where('t.meeting_id', '=', id).orderBy('t.id').execute(),
  ]);
  const now = deps.clock.now();
  return { id: m.id, meetingNo: m.meeting_no, heldAt: m.held_at.toISOString(), title: m.title, minutes: m.minutes, attendees, tasks: items.map((t) => presentTask(t, now)) };
}

export async function listMeetings(deps: Deps, scope: Scope, q: { limit: number }) {
  if (scope.partner) return { items: [] };
  const ids = await visibleIds(deps, scope);
  const rows = await deps.db
    .selectFrom('liaison_meetings as m')
    .select(['m.id', 'm.meeting_no', 'm.held_at', 'm.title'])
    .select((eb) => [
      eb.selectFrom('liaison_tasks as t').whereRef('t.meeting_id', '=', 'm.id').select(eb.fn.countAll<number>().as('n')).as('tasks'),
      eb.selectFrom('liaison_tasks as t').whereRef('t.meeting_id', '=', 'm.id').where('t.replied_at', 'is not', null).select(eb.fn.countAll<number>().as('n')).as('done'),
    ])
    .$if(ids !== null, (qb) => qb.where('m.org_id', 'in', ids ?? []))
    .orderBy('m.held_at', 'desc')
    .limit(q.limit)
    .execute();
  return { items: rows.map((r) => ({ id: r.id, meetingNo: r.meeting_no, heldAt: r.held_at.toISOString(), title: r.title, tasks: Number(r.tasks), done: Number(r.done) })) };
}

/** Tasks the caller assigned or owns, by deadline (open=false: the answered ones; ownerCode: one unit's); with open and overdue counts of all. */
export async function listTasks(deps: Deps, scope: Scope, q: { open?: 'true' | 'false' | undefined; overdue?: 'true' | 'false' | undefined; ownerCode?: string | undefined; limit: number }) {
  const now = deps.clock.now();
  const vis = await taskVisibility(deps, scope);
  let query = tasks(deps).where(vis);
  if (q.open === 'true') query = query.where('t.replied_at', 'is', null);
  if (q.open === 'false') query = query.where('t.replied_at', 'is not', null);
  if (q.ownerCode) query = query.where('o.code', '=', q.ownerCode);
  if (q.overdue === 'true') query = query.where('t.replied_at', 'is', null).where('t.due_at', '<', now);
  const [rows, counts] = await Promise.all([
    query.orderBy('t.due_at').orderBy('t.id').limit(q.limit).execute(),
    deps.db
      .selectFrom('liaison_tasks as t')
      .where(vis)
      .select([sql<number>`count(*)`.as('total'), sql<number>`count(*) FILTER (WHERE t.replied_at IS NULL)`.as('open'), sql<number>`count(*) FILTER (WHERE t.replied_at IS NULL AND t.due_at < ${now})`.as('overdue')])
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((t) => presentTask(t, now)), total: Number(counts.total), open: Number(counts.open), overdue: Number(counts.overdue) };
}

/** One task the caller assigned or owns (another's is 404), with its reply. */
export async function getTask(deps: Deps, scope: Scope, id: number) {
  const t = await tasks(deps).where('t.id', '=', id).where(await taskVisibility(deps, scope)).executeTakeFirst();
  if (!t) throw notFound('task');
  return presentTask(t, deps.clock.now());
}

/** The owner unit replies to its task, once; the convening unit is told. */
export async function replyTask(deps: Deps, ctx: RequestContext, scope: Scope, id: number, text: string) {
  const ids = await visibleIds(deps, scope);
  const t = await tasks(deps).where('t.id', '=', id).executeTakeFirst();
  if (!t || (ids !== null && !ids.includes(t.owner_org_id))) throw notFound('task');
  if (t.replied_at) throw new AppError('ILLEGAL_TRANSITION', 'the task was already answered');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('liaison_tasks').set({ reply_text: text, replied_at: now, replied_by: ctx.principal?.name ?? null }).where('id', '=', id).where('replied_at', 'is', null).execute();
    await insertNotifications(trx, [{ orgId: t.from_org_id, kind: 'liaison.replied', title: `联席会议任务已回复（${t.owner_name}）：${t.title}`, targetType: 'liaison_task', targetId: String(id), at: now }]);
    await audit.record(trx, ctx, now, { action: 'liaison.reply', targetType: 'liaison_task', targetId: id, orgId: t.owner_org_id, detail: {} });
  });
  return presentTask((await tasks(deps).where('t.id', '=', id).executeTakeFirstOrThrow()), now);
}

/** Sets a unit's responsibility letter of a year (its commitments), unsigned until signed. */
export async function putLetter(deps: Deps, ctx: RequestContext, scope: Scope, input: { orgCode: string; year: number; title: string; items: { item: string; measure: string }[] }) {
  const org = await orgByCode(deps, input.orgCode, 'orgCode');
  if (!scope.everything && !isPathInScope(scope, org.path)) throw invalid('orgCode', 'outside your jurisdiction');
  const now = deps.clock.now();
  const existing = await deps.db.selectFrom('responsibility_letters').select(['id', 'signed_on']).where('org_id', '=', org.id).where('year', '=', input.year).executeTakeFirst();
  if (existing?.signed_on) throw new AppError('ILLEGAL_TRANSITION', 'a signed letter is not changed');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('responsibility_letters')
      .values({ org_id: org.id, year: input.year, title: input.title, items: JSON.stringify(input.items), created_by: ctx.principal?.name ?? null, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet({ title: input.title, items: JSON.stringify(input.items), updated_at: now }))
      .execute();
    await audit.record(trx, ctx, now, { action: 'liaison.letter', targetType: 'responsibility_letter', orgId: org.id, detail: { year: input.year, items: input.items.length } });
  });
  return letters(deps, scope, { year: input.year });
}

/** Records the signing (by the unit's contact, or by the center on the paper's date). */
export async function signLetter(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { signedOn: string }) {
  const ids = await visibleIds(deps, scope);
  const l = await deps.db.selectFrom('responsibility_letters').select(['id', 'org_id', 'year', 'signed_on']).where('id', '=', id).executeTakeFirst();
  if (!l || (ids !== null && !ids.includes(l.org_id))) throw notFound('letter');
  if (l.signed_on) throw new AppError('ILLEGAL_TRANSITION', 'the letter was already signed');
  if (input.signedOn > localDay(deps.clock.now())) throw invalid('signedOn', 'lies in the future');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('responsibility_letters').set({ signed_on: input.signedOn, signed_by: ctx.principal?.name ?? null, updated_at: now }).where('id', '=', id).execute();
    await audit.record(trx, ctx, now, { action: 'liaison.sign', targetType: 'responsibility_letter', targetId: id, orgId: l.org_id, detail: { year: l.year } });
  });
  return letters(deps, scope, { year: l.year });
}

/** The year's letters of the units in scope, with how many are signed. */
export async function letters(deps: Deps, scope: Scope, q: { year: number }) {
  const ids = await visibleIds(deps, scope);
  const rows = await deps.db
    .selectFrom('responsibility_letters as l')
    .innerJoin('orgs as o', 'o.id', 'l.org_id')
    .select(['l.id', 'l.year', 'l.title', 'l.items', 'l.signed_by', 'o.code', 'o.name'])
    .select(sql<string | null>`to_char(l.signed_on, 'YYYY-MM-DD')`.as('signed'))
    .where('l.year', '=', q.year)
    .$if(ids !== null, (qb) => qb.where('l.org_id', 'in', ids ?? []))
    .orderBy('o.code')
    .execute();
  return { year: q.year, signed: rows.filter((r) => r.signed).length, total: rows.length, items: rows.map((r) => ({ id: r.id, orgCode: r.code, orgName: r.name, year: r.year, title: r.title, items: r.items, signedOn: r.signed, signedBy: r.signed_by })) };
}

/** The office at a glance: member units, tasks (open, overdue; and per owner unit), notices sent and replied, letters signed. */
export async function overview(deps: Deps, scope: Scope, q: { year?: number | undefined }) {
  const year = q.year ?? Number(localDay(deps.clock.now()).slice(0, 4));
  const ids = await visibleIds(deps, scope);
  const now = deps.clock.now();
  const [members, t, l, n, units] = await Promise.all([
    deps.db.selectFrom('orgs').select(sql<number>`count(*)`.as('n')).where('kind', '=', 'member_unit').where('active', '=', true).$if(ids !== null, (qb) => qb.where('id', 'in', ids ?? [])).executeTakeFirstOrThrow(),
    listTasks(deps, scope, { limit: 1 }),
    letters(deps, scope, { year }),
    deps.db
      .selectFrom('unit_notices')
      .select([sql<number>`count(*)`.as('sent'), sql<number>`count(replied_at)`.as('replied')])
      .$if(ids !== null, (qb) => qb.where(scope.partner ? 'to_org_id' : 'from_org_id', 'in', ids ?? []))
      .executeTakeFirstOrThrow(),
    taskVisibility(deps, scope).then((vis) => taskCountsByOwner(deps.db, vis, now)),
  ]);
  return { memberUnits: Number(members.n), tasks: { total: t.total, open: t.open, overdue: t.overdue }, units, notices: { sent: Number(n.sent), replied: Number(n.replied) }, letters: { year, signed: l.signed, total: l.total } };
}

/** Tells the owner and the convening unit once when a task is past its deadline without a reply. */
export async function sweepTasks(deps: Deps): Promise<{ overdue: number }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const due = await trx.selectFrom('liaison_tasks').select(['id', 'title', 'owner_org_id', 'from_org_id']).where('replied_at', 'is', null).where('overdue_notified_at', 'is', null).where('due_at', '<', now).limit(1000).forUpdate().skipLocked().execute();
    if (due.length === 0) return { overdue: 0 };
    await trx.updateTable('liaison_tasks').set({ overdue_notified_at: now }).where('id', 'in', due.map((d) => d.id)).execute();
    await insertNotifications(trx, due.flatMap((d) => [d.owner_org_id, d.from_org_id].map((orgId) => ({ orgId, kind: 'liaison.overdue', title: `联席会议任务逾期未回复：${d.title}`, targetType: 'liaison_task', targetId: String(d.id), at: now }))));
    return { overdue: due.length };
  });
}

