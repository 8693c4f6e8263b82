import { sql, type Expression, type Insertable, type Kysely, type SqlBool, type Transaction, type Updateable } from 'kysely';
import type { AppealsTable, DB, PunishmentsTable } from '../../db/types.ts';
import { orgInScope, type Scope } from '../orgs/scope.ts';

type Q = Kysely<DB> | Transaction<DB>;

export async function nextNo(db: Q): Promise<number> {
  const r = await sql<{ n: string }>`SELECT nextval('punishment_no_seq')::text AS n`.execute(db);
  return Number(r.rows[0]?.n);
}

export async function insert(trx: Q, row: Insertable<PunishmentsTable>): Promise<number> {
  const r = await trx.insertInto('punishments').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export function getById(db: Q, scope: Scope, id: number) {
  return db
    .selectFrom('punishments')
    .innerJoin('orgs', 'orgs.id', 'punishments.org_id')
    .selectAll('punishments')
    .select(['orgs.code as org_code', 'orgs.name as org_name'])
    .where('punishments.id', '=', id)
    .where(orgInScope(scope, 'punishments.org_id'))
    .executeTakeFirst();
}
export type PunishmentRow = NonNullable<Awaited<ReturnType<typeof getById>>>;

export interface PunishmentFilter {
  status?: string | undefined;
  /** The notice number or the person's ID number, exactly. */
  q?: string | undefined;
  orgScope?: Scope | undefined;
}

/** Newest first, with the total counted on punishments alone. */
export async function list(db: Q, scope: Scope, f: PunishmentFilter, limit: number, offset: number) {
  const c: Expression<SqlBool>[] = [orgInScope(scope, 'punishments.org_id')];
  if (f.status) c.push(sql<SqlBool>`punishments.status = ${f.status}`);
  if (f.q) c.push(sql<SqlBool>`(punishments.notice_no = ${f.q} OR punishments.person_id_number = ${f.q.toUpperCase()})`);
  if (f.orgScope) c.push(orgInScope(f.orgScope, 'punishments.org_id'));
  const [rows, count] = await Promise.all([
    db.selectFrom('punishments').innerJoin('orgs', 'orgs.id', 'punishments.org_id').selectAll('punishments').select(['orgs.code as org_code', 'orgs.name as org_name']).where((eb) => eb.and(c)).orderBy('punishments.id', 'desc').limit(limit).offset(offset).execute(),
    db.selectFrom('punishments').where((eb) => eb.and(c)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function lockForUpdate(trx: Transaction<DB>, id: number) {
  return trx.selectFrom('punishments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function update(trx: Q, id: number, patch: Updateable<PunishmentsTable>): Promise<void> {
  await trx.updateTable('punishments').set(patch).where('id', '=', id).execute();
}

/** The person's earlier measures that ran (or run): the basis of the five-year cap. */
export function periodsOf(db: Q, idNumber: string, exceptId: number) {
  return db
    .selectFrom('punishments')
    .select(['starts_at', 'ends_at', 'lifted_at'])
    .where('person_id_number', '=', idNumber)
    .where('id', '<>', exceptId)
    .where('status', 'in', ['active', 'lifted', 'expired'])
    .where('starts_at', 'is not', null)
    .execute();
}

export function activeByIdNumbers(db: Q, idNumbers: string[]) {
  if (idNumbers.length === 0) return Promise.resolve([]);
  return db.selectFrom('punishments').select(['person_id_number', 'notice_no', 'ends_at', 'measures']).where('status', '=', 'active').where('person_id_number', 'in', idNumbers).execute();
}

export function activeLapsed(trx: Transaction<DB>, now: Date, limit: number) {
  return trx.selectFrom('punishments').select(['id', 'org_id', 'notice_no']).where('status', '=', 'active').where('ends_at', '<=', now).limit(limit).forUpdate().skipLocked().execute();
}

export async function insertAppeal(trx: Q, row: Insertable<AppealsTable>): Promise<number> {
  const r = await trx.insertInto('appeals').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export function appealsOf(db: Q, punishmentId: number) {
  return db.selectFrom('appeals').selectAll().where('punishment_id', '=', punishmentId).orderBy('id').execute();
}

export function lockAppeal(trx: Transaction<DB>, id: number) {
  return trx.selectFrom('appeals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateAppeal(trx: Q, id: number, patch: Updateable<AppealsTable>): Promise<void> {
  await trx.updateTable('appeals').set(patch).where('id', '=', id).execute();
}

export function eventsOf(db: Q, punishmentId: number) {
  return db.selectFrom('punishment_events').selectAll().where('punishment_id', '=', punishmentId).orderBy('id').execute();
}

/** Partner institutions (head orgs of banks and operators), told when a measure is lifted. */
export function institutions(db: Q) {
  return db.selectFrom('orgs').select('id').where('kind', 'in', ['bank', 'operator']).where('active', '=', true).execute();
}
