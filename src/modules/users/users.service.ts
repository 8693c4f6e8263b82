import { maskFields } from '../../lib/mask.ts';
import { roleFitsOrgKind, ROLE_ORG_KINDS, type Role } from '../../lib/roles.ts';
import { hashPassword, passwordProblem } from '../../lib/secrets.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { conflict, invalid, notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { deleteUserSessions } from '../auth/auth.repo.ts';
import { requireInScope } from '../orgs/orgs.service.ts';
import type { Scope } from '../orgs/scope.ts';
import * as repo from './users.repo.ts';
import type { UserCreateInput, UserDto, UserUpdateInput } from './users.schema.ts';

export function present(u: repo.UserRow, now: Date, reveal: boolean): UserDto {
  return maskFields(
    {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      role: u.role,
      orgCode: u.org_code,
      orgName: u.org_name,
      phone: u.phone,
      active: u.active,
      locked: u.locked_until !== null && u.locked_until > now,
      lastLoginAt: u.last_login_at?.toISOString() ?? null,
      createdAt: u.created_at.toISOString(),
    },
    { phone: 'phone' },
    reveal,
  );
}

function checkRoleOrg(role: Role, orgKind: Parameters<typeof roleFitsOrgKind>[1]): void {
  if (!roleFitsOrgKind(role, orgKind)) {
    throw invalid('role', `a ${role} belongs to a ${ROLE_ORG_KINDS[role].join(' or ')}, not a ${orgKind}`);
  }
}

export async function list(deps: Deps, scope: Scope, query: { q?: string | undefined; role?: Role | undefined; orgCode?: string | undefined; active?: 'true' | 'false' | undefined; page: number; pageSize: number }) {
  const org = query.orgCode ? await requireInScope(deps, scope, query.orgCode, 'orgCode') : undefined;
  const { rows, total } = await repo.list(
    deps.db,
    scope,
    { q: query.q, role: query.role, orgId: org?.id, active: query.active === undefined ? undefined : query.active === 'true' },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const now = deps.clock.now();
  return { items: rows.map((r) => present(r, now, false)), total };
}

export async function get(deps: Deps, ctx: RequestContext, scope: Scope, id: number, reveal: boolean): Promise<UserDto> {
  const user = await repo.findById(deps.db, scope, id);
  if (!user) throw notFound('user');
  if (reveal) {
    await audit.recordAlone(deps, ctx, { action: 'user.reveal', targetType: 'user', targetId: id, orgId: user.org_id, detail: { fields: ['phone'] } });
  }
  return present(user, deps.clock.now(), reveal);
}

/** Creates a user; scope null is the command line, which may place users anywhere. */
export async function create(deps: Deps, ctx: RequestContext, scope: Scope | null, input: UserCreateInput): Promise<UserDto> {
  const org = await requireInScope(deps, scope, input.orgCode, 'orgCode');
  checkRoleOrg(input.role, org.kind);
  const weak = passwordProblem(input.password);
  if (weak) throw invalid('password', weak);
  const passwordHash = await hashPassword(input.password);
  return createWithHash(deps, ctx, { ...input, orgId: org.id }, passwordHash);
}

/** Inserts a user with an already computed hash (the demo seeder hashes one password for all its users). */
export async function createWithHash(
  deps: Deps,
  ctx: RequestContext,
  input: Omit<UserCreateInput, 'password' | 'orgCode'> & { orgId: number },
  passwordHash: string,
): Promise<UserDto> {
  return deps.db.transaction().execute(async (trx) => {
    if (await repo.usernameTaken(trx, input.username)) throw conflict(`username ${input.username} is taken`);
    const now = deps.clock.now();
    const id = await repo.insert(trx, {
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      role: input.role,
      org_id: input.orgId,
      phone: input.phone ?? null,
      created_at: now,
      updated_at: now,
    });
    await audit.record(trx, ctx, now, {
      action: 'user.create',
      targetType: 'user',
      targetId: id,
      orgId: input.orgId,
      detail: { username: input.username, role: input.role },
    });
    const row = await repo.findById(trx, null, id);
    if (!row) throw notFound('user');
    return present(row, now, false);
  });
}

export async function update(deps: Deps, ctx: RequestContext, scope: Scope, id: number, patch: UserUpdateInput): Promise<UserDto> {
  const user = await repo.findById(deps.db, scope, id);
  if (!user) throw notFound('user');
  if (ctx.principal?.type === 'user' && ctx.principal.id === id && (patch.active === false || (patch.role && patch.role !== user.role))) {
    throw conflict('you cannot deactivate yourself or change your own role');
  }
  const org = patch.orgCode ? await requireInScope(deps, scope, patch.orgCode, 'orgCode') : undefined;
  const role = patch.role ?? user.role;
  const orgKind = org?.kind ?? (await requireInScope(deps, null, user.org_code, 'orgCode')).kind;
  checkRoleOrg(role, orgKind);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await repo.update(trx, id, {
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(org ? { org_id: org.id } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.unlock ? { locked_until: null, failed_logins: 0 } : {}),
      updated_at: now,
    });
    // A changed role, place or status must not ride on sessions opened under the old one.
    if (patch.active === false || patch.role !== undefined || org) await deleteUserSessions(trx, id);
    const { phone: _phone, ...safe } = patch;
    await audit.record(trx, ctx, now, {
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      orgId: org?.id ?? user.org_id,
      detail: { ...safe, ...(patch.phone !== undefined ? { phoneChanged: true } : {}) },
    });
    const row = await repo.findById(trx, null, id);
    if (!row) throw notFound('user');
    return present(row, now, false);
  });
}

export async function resetPassword(deps: Deps, ctx: RequestContext, scope: Scope, id: number, password: string): Promise<void> {
  const user = await repo.findById(deps.db, scope, id);
  if (!user) throw notFound('user');
  const weak = passwordProblem(password);
  if (weak) throw invalid('password', weak);
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await repo.update(trx, id, { password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: now });
    await deleteUserSessions(trx, id);
    await audit.record(trx, ctx, now, { action: 'user.password_reset', targetType: 'user', targetId: id, orgId: user.org_id });
  });
}
