import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { sweepDirectives } from './outreach.service.ts';

describe('outreach (宣): activities, directives from the statistics, coverage', () => {
  let t: TestDb;
  let api: TestApi;
  let analyst: Session;
  let officer: Session;
  let member: Session;
  beforeAll(async () => {
    t = await createTestDb({ demo: true, clockStart: '2026-03-20T02:00:00Z', config: { sessionIdleMinutes: 10_000_000, sessionMaxHours: 1_000_000 } });
    api = await TestApi.create(t.deps);
    analyst = await api.login('demo-center_analyst');
    officer = await api.login('demo-station_officer');
    member = await api.login('demo-member_contact');
    // 刷单返利 in 城关区 (149902): 1 case in the four weeks before, 5 in the last four (victims mostly young).
    const report = (n: string, day: string, age: number) =>
      api.as(officer, 'POST', '/api/v1/cases', { source: 'outreach-fixture', externalId: n, reportedAt: `${day}T09:00:00+08:00`, victim: { name: '王芳', phone: '13800138000', age }, regionCode: '149902', fraudType: '刷单返利', narrative: '刷单', lossAmount: '100.00', transfers: [] });
    await report('O0', '2026-02-10', 40);
    for (let i = 0; i < 5; i++) expect((await report(`O${i + 1}`, `2026-03-${String(5 + i * 2).padStart(2, '0')}`, 20 + i)).statusCode).toBe(201);
    const station = await t.deps.db.selectFrom('orgs').select('id').where('code', '=', '149902001').executeTakeFirstOrThrow();
    const now = t.clock.now();
    await t.deps.db
      .insertInto('vulnerable_people')
      .values(['13900000001', '13900000002', '13900000003', '13900000004'].map((phone) => ({ phone, org_id: station.id, reason: 'repeat_warnings', warning_count: 2, first_seen_at: now, last_seen_at: now })))
      .execute();
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('proposes a precision directive where a type rose, issues it, and takes the station’s activity as the county’s feedback', async () => {
    const p = (await api.as(analyst, 'GET', '/api/v1/outreach/directives/proposals')).json();
    expect(p.recent).toEqual({ firstDay: '2026-02-21', lastDay: '2026-03-20' });
    expect(p.items).toEqual([{ orgCode: '149902', orgName: expect.any(String), fraudType: '刷单返利', recent: 5, before: 1, ratio: 5, audience: 'students' }]);
    const proposal = p.items[0];
    const issued = await api.as(analyst, 'POST', '/api/v1/outreach/directives', { kind: 'precision', title: '刷单返利类案件上升，开展校园精准宣防', body: '近四周城关区刷单返利案件明显上升，受害人以学生为主，请于 7 日内进校园开展宣防并反馈。', fraudType: '刷单返利', audience: 'students', orgCodes: ['149902'], basis: proposal });
    expect(issued.statusCode).toBe(201);
    const d = issued.json();
    expect(d).toMatchObject({ kind: 'precision', targets: 1, done: 0, units: [{ orgCode: '149902', doneAt: null }] });
    expect(d.directiveNo).toMatch(/^XFZL20260320\d{4}$/);
    // The county and its stations are told.
    const bell = (await api.as(officer, 'GET', '/api/v1/notifications')).json();
    expect(bell.items.some((n: { targetType: string; targetId: string }) => n.targetType === 'directive' && n.targetId === String(d.id))).toBe(true);
    // The station inside the county sees it, holds an activity for it, and so the county has reported back.
    expect((await api.as(officer, 'GET', '/api/v1/outreach/directives?open=true')).json().items.map((x: { id: number }) => x.id)).toContain(d.id);
    const act = await api.as(officer, 'POST', '/api/v1/outreach/activities', { heldOn: '2026-03-19', place: '示例市第一中学', venue: 'school', audience: 'students', peopleReached: 320, materials: [{ kind: '宣传册', count: 300 }], fraudTypes: ['刷单返利'], directiveId: d.id, reachedPhones: ['13900000001', '13900000002'] });
    expect(act.statusCode).toBe(201);
    expect(act.json()).toMatchObject({ orgCode: '149902001', vulnerableReached: 2, directiveId: d.id });
    const after = (await api.as(analyst, 'GET', `/api/v1/outreach/directives/${d.id}`)).json();
    expect(after).toMatchObject({ done: 1, units: [{ orgCode: '149902', activityId: act.json().id }] });
    expect((await api.as(officer, 'POST', `/api/v1/outreach/directives/${d.id}/feedback`, { note: '已开展进校园宣防。' })).statusCode).toBe(409);
  });

  it('refuses what cannot be: a future day, someone not on the register, a unit outside scope, a directive elsewhere', async () => {
    const base = { heldOn: '2026-03-19', place: '城东社区', venue: 'community', audience: 'elderly', peopleReached: 50 };
    const err = async (body: Record<string, unknown>) => (await api.as(officer, 'POST', '/api/v1/outreach/activities', { ...base, ...body })).json().errors[0].path;
    expect(await err({ heldOn: '2026-03-21' })).toBe('heldOn');
    expect(await err({ reachedPhones: ['13911112222'] })).toBe('reachedPhones');
    expect((await api.as(officer, 'POST', '/api/v1/outreach/activities', { ...base, orgCode: '149903001' })).statusCode).toBe(404);
    const other = (await api.as(analyst, 'POST', '/api/v1/outreach/directives', { kind: 'daily', title: '日常宣防：冒充客服', body: '请各单位开展日常宣防，重点讲解冒充客服退款类诈骗。', orgCodes: ['149903'] })).json();
    expect(await err({ directiveId: other.id })).toBe('directiveId');
    expect((await api.as(officer, 'GET', `/api/v1/outreach/directives/${other.id}`)).statusCode).toBe(404);
  });

  it('lets a member unit record its own activities, and counts coverage per unit with the app registration rate', async () => {
    const m = await api.as(member, 'POST', '/api/v1/outreach/activities', { heldOn: '2026-03-18', place: '营业大厅', venue: 'company', audience: 'general', peopleReached: 80 });
    expect(m.statusCode).toBe(201);
    expect((await api.as(member, 'GET', '/api/v1/outreach/activities')).json()).toMatchObject({ total: 1, peopleReached: 80 });
    await api.as(analyst, 'PUT', '/api/v1/stats/reference-figures', { items: [{ orgCode: '149902', month: '2026-03', key: 'population_16_60', value: 200000 }, { orgCode: '149902', month: '2026-03', key: 'app_registered', value: 110000 }] });
    const c = (await api.as(analyst, 'GET', '/api/v1/outreach/coverage?from=2026-03-01&to=2026-04-01')).json();
    const county = c.items.find((i: { code: string }) => i.code === '149902');
    expect(county).toMatchObject({ activities: 1, people: 320, vulnerable: 4, reached: 2, vulnerableRate: 0.5, appRate: 0.55 });
    expect(c.items.find((i: { code: string }) => i.code === 'PBOC')).toMatchObject({ activities: 1, people: 80 });
  });

  it('tells a unit once when its feedback on a directive is overdue', async () => {
    t.clock.advance(8 * 86_400_000);
    const first = await sweepDirectives(t.deps);
    expect(first.overdue).toBe(1);
    expect((await sweepDirectives(t.deps)).overdue).toBe(0);
    const rung = await t.deps.db.selectFrom('notifications').innerJoin('orgs', 'orgs.id', 'notifications.org_id').select('orgs.code').where('notifications.kind', '=', 'directive.overdue').execute();
    expect(rung.map((r) => r.code)).toEqual(['149903']);
  });
});
