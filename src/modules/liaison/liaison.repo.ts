import { sql, type Expression, type Insertable, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB, LiaisonMeetingsTable, LiaisonTasksTable } from '../../db/types.ts';
import { orgIdIn } from '../orgs/scope.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** An active org by its code (the service decides whether its kind may sit at the meeting). */
export function findActiveOrg(db: Q, code: string) {
  return db.selectFrom('orgs').select(['id', 'code', 'name', 'kind', 'path']).where('code', '=', code).where('active', '=', true).executeTakeFirst();
}

/** The code and name of the given orgs, by code. */
export async function orgNames(db: Q, ids: number[]): Promise<{ code: string; name: string }[]> {
  if (!ids.length) return [];
  return db.selectFrom('orgs').select(['code', 'name']).where('id', 'in', ids).orderBy('code').execute();
}

/** The next number of the meeting sequence, as text. */
export async function nextMeetingNo(trx: Q): Promise<string> {
  const seq = await sql<{ n: string }>`SELECT nextval('liaison_meeting_no_seq')::text AS n`.execute(trx);
  return String(seq.rows[0]?.n ?? 0);
}

export async function insertMeeting(trx: Q, row: Insertable<LiaisonMeetingsTable>): Promise<number> {
  const m = await trx.insertInto('liaison_meetings').values(row).returning('id').executeTakeFirstOrThrow();
  return m.id;
}

export function insertTasks(trx: Q, rows: Insertable<LiaisonTasksTable>[]) {
  return trx.insertInto('liaison_tasks').values(rows).returning(['id', 'owner_org_id', 'title']).execute();
}

/** A meeting convened by one of `orgIds` (null: any). */
export function findMeeting(db: Q, id: number, orgIds: number[] | null) {
  return db
    .selectFrom('liaison_meetings as m')
    .selectAll('m')
    .where('m.id', '=', id)
    .where(orgIdIn(orgIds, 'm.org_id'))
    .executeTakeFirst();
}

/** Meetings convened by one of `orgIds` (null: any), newest first, with their tasks and answered tasks counted. */
export function listMeetings(db: Q, orgIds: number[] | null, limit: number) {
  return db
    .selectFrom('liaison_meetings as m')
    .select(['m.id', 'm.meeting_no', 'm.held_at', 'm.title'])
    .select((eb) => [
      eb.selectFrom('liaison_tasks as t').whereRef('t.meeting_id', '=', 'm.id').select(eb.fn.countAll<number>().as('n')).as('tasks'),
      eb.selectFrom('liaison_tasks as t').whereRef('t.meeting_id', '=', 'm.id').where('t.replied_at', 'is not', null).select(eb.fn.countAll<number>().as('n')).as('done'),
    ])
    .where(orgIdIn(orgIds, 'm.org_id'))
    .orderBy('m.held_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Which tasks (`liaison_tasks as t`) the orgs `orgIds` see (null: all): those they own, and unless
 * `ownedOnly`, those they assigned.
 */
export function taskVisibility(orgIds: number[] | null, ownedOnly: boolean): Expression<SqlBool> {
  if (orgIds === null) return sql<SqlBool>`true`;
  return ownedOnly ? sql<SqlBool>`t.owner_org_id = ANY(${orgIds}::int8[])` : sql<SqlBool>`(t.from_org_id = ANY(${orgIds}::int8[]) OR t.owner_org_id = ANY(${orgIds}::int8[]))`;
}

function tasks(db: Q) {
  return db
    .selectFrom('liaison_tasks as t')
    .innerJoin('orgs as o', 'o.id', 't.owner_org_id')
    .innerJoin('orgs as f', 'f.id', 't.from_org_id')
    .leftJoin('liaison_meetings as m', 'm.id', 't.meeting_id')
    .select(['t.id', 't.meeting_id', 't.title', 't.detail', 't.due_at', 't.reply_text', 't.replied_at', 't.replied_by', 't.from_org_id', 't.owner_org_id', 't.created_at', 't.overdue_notified_at', 'o.code as owner_code', 'o.name as owner_name', 'f.name as from_name', 'm.meeting_no']);
}

/** One task with its owner, convening unit and meeting; `visible` (over `t`) limits it to the caller's. */
export function findTask(db: Q, id: number, visible?: Expression<SqlBool>) {
  let query = tasks(db).where('t.id', '=', id);
  if (visible) query = query.where(visible);
  return query.executeTakeFirst();
}
export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

/** One task, which must exist (read back after a change). */
export function getTask(db: Q, id: number): Promise<TaskRow> {
  return tasks(db).where('t.id', '=', id).executeTakeFirstOrThrow();
}

export function tasksOfMeeting(db: Q, meetingId: number): Promise<TaskRow[]> {
  return tasks(db).where('t.meeting_id', '=', meetingId).orderBy('t.id').execute();
}

export interface TaskFilter {
  open?: 'true' | 'false' | undefined;
  overdue?: 'true' | 'false' | undefined;
  ownerCode?: string | undefined;
}

/** The tasks `visible` lets through, filtered, by deadline. */
export function listTasks(db: Q, visible: Expression<SqlBool>, f: TaskFilter, now: Date, limit: number): Promise<TaskRow[]> {
  let query = tasks(db).where(visible);
  if (f.open === 'true') query = query.where('t.replied_at', 'is', null);
  if (f.open === 'false') query = query.where('t.replied_at', 'is not', null);
  if (f.ownerCode) query = query.where('o.code', '=', f.ownerCode);
  if (f.overdue === 'true') query = query.where('t.replied_at', 'is', null).where('t.due_at', '<', now);
  return query.orderBy('t.due_at').orderBy('t.id').limit(limit).execute();
}

/** All the tasks `visible` lets through, open and overdue at `now` counted. */
export async function taskCounts(db: Q, visible: Expression<SqlBool>, now: Date): Promise<{ total: number; open: number; overdue: number }> {
  const r = await db
    .selectFrom('liaison_tasks as t')
    .where(visible)
    .select([sql<number>`count(*)`.as('total'), sql<number>`count(*) FILTER (WHERE t.replied_at IS NULL)`.as('open'), sql<number>`count(*) FILTER (WHERE t.replied_at IS NULL AND t.due_at < ${now})`.as('overdue')])
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), open: Number(r.open), overdue: Number(r.overdue) };
}

/** Records the answer unless the task was answered meanwhile. */
export async function setReply(trx: Q, id: number, reply: { text: string; at: Date; by: string | null }): Promise<void> {
  await trx.updateTable('liaison_tasks').set({ reply_text: reply.text, replied_at: reply.at, replied_by: reply.by }).where('id', '=', id).where('replied_at', 'is', null).execute();
}

/** Open tasks past their deadline whose owners were not yet told, locked (others' sweeps skip them). */
export function lockOverdueUnnotified(trx: Q, now: Date, limit: number) {
  return trx.selectFrom('liaison_tasks').select(['id', 'title', 'owner_org_id', 'from_org_id']).where('replied_at', 'is', null).where('overdue_notified_at', 'is', null).where('due_at', '<', now).limit(limit).forUpdate().skipLocked().execute();
}

export async function markOverdueNotified(trx: Q, ids: number[], at: Date): Promise<void> {
  await trx.updateTable('liaison_tasks').set({ overdue_notified_at: at }).where('id', 'in', ids).execute();
}

export interface OwnerTaskCounts {
  code: string;
  name: string;
  total: number;
  open: number;
  overdue: number;
  done: number;
}

/**
 * The tasks `visible` lets through (an expression over `liaison_tasks as t`), counted per owner unit: the
 * units with the most overdue, then open tasks first.
 */
export async function taskCountsByOwner(db: Q, visible: Expression<SqlBool>, now: Date): Promise<OwnerTaskCounts[]> {
  const rows = await db
    .selectFrom('liaison_tasks as t')
    .innerJoin('orgs as o', 'o.id', 't.owner_org_id')
    .where(visible)
    .select(['o.code', 'o.name'])
    .select([
      sql<number>`count(*)`.as('total'),
      sql<number>`count(*) FILTER (WHERE t.replied_at IS NULL)`.as('open'),
      sql<number>`count(*) FILTER (WHERE t.replied_at IS NULL AND t.due_at < ${now})`.as('overdue'),
    ])
    .groupBy(['o.code', 'o.name'])
    .execute();
  return rows
    .map((r) => ({ code: r.code, name: r.name, total: Number(r.total), open: Number(r.open), overdue: Number(r.overdue), done: Number(r.total) - Number(r.open) }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.code.localeCompare(b.code));
}

/** A unit's letter of a year. */
export function findLetterOf(db: Q, orgId: number, year: number) {
  return db.selectFrom('responsibility_letters').select(['id', 'signed_on']).where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst();
}

/** A letter of one of `orgIds` (null: any). */
export function findLetter(db: Q, id: number, orgIds: number[] | null) {
  return db
    .selectFrom('responsibility_letters')
    .select(['id', 'org_id', 'year', 'signed_on'])
    .where('id', '=', id)
    .where(orgIdIn(orgIds, 'org_id'))
    .executeTakeFirst();
}

/** Writes a unit's letter of a year, or rewrites its title and items. */
export async function upsertLetter(trx: Q, l: { orgId: number; year: number; title: string; items: { item: string; measure: string }[]; by: string | null; at: Date }): Promise<void> {
  await trx
    .insertInto('responsibility_letters')
    .values({ org_id: l.orgId, year: l.year, title: l.title, items: JSON.stringify(l.items), created_by: l.by, created_at: l.at, updated_at: l.at })
    .onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet({ title: l.title, items: JSON.stringify(l.items), updated_at: l.at }))
    .execute();
}

export async function setSigned(trx: Q, id: number, s: { signedOn: string; by: string | null; at: Date }): Promise<void> {
  await trx.updateTable('responsibility_letters').set({ signed_on: s.signedOn, signed_by: s.by, updated_at: s.at }).where('id', '=', id).execute();
}

/** The letters of a year of `orgIds` (null: all), by unit code. */
export function lettersOfYear(db: Q, year: number, orgIds: number[] | null) {
  return db
    .selectFrom('responsibility_letters as l')
    .innerJoin('orgs as o', 'o.id', 'l.org_id')
    .select(['l.id', 'l.year', 'l.title', 'l.items', 'l.signed_by', 'o.code', 'o.name'])
    .select(sql<string | null>`to_char(l.signed_on, 'YYYY-MM-DD')`.as('signed'))
    .where('l.year', '=', year)
    .where(orgIdIn(orgIds, 'l.org_id'))
    .orderBy('o.code')
    .execute();
}

/** Active member units among `orgIds` (null: all). */
export async function countMemberUnits(db: Q, orgIds: number[] | null): Promise<number> {
  const r = await db.selectFrom('orgs').select(sql<number>`count(*)`.as('n')).where('kind', '=', 'member_unit').where('active', '=', true).where(orgIdIn(orgIds, 'id')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Notices (提示函) sent and replied, of `orgIds` (null: all) as their receivers (`to`) or senders (`from`). */
export async function noticeCounts(db: Q, orgIds: number[] | null, side: 'to' | 'from'): Promise<{ sent: number; replied: number }> {
  const r = await db
    .selectFrom('unit_notices')
    .select([sql<number>`count(*)`.as('sent'), sql<number>`count(replied_at)`.as('replied')])
    .where(orgIdIn(orgIds, side === 'to' ? 'to_org_id' : 'from_org_id'))
    .executeTakeFirstOrThrow();
  return { sent: Number(r.sent), replied: Number(r.replied) };
}
