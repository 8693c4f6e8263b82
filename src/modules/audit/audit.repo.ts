import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditRow, DB } from '../../db/types.ts';
import { orgInScope, type Scope } from '../orgs/scope.ts';

const CHAIN_LOCK = 727002;

export type AuditInsert = Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>;

/** Serialises appends so ids stay consecutive and each row links to the one before it. */
export async function lockChain(trx: Transaction<DB>): Promise<{ id: number; hash: string } | null> {
  await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last ?? null;
}

export async function insertRow(trx: Transaction<DB>, row: AuditRow): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({ ...row, detail: JSON.stringify(row.detail) })
    .execute();
}

export interface AuditFilter {
  action?: string | undefined;
  actor?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export async function listRows(
  db: Kysely<DB>,
  scope: Scope,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: (AuditRow & { org_code: string | null })[]; total: number }> {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('orgs', 'orgs.id', 'audit_log.org_id')
    .where(orgInScope(scope, 'audit_log.org_id'));
  if (filter.action) q = q.where('audit_log.action', 'like', `${filter.action.replace(/[\\%_]/g, '\\$&')}%`);
  if (filter.actor) q = q.where('audit_log.actor_name', '=', filter.actor);
  if (filter.targetType) q = q.where('audit_log.target_type', '=', filter.targetType);
  if (filter.targetId) q = q.where('audit_log.target_id', '=', filter.targetId);
  if (filter.from) q = q.where('audit_log.at', '>=', filter.from);
  if (filter.to) q = q.where('audit_log.at', '<', filter.to);
  const [rows, count] = await Promise.all([
    q
      .selectAll('audit_log')
      .select('orgs.code as org_code')
      .orderBy('audit_log.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function readBatch(db: Kysely<DB>, afterId: number, limit: number): Promise<AuditRow[]> {
  return db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export async function lastRow(db: Kysely<DB>): Promise<{ id: number } | undefined> {
  return db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** The latest entries made by one principal (a user or a token), whatever org they touched. */
export function listByActor(db: Kysely<DB>, actorType: 'user' | 'token', actorId: number, limit: number) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'action', 'target_type', 'target_id'])
    .where('actor_type', '=', actorType)
    .where('actor_id', '=', actorId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
