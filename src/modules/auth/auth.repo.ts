import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';

type Q = Kysely<DB> | Transaction<DB>;

const principalColumns = ['orgs.code as org_code', 'orgs.kind as org_kind', 'orgs.path as org_path', 'orgs.name as org_name'] as const;

export function findUserForLogin(db: Q, username: string) {
  return db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .selectAll('users')
    .select([...principalColumns, 'orgs.active as org_active'])
    .where('users.username', '=', username)
    .executeTakeFirst();
}

export async function recordFailure(db: Q, userId: number, lockUntil: Date | null): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), ...(lockUntil ? { locked_until: lockUntil } : {}) }))
    .where('id', '=', userId)
    .execute();
}

export async function recordSuccess(db: Q, userId: number, at: Date): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: at }).where('id', '=', userId).execute();
}

export async function insertSession(
  db: Q,
  s: { id: string; userId: number; csrfToken: string; now: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

export function findSession(db: Q, id: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.username',
      'users.role',
      'users.org_id',
      'users.active',
      'orgs.active as org_active',
      ...principalColumns,
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export async function touchSession(db: Q, id: string, at: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Q, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Q, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Q, now: Date): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export function findToken(db: Q, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('orgs', 'orgs.id', 'api_tokens.org_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.role',
      'api_tokens.org_id',
      'api_tokens.revoked_at',
      'api_tokens.expires_at',
      'api_tokens.last_used_at',
      'orgs.active as org_active',
      ...principalColumns,
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchToken(db: Q, id: number, at: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
