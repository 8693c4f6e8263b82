import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { idCheckChar } from '../../lib/id-number.ts';
import { sweepControlEnds } from './persons.sweep.ts';

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

/** A valid resident ID number of 城关区 born in 1990, distinct per seq. */
function idNo(seq: number): string {
  const first17 = `14990219900101${String(seq).padStart(3, '0')}`;
  return `${first17}${idCheckChar(first17)}`;
}

describe('editing files, the list, the period of the 核减率 and the control-period sweep', () => {
  let t: TestDb;
  let api: TestApi;
  let officer: Session;
  let analyst: Session;
  let grid: Session;
  let seq = 0;
  const STATION = '149902001';
  const open = async (who: Session, extra: Record<string, unknown> = {}) => {
    const idNumber = idNo(++seq);
    const res = await api.as(who, 'POST', '/api/v1/persons', { idNumber, name: `郑${'甲乙丙丁戊己庚辛壬癸'[seq % 10]}${seq}`, category: 'stranded_abroad', orgCode: STATION, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return { ...(res.json() as { id: number; events: unknown[] }), idNumber };
  };
  /** Sessions lapse when the test clock jumps: sign in again. */
  const signIn = async () => {
    officer = await api.login('demo-station_officer');
    analyst = await api.login('demo-center_analyst');
    grid = await api.login('demo-grid_worker');
  };
  const userId = async (username: string) => (await t.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const errorPath = (res: { json: () => { errors?: { path: string }[] } }) => res.json().errors?.[0]?.path;

  beforeAll(async () => {
    t = await createTestDb({ demo: true, clockStart: '2026-06-15T02:00:00Z' });
    api = await TestApi.create(t.deps);
    await signIn();
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('edits phone, measures, location, plan and family contacts; the timeline names the fields, the audit keeps no personal values', async () => {
    const p = await open(officer, { phone: '13800138000', returnPlan: '旧计划', familyContacts: [{ name: '郑母', relation: '母亲' }] });
    const url = `/api/v1/persons/${p.id}`;
    const edit = { phone: '13912345678', measures: ['每周谈话', '重点时段管控'], abroadLocation: '柬埔寨西港', returnPlan: '新计划：由其父亲赴口岸接回', familyContacts: [{ name: '郑父', relation: '父亲', phone: '13700137000' }] };
    const res = await api.as(officer, 'PATCH', url, edit);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({ phone: '139****5678', measures: edit.measures, abroadLocation: '柬埔寨西港', returnPlan: edit.returnPlan, familyContacts: [{ name: '郑*', relation: '父亲', phone: '137****7000' }] });
    const updated = out.events.at(-1);
    expect(updated).toMatchObject({ kind: 'updated', detail: { fields: ['phone', 'measures', 'abroadLocation', 'returnPlan', 'familyContacts'] } });
    expect(JSON.stringify(updated.detail)).not.toContain('13912345678');
    const revealed = (await api.as(officer, 'GET', `${url}?reveal=1`)).json();
    expect(revealed).toMatchObject({ phone: '13912345678', familyContacts: [{ name: '郑父', relation: '父亲', phone: '13700137000' }] });
    const audits = await t.deps.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'person.update').where('target_id', '=', String(p.id)).execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]?.detail).toEqual({ fields: ['phone', 'measures', 'abroadLocation', 'returnPlan', 'familyContacts'] });

    // The same values again change nothing: no event, no audit entry.
    expect((await api.as(officer, 'PATCH', url, edit)).json().events).toHaveLength(out.events.length);
    // Cleared with null or an empty string.
    const cleared = (await api.as(officer, 'PATCH', url, { phone: null, returnPlan: '' })).json();
    expect(cleared).toMatchObject({ phone: null, returnPlan: null });
    expect(cleared.events.at(-1).detail.fields).toEqual(['phone', 'returnPlan']);
  });

  it('refuses bad edits with 400 naming the field', async () => {
    const p = await open(officer);
    const url = `/api/v1/persons/${p.id}`;
    const bad: [unknown, string][] = [
      [{}, 'body'],
      [{ phone: '12345' }, 'phone'],
      [{ measures: ['x'.repeat(201)] }, 'measures.0'],
      [{ returnPlan: 'x'.repeat(5001) }, 'returnPlan'],
      [{ familyContacts: [{ name: '郑*', relation: '父亲' }] }, 'familyContacts.0.name'],
      [{ familyContacts: [{ name: '郑父', relation: '', phone: '13700137000' }] }, 'familyContacts.0.relation'],
      [{ officerId: 'me' }, 'officerId'],
      [{ idNumber: idNo(900) }, 'idNumber'],
      [{ orgCode: '149902001001' }, 'orgCode'],
    ];
    for (const [body, path] of bad) {
      const res = await api.as(officer, 'PATCH', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorPath(res), JSON.stringify(body)).toBe(path);
    }
    expect((await api.as(officer, 'PATCH', '/api/v1/persons/abc', { returnPlan: 'x' })).statusCode).toBe(400);
  });

  it('makes only an active police user of the file’s unit or below responsible, and shows the officer’s name', async () => {
    const p = await open(officer);
    const url = `/api/v1/persons/${p.id}`;
    const me = officer.user.id;
    const name = (await t.deps.db.selectFrom('users').select('display_name').where('id', '=', me).executeTakeFirstOrThrow()).display_name;
    const assigned = (await api.as(officer, 'PATCH', url, { officerId: me })).json();
    expect(assigned).toMatchObject({ officerId: me, officerName: name });
    expect(assigned.events.at(-1)).toMatchObject({ kind: 'updated', detail: { fields: ['officerId'], officer: name } });
    expect((await api.as(officer, 'GET', '/api/v1/persons?officerId=me')).json().items.map((i: { id: number }) => i.id)).toContain(p.id);

    const inactive = await userId('officer-149902001');
    await t.deps.db.updateTable('users').set({ active: false }).where('id', '=', inactive).execute();
    const refused = [
      grid.user.id, // a grid worker is no police officer
      await userId('officer-149902002'), // another station
      analyst.user.id, // the city center lies above the station, not inside it
      await userId('demo-viewer'),
      inactive,
      99_999_999,
    ];
    for (const officerId of refused) {
      const res = await api.as(officer, 'PATCH', url, { officerId });
      expect(res.statusCode, String(officerId)).toBe(400);
      expect(errorPath(res)).toBe('officerId');
    }
    await t.deps.db.updateTable('users').set({ active: true }).where('id', '=', inactive).execute();
    expect((await api.as(officer, 'PATCH', url, { officerId: inactive })).json().officerId).toBe(inactive);
    expect((await api.as(officer, 'PATCH', url, { officerId: null })).json()).toMatchObject({ officerId: null, officerName: null });

    // The picker offers exactly those: police of the unit and below it, active.
    const offered = (await api.as(officer, 'GET', `/api/v1/persons/officers?orgCode=${STATION}`)).json().items as { id: number; role: string; orgCode: string }[];
    expect(offered.map((o) => o.id)).toEqual(expect.arrayContaining([me, inactive]));
    expect(offered.every((o) => o.orgCode.startsWith(STATION) && ['station_officer', 'center_analyst', 'center_leader'].includes(o.role))).toBe(true);
    const county = (await api.as(analyst, 'GET', '/api/v1/persons/officers?orgCode=149902')).json().items as { id: number }[];
    expect(county.map((o) => o.id)).toEqual(expect.arrayContaining([me, await userId('analyst-149902'), await userId('leader-149902')]));
    expect((await api.as(officer, 'GET', '/api/v1/persons/officers?orgCode=149903001')).statusCode).toBe(404);
    expect(errorPath(await api.as(officer, 'GET', '/api/v1/persons/officers'))).toBe('query.orgCode');
  });

  it('hands a file to another unit in the caller’s scope; an officer who does not work there stops being responsible', async () => {
    const p = await open(officer);
    const url = `/api/v1/persons/${p.id}`;
    await api.as(officer, 'PATCH', url, { officerId: officer.user.id });
    // A station officer reaches no other unit.
    expect((await api.as(officer, 'PATCH', url, { orgCode: '149902002' })).statusCode).toBe(404);
    expect((await api.as(officer, 'PATCH', url, { orgCode: '149903001' })).statusCode).toBe(404);
    const moved = (await api.as(analyst, 'PATCH', url, { orgCode: '149902002' })).json();
    expect(moved).toMatchObject({ orgCode: '149902002', officerId: null });
    expect(moved.events.at(-1)).toMatchObject({ kind: 'updated', detail: { fields: ['officerId', 'orgCode'], toOrg: moved.orgName } });
    const audit = await t.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'person.update').where('target_id', '=', String(p.id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.detail).toEqual({ fields: ['officerId', 'orgCode'], officerId: null, fromOrgCode: STATION, toOrgCode: '149902002' });
    // Out of the station's reach now.
    expect((await api.as(officer, 'GET', url)).statusCode).toBe(404);
    expect((await api.as(officer, 'PATCH', url, { returnPlan: 'x' })).statusCode).toBe(404);
    // Up to the county with the county's analyst responsible, in one edit; an officer of the county's station stays.
    const county = (await api.as(analyst, 'PATCH', url, { orgCode: '149902', officerId: await userId('analyst-149902') })).json();
    expect(county).toMatchObject({ orgCode: '149902', officerName: expect.any(String) });
    expect((await api.as(analyst, 'PATCH', url, { officerId: officer.user.id })).json().officerId).toBe(officer.user.id);
    expect((await api.as(analyst, 'PATCH', url, { orgCode: STATION })).json()).toMatchObject({ orgCode: STATION, officerId: officer.user.id });
    // A grid keeps no file; an unknown unit is 404.
    expect(errorPath(await api.as(analyst, 'PATCH', url, { orgCode: '149902001001' }))).toBe('orgCode');
    expect((await api.as(analyst, 'PATCH', url, { orgCode: 'NOPE' })).statusCode).toBe(404);
  });

  it('lets only writers edit (403 for the others) and grid workers read their station’s files and add to the work log', async () => {
    const p = await open(officer);
    const url = `/api/v1/persons/${p.id}`;
    for (const role of ['grid_worker', 'viewer', 'center_leader', 'bank_liaison'] as const) {
      const s = await api.login(`demo-${role}`);
      expect((await api.as(s, 'PATCH', url, { returnPlan: 'x' })).statusCode, role).toBe(403);
      expect((await api.as(s, 'GET', `/api/v1/persons/officers?orgCode=${STATION}`)).statusCode, role).toBe(403);
    }
    const list = (await api.as(grid, 'GET', '/api/v1/persons?pageSize=200')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toContain(p.id);
    expect(list.items.every((i: { orgCode: string }) => i.orgCode === STATION)).toBe(true);
    expect((await api.as(grid, 'GET', url)).statusCode).toBe(200);
    const ev = await api.as(grid, 'POST', `${url}/events`, { kind: 'movement', at: '2026-06-15T09:30:00+08:00', text: '其家属称本人已到达口岸' });
    expect(ev.statusCode).toBe(200);
    expect(ev.json().events.at(-1)).toMatchObject({ kind: 'movement' });
    expect((await api.as(grid, 'POST', `${url}/status`, { to: 'contacted' })).statusCode).toBe(403);
    // Another county's file is not there for the station or its grid.
    const far = (await api.as(analyst, 'POST', '/api/v1/persons', { idNumber: idNo(700), name: '远方', category: 'stranded_abroad', orgCode: '149903001' })).json();
    for (const s of [officer, grid]) {
      expect((await api.as(s, 'GET', `/api/v1/persons/${far.id}`)).statusCode).toBe(404);
      expect((await api.as(s, 'POST', `/api/v1/persons/${far.id}/events`, { kind: 'note', at: '2026-06-15T09:30:00+08:00', text: 'x' })).statusCode).toBe(404);
    }
    expect((await api.as(officer, 'PATCH', `/api/v1/persons/${far.id}`, { returnPlan: 'x' })).statusCode).toBe(404);
  });

  it('lists with a total: search by exact ID number, phone or the start of a name; by unit, by officer, overdue control; masked', async () => {
    const a = await open(officer, { name: '欧阳明', phone: '13611112222' });
    const b = await open(officer, { name: '欧阳亮', category: 'returnee' });
    const ids = (res: { json: () => { items: { id: number }[] } }) => res.json().items.map((i) => i.id);
    const byId = await api.as(officer, 'GET', `/api/v1/persons?q=${a.idNumber.toLowerCase()}`);
    expect(byId.json()).toMatchObject({ total: 1, items: [{ id: a.id, name: '欧*明', phone: '136****2222' }] });
    expect(ids(await api.as(officer, 'GET', '/api/v1/persons?q=13611112222'))).toEqual([a.id]);
    expect(ids(await api.as(officer, 'GET', `/api/v1/persons?q=${encodeURIComponent('欧阳')}`))).toEqual([b.id, a.id]);
    // Only exact ID numbers: a part of one finds nothing; a LIKE wildcard is taken literally.
    expect((await api.as(officer, 'GET', `/api/v1/persons?q=${a.idNumber.slice(0, 10)}`)).json().total).toBe(0);
    expect((await api.as(officer, 'GET', '/api/v1/persons?q=%25')).json().total).toBe(0);
    expect(ids(await api.as(officer, 'GET', `/api/v1/persons?q=${encodeURIComponent('欧阳')}&category=returnee`))).toEqual([b.id]);

    // Paging: the total counts every match, each page the newest change first.
    const all = (await api.as(officer, 'GET', '/api/v1/persons?pageSize=200')).json();
    expect(all.total).toBe(all.items.length);
    const page2 = (await api.as(officer, 'GET', '/api/v1/persons?pageSize=2&page=2')).json();
    expect(page2.total).toBe(all.total);
    expect(page2.items.map((i: { id: number }) => i.id)).toEqual(all.items.slice(2, 4).map((i: { id: number }) => i.id));
    // The latest change first: an event moves a file to the top.
    t.clock.advance(1000);
    await api.as(officer, 'POST', `/api/v1/persons/${a.id}/events`, { kind: 'note', at: '2026-06-15T09:00:00+08:00', text: '电话回访' });
    expect(ids(await api.as(officer, 'GET', '/api/v1/persons?pageSize=1'))).toEqual([a.id]);

    // By unit: the county's analyst narrows to the station; the station officer cannot widen to another one.
    const station = (await api.as(analyst, 'GET', `/api/v1/persons?orgCode=${STATION}&pageSize=200`)).json();
    expect(station.total).toBe(all.total);
    expect((await api.as(analyst, 'GET', '/api/v1/persons?orgCode=149903&pageSize=200')).json().items.every((i: { orgCode: string }) => i.orgCode.startsWith('149903'))).toBe(true);
    const outside = await api.as(officer, 'GET', '/api/v1/persons?orgCode=149903');
    expect(outside.statusCode).toBe(404);
    expect(errorPath(outside)).toBe('query.orgCode');

    // By officer: "me", or an id.
    await api.as(officer, 'PATCH', `/api/v1/persons/${b.id}`, { officerId: officer.user.id });
    expect(ids(await api.as(officer, 'GET', `/api/v1/persons?officerId=me&q=${encodeURIComponent('欧阳')}`))).toEqual([b.id]);
    expect(ids(await api.as(analyst, 'GET', `/api/v1/persons?officerId=${officer.user.id}&q=${encodeURIComponent('欧阳')}`))).toEqual([b.id]);
    expect((await api.as(analyst, 'GET', `/api/v1/persons?officerId=me&orgCode=${STATION}`)).json().total).toBe(0);

    // Overdue control: 'b' (a returnee) is under control for 12 months; after them it is overdue.
    expect(ids(await api.as(officer, 'GET', '/api/v1/persons?overdueControl=true'))).not.toContain(b.id);
    for (const [query, path] of [
      ['pageSize=0', 'query.pageSize'],
      ['officerId=abc', 'query.officerId'],
      ['overdueControl=yes', 'query.overdueControl'],
      ['sort=name', 'query.sort'],
      [`q=${'x'.repeat(51)}`, 'query.q'],
      ['bogus=1', 'query.bogus'],
    ]) {
      const res = await api.as(officer, 'GET', `/api/v1/persons?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(errorPath(res), query).toBe(path);
    }
  });

  it('counts the 核减率 of those listed in a period of China-time days, to excluded', async () => {
    const before = (await api.as(analyst, 'GET', '/api/v1/persons/reduction')).json();
    const row = (r: { items: { orgCode: string; listed: number; reduced: number }[] }) => r.items.find((i) => i.orgCode === '149902');
    // Listed at 01:30 on 16 June, China time (still 15 June in UTC).
    t.clock.set('2026-06-15T17:30:00Z');
    await signIn();
    const late = await open(officer);
    await api.as(officer, 'POST', `/api/v1/persons/${late.id}/status`, { to: 'surrendered' });
    const day15 = (await api.as(analyst, 'GET', '/api/v1/persons/reduction?from=2026-06-15&to=2026-06-16')).json();
    const day16 = (await api.as(analyst, 'GET', '/api/v1/persons/reduction?from=2026-06-16&to=2026-06-17')).json();
    expect(day15.period).toEqual({ from: '2026-06-15', to: '2026-06-16' });
    expect(row(day16)).toMatchObject({ listed: 1, reduced: 1, rate: 1 });
    expect(row(day15)?.listed).toBe((row(before)?.listed ?? 0));
    expect(row(day15)?.reduced).toBe(0);
    const all = (await api.as(analyst, 'GET', '/api/v1/persons/reduction')).json();
    expect(all.period).toEqual({ from: null, to: null });
    expect(row(all)).toMatchObject({ listed: (row(before)?.listed ?? 0) + 1, reduced: (row(before)?.reduced ?? 0) + 1 });
    // Open-ended on either side.
    expect(row((await api.as(analyst, 'GET', '/api/v1/persons/reduction?from=2026-06-16')).json())?.listed).toBe(1);
    expect(row((await api.as(analyst, 'GET', '/api/v1/persons/reduction?to=2026-06-16')).json())?.listed).toBe(row(before)?.listed);
    // Grid workers see their station's files counted in their county's row.
    expect(row((await api.as(grid, 'GET', '/api/v1/persons/reduction?from=2026-06-16')).json())?.listed).toBe(1);
    for (const [query, path] of [
      ['from=2026-6-1', 'query.from'],
      ['from=2026-02-30', 'query.from'],
      ['to=tomorrow', 'query.to'],
      ['from=2026-06-16&to=2026-06-16', 'query.to'],
      ['from=2026-06-17&to=2026-06-16', 'query.to'],
    ]) {
      const res = await api.as(analyst, 'GET', `/api/v1/persons/reduction?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(errorPath(res), query).toBe(path);
    }
  });

  it('tells the unit once when a control period has ended, and again after control starts anew', async () => {
    const p = await open(officer);
    const url = `/api/v1/persons/${p.id}`;
    await api.as(officer, 'POST', `${url}/status`, { to: 'returned' });
    const controlled = (await api.as(officer, 'POST', `${url}/status`, { to: 'under_control' })).json();
    const station = await t.deps.db.selectFrom('orgs').select('id').where('code', '=', STATION).executeTakeFirstOrThrow();
    const told = async () =>
      t.deps.db.selectFrom('notifications').selectAll().where('org_id', '=', station.id).where('kind', '=', 'person.control_ended').where('target_id', '=', String(p.id)).execute();

    // Before the end nothing is told.
    t.clock.set(new Date(Date.parse(controlled.controlUntil) - 60_000));
    await signIn();
    await sweepControlEnds(t.deps);
    expect(await told()).toHaveLength(0);
    expect((await api.as(officer, 'GET', url)).json().controlOverdue).toBe(false);

    t.clock.set(new Date(Date.parse(controlled.controlUntil) + 3_600_000));
    await signIn();
    const first = await sweepControlEnds(t.deps, 2);
    expect(first.controlEnded).toBeGreaterThanOrEqual(1);
    expect(await sweepControlEnds(t.deps)).toEqual({ controlEnded: 0 });
    const notes = await told();
    expect(notes).toHaveLength(1);
    expect(notes[0]?.title).toMatch(/^管控期满，请评估是否解除管控：郑\*/);
    const file = (await api.as(officer, 'GET', url)).json();
    expect(file).toMatchObject({ controlOverdue: true, status: 'under_control' });
    expect(file.events.at(-1)).toMatchObject({ kind: 'control_ended', actorName: null });
    expect((await api.as(officer, 'GET', '/api/v1/persons?overdueControl=true&pageSize=200')).json().items.map((i: { id: number }) => i.id)).toContain(p.id);
    expect((await api.as(officer, 'GET', '/api/v1/persons?overdueControl=false&pageSize=200')).json().items.map((i: { id: number }) => i.id)).not.toContain(p.id);
    // The station's staff see it in their bell.
    const bell = (await api.as(officer, 'GET', '/api/v1/notifications')).json().items as { targetType: string; targetId: string }[];
    expect(bell).toContainEqual(expect.objectContaining({ targetType: 'person', targetId: String(p.id) }));

    // Released, then under control again: a new period, told once more when it ends.
    await api.as(officer, 'POST', `${url}/status`, { to: 'released' });
    const again = (await api.as(officer, 'POST', `${url}/status`, { to: 'under_control' })).json();
    expect(again.controlOverdue).toBe(false);
    await sweepControlEnds(t.deps);
    expect(await told()).toHaveLength(1);
    t.clock.set(new Date(Date.parse(again.controlUntil) + 1000));
    await signIn();
    await sweepControlEnds(t.deps);
    expect(await told()).toHaveLength(2);
    const audits = await t.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'person.control_sweep').execute();
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });
});
