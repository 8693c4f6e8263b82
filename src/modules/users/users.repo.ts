import type { Kysely, Transaction } from 'kysely';
import type { DB, NewUser, UserUpdate } from '../../db/types.ts';
import type { Role } from '../../lib/roles.ts';
import { pathInScope, type Scope } from '../orgs/scope.ts';

type Q = Kysely<DB> | Transaction<DB>;

function base(db: Q, scope: Scope | null) {
  let q = db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.org_id',
      'users.phone',
      'users.active',
      'users.locked_until',
      'users.last_login_at',
      'users.created_at',
      'orgs.code as org_code',
      'orgs.name as org_name',
      'orgs.path as org_path',
    ]);
  if (scope) q = q.where(pathInScope(scope, 'orgs.path'));
  return q;
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export function findById(db: Q, scope: Scope | null, id: number) {
  return base(db, scope).where('users.id', '=', id).executeTakeFirst();
}

export interface UserFilter {
  q?: string | undefined;
  role?: Role | undefined;
  orgId?: number | undefined;
  active?: boolean | undefined;
}

export async function list(db: Q, scope: Scope, filter: UserFilter, page: { limit: number; offset: number }) {
  let q = base(db, scope);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('users.username', 'like', like), eb('users.display_name', 'like', like)]));
  }
  if (filter.role) q = q.where('users.role', '=', filter.role);
  if (filter.orgId !== undefined) q = q.where('users.org_id', '=', filter.orgId);
  if (filter.active !== undefined) q = q.where('users.active', '=', filter.active);
  const [rows, count] = await Promise.all([
    q.orderBy('orgs.path').orderBy('users.username').limit(page.limit).offset(page.offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function usernameTaken(db: Q, username: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

export async function insert(db: Q, user: NewUser): Promise<number> {
  const r = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function update(db: Q, id: number, patch: UserUpdate): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function countByRole(db: Q, scope: Scope): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select(['users.role', (eb) => eb.fn.countAll<number>().as('n')])
    .where(pathInScope(scope, 'orgs.path'))
    .where('users.active', '=', true)
    .groupBy('users.role')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.role, Number(r.n)]));
}

export function findByUsernames(db: Q, usernames: readonly string[]) {
  return base(db, null).where('users.username', 'in', [...usernames]).execute();
}
