import type { LoginResult, Me } from '../../../src/modules/auth/auth.schema.ts';
import { request, setCsrfToken } from './client.ts';

export type { Me };

export async function login(username: string, password: string): Promise<LoginResult> {
  const out = await request<LoginResult>('POST', '/api/v1/auth/login', { body: { username, password }, skipAuthRedirect: true, csrf: false });
  setCsrfToken(out.csrfToken);
  return out;
}

export async function logout(): Promise<void> {
  try {
    await request<void>('POST', '/api/v1/auth/logout', { skipAuthRedirect: true });
  } finally {
    setCsrfToken(null);
  }
}

export async function fetchMe(): Promise<Me> {
  const me = await request<Me>('GET', '/api/v1/me');
  if (me.csrfToken) setCsrfToken(me.csrfToken);
  return me;
}
