/**
 * 联席办, the joint-meeting office: meetings of the member units whose decisions become tasks with an owner
 * unit and a deadline, the owners' replies (tracked with the notices 提示函 of the 断卡 module), and the
 * yearly responsibility letters (责任书) each member unit signs. The center sees what it convened and
 * assigned; a member unit, bank or operator sees the tasks and letters of its institution.
 */
import { localDateStamp, localDay } from '../../lib/periods.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { insertNotifications } from '../notifications/notifications.repo.ts';
import { isPathInScope, orgIdsInScope, type Scope } from '../orgs/scope.ts';
import * as repo from './liaison.repo.ts';

/** Units that sit at the joint meeting or own its tasks. */
const MEMBERS = ['member_unit', 'bank', 'operator', 'county', 'city'];

async function orgByCode(deps: Deps, code: string, path: string) {
  const o = await repo.findActiveOrg(deps.db, code);
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

/**
 * Records a meeting; each decision becomes a task for its owner unit (told by its bell). Attendees may come
 * from anywhere (the city's banks sit at a county's meeting); a task goes only to a unit in the caller's
 * jurisdiction.
 */
export async function recordMeeting(deps: Deps, ctx: RequestContext, scope: Scope, input: MeetingInput) {
  const now = deps.clock.now();
  if (new Date(input.heldAt).getTime() > now.getTime() + 3_600_000) throw invalid('heldAt', 'lies in the future');
  const attendees = await Promise.all(input.attendeeCodes.map((c, i) => orgByCode(deps, c, `attendeeCodes.${i}`)));
  const owners = await Promise.all(input.decisions.map((d, i) => orgByCode(deps, d.ownerCode, `decisions.${i}.ownerCode`)));
  owners.forEach((o, i) => {
    if (!scope.everything && !isPathInScope(scope, o.path)) throw invalid(`decisions.${i}.ownerCode`, 'outside your jurisdiction');
  });
  input.decisions.forEach((d, i) => {
    if (new Date(d.dueAt) <= now) throw invalid(`decisions.${i}.dueAt`, 'must lie in the future');
  });
  const id = await deps.db.transaction().execute(async (trx) => {
    const seq = await repo.nextMeetingNo(trx);
    const meetingId = await repo.insertMeeting(trx, { meeting_no: `LXH${localDateStamp(new Date(input.heldAt))}${seq.padStart(3, '0')}`, org_id: scope.rootId, held_at: new Date(input.heldAt), title: input.title, attendee_ids: attendees.map((a) => a.id), minutes: input.minutes, created_by: ctx.principal?.name ?? null, created_at: now });
    if (input.decisions.length) {
      const tasks = await repo.insertTasks(
        trx,
        input.decisions.map((d, i) => ({ meeting_id: meetingId, from_org_id: scope.rootId, owner_org_id: owners[i]?.id ?? 0, title: d.title, detail: d.detail ?? null, due_at: new Date(d.dueAt), created_at: now })),
      );
      await insertNotifications(trx, tasks.map((t) => ({ orgId: t.owner_org_id, kind: 'liaison.task', title: `联席会议任务：${t.title}`, targetType: 'liaison_task', targetId: String(t.id), at: now })));
    }
    await audit.record(trx, ctx, now, { action: 'liaison.meeting', targetType: 'liaison_meeting', targetId: meetingId, orgId: scope.rootId, detail: { decisions: input.decisions.length, attendees: attendees.length } });
    return Number(meetingId);
  });
  return getMeeting(deps, scope, id);
}

function presentTask(t: repo.TaskRow, now: Date) {
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

/** Staff see the tasks their units assigned or own; a partner those its institution owns. */
async function taskVisibility(deps: Deps, scope: Scope) {
  return repo.taskVisibility(await visibleIds(deps, scope), scope.partner);
}

export async function getMeeting(deps: Deps, scope: Scope, id: number) {
  const ids = await visibleIds(deps, scope);
  const m = await repo.findMeeting(deps.db, id, ids);
  if (!m || scope.partner) throw notFound('meeting');
  const [attendees, items] = await Promise.all([repo.orgNames(deps.db, m.attendee_ids.map(Number)), repo.tasksOfMeeting(deps.db, id)]);
  const now = deps.clock.now();
  return { id: m.id, meetingNo: m.meeting_no, heldAt: m.held_at.toISOString(), title: m.title, minutes: m.minutes, attendees, tasks: items.map((t) => presentTask(t, now)) };
}

export async function listMeetings(deps: Deps, scope: Scope, q: { limit: number }) {
  if (scope.partner) return { items: [] };
  const ids = await visibleIds(deps, scope);
  const rows = await repo.listMeetings(deps.db, ids, q.limit);
  return { items: rows.map((r) => ({ id: r.id, meetingNo: r.meeting_no, heldAt: r.held_at.toISOString(), title: r.title, tasks: Number(r.tasks), done: Number(r.done) })) };
}

/** Tasks the caller assigned or owns, by deadline (open=false: the answered ones; ownerCode: one unit's); with open and overdue counts of all. */
export async function listTasks(deps: Deps, scope: Scope, q: { open?: 'true' | 'false' | undefined; overdue?: 'true' | 'false' | undefined; ownerCode?: string | undefined; limit: number }) {
  const now = deps.clock.now();
  const vis = await taskVisibility(deps, scope);
  const [rows, counts] = await Promise.all([repo.listTasks(deps.db, vis, q, now, q.limit), repo.taskCounts(deps.db, vis, now)]);
  return { items: rows.map((t) => presentTask(t, now)), total: counts.total, open: counts.open, overdue: counts.overdue };
}

/** One task the caller assigned or owns (another's is 404), with its reply. */
export async function getTask(deps: Deps, scope: Scope, id: number) {
  const t = await repo.findTask(deps.db, id, await taskVisibility(deps, scope));
  if (!t) throw notFound('task');
  return presentTask(t, deps.clock.now());
}

/** The owner unit replies to its task, once; the convening unit is told. */
export async function replyTask(deps: Deps, ctx: RequestContext, scope: Scope, id: number, text: string) {
  // only the owner answers: the task is looked up among those the caller's units own
  const t = await repo.findTask(deps.db, id, repo.taskVisibility(await visibleIds(deps, scope), true));
  if (!t) throw notFound('task');
  if (t.replied_at) throw new AppError('ILLEGAL_TRANSITION', 'the task was already answered');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.setReply(trx, id, { text, at: now, by: ctx.principal?.name ?? null });
    await insertNotifications(trx, [{ orgId: t.from_org_id, kind: 'liaison.replied', title: `联席会议任务已回复（${t.owner_name}）：${t.title}`, targetType: 'liaison_task', targetId: String(id), at: now }]);
    await audit.record(trx, ctx, now, { action: 'liaison.reply', targetType: 'liaison_task', targetId: id, orgId: t.owner_org_id, detail: {} });
  });
  return presentTask(await repo.getTask(deps.db, id), now);
}

/** Sets a unit's responsibility letter of a year (its commitments), unsigned until signed. */
export async function putLetter(deps: Deps, ctx: RequestContext, scope: Scope, input: { orgCode: string; year: number; title: string; items: { item: string; measure: string }[] }) {
  const org = await orgByCode(deps, input.orgCode, 'orgCode');
  if (!scope.everything && !isPathInScope(scope, org.path)) throw invalid('orgCode', 'outside your jurisdiction');
  const now = deps.clock.now();
  const existing = await repo.findLetterOf(deps.db, org.id, input.year);
  if (existing?.signed_on) throw new AppError('ILLEGAL_TRANSITION', 'a signed letter is not changed');
  await deps.db.transaction().execute(async (trx) => {
    await repo.upsertLetter(trx, { orgId: org.id, year: input.year, title: input.title, items: input.items, by: ctx.principal?.name ?? null, at: now });
    await audit.record(trx, ctx, now, { action: 'liaison.letter', targetType: 'responsibility_letter', orgId: org.id, detail: { year: input.year, items: input.items.length } });
  });
  return letters(deps, scope, { year: input.year });
}

/** Records the signing (by the unit's contact, or by the center on the paper's date). */
export async function signLetter(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { signedOn: string }) {
  const l = await repo.findLetter(deps.db, id, await visibleIds(deps, scope));
  if (!l) throw notFound('letter');
  if (l.signed_on) throw new AppError('ILLEGAL_TRANSITION', 'the letter was already signed');
  if (input.signedOn > localDay(deps.clock.now())) throw invalid('signedOn', 'lies in the future');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.setSigned(trx, id, { signedOn: input.signedOn, by: ctx.principal?.name ?? null, at: now });
    await audit.record(trx, ctx, now, { action: 'liaison.sign', targetType: 'responsibility_letter', targetId: id, orgId: l.org_id, detail: { year: l.year } });
  });
  return letters(deps, scope, { year: l.year });
}

/** The year's letters of the units in scope, with how many are signed. */
export async function letters(deps: Deps, scope: Scope, q: { year: number }) {
  const ids = await visibleIds(deps, scope);
  const rows = await repo.lettersOfYear(deps.db, q.year, ids);
  return { year: q.year, signed: rows.filter((r) => r.signed).length, total: rows.length, items: rows.map((r) => ({ id: r.id, orgCode: r.code, orgName: r.name, year: r.year, title: r.title, items: r.items, signedOn: r.signed, signedBy: r.signed_by })) };
}

/** The office at a glance: member units, tasks (open, overdue; and per owner unit), notices sent and replied, letters signed. */
export async function overview(deps: Deps, scope: Scope, q: { year?: number | undefined }) {
  const year = q.year ?? Number(localDay(deps.clock.now()).slice(0, 4));
  const ids = await visibleIds(deps, scope);
  const now = deps.clock.now();
  const [members, t, l, n, units] = await Promise.all([
    repo.countMemberUnits(deps.db, ids),
    listTasks(deps, scope, { limit: 1 }),
    letters(deps, scope, { year }),
    // A partner's notices are those it received; staff's those their units sent.
    repo.noticeCounts(deps.db, ids, scope.partner ? 'to' : 'from'),
    taskVisibility(deps, scope).then((vis) => repo.taskCountsByOwner(deps.db, vis, now)),
  ]);
  return { memberUnits: members, tasks: { total: t.total, open: t.open, overdue: t.overdue }, units, notices: n, letters: { year, signed: l.signed, total: l.total } };
}

/** Tells the owner and the convening unit once when a task is past its deadline without a reply. */
export async function sweepTasks(deps: Deps): Promise<{ overdue: number }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const due = await repo.lockOverdueUnnotified(trx, now, 1000);
    if (due.length === 0) return { overdue: 0 };
    await repo.markOverdueNotified(trx, due.map((d) => d.id), now);
    await insertNotifications(trx, due.flatMap((d) => [d.owner_org_id, d.from_org_id].map((orgId) => ({ orgId, kind: 'liaison.overdue', title: `联席会议任务逾期未回复：${d.title}`, targetType: 'liaison_task', targetId: String(d.id), at: now }))));
    return { overdue: due.length };
  });
}

