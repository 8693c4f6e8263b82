import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { sweepPunishments } from './punishments.service.ts';

const PERSON = '110101199003071575';

describe('joint punishment with written notice and appeal', () => {
  let t: TestDb;
  let api: TestApi;
  let officer: Session;
  let leader: Session;
  let analyst: Session;
  let bank: Session;
  const findings = { cards: 4, times: 1, counterparties: 2, convicted: false };
  beforeAll(async () => {
    t = await createTestDb({ demo: true, clockStart: '2026-06-15T02:00:00Z', config: { sessionIdleMinutes: 10_000_000, sessionMaxHours: 1_000_000 } });
    api = await TestApi.create(t.deps);
    officer = await api.login('demo-station_officer');
    leader = await api.login('demo-center_leader');
    analyst = await api.login('demo-center_analyst');
    bank = await api.login('demo-bank_liaison');
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('refuses a proposal below every threshold and lets only a leader approve', async () => {
    const weak = await api.as(officer, 'POST', '/api/v1/cards/punishments', { personIdNumber: PERSON, personName: '赵六', findings: { cards: 2, times: 2, counterparties: 2, convicted: false } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe('findings');
    const p = (await api.as(officer, 'POST', '/api/v1/cards/punishments', { personIdNumber: PERSON, personName: '赵六', findings })).json();
    expect(p).toMatchObject({ status: 'proposed', years: 2, grounds: ['cards'] });
    const byOfficer = await api.as(officer, 'POST', `/api/v1/cards/punishments/${p.id}/decision`, { approve: true });
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().detail).toContain('station_officer');
  });

  it('starts an approved measure for 2 years, prints the notice, records delivery and answers banks by ID', async () => {
    const p = (await api.as(officer, 'POST', '/api/v1/cards/punishments', { personIdNumber: PERSON, personName: '赵六', findings })).json();
    const approved = (await api.as(leader, 'POST', `/api/v1/cards/punishments/${p.id}/decision`, { approve: true })).json();
    expect(approved).toMatchObject({ status: 'active', startsAt: '2026-06-15T02:00:00.000Z', endsAt: '2028-06-15T02:00:00.000Z' });
    expect((await api.as(leader, 'POST', `/api/v1/cards/punishments/${p.id}/decision`, { approve: true })).statusCode).toBe(409);
    const notice = await api.as(officer, 'GET', `/api/v1/cards/punishments/${p.id}/notice`);
    expect(notice.headers['content-type']).toContain('text/html');
    for (const text of [approved.noticeNo, '2026-06-15 至 2028-06-15', '出售、出租、出借银行卡（账户）或电话卡 3 张（个）以上', '申诉', '限制非柜面业务']) expect(notice.body).toContain(text);
    const delivered = (await api.as(officer, 'POST', `/api/v1/cards/punishments/${p.id}/delivery`, { method: 'in_person', at: '2026-06-15T10:00:00+08:00' })).json();
    expect(delivered.deliveredAt).toBe('2026-06-15T02:00:00.000Z');
    const match = (await api.as(bank, 'POST', '/api/v1/partner/punishments/match', { idNumbers: [PERSON, '110101199003071591'] })).json();
    expect(match.items).toEqual([{ idNumber: PERSON, noticeNo: approved.noticeNo, endsAt: '2028-06-15T02:00:00.000Z', measures: expect.any(Array) }]);
    // The notified institutions learn of the listing.
    const listed = await t.deps.db.selectFrom('notifications').select('title').where('kind', '=', 'punishment.listed').execute();
    expect(listed.length).toBeGreaterThanOrEqual(9);
  });

  it('lifts the measure at once when an appeal is upheld, and refuses an appeal against a lifted measure', async () => {
    const [active] = (await api.as(analyst, 'GET', '/api/v1/cards/punishments?status=active')).json().items;
    const appeal = await api.as(bank, 'POST', '/api/v1/partner/appeals', { idNumber: PERSON, grounds: '本人银行卡被盗用，已报案，非本人出售。' });
    expect(appeal.statusCode).toBe(201);
    const second = await api.as(officer, 'POST', `/api/v1/cards/punishments/${active.id}/appeals`, { grounds: '再次申诉，理由同上。' });
    expect(second.statusCode).toBe(409);
    const aid = appeal.json().id;
    expect(appeal.json().dueAt).toBe('2026-06-30T02:00:00.000Z');
    expect((await api.as(leader, 'POST', `/api/v1/cards/appeals/${aid}/answer`, { upheld: true, answer: '未经审核直接答复' })).statusCode).toBe(409);
    await api.as(analyst, 'POST', `/api/v1/cards/appeals/${aid}/accept`, {});
    await api.as(analyst, 'POST', `/api/v1/cards/appeals/${aid}/review`, {});
    const answered = (await api.as(leader, 'POST', `/api/v1/cards/appeals/${aid}/answer`, { upheld: true, answer: '经核查，银行卡系被盗用，申诉成立。' })).json();
    expect(answered).toMatchObject({ status: 'lifted', liftReason: 'appeal_upheld', appeals: [{ status: 'upheld' }] });
    expect(answered.events.map((e: { kind: string }) => e.kind)).toEqual(['proposed', 'approved', 'delivered', 'appeal.submitted', 'appeal.accepted', 'appeal.reviewing', 'appeal.upheld', 'lifted']);
    expect((await api.as(bank, 'POST', '/api/v1/partner/punishments/match', { idNumbers: [PERSON] })).json().items).toEqual([]);
    expect((await api.as(officer, 'POST', `/api/v1/cards/punishments/${active.id}/appeals`, { grounds: '对已解除的措施申诉' })).statusCode).toBe(409);
    const lifted = await t.deps.db.selectFrom('notifications').select('title').where('kind', '=', 'punishment.lifted').execute();
    expect(lifted.length).toBeGreaterThanOrEqual(9);
  });

  it('never allows more than 5 years in a row, and lifts measures when their period ends', async () => {
    const person = '110101199003071591';
    const convicted = { cards: 0, times: 0, counterparties: 0, convicted: true };
    const first = (await api.as(officer, 'POST', '/api/v1/cards/punishments', { personIdNumber: person, personName: '钱八', findings: convicted })).json();
    expect((await api.as(leader, 'POST', `/api/v1/cards/punishments/${first.id}/decision`, { approve: true })).json().years).toBe(3);
    t.clock.advance(3 * 365 * 86_400_000 + 86_400_000);
    expect((await sweepPunishments(t.deps)).expired).toBeGreaterThanOrEqual(1);
    expect((await api.as(analyst, 'GET', `/api/v1/cards/punishments/${first.id}`)).json().status).toBe('expired');
    const again = (await api.as(officer, 'POST', `/api/v1/cards/punishments`, { personIdNumber: person, personName: '钱八', findings: convicted })).json();
    const refused = await api.as(leader, 'POST', `/api/v1/cards/punishments/${again.id}/decision`, { approve: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('at most 5');
    const twoYears = (await api.as(officer, 'POST', `/api/v1/cards/punishments`, { personIdNumber: person, personName: '钱八', findings })).json();
    expect((await api.as(leader, 'POST', `/api/v1/cards/punishments/${twoYears.id}/decision`, { approve: true })).json().status).toBe('active');
    // An appeal nobody answers in 15 days is escalated once to the unit above.
    await api.as(officer, 'POST', `/api/v1/cards/punishments/${twoYears.id}/appeals`, { grounds: '本人从未出借银行卡。' });
    t.clock.advance(16 * 86_400_000);
    expect((await sweepPunishments(t.deps)).appealsOverdue).toBe(1);
    expect((await sweepPunishments(t.deps)).appealsOverdue).toBe(0);
    const escalated = await t.deps.db.selectFrom('notifications').innerJoin('orgs', 'orgs.id', 'notifications.org_id').select('orgs.code').where('notifications.kind', '=', 'appeal.overdue').execute();
    expect(escalated.map((e) => e.code)).toEqual(['149902']);
  });

  it('finds measures by notice number or ID number, with the total, and filters by unit in scope', async () => {
    const all = (await api.as(officer, 'GET', '/api/v1/cards/punishments?pageSize=1')).json();
    expect(all.items).toHaveLength(1);
    expect(all.total).toBeGreaterThan(1);
    const first = all.items[0];
    const byNo = (await api.as(officer, 'GET', `/api/v1/cards/punishments?q=${first.noticeNo}`)).json();
    expect(byNo).toMatchObject({ total: 1, items: [{ id: first.id }] });
    const byPerson = (await api.as(officer, 'GET', `/api/v1/cards/punishments?q=${PERSON.toLowerCase()}`)).json();
    expect(byPerson.total).toBeGreaterThanOrEqual(1);
    expect(byPerson.items.every((p: { personIdNumber: string }) => p.personIdNumber.startsWith(PERSON.slice(0, 1)))).toBe(true);
    expect((await api.as(officer, 'GET', '/api/v1/cards/punishments?orgCode=149903001')).statusCode).toBe(404);
    expect((await api.as(analyst, 'GET', '/api/v1/cards/punishments?orgCode=149903001&pageSize=200')).json().items.every((p: { orgCode: string }) => p.orgCode.startsWith('149903001'))).toBe(true);
  });
});
