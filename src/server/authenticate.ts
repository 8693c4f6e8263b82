import type { FastifyRequest } from 'fastify';
import { safeEqual } from '../lib/secrets.ts';
import { SESSION_COOKIE } from '../modules/auth/auth.routes.ts';
import { resolveSession, resolveToken } from '../modules/auth/auth.service.ts';
import type { Deps } from './context.ts';
import { AppError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Turns the request's credentials into a principal. A bearer token that does not resolve is refused
 * outright; a stale session cookie just leaves the request anonymous. Cookie-authenticated writes must
 * carry the session's CSRF token.
 */
export async function authenticate(deps: Deps, request: FastifyRequest): Promise<void> {
  // Signing in replaces whatever session the browser holds; it needs no CSRF token of the old one.
  if (request.routeOptions.url === '/api/v1/auth/login') return;
  const header = request.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = m?.[1] ? await resolveToken(deps, m[1]) : null;
    if (!principal) throw new AppError('UNAUTHENTICATED', 'invalid, expired or revoked API token');
    request.principal = principal;
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const principal = await resolveSession(deps, cookie);
  if (!principal) return;
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !principal.csrfToken || !safeEqual(sent, principal.csrfToken)) {
      throw new AppError('CSRF', 'cookie-authenticated writes need the x-csrf-token header from login');
    }
  }
  request.principal = principal;
}
