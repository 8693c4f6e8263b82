import type { Deps, Principal, RequestContext } from '../../server/context.ts';
import { AppError } from '../../server/errors.ts';
import { burnPasswordCheck, randomToken, sha256Hex, verifyPassword } from '../../lib/secrets.ts';
import * as audit from '../audit/audit.service.ts';
import * as orgsRepo from '../orgs/orgs.repo.ts';
import * as usersRepo from '../users/users.repo.ts';
import * as repo from './auth.repo.ts';
import type { Me } from './auth.schema.ts';
import type { LoginLimiter } from './login-limiter.ts';

/** Session activity is written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60_000;

export interface LoginOutcome {
  user: { id: number; username: string; role: Principal['role']; orgCode: string };
  csrfToken: string;
  sessionCookie: string;
  expiresAt: Date;
}

export async function login(
  deps: Deps,
  ctx: RequestContext,
  limiter: LoginLimiter,
  input: { username: string; password: string; userAgent: string | null },
): Promise<LoginOutcome> {
  const now = deps.clock.now();
  const wait = limiter.take(ctx.ip ?? 'unknown', input.username, now.getTime());
  if (wait > 0) {
    await audit.recordAlone(deps, ctx, { action: 'auth.login_rate_limited', actorName: input.username });
    throw new AppError('RATE_LIMITED', `too many login attempts, retry in ${wait} s`, { headers: { 'retry-after': String(wait) } });
  }
  const user = await repo.findUserForLogin(deps.db, input.username);
  if (!user) {
    await burnPasswordCheck(input.password);
    await audit.recordAlone(deps, ctx, { action: 'auth.login_failed', actorName: input.username, detail: { reason: 'unknown_user' } });
    throw new AppError('BAD_CREDENTIALS');
  }
  if (user.locked_until && user.locked_until > now) {
    await audit.recordAlone(deps, ctx, {
      action: 'auth.login_failed',
      actorName: input.username,
      targetType: 'user',
      targetId: user.id,
      orgId: user.org_id,
      detail: { reason: 'locked' },
    });
    throw new AppError('ACCOUNT_LOCKED', `account locked until ${user.locked_until.toISOString()}`);
  }
  const passwordOk = await verifyPassword(user.password_hash, input.password);
  if (!passwordOk || !user.active || !user.org_active) {
    const failures = user.failed_logins + 1;
    const lockUntil =
      !passwordOk && failures >= deps.config.lockAfterFailures ? new Date(now.getTime() + deps.config.lockMinutes * 60_000) : null;
    await deps.db.transaction().execute(async (trx) => {
      if (!passwordOk) await repo.recordFailure(trx, user.id, lockUntil);
      await audit.record(trx, ctx, now, {
        action: 'auth.login_failed',
        actorName: input.username,
        targetType: 'user',
        targetId: user.id,
        orgId: user.org_id,
        detail: { reason: passwordOk ? 'inactive' : 'password', ...(lockUntil ? { lockedUntil: lockUntil.toISOString() } : {}) },
      });
    });
    throw new AppError('BAD_CREDENTIALS');
  }
  const sessionCookie = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = sessionExpiry(deps, now, now);
  await deps.db.transaction().execute(async (trx) => {
    await repo.recordSuccess(trx, user.id, now);
    await repo.insertSession(trx, {
      id: sha256Hex(sessionCookie),
      userId: user.id,
      csrfToken,
      now,
      expiresAt,
      ip: ctx.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    const principal = userPrincipal(user.id, user.username, user.role, user.org_id, user);
    await audit.record(trx, { ...ctx, principal }, now, { action: 'auth.login', targetType: 'user', targetId: user.id });
  });
  return { user: { id: user.id, username: user.username, role: user.role, orgCode: user.org_code }, csrfToken, sessionCookie, expiresAt };
}

function sessionExpiry(deps: Deps, createdAt: Date, now: Date): Date {
  const idle = now.getTime() + deps.config.sessionIdleMinutes * 60_000;
  const max = createdAt.getTime() + deps.config.sessionMaxHours * 3_600_000;
  return new Date(Math.min(idle, max));
}

function userPrincipal(
  id: number,
  username: string,
  role: Principal['role'],
  orgId: number,
  org: { org_code: string; org_kind: Principal['orgKind']; org_path: string },
): Principal {
  return { type: 'user', id, name: username, role, orgId, orgCode: org.org_code, orgKind: org.org_kind, orgPath: org.org_path };
}

export async function resolveSession(deps: Deps, cookie: string): Promise<Principal | null> {
  const id = sha256Hex(cookie);
  const s = await repo.findSession(deps.db, id);
  const now = deps.clock.now();
  if (!s || !s.active || !s.org_active) return null;
  if (s.expires_at <= now) {
    await repo.deleteSession(deps.db, id);
    return null;
  }
  if (now.getTime() - s.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await repo.touchSession(deps.db, id, now, sessionExpiry(deps, s.created_at, now));
  }
  return { ...userPrincipal(s.user_id, s.username, s.role, s.org_id, s), csrfToken: s.csrf_token, sessionId: id };
}

export async function resolveToken(deps: Deps, token: string): Promise<Principal | null> {
  const t = await repo.findToken(deps.db, sha256Hex(token));
  const now = deps.clock.now();
  if (!t || t.revoked_at || !t.org_active || (t.expires_at && t.expires_at <= now)) return null;
  if (!t.last_used_at || now.getTime() - t.last_used_at.getTime() > TOUCH_EVERY_MS) await repo.touchToken(deps.db, t.id, now);
  return { type: 'token', id: t.id, name: t.name, role: t.role, orgId: t.org_id, orgCode: t.org_code, orgKind: t.org_kind, orgPath: t.org_path };
}

export async function logout(deps: Deps, ctx: RequestContext): Promise<void> {
  const p = ctx.principal;
  if (!p?.sessionId) return;
  const sessionId = p.sessionId;
  await deps.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await audit.record(trx, ctx, deps.clock.now(), { action: 'auth.logout', targetType: 'user', targetId: p.id });
  });
}

export async function describe(deps: Deps, principal: Principal): Promise<Me> {
  const [org, user] = await Promise.all([
    orgsRepo.findById(deps.db, principal.orgId),
    principal.type === 'user' ? usersRepo.findById(deps.db, null, principal.id) : undefined,
  ]);
  return {
    id: principal.id,
    username: principal.name,
    role: principal.role,
    orgCode: principal.orgCode,
    orgName: org?.name ?? principal.orgCode,
    orgKind: principal.orgKind,
    displayName: user?.display_name ?? null,
    authType: principal.type,
    ...(principal.csrfToken ? { csrfToken: principal.csrfToken } : {}),
  };
}
