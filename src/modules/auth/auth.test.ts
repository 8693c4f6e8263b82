import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { DEMO_PASSWORD } from '../../../test/helpers/templates.ts';

describe('authentication over HTTP', () => {
  let t: TestDb;
  let api: TestApi;
  beforeAll(async () => {
    t = await createTestDb({ demo: true, config: { loginRateLimit: 5, lockAfterFailures: 4, lockMinutes: 15 } });
    api = await TestApi.create(t.deps);
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('logs in with an httpOnly, SameSite session cookie and returns the CSRF token', async () => {
    const res = await api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'demo-admin', password: DEMO_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'demo-admin', role: 'admin', orgCode: '149900' });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === 'fz_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const stored = await t.deps.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(cookie?.value); // only the hash is kept
  });

  it('answers 401 problem+json on a wrong password or unknown user, and audits both', async () => {
    for (const username of ['demo-analyst-nobody', 'demo-viewer']) {
      const res = await api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'wrong-pass-1' }, remoteAddress: '10.0.0.9' });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 401, code: 'BAD_CREDENTIALS', requestId: expect.any(String) });
    }
    const failures = await t.deps.db.selectFrom('audit_log').select(['actor_name', 'detail']).where('action', '=', 'auth.login_failed').execute();
    expect(failures.map((f) => f.actor_name)).toEqual(expect.arrayContaining(['demo-analyst-nobody', 'demo-viewer']));
  });

  it('rate-limits repeated attempts from one address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 7; i++) {
      last = await api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'demo-center_leader', password: 'nope-nope-1' }, remoteAddress: '10.9.9.9' });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 4).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.json().code).toBe('RATE_LIMITED');
  });

  it('locks an account after repeated wrong passwords, even from many addresses', async () => {
    for (let i = 0; i < 4; i++) {
      await api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'demo-member_contact', password: `bad-guess-${i}` }, remoteAddress: `10.1.1.${i}` });
    }
    const res = await api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'demo-member_contact', password: DEMO_PASSWORD }, remoteAddress: '10.1.2.1' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(16 * 60_000);
    const later = await api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'demo-member_contact', password: DEMO_PASSWORD }, remoteAddress: '10.1.2.2' });
    expect(later.statusCode).toBe(200);
  });

  it('requires the CSRF header on cookie-authenticated writes but not on reads', async () => {
    const s = await api.login('demo-admin');
    expect((await api.as(s, 'GET', '/api/v1/me')).json()).toMatchObject({ username: 'demo-admin', role: 'admin', orgCode: '149900', csrfToken: s.csrf });
    const noCsrf = await api.request({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie: s.cookie },
      payload: { orgCode: 'ICBC', role: 'bank_liaison', name: 'x' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CSRF');
    const wrong = await api.request({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie: s.cookie, 'x-csrf-token': 'not-it' },
      payload: { orgCode: 'ICBC', role: 'bank_liaison', name: 'x' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(await t.deps.db.selectFrom('api_tokens').select('id').execute()).toHaveLength(0);
    const ok = await api.as(s, 'POST', '/api/v1/tokens', { orgCode: 'ICBC', role: 'bank_liaison', name: 'ICBC core' });
    expect(ok.statusCode).toBe(201);
  });

  it('accepts partner bearer tokens without CSRF and refuses revoked or unknown ones with 401', async () => {
    const admin = await api.login('demo-admin');
    const created = (await api.as(admin, 'POST', '/api/v1/tokens', { orgCode: 'CMCC', role: 'operator_liaison', name: 'CMCC model' })).json();
    expect(created.token).toMatch(/^fz_/);
    const me = await api.withToken(created.token, 'GET', '/api/v1/me');
    expect(me.json()).toMatchObject({ username: 'CMCC model', role: 'operator_liaison', orgCode: 'CMCC', authType: 'token' });
    const stored = await t.deps.db.selectFrom('api_tokens').select(['token_hash', 'prefix']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(created.token.slice(3));
    expect(created.token.startsWith(stored.prefix)).toBe(true);
    expect((await api.as(admin, 'DELETE', `/api/v1/tokens/${created.id}`)).statusCode).toBe(204);
    const after = await api.withToken(created.token, 'GET', '/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect((await api.withToken('fz_made-up', 'GET', '/api/v1/orgs')).statusCode).toBe(401);
    expect((await api.request({ method: 'GET', url: '/api/v1/orgs', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
  });

  it('ends sessions on logout, after the idle timeout, and when an admin resets the password', async () => {
    const s = await api.login('demo-viewer');
    expect((await api.as(s, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await api.as(s, 'GET', '/api/v1/me')).statusCode).toBe(401);

    const idle = await api.login('demo-center_analyst');
    t.clock.advance((t.deps.config.sessionIdleMinutes + 1) * 60_000);
    expect((await api.as(idle, 'GET', '/api/v1/me')).statusCode).toBe(401);

    const victim = await api.login('demo-station_officer');
    const admin = await api.login('demo-admin');
    const reset = await api.as(admin, 'POST', `/api/v1/users/${victim.user.id}/password`, { password: 'New-password-77' });
    expect(reset.statusCode).toBe(204);
    expect((await api.as(victim, 'GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await api.login('demo-station_officer', 'New-password-77')).user.role).toBe('station_officer');
  });

  it('reports health without authentication', async () => {
    const res = await api.request({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: t.deps.dbKind });
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('echoes a caller-supplied request id and puts it in problems', async () => {
    const res = await api.request({ method: 'GET', url: '/api/v1/me', headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    expect(res.json().requestId).toBe('trace-abc-123');
  });
});
