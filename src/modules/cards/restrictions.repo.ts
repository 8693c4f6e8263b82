import { sql, type Expression, type Insertable, type Kysely, type SqlBool, type Transaction, type Updateable } from 'kysely';
import type { AppealsTable, DB, RestrictionsTable } from '../../db/types.ts';
import { orgIdIn, orgInScope, type Scope } from '../orgs/scope.ts';
import { OPEN_APPEAL } from './appeal-steps.ts';

type Q = Kysely<DB> | Transaction<DB>;

export async function nextNo(db: Q): Promise<number> {
  const r = await sql<{ n: string }>`SELECT nextval('restriction_no_seq')::text AS n`.execute(db);
  return Number(r.rows[0]?.n);
}

/** Inserts a restriction; null when the unit already reported one with the same number (a replay). */
export async function insert(trx: Q, row: Insertable<RestrictionsTable>): Promise<number | null> {
  const r = await trx.insertInto('restrictions').values(row).onConflict((oc) => oc.columns(['org_id', 'external_id']).doNothing()).returning('id').executeTakeFirst();
  return r ? Number(r.id) : null;
}

export async function findByExternal(db: Q, orgId: number, externalId: string): Promise<number | null> {
  const r = await db.selectFrom('restrictions').select('id').where('org_id', '=', orgId).where('external_id', '=', externalId).executeTakeFirst();
  return r ? Number(r.id) : null;
}

/** Staff see restrictions of institutions registered in their jurisdiction; a partner its own (`partnerIds`). */
export function visible(scope: Scope, partnerIds: number[] | null): Expression<SqlBool> {
  return scope.partner ? orgIdIn(partnerIds, 'restrictions.org_id') : orgInScope(scope, 'restrictions.org_id');
}

function base(db: Q) {
  return db
    .selectFrom('restrictions')
    .innerJoin('orgs', 'orgs.id', 'restrictions.org_id')
    .selectAll('restrictions')
    .select(['orgs.code as org_code', 'orgs.name as org_name'])
    .select(sql<number>`(SELECT count(*) FROM appeals a WHERE a.restriction_id = restrictions.id AND a.status IN (${sql.join(OPEN_APPEAL)}))::int`.as('open_appeals'));
}

export function getById(db: Q, vis: Expression<SqlBool>, id: number) {
  return base(db).where('restrictions.id', '=', id).where(vis).executeTakeFirst();
}
export type RestrictionRow = NonNullable<Awaited<ReturnType<typeof getById>>>;

export interface RestrictionFilter {
  status?: 'in_force' | 'lifted' | undefined;
  appealOpen?: boolean | undefined;
  q?: string | undefined;
}

export async function list(db: Q, vis: Expression<SqlBool>, f: RestrictionFilter, page: { limit: number; offset: number }) {
  const c: Expression<SqlBool>[] = [vis];
  if (f.status) c.push(sql<SqlBool>`restrictions.status = ${f.status}`);
  if (f.appealOpen) c.push(sql<SqlBool>`EXISTS (SELECT 1 FROM appeals a WHERE a.restriction_id = restrictions.id AND a.status IN (${sql.join(OPEN_APPEAL)}))`);
  if (f.q) c.push(sql<SqlBool>`(restrictions.identifier = ${f.q} OR restrictions.holder_id_number = ${f.q.toUpperCase()} OR restrictions.restriction_no = ${f.q} OR restrictions.external_id = ${f.q})`);
  const [rows, count] = await Promise.all([
    base(db).where((eb) => eb.and(c)).orderBy('restrictions.restricted_at', 'desc').orderBy('restrictions.id', 'desc').limit(page.limit).offset(page.offset).execute(),
    db.selectFrom('restrictions').where((eb) => eb.and(c)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function lockForUpdate(trx: Transaction<DB>, id: number) {
  return trx.selectFrom('restrictions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function update(trx: Q, id: number, patch: Updateable<RestrictionsTable>): Promise<void> {
  await trx.updateTable('restrictions').set(patch).where('id', '=', id).execute();
}

export function appealsOf(db: Q, restrictionId: number) {
  return db.selectFrom('appeals').selectAll().where('restriction_id', '=', restrictionId).orderBy('id').execute();
}

export async function insertAppeal(trx: Q, row: Insertable<AppealsTable>): Promise<number> {
  const r = await trx.insertInto('appeals').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export function eventsOf(db: Q, restrictionId: number) {
  return db.selectFrom('restriction_events').selectAll().where('restriction_id', '=', restrictionId).orderBy('id').execute();
}
