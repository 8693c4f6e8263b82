import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/lib/roles.ts';
import { ROUTE_TABLE } from '../src/server/route.ts';
import { TestApi, type Session } from './helpers/api.ts';
import { createTestDb, type TestDb } from './helpers/db.ts';

/**
 * For every role, signed in through a session and through a partner token, prove what it can see and
 * change: exactly its subtree (or its institution), nothing outside (404), no endpoint its role may
 * not call (403), and nothing at all without credentials (401).
 */

type Caller = { label: string; role: Role; call: (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => ReturnType<TestApi['request']> };

/** The org each role's callers sit in, and the root of what they must see. */
const HOME: Record<Role, { org: string; root: string }> = {
  admin: { org: '149900', root: '149900' },
  center_analyst: { org: '149900', root: '149900' },
  center_leader: { org: '149900', root: '149900' },
  viewer: { org: '149900', root: '149900' },
  station_officer: { org: '149902001', root: '149902001' },
  grid_worker: { org: '149902001001', root: '149902001001' },
  bank_liaison: { org: 'ICBC', root: 'ICBC' },
  operator_liaison: { org: 'CMCC', root: 'CMCC' },
  member_contact: { org: 'PBOC', root: 'PBOC' },
};

describe('scope matrix', () => {
  let t: TestDb;
  let api: TestApi;
  let admin: Session;
  const callers: Caller[] = [];
  let allOrgs: { code: string; path: string }[];

  const subtree = (rootCode: string): string[] => {
    const root = allOrgs.find((o) => o.code === rootCode);
    if (!root) throw new Error(`no org ${rootCode}`);
    return allOrgs.filter((o) => o.path.startsWith(root.path)).map((o) => o.code).sort();
  };

  beforeAll(async () => {
    t = await createTestDb({ demo: true });
    api = await TestApi.create(t.deps);
    allOrgs = await t.deps.db.selectFrom('orgs').select(['code', 'path']).where('active', '=', true).execute();
    admin = await api.login('demo-admin');
    for (const role of ROLES) {
      const session = await api.login(`demo-${role}`);
      expect(session.user.orgCode).toBe(HOME[role].org);
      callers.push({ label: `${role} (session)`, role, call: (m, u, b) => api.as(session, m, u, b) });
      const created = await api.as(admin, 'POST', '/api/v1/tokens', { orgCode: HOME[role].org, role, name: `matrix ${role}` });
      expect(created.statusCode).toBe(201);
      const token = created.json().token as string;
      callers.push({ label: `${role} (token)`, role, call: (m, u, b) => api.withToken(token, m, u, b) });
    }
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('lists exactly the organisations of each caller’s subtree or institution', async () => {
    for (const c of callers) {
      const res = await c.call('GET', '/api/v1/orgs');
      expect(res.statusCode, c.label).toBe(200);
      const codes = (res.json().items as { code: string }[]).map((o) => o.code).sort();
      expect(codes, c.label).toEqual(subtree(HOME[c.role].root));
    }
  });

  it('answers 404 for an organisation outside the scope', async () => {
    const outside: Partial<Record<Role, string>> = {
      station_officer: '149903001',
      grid_worker: '149902001002',
      bank_liaison: 'ABC-149902',
      operator_liaison: '149902',
      member_contact: 'ICBC',
    };
    for (const c of callers) {
      const code = outside[c.role];
      if (!code) continue;
      expect((await c.call('GET', `/api/v1/orgs/${code}`)).statusCode, c.label).toBe(404);
      expect((await c.call('GET', `/api/v1/orgs?parentCode=${code}`)).statusCode, c.label).toBe(404);
    }
  });

  it('lets only admins change organisations, users and tokens, and only admins read the audit log', async () => {
    const victim = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'demo-viewer').executeTakeFirstOrThrow();
    const writes: [string, 'POST' | 'PATCH' | 'DELETE' | 'GET', string, unknown][] = [
      ['create org', 'POST', '/api/v1/orgs', { code: 'X-1', name: 'x', kind: 'member_unit', parentCode: '149900' }],
      ['edit org', 'PATCH', '/api/v1/orgs/149902', { name: 'hijacked' }],
      ['create user', 'POST', '/api/v1/users', { username: 'intruder', password: 'Intruder-pass-1', displayName: 'x', role: 'admin', orgCode: '149900' }],
      ['edit user', 'PATCH', `/api/v1/users/${victim.id}`, { role: 'admin' }],
      ['reset password', 'POST', `/api/v1/users/${victim.id}/password`, { password: 'Hijack-pass-1' }],
      ['issue token', 'POST', '/api/v1/tokens', { orgCode: '149900', role: 'admin', name: 'x' }],
      ['list tokens', 'GET', '/api/v1/tokens', undefined],
      ['revoke token', 'DELETE', '/api/v1/tokens/1', undefined],
      ['read audit', 'GET', '/api/v1/audit', undefined],
      ['verify audit', 'POST', '/api/v1/audit/verify', undefined],
    ];
    for (const c of callers.filter((x) => x.role !== 'admin')) {
      for (const [what, method, url, body] of writes) {
        const res = await c.call(method, url, body);
        expect(res.statusCode, `${c.label} ${what}`).toBe(403);
        expect(res.json().code, `${c.label} ${what}`).toBe('FORBIDDEN');
      }
    }
    expect((await t.deps.db.selectFrom('orgs').select('name').where('code', '=', '149902').executeTakeFirstOrThrow()).name).toBe('城关区');
    expect(await t.deps.db.selectFrom('users').select('id').where('username', '=', 'intruder').executeTakeFirst()).toBeUndefined();
  });

  it('shows user records only inside the scope, to the roles that may read them', async () => {
    const inCounty = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'grid-149902001002').executeTakeFirstOrThrow();
    const elsewhere = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'officer-149923004').executeTakeFirstOrThrow();
    for (const c of callers) {
      const readers: Role[] = ['admin', 'center_leader', 'center_analyst', 'station_officer'];
      const near = await c.call('GET', `/api/v1/users/${inCounty.id}`);
      const far = await c.call('GET', `/api/v1/users/${elsewhere.id}`);
      if (!readers.includes(c.role)) {
        expect([near.statusCode, far.statusCode], c.label).toEqual([403, 403]);
      } else if (c.role === 'station_officer') {
        expect([near.statusCode, far.statusCode], c.label).toEqual([200, 404]);
        const listed = (await c.call('GET', '/api/v1/users?pageSize=200')).json().items as { orgCode: string }[];
        expect(listed.every((u) => u.orgCode.startsWith('149902001')), c.label).toBe(true);
      } else {
        expect([near.statusCode, far.statusCode], c.label).toEqual([200, 200]);
      }
    }
  });

  it('confines a county admin to its county', async () => {
    const created = await api.as(admin, 'POST', '/api/v1/users', {
      username: 'admin-149903',
      password: 'County-admin-1',
      displayName: '河东管理员',
      role: 'admin',
      orgCode: '149903',
    });
    expect(created.statusCode).toBe(201);
    const county = await api.login('admin-149903', 'County-admin-1');
    const orgs = (await api.as(county, 'GET', '/api/v1/orgs')).json().items as { code: string }[];
    expect(orgs.map((o) => o.code).sort()).toEqual(subtree('149903'));
    expect((await api.as(county, 'PATCH', '/api/v1/orgs/149902', { name: 'x' })).statusCode).toBe(404);
    expect((await api.as(county, 'POST', '/api/v1/orgs', { code: 'G-X', name: 'x', kind: 'member_unit', parentCode: '149900' })).statusCode).toBe(404);
    expect(
      (await api.as(county, 'POST', '/api/v1/users', { username: 'cross', password: 'Cross-county-1', displayName: 'x', role: 'station_officer', orgCode: '149902001' })).statusCode,
    ).toBe(404);
    expect((await api.as(county, 'POST', '/api/v1/tokens', { orgCode: 'ICBC', role: 'bank_liaison', name: 'x' })).statusCode).toBe(404);
    const own = await api.as(county, 'POST', '/api/v1/users', { username: 'officer-new', password: 'Station-new-1', displayName: '新民警', role: 'station_officer', orgCode: '149903002' });
    expect(own.statusCode).toBe(201);
    const tokens = (await api.as(county, 'GET', '/api/v1/tokens')).json().items as { orgCode: string }[];
    expect(tokens).toEqual([]);
    const audit = (await api.as(county, 'GET', '/api/v1/audit?pageSize=200')).json().items as { orgCode: string | null }[];
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.orgCode !== null && subtree('149903').includes(a.orgCode))).toBe(true);
    expect((await api.as(county, 'POST', '/api/v1/audit/verify')).statusCode).toBe(403);
  });

  it('gives bank liaisons their own institution’s requests and freezes only, and no case files', async () => {
    const analyst = await api.login('demo-center_analyst');
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const created = await api.as(analyst, 'POST', '/api/v1/cases', {
      source: 'matrix',
      reportedAt: new Date(Date.now() - 60_000).toISOString(),
      victim: { name: '测试', phone: '13800138000' },
      regionCode: '149902',
      narrative: '冒充客服退款',
      lossAmount: '300.00',
      transfers: [
        { fromAccount: '6222020200112233446', fromBank: '工行', toAccount: '6228480012345678903', toBank: '农业银行', amount: '100.00', at },
        { fromAccount: '6222020200112233446', fromBank: '工行', toAccount: '6212260000000000018', toBank: '工商银行', amount: '200.00', at },
      ],
    });
    expect(created.statusCode).toBe(201);
    const { id: caseId, stopPayments } = created.json() as { id: number; stopPayments: { id: number; bankOrgCode: string }[] };
    const toIcbc = stopPayments.find((s) => s.bankOrgCode === 'ICBC');
    const toAbc = stopPayments.find((s) => s.bankOrgCode === 'ABC');
    await api.as(analyst, 'POST', `/api/v1/cases/${caseId}/freezes`, { account: '6228480012345678903', documentNo: '冻字〔2026〕1号', kind: 'full' });
    for (const c of callers.filter((x) => x.role === 'bank_liaison')) {
      const requests = (await c.call('GET', '/api/v1/bank/requests?pageSize=200')).json().items as { id: number; bankOrgCode: string }[];
      expect(requests.map((r) => r.id), c.label).toContain(toIcbc?.id);
      expect(requests.every((r) => r.bankOrgCode === 'ICBC'), c.label).toBe(true);
      const freezes = (await c.call('GET', '/api/v1/bank/freezes')).json().items as { bankOrgCode: string }[];
      expect(freezes.every((f) => f.bankOrgCode === 'ICBC'), c.label).toBe(true);
      expect((await c.call('POST', `/api/v1/bank/requests/${toAbc?.id}/response`, { result: 'rejected' })).statusCode, c.label).toBe(404);
      expect((await c.call('GET', `/api/v1/cases/${caseId}`)).statusCode, c.label).toBe(403);
      expect((await c.call('GET', `/api/v1/cases/${caseId}/trace`)).statusCode, c.label).toBe(403);
    }
    for (const c of callers.filter((x) => ['operator_liaison', 'member_contact', 'grid_worker'].includes(x.role))) {
      expect((await c.call('GET', '/api/v1/bank/requests')).statusCode, c.label).toBe(403);
    }
  });

  it('keeps 断卡 leads, punishments, restrictions and appeals inside each caller’s jurisdiction or institution', async () => {
    const analyst = await api.login('demo-center_analyst');
    const bankCallers = callers.filter((x) => x.role === 'bank_liaison');
    const bank = bankCallers[0];
    if (!bank) throw new Error('no bank caller');
    const restriction = (await bank.call('POST', '/api/v1/cards/restrictions', { externalId: 'MATRIX-1', kind: 'bank_account', identifier: '6212260000000000018', measure: 'limit', reason: '异常交易，限制非柜面业务', restrictedAt: new Date(Date.now() - 60_000).toISOString() })).json();
    expect(restriction.id).toBeGreaterThan(0);
    const appeal = (await api.as(analyst, 'POST', `/api/v1/cards/restrictions/${restriction.id}/appeals`, { grounds: '本人正常经营收款，申请解除。' })).json();
    for (const c of callers) {
      const leads = await c.call('GET', '/api/v1/cards/leads?pageSize=200');
      const punishments = await c.call('GET', '/api/v1/cards/punishments?pageSize=200');
      const restrictions = await c.call('GET', '/api/v1/cards/restrictions?pageSize=200');
      const queue = await c.call('GET', '/api/v1/cards/appeals?pageSize=200');
      const inside = new Set(subtree(HOME[c.role].root));
      if (leads.statusCode === 200) expect((leads.json().items as { orgCode: string }[]).every((l) => inside.has(l.orgCode)), c.label).toBe(true);
      if (punishments.statusCode === 200) expect((punishments.json().items as { orgCode: string }[]).every((p) => inside.has(p.orgCode)), c.label).toBe(true);
      if (restrictions.statusCode === 200) expect((restrictions.json().items as { orgCode: string }[]).every((r) => inside.has(r.orgCode)), c.label).toBe(true);
      if (queue.statusCode === 200) expect((queue.json().items as { holderOrgCode: string; submittedBy: string }[]).every((a) => inside.has(a.holderOrgCode) || c.role === 'bank_liaison' || c.role === 'operator_liaison'), c.label).toBe(true);
      const sees = (await c.call('GET', `/api/v1/cards/restrictions/${restriction.id}`)).statusCode;
      const queued = queue.statusCode === 200 && (queue.json().items as { id: number }[]).some((a) => a.id === appeal.id);
      // Only the bank that placed it and the city center see the restriction and its appeal.
      const expected = c.role === 'bank_liaison' || ['admin', 'center_analyst', 'center_leader', 'viewer'].includes(c.role);
      expect(sees, c.label).toBe(expected ? 200 : ['operator_liaison'].includes(c.role) ? 404 : 403);
      expect(queued, c.label).toBe(expected);
      if (c.role === 'operator_liaison') expect((await c.call('POST', `/api/v1/cards/restriction-appeals/${appeal.id}/accept`, {})).statusCode, c.label).toBe(404);
    }
    expect((await bank.call('POST', `/api/v1/cards/restriction-appeals/${appeal.id}/accept`, {})).statusCode).toBe(200);
  });

  it('covers every protected endpoint: 401 without credentials, 403 for every role not allowed', async () => {
    const routes = new Map(ROUTE_TABLE.map((r) => [`${r.method} ${r.url}`, r]));
    expect(routes.size).toBeGreaterThanOrEqual(17);
    for (const r of routes.values()) {
      const url = r.url.replace(':code', '149900').replace(':id', '1');
      if (r.auth === 'public') continue;
      const anon = await api.request({ method: r.method, url, ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }) });
      expect(anon.statusCode, `${r.method} ${r.url} anonymous`).toBe(401);
      for (const c of callers) {
        if (r.auth.includes(c.role)) continue;
        const res = await c.call(r.method as 'GET', url, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        expect(res.statusCode, `${r.method} ${r.url} as ${c.label}`).toBe(403);
      }
    }
  });
});
