import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { Role } from '../../lib/roles.ts';
import { pathInScope, type Scope } from '../orgs/scope.ts';

type Q = Kysely<DB> | Transaction<DB>;

export async function insert(
  db: Q,
  t: { name: string; tokenHash: string; prefix: string; role: Role; orgId: number; createdBy: number | null; now: Date; expiresAt: Date | null },
): Promise<number> {
  const r = await db
    .insertInto('api_tokens')
    .values({
      name: t.name,
      token_hash: t.tokenHash,
      prefix: t.prefix,
      role: t.role,
      org_id: t.orgId,
      created_by: t.createdBy,
      created_at: t.now,
      expires_at: t.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

function base(db: Q, scope: Scope) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('orgs', 'orgs.id', 'api_tokens.org_id')
    .leftJoin('users', 'users.id', 'api_tokens.created_by')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.prefix',
      'api_tokens.role',
      'api_tokens.org_id',
      'api_tokens.created_at',
      'api_tokens.last_used_at',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'orgs.code as org_code',
      'orgs.name as org_name',
      'users.username as created_by_name',
    ])
    .where(pathInScope(scope, 'orgs.path'));
}

export type TokenRow = Awaited<ReturnType<typeof list>>[number];

export function list(db: Q, scope: Scope) {
  return base(db, scope).orderBy('api_tokens.id', 'desc').execute();
}

export function findById(db: Q, scope: Scope, id: number) {
  return base(db, scope).where('api_tokens.id', '=', id).executeTakeFirst();
}

export async function revoke(db: Q, id: number, at: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
