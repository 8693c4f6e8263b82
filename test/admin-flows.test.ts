import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from './helpers/api.ts';
import { createTestDb, type TestDb } from './helpers/db.ts';

describe('organisation, user and token administration', () => {
  let t: TestDb;
  let api: TestApi;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestDb({ demo: true });
    api = await TestApi.create(t.deps);
    admin = await api.login('demo-admin');
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  const auditOf = (action: string) =>
    t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').execute();

  it('creates a station with a grid under it and audits both', async () => {
    const station = await api.as(admin, 'POST', '/api/v1/orgs', { code: '149902009', name: '城关区开发区派出所', kind: 'station', parentCode: '149902', regionCode: '149902009' });
    expect(station.statusCode).toBe(201);
    expect(station.json()).toEqual({ code: '149902009', name: '城关区开发区派出所', kind: 'station', parentCode: '149902', regionCode: '149902009', active: true });
    const grid = await api.as(admin, 'POST', '/api/v1/orgs', { code: '149902009001', name: '开发区第1网格', kind: 'grid', parentCode: '149902009', regionCode: '149902009001' });
    expect(grid.statusCode).toBe(201);
    const children = (await api.as(admin, 'GET', '/api/v1/orgs?parentCode=149902009')).json().items;
    expect(children.map((o: { code: string }) => o.code)).toEqual(['149902009001']);
    const rows = await auditOf('org.create');
    expect(rows.slice(0, 2).map((r) => r.target_id)).toEqual(['149902009001', '149902009']);
    expect(rows[0]?.actor_name).toBe('demo-admin');
    expect((await api.as(admin, 'POST', '/api/v1/orgs', { code: '149902009', name: 'dup', kind: 'station', parentCode: '149902', regionCode: '149902009' })).statusCode).toBe(409);
  });

  it('deactivates only leaves, and a deactivated org’s users can no longer sign in', async () => {
    expect((await api.as(admin, 'PATCH', '/api/v1/orgs/149902009', { active: false })).statusCode).toBe(409);
    await api.as(admin, 'POST', '/api/v1/users', { username: 'grid-temp', password: 'Grid-temp-123', displayName: '临时网格员', role: 'grid_worker', orgCode: '149902009001' });
    const s = await api.login('grid-temp', 'Grid-temp-123');
    const off = await api.as(admin, 'PATCH', '/api/v1/orgs/149902009001', { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await api.as(s, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const again = await api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'grid-temp', password: 'Grid-temp-123' } });
    expect(again.statusCode).toBe(401);
    expect((await api.as(admin, 'GET', '/api/v1/orgs')).json().items.map((o: { code: string }) => o.code)).not.toContain('149902009001');
    expect((await api.as(admin, 'GET', '/api/v1/orgs?includeInactive=1')).json().items.map((o: { code: string }) => o.code)).toContain('149902009001');
  });

  it('masks phones in lists and reveals one only on request, leaving an audit entry', async () => {
    const list = await api.as(admin, 'GET', '/api/v1/users?role=grid_worker&pageSize=5');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.total).toBeGreaterThan(100);
    expect(body.items).toHaveLength(5);
    for (const u of body.items) expect(u.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const id = body.items[0].id;
    const revealed = await api.as(admin, 'GET', `/api/v1/users/${id}?reveal=1`);
    expect(revealed.json().phone).toMatch(/^1\d{10}$/);
    const [entry] = await auditOf('user.reveal');
    expect(entry).toMatchObject({ actor_name: 'demo-admin', target_type: 'user', target_id: String(id), detail: { fields: ['phone'] } });
  });

  it('changes a role only to one that fits the org, and ends the user’s sessions when it does', async () => {
    const created = (await api.as(admin, 'POST', '/api/v1/users', { username: 'analyst-x', password: 'Analyst-x-123', displayName: '研判员X', role: 'center_analyst', orgCode: '149903', phone: '+86 139 1234 5678' })).json();
    expect(created.phone).toBe('139****5678');
    expect((await api.as(admin, 'PATCH', `/api/v1/users/${created.id}`, { role: 'bank_liaison' })).json().errors[0].path).toBe('role');
    const s = await api.login('analyst-x', 'Analyst-x-123');
    const promoted = await api.as(admin, 'PATCH', `/api/v1/users/${created.id}`, { role: 'center_leader', displayName: '研判组长X' });
    expect(promoted.json()).toMatchObject({ role: 'center_leader', displayName: '研判组长X' });
    expect((await api.as(s, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const moved = await api.as(admin, 'PATCH', `/api/v1/users/${created.id}`, { orgCode: '149902001', role: 'station_officer' });
    expect(moved.json()).toMatchObject({ orgCode: '149902001', role: 'station_officer' });
    const self = await api.as(admin, 'PATCH', `/api/v1/users/${admin.user.id}`, { active: false });
    expect(self.statusCode).toBe(409);
  });

  it('lists tokens without their secret and refuses to revoke twice', async () => {
    const created = (await api.as(admin, 'POST', '/api/v1/tokens', { orgCode: 'ICBC', role: 'bank_liaison', name: 'ICBC 反诈系统' })).json();
    const listed = (await api.as(admin, 'GET', '/api/v1/tokens')).json().items;
    expect(listed[0]).toMatchObject({ id: created.id, name: 'ICBC 反诈系统', role: 'bank_liaison', orgCode: 'ICBC', createdBy: 'demo-admin', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect((await api.as(admin, 'POST', '/api/v1/tokens', { orgCode: 'ICBC', role: 'grid_worker', name: 'x' })).json().errors[0].path).toBe('role');
    expect((await api.as(admin, 'DELETE', `/api/v1/tokens/${created.id}`)).statusCode).toBe(204);
    expect((await api.as(admin, 'DELETE', `/api/v1/tokens/${created.id}`)).statusCode).toBe(409);
    expect((await api.as(admin, 'DELETE', '/api/v1/tokens/999999')).statusCode).toBe(404);
  });

  it('shows the audit log to admins, filtered, and verifies the chain', async () => {
    const res = await api.as(admin, 'GET', '/api/v1/audit?action=token.&pageSize=10');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { action: string; hash: string }[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.every((i) => i.action.startsWith('token.'))).toBe(true);
    const verify = await api.as(admin, 'POST', '/api/v1/audit/verify');
    expect(verify.json()).toMatchObject({ ok: true, broken: null });
    expect(verify.json().checked).toBeGreaterThan(500);
  });

  it('gives every role a home summary of its own scope', async () => {
    const bank = await api.login('demo-bank_liaison');
    const home = (await api.as(bank, 'GET', '/api/v1/home')).json();
    expect(home.scope).toEqual({ code: 'ICBC', name: '中国工商银行示例市分行', kind: 'bank', partner: true });
    expect(home.orgCounts).toEqual({ bank: 1, bank_branch: 6 });
    expect(home.userCounts).toEqual({});
    const adminHome = (await api.as(admin, 'GET', '/api/v1/home')).json();
    expect(adminHome.orgCounts.county).toBe(5);
    expect(adminHome.userCounts.grid_worker).toBeGreaterThan(100);
    expect(adminHome.recentActivity[0].action).toMatch(/^(auth|token|user|org|audit)\./);
  });

  it('publishes the OpenAPI document with every route and the docs page', async () => {
    const doc = (await api.request({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/v1/auth/login', '/api/v1/orgs', '/api/v1/orgs/{code}', '/api/v1/users/{id}', '/api/v1/tokens', '/api/v1/audit', '/api/health']) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
    expect(doc.paths['/api/v1/tokens'].post.description).toBe('Roles: admin');
    expect(doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['username', 'password', 'displayName', 'role', 'orgCode']),
    );
    const page = await api.request({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(page.statusCode);
  });
});
