import { sql, type Expression, type Insertable, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB, OutreachActivitiesTable, OutreachAudience } from '../../db/types.ts';
import { orgIdIn } from '../orgs/scope.ts';

type Q = Kysely<DB> | Transaction<DB>;

export async function insertActivity(trx: Q, row: Insertable<OutreachActivitiesTable>): Promise<number> {
  const r = await trx.insertInto('outreach_activities').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export interface ActivityFilter {
  orgIds: number[] | null;
  from?: string | undefined;
  to?: string | undefined;
  audience?: OutreachAudience | undefined;
  directiveId?: number | undefined;
}

function conditions(f: ActivityFilter): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [orgIdIn(f.orgIds, 'a.org_id')];
  if (f.from) c.push(sql<SqlBool>`a.held_on >= ${f.from}::date`);
  if (f.to) c.push(sql<SqlBool>`a.held_on < ${f.to}::date`);
  if (f.audience) c.push(sql<SqlBool>`a.audience = ${f.audience}`);
  if (f.directiveId) c.push(sql<SqlBool>`a.directive_id = ${f.directiveId}`);
  return c;
}

function activities(db: Q) {
  return db
    .selectFrom('outreach_activities as a')
    .innerJoin('orgs', 'orgs.id', 'a.org_id')
    .selectAll('a')
    .select(['orgs.code as org_code', 'orgs.name as org_name'])
    .select(sql<string>`to_char(a.held_on, 'YYYY-MM-DD')`.as('held'))
    .select((eb) => eb.selectFrom('outreach_reached as r').whereRef('r.activity_id', '=', 'a.id').select(eb.fn.countAll<number>().as('n')).as('vulnerable_reached'));
}

export function getActivity(db: Q, id: number) {
  return activities(db).where('a.id', '=', id).executeTakeFirst();
}

export async function listActivities(db: Q, f: ActivityFilter, page: { limit: number; offset: number }) {
  const c = conditions(f);
  const [rows, totals] = await Promise.all([
    activities(db)
      .where((eb) => eb.and(c))
      .orderBy('a.held_on', 'desc')
      .orderBy('a.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('outreach_activities as a')
      .where((eb) => eb.and(c))
      .select((eb) => [eb.fn.countAll<number>().as('n'), sql<string>`coalesce(sum(a.people_reached), 0)::text`.as('people')])
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(totals.n), people: Number(totals.people) };
}

/** Per unit directly below `root` (each with its subtree): activities, people reached, the vulnerable register and how much of it was reached. */
export async function coverage(db: Q, root: { id: number; path: string }, from: string, to: string) {
  const rows = await sql<{ code: string; name: string; path: string; activities: string; people: string; vulnerable: string; reached: string }>`
    WITH units AS (SELECT id, code, name, path FROM orgs WHERE parent_id = ${root.id} AND active AND kind IN ('county','station','township','grid','member_unit'))
    SELECT u.code, u.name, u.path,
      (SELECT count(*) FROM outreach_activities a JOIN orgs o ON o.id = a.org_id WHERE starts_with(o.path, u.path) AND a.held_on >= ${from}::date AND a.held_on < ${to}::date)::text AS activities,
      (SELECT coalesce(sum(a.people_reached), 0) FROM outreach_activities a JOIN orgs o ON o.id = a.org_id WHERE starts_with(o.path, u.path) AND a.held_on >= ${from}::date AND a.held_on < ${to}::date)::text AS people,
      (SELECT count(*) FROM vulnerable_people v JOIN orgs o ON o.id = v.org_id WHERE starts_with(o.path, u.path))::text AS vulnerable,
      (SELECT count(DISTINCT r.phone) FROM outreach_reached r JOIN outreach_activities a ON a.id = r.activity_id
         JOIN vulnerable_people v ON v.phone = r.phone JOIN orgs o ON o.id = v.org_id
         WHERE starts_with(o.path, u.path) AND a.held_on >= ${from}::date AND a.held_on < ${to}::date)::text AS reached
    FROM units u ORDER BY u.code`.execute(db);
  return rows.rows.map((r) => ({ code: r.code, name: r.name, path: r.path, activities: Number(r.activities), people: Number(r.people), vulnerable: Number(r.vulnerable), reached: Number(r.reached) }));
}

export async function nextDirectiveNo(db: Q): Promise<number> {
  const r = await sql<{ n: string }>`SELECT nextval('outreach_directive_no_seq')::text AS n`.execute(db);
  return Number(r.rows[0]?.n);
}

export function directiveBase(db: Q) {
  return db
    .selectFrom('outreach_directives as d')
    .innerJoin('orgs as f', 'f.id', 'd.from_org_id')
    .selectAll('d')
    .select(['f.code as from_code', 'f.name as from_name'])
    .select((eb) => [
      eb.selectFrom('outreach_directive_targets as t').whereRef('t.directive_id', '=', 'd.id').select(eb.fn.countAll<number>().as('n')).as('targets'),
      eb.selectFrom('outreach_directive_targets as t').whereRef('t.directive_id', '=', 'd.id').where('t.done_at', 'is not', null).select(eb.fn.countAll<number>().as('n')).as('done'),
    ]);
}

export function targetsOf(db: Q, directiveId: number) {
  return db
    .selectFrom('outreach_directive_targets as t')
    .innerJoin('orgs', 'orgs.id', 't.org_id')
    .select(['t.org_id', 'orgs.code', 'orgs.name', 'orgs.path', 't.done_at', 't.activity_id', 't.note'])
    .where('t.directive_id', '=', directiveId)
    .orderBy('orgs.code')
    .execute();
}
