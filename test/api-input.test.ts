import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from './helpers/api.ts';
import { createTestDb, type TestDb } from './helpers/db.ts';

/** Bad input of every kind gets a 4xx problem naming the field, and nothing is half-written. */
describe('bad input', () => {
  let t: TestDb;
  let api: TestApi;
  let admin: Session;
  const counts = async () => {
    const [orgs, users, audit] = await Promise.all(
      (['orgs', 'users', 'audit_log'] as const).map((tb) =>
        t.deps.db.selectFrom(tb).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ),
    );
    return { orgs: Number(orgs?.n), users: Number(users?.n), audit: Number(audit?.n) };
  };
  const post = (url: string, payload: string, contentType = 'application/json') =>
    api.request({ method: 'POST', url, payload, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': contentType } });

  beforeAll(async () => {
    t = await createTestDb({ demo: true, config: { bodyLimitBytes: 64 * 1024 } });
    api = await TestApi.create(t.deps);
    admin = await api.login('demo-admin');
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('malformed JSON is a 400 problem on the body', async () => {
    const before = await counts();
    const res = await post('/api/v1/users', '{"username": "a",');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'MALFORMED_BODY', status: 400, errors: [{ path: 'body' }] });
    expect(await counts()).toEqual(before);
  });

  it('wrong types and missing fields name each field', async () => {
    const res = await post('/api/v1/users', JSON.stringify({ username: 42, password: 'Good-pass-12', role: 'wizard', orgCode: '149900' }));
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['displayName', 'role', 'username']);
  });

  it('unknown fields are refused by name', async () => {
    const res = await post('/api/v1/orgs', JSON.stringify({ code: 'U1', name: 'u', kind: 'member_unit', parentCode: '149900', isAdmin: true }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'isAdmin', message: 'unknown field "isAdmin"' }]);
  });

  it('oversized bodies are 413, wrong content types 415', async () => {
    const big = JSON.stringify({ code: 'BIG', name: 'x'.repeat(70 * 1024), kind: 'member_unit', parentCode: '149900' });
    const res = await post('/api/v1/orgs', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('TOO_LARGE');
    const form = await post('/api/v1/orgs', 'code=x', 'application/x-www-form-urlencoded');
    expect(form.statusCode).toBe(415);
  });

  it('long strings are 400 on the field, SQL metacharacters are data', async () => {
    const long = await post('/api/v1/orgs', JSON.stringify({ code: 'LONG', name: '长'.repeat(101), kind: 'member_unit', parentCode: '149900' }));
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].path).toBe('name');
    const nasty = "x'); DROP TABLE users; --";
    const res = await post('/api/v1/orgs', JSON.stringify({ code: 'SQLI', name: nasty, kind: 'member_unit', parentCode: '149900' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe(nasty);
    const search = await api.as(admin, 'GET', `/api/v1/orgs?q=${encodeURIComponent("%' OR '1'='1")}`);
    expect(search.statusCode).toBe(200);
    expect(search.json().items).toEqual([]);
    const badCode = await post('/api/v1/orgs', JSON.stringify({ code: "A'; --", name: 'n', kind: 'member_unit', parentCode: '149900' }));
    expect(badCode.json().errors[0].path).toBe('code');
    expect(Number((await t.deps.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(200);
  });

  it('bad query and path parameters are 400 naming the parameter', async () => {
    const q = await api.as(admin, 'GET', '/api/v1/users?pageSize=100000&role=wizard');
    expect(q.statusCode).toBe(400);
    expect((q.json().errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['query.pageSize', 'query.role']);
    const p = await api.as(admin, 'GET', '/api/v1/users/abc');
    expect(p.statusCode).toBe(400);
    expect(p.json().errors[0].path).toBe('params.id');
    const unknownQuery = await api.as(admin, 'GET', '/api/v1/orgs?colour=red');
    expect(unknownQuery.json().errors[0].path).toBe('query.colour');
  });

  it('a refused business rule leaves no row and no audit entry', async () => {
    const before = await counts();
    const wrongParent = await post('/api/v1/orgs', JSON.stringify({ code: 'GRID-X', name: 'x', kind: 'grid', parentCode: '149902', regionCode: '149902001009' }));
    expect(wrongParent.statusCode).toBe(400);
    expect(wrongParent.json().errors[0].path).toBe('kind');
    const outsideRegion = await post('/api/v1/orgs', JSON.stringify({ code: '149903009', name: 'x', kind: 'station', parentCode: '149902', regionCode: '149903009' }));
    expect(outsideRegion.json().errors[0]).toMatchObject({ path: 'regionCode' });
    const weak = await post('/api/v1/users', JSON.stringify({ username: 'weakling', password: 'password', displayName: 'w', role: 'viewer', orgCode: '149900' }));
    expect(weak.json().errors[0]).toMatchObject({ path: 'password' });
    const misfit = await post('/api/v1/users', JSON.stringify({ username: 'misfit', password: 'Misfit-pass-1', displayName: 'm', role: 'grid_worker', orgCode: 'ICBC' }));
    expect(misfit.json().errors[0]).toMatchObject({ path: 'role' });
    const badPhone = await post('/api/v1/users', JSON.stringify({ username: 'phoney', password: 'Phoney-pass-1', displayName: 'p', role: 'viewer', orgCode: '149900', phone: '12012345678' }));
    expect(badPhone.json().errors[0]).toMatchObject({ path: 'phone' });
    const dup = await post('/api/v1/users', JSON.stringify({ username: 'demo-viewer', password: 'Dupe-pass-123', displayName: 'd', role: 'viewer', orgCode: '149900' }));
    expect(dup.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('unknown API paths are 404 problems, not the web shell', async () => {
    const res = await api.as(admin, 'GET', '/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });
});
