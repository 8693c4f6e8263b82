import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';

describe('key persons and people stranded abroad', () => {
  let t: TestDb;
  let api: TestApi;
  let officer: Session;
  let analyst: Session;
  beforeAll(async () => {
    t = await createTestDb({ demo: true, clockStart: '2026-06-15T02:00:00Z' });
    api = await TestApi.create(t.deps);
    officer = await api.login('demo-station_officer');
    analyst = await api.login('demo-center_analyst');
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('opens one file per person and category, masked, with family contacts', async () => {
    const body = { idNumber: '110101199003071575', name: '周九', phone: '13800138000', category: 'stranded_abroad', orgCode: '149902001', abroadLocation: '缅甸妙瓦底', returnPlan: '通过其母亲劝返，联系当地使馆', familyContacts: [{ name: '周母', relation: '母亲', phone: '13900139000' }] };
    const p = await api.as(officer, 'POST', '/api/v1/persons', body);
    expect(p.statusCode).toBe(201);
    expect(p.json()).toMatchObject({ status: 'stranded', nextStatuses: ['contacted', 'returned', 'surrendered'] });
    expect(p.json().name).not.toBe('周九');
    expect(p.json().familyContacts[0].phone).not.toBe('13900139000');
    expect((await api.as(officer, 'POST', '/api/v1/persons', body)).statusCode).toBe(409);
    expect((await api.as(officer, 'POST', '/api/v1/persons', { ...body, idNumber: '110101199003071574' })).json().errors[0].path).toBe('idNumber');
    expect((await api.as(officer, 'POST', '/api/v1/persons', { ...body, orgCode: '149923001' })).statusCode).toBe(404);
    const revealed = (await api.as(officer, 'GET', `/api/v1/persons/${p.json().id}?reveal=1`)).json();
    expect(revealed.name).toBe('周九');
  });

  it('walks the return workflow in order, starts the control period, and counts 核减率 per county', async () => {
    const [p] = (await api.as(officer, 'GET', '/api/v1/persons?category=stranded_abroad')).json().items;
    const url = `/api/v1/persons/${p.id}`;
    expect((await api.as(officer, 'POST', `${url}/status`, { to: 'under_control' })).statusCode).toBe(409);
    await api.as(officer, 'POST', `${url}/events`, { kind: 'family', at: '2026-06-15T09:00:00+08:00', text: '与其母亲面谈，母亲同意劝返' });
    expect((await api.as(officer, 'POST', `${url}/status`, { to: 'contacted' })).json().status).toBe('contacted');
    await api.as(officer, 'POST', `${url}/status`, { to: 'returning' });
    const returned = (await api.as(officer, 'POST', `${url}/status`, { to: 'returned', note: '已入境' })).json();
    expect(returned.returnedAt).toBe('2026-06-15T02:00:00.000Z');
    const controlled = (await api.as(officer, 'POST', `${url}/status`, { to: 'under_control' })).json();
    expect(controlled.controlUntil).toBe('2027-06-15T02:00:00.000Z');
    expect(controlled.events.map((e: { kind: string }) => e.kind)).toEqual(['listed', 'family', 'status', 'status', 'status', 'status']);
    await api.as(officer, 'POST', '/api/v1/persons', { idNumber: '110101199003071591', name: '吴十', category: 'stranded_abroad', orgCode: '149902001' });
    const r = (await api.as(analyst, 'GET', '/api/v1/persons/reduction')).json();
    expect(r.items.find((i: { orgCode: string }) => i.orgCode === '149902')).toMatchObject({ listed: 2, reduced: 1, rate: 0.5 });
    expect(r.total).toMatchObject({ listed: 2, reduced: 1 });
    expect(r.items).toHaveLength(5);
    // A station officer sees the row of the county the station lies in, counting the station's own files.
    const own = (await api.as(officer, 'GET', '/api/v1/persons/reduction')).json();
    expect(own.items).toEqual([expect.objectContaining({ orgCode: '149902', listed: 2, reduced: 1 })]);
  });
});
