import { currentLang } from '../i18n/lang.ts';
import { noteServerTime } from '../lib/server-time.ts';
import { ApiError, problemFromResponse } from './problem.ts';

export { ApiError } from './problem.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue> | undefined;
  body?: unknown;
  /** Sign-in answers 401 for a wrong password: that is the form's business, not a lost session. */
  skipAuthRedirect?: boolean;
  /** Sign-in has no session yet, so no CSRF token to send. */
  csrf?: boolean;
}

const SAFE: ReadonlySet<Method> = new Set(['GET']);

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => undefined;

/** The session's CSRF token, from the login response or GET /api/v1/me after a reload. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request finds the session gone (401); the app sends the user to /login. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function ensureCsrf(): Promise<string | null> {
  if (csrfToken) return csrfToken;
  const me = await send<{ csrfToken?: string }>('GET', '/api/v1/me', {});
  csrfToken = me.csrfToken ?? null;
  return csrfToken;
}

async function send<T>(method: Method, path: string, opts: RequestOptions): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    // Problem titles come back in the language the user reads.
    'accept-language': currentLang() === 'zh' ? 'zh-CN' : 'en',
  };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE.has(method) && opts.csrf !== false) {
    const token = await ensureCsrf();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  const sentAt = Date.now();
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
  } catch (err) {
    throw new ApiError({ status: 0, code: 'NETWORK', title: 'Network error', detail: err instanceof Error ? err.message : String(err) });
  }
  noteServerTime(res.headers.get('x-server-time'), sentAt, Date.now());
  if (!res.ok) {
    const problem = await problemFromResponse(res);
    if (problem.status === 401 && !opts.skipAuthRedirect) {
      csrfToken = null;
      onUnauthenticated();
    }
    throw problem;
  }
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError({ status: res.status, code: 'BAD_RESPONSE', title: 'Bad response', detail: `${method} ${path}: body is not JSON`, requestId: res.headers.get('x-request-id') });
  }
}

/** One API call. Writes carry the CSRF token; a token gone stale is refreshed once and the call retried. */
export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(method, path, opts);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'CSRF' && !SAFE.has(method) && opts.csrf !== false) {
      csrfToken = null;
      return send<T>(method, path, opts);
    }
    throw err;
  }
}
