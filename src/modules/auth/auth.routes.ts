import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ALL_ROLES } from '../../lib/roles.ts';
import type { Deps } from '../../server/context.ts';
import { publicRoute, route } from '../../server/route.ts';
import { LoginBody, LoginResponse, MeResponse } from './auth.schema.ts';
import * as service from './auth.service.ts';
import { LoginLimiter } from './login-limiter.ts';

export const SESSION_COOKIE = 'fz_sid';

export function authRoutes(app: FastifyInstance, deps: Deps): void {
  const limiter = new LoginLimiter(deps.config.loginRateLimit, deps.config.loginRateLimit * 5, deps.config.loginRateWindowMs);
  publicRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Sign in with username and password; sets the session cookie and returns the CSRF token',
    tags: ['auth'],
    auth: 'public',
    body: LoginBody,
    responses: { 200: LoginResponse },
    handler: async ({ ctx, body, request, reply }) => {
      const out = await service.login(deps, ctx, limiter, { ...body, userAgent: request.headers['user-agent'] ?? null });
      reply.setCookie(SESSION_COOKIE, out.sessionCookie, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.cookieSecure,
        // Relative lifetime: a browser whose clock differs from the server's keeps the cookie as long.
        maxAge: Math.max(1, Math.round((out.expiresAt.getTime() - deps.clock.now().getTime()) / 1000)),
      });
      return { user: out.user, csrfToken: out.csrfToken, expiresAt: out.expiresAt.toISOString() };
    },
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'End the current session',
    tags: ['auth'],
    auth: ALL_ROLES,
    status: 204,
    handler: async ({ ctx, reply }) => {
      await service.logout(deps, ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/me',
    summary: 'The caller: user or partner token',
    tags: ['auth'],
    auth: ALL_ROLES,
    responses: { 200: MeResponse },
    handler: async ({ principal }) => service.describe(deps, principal),
  });
  publicRoute(app, deps, {
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and database check',
    tags: ['ops'],
    auth: 'public',
    responses: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) },
    handler: async () => {
      await deps.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
      return { status: 'ok' as const, db: deps.dbKind };
    },
  });
}
