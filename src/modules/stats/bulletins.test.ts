import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';

describe('警情通报 bulletins', () => {
  let t: TestDb;
  let api: TestApi;
  let analyst: Session;
  let leader: Session;
  let officer: Session;
  beforeAll(async () => {
    t = await createTestDb({ demo: true, clockStart: '2026-03-20T02:00:00Z', config: { sessionIdleMinutes: 10_000_000, sessionMaxHours: 1_000_000 } });
    api = await TestApi.create(t.deps);
    analyst = await api.login('demo-center_analyst');
    leader = await api.login('demo-center_leader');
    officer = await api.login('demo-station_officer');
    const report = (n: string, day: string, type: string, narrative: string, loss: string, age: number) =>
      api.as(officer, 'POST', '/api/v1/cases', { source: 'bulletin-fixture', externalId: n, reportedAt: `${day}T09:00:00+08:00`, victim: { name: '王芳', phone: '13800138000', age }, regionCode: '149902', fraudType: type, narrative, lossAmount: loss, transfers: [] });
    // Before: 刷单 cases for two months; this week: a new screen-sharing method, and one costly 刷单 case.
    for (let i = 0; i < 12; i++) await report(`B${i}`, `2026-02-${String(1 + i * 2).padStart(2, '0')}`, '刷单返利', '受害人在社交平台看到兼职刷单广告，按对方要求做任务垫付资金，连单后无法提现。', '500.00', 22);
    for (let i = 0; i < 4; i++) await report(`N${i}`, `2026-03-${14 + i}`, '冒充电商物流客服', `受害人接到自称客服电话，对方要求下载会议软件并开启共享屏幕，随后转走银行卡6222020200112233${i}内资金。`, `${3000 + i * 1000}.00`, 67);
    await report('N9', '2026-03-18', '刷单返利', '受害人在社交平台看到兼职刷单广告，按对方要求做任务垫付资金，连单后无法提现。', '20000.00', 24);
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('drafts from the week’s figures, the new phrases and the costliest cases, without account numbers', async () => {
    const res = await api.as(analyst, 'POST', '/api/v1/stats/bulletins', { orgCode: '149902' });
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({ status: 'draft', firstDay: '2026-03-14', lastDay: '2026-03-20', orgCode: '149902' });
    // 4 new cases (¥3,000–6,000) and one ¥20,000; nothing the same week a year ago or the week before.
    expect(b.body.split('\n')[1]).toBe('2026-03-14 至 2026-03-20，城关区共接报电信网络诈骗案件 5 起（去年同期无案件，上期无案件），损失 38,000.00 元（去年同期无案件）。');
    expect(b.body).toMatch(/1\. 冒充电商物流客服 4 起，占 80\.0%（上期 0 起，呈上升趋势）/);
    expect(b.body).toContain('"下载会议软件并开启共享屏幕"：本期 4 起案件提及（此前八周 0 起）');
    expect(b.body).toMatch(/典型案例\n1\. 刷单返利，损失 20,000\.00 元/);
    expect(b.body).not.toMatch(/6222020200112233/);
    expect(b.body).toContain('不下载陌生会议软件、不共享屏幕');
    expect(b.body).toContain('老年人');
    expect(b.basis.terms[0]).toMatchObject({ term: '下载会议软件并开启共享屏幕', recent: 4 });
  });

  it('is edited as a draft, published once to the units below, and then stays as it went out', async () => {
    const b = (await api.as(analyst, 'POST', '/api/v1/stats/bulletins', {})).json();
    expect((await api.as(officer, 'POST', '/api/v1/stats/bulletins', {})).statusCode).toBe(403);
    expect((await api.as(analyst, 'PATCH', `/api/v1/stats/bulletins/${b.id}`, {})).statusCode).toBe(400);
    const edited = (await api.as(analyst, 'PATCH', `/api/v1/stats/bulletins/${b.id}`, { body: `${b.body}\n（经研判补充：近期冒充客服类案件高发。）` })).json();
    expect(edited.body).toContain('经研判补充');
    const published = (await api.as(leader, 'POST', `/api/v1/stats/bulletins/${b.id}/publish`, {})).json();
    expect(published).toMatchObject({ status: 'published', publishedBy: expect.any(String) });
    expect((await api.as(leader, 'POST', `/api/v1/stats/bulletins/${b.id}/publish`, {})).statusCode).toBe(409);
    expect((await api.as(analyst, 'PATCH', `/api/v1/stats/bulletins/${b.id}`, { title: '改标题试试看' })).statusCode).toBe(409);
    const counties = await t.deps.db.selectFrom('orgs').select('id').where('kind', '=', 'county').execute();
    const rung = await t.deps.db.selectFrom('notifications').select('org_id').where('kind', '=', 'bulletin.published').where('target_id', '=', String(b.id)).execute();
    expect(rung.map((r) => r.org_id).sort()).toEqual(counties.map((c) => c.id).sort());
    // The city's bulletin is not the station's to read; the county's draft is.
    expect((await api.as(officer, 'GET', `/api/v1/stats/bulletins/${b.id}`)).statusCode).toBe(404);
    expect((await api.as(analyst, 'GET', '/api/v1/stats/bulletins?status=published')).json().items.map((x: { id: number }) => x.id)).toEqual([b.id]);
  });

  it('is read by the units it went out to (directly below), not by their drafts or changes', async () => {
    const county = (await api.as(analyst, 'POST', '/api/v1/stats/bulletins', { orgCode: '149902' })).json();
    // A draft stays with the center and the county; the station hears nothing of it yet.
    expect((await api.as(officer, 'GET', `/api/v1/stats/bulletins/${county.id}`)).statusCode).toBe(404);
    expect((await api.as(officer, 'GET', '/api/v1/stats/bulletins')).json().items.map((x: { id: number }) => x.id)).not.toContain(county.id);
    await api.as(leader, 'POST', `/api/v1/stats/bulletins/${county.id}/publish`, {});
    // Published by 城关区, it went out to the station: the officer lists and reads it.
    const listed = (await api.as(officer, 'GET', '/api/v1/stats/bulletins?status=published')).json().items;
    expect(listed.map((x: { id: number; orgCode: string }) => [x.id, x.orgCode])).toEqual([[county.id, '149902']]);
    expect((await api.as(officer, 'GET', `/api/v1/stats/bulletins/${county.id}`)).json()).toMatchObject({ status: 'published', orgCode: '149902' });
    // The county's analyst reads the city's published bulletin but cannot change it, nor publish it again.
    const countyAnalyst = await api.login('analyst-149902');
    const city = (await api.as(analyst, 'GET', '/api/v1/stats/bulletins?status=published')).json().items.find((x: { orgCode: string }) => x.orgCode === '149900');
    expect((await api.as(countyAnalyst, 'GET', `/api/v1/stats/bulletins/${city.id}`)).statusCode).toBe(200);
    expect((await api.as(countyAnalyst, 'PATCH', `/api/v1/stats/bulletins/${city.id}`, { title: '改一改城市的通报' })).statusCode).toBe(404);
    expect((await api.as(countyAnalyst, 'POST', `/api/v1/stats/bulletins/${city.id}/publish`, {})).statusCode).toBe(404);
  });
});
