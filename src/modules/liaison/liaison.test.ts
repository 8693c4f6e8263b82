import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { sweepTasks } from './liaison.service.ts';

describe('联席办: meetings, tasks, responsibility letters', () => {
  let t: TestDb;
  let api: TestApi;
  let analyst: Session;
  let member: Session;
  let bank: Session;
  let operator: Session;
  let officer: Session;
  beforeAll(async () => {
    t = await createTestDb({ demo: true, clockStart: '2026-03-20T02:00:00Z', config: { sessionIdleMinutes: 10_000_000, sessionMaxHours: 1_000_000 } });
    api = await TestApi.create(t.deps);
    analyst = await api.login('demo-center_analyst');
    member = await api.login('demo-member_contact');
    bank = await api.login('demo-bank_liaison');
    operator = await api.login('demo-operator_liaison');
    officer = await api.login('demo-station_officer');
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  const meeting = {
    heldAt: '2026-03-19T14:30:00+08:00',
    title: '2026年第一季度反诈联席会议',
    attendeeCodes: ['PBOC', 'ICBC', 'CMCC'],
    minutes: '通报一季度电诈形势，部署断卡和宣传工作。',
    decisions: [
      { title: '人民银行组织辖内银行开展涉诈账户排查', ownerCode: 'PBOC', dueAt: '2026-04-10T18:00:00+08:00' },
      { title: '工商银行完成开户审核整改', ownerCode: 'ICBC', dueAt: '2026-03-25T18:00:00+08:00' },
    ],
  };

  it('turns a meeting’s decisions into tasks for their owners, who answer once; others cannot', async () => {
    const bad = await api.as(analyst, 'POST', '/api/v1/liaison/meetings', { ...meeting, decisions: [{ ...meeting.decisions[0], ownerCode: '149902001' }] });
    expect(bad.json().errors[0].path).toBe('decisions.0.ownerCode');
    expect((await api.as(member, 'POST', '/api/v1/liaison/meetings', meeting)).statusCode).toBe(403);
    const res = await api.as(analyst, 'POST', '/api/v1/liaison/meetings', meeting);
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m.meetingNo).toMatch(/^LXH20260319\d{3}$/);
    expect(m.attendees.map((a: { code: string }) => a.code)).toEqual(['CMCC', 'ICBC', 'PBOC']);
    expect(m.tasks.map((x: { ownerCode: string; overdue: boolean }) => [x.ownerCode, x.overdue])).toEqual([
      ['PBOC', false],
      ['ICBC', false],
    ]);
    // Each owner sees its own task only; the operator none.
    const mine = (await api.as(member, 'GET', '/api/v1/liaison/tasks')).json();
    expect(mine).toMatchObject({ total: 1, open: 1, items: [{ ownerCode: 'PBOC' }] });
    expect((await api.as(operator, 'GET', '/api/v1/liaison/tasks')).json().total).toBe(0);
    const icbcTask = m.tasks[1].id;
    expect((await api.as(member, 'POST', `/api/v1/liaison/tasks/${icbcTask}/reply`, { text: '不是我们的任务' })).statusCode).toBe(404);
    const replied = (await api.as(bank, 'POST', `/api/v1/liaison/tasks/${icbcTask}/reply`, { text: '已完成全辖开户审核整改，报告附后。' })).json();
    expect(replied.repliedAt).not.toBeNull();
    expect((await api.as(bank, 'POST', `/api/v1/liaison/tasks/${icbcTask}/reply`, { text: '再次回复内容' })).statusCode).toBe(409);
    // The center hears of the reply; meetings are the center's to read.
    const told = await t.deps.db.selectFrom('notifications').select('kind').where('target_type', '=', 'liaison_task').where('target_id', '=', String(icbcTask)).orderBy('id').execute();
    expect(told.map((x) => x.kind)).toEqual(['liaison.task', 'liaison.replied']);
    expect((await api.as(member, 'GET', `/api/v1/liaison/meetings/${m.id}`)).statusCode).toBe(404);
    expect((await api.as(officer, 'GET', '/api/v1/liaison/tasks')).statusCode).toBe(403);
  });

  it('keeps a responsibility letter per unit and year, signed once and then unchanged', async () => {
    const items = [
      { item: '涉诈账户排查', measure: '每季度组织辖内银行排查一次' },
      { item: '宣传', measure: '营业网点张贴反诈宣传材料' },
    ];
    const put = await api.as(analyst, 'PUT', '/api/v1/liaison/letters', { orgCode: 'PBOC', year: 2026, title: '2026年度反诈工作责任书', items });
    expect(put.json()).toMatchObject({ year: 2026, signed: 0, total: 1 });
    const icbcPut = await api.as(analyst, 'PUT', '/api/v1/liaison/letters', { orgCode: 'ICBC', year: 2026, title: '2026年度反诈工作责任书', items });
    const id = put.json().items[0].id;
    // another unit's letter is not found for the member unit's contact, and stays unsigned
    const icbcId = icbcPut.json().items.find((l: { orgCode: string }) => l.orgCode === 'ICBC').id;
    expect((await api.as(member, 'POST', `/api/v1/liaison/letters/${icbcId}/sign`, { signedOn: '2026-03-20' })).statusCode).toBe(404);
    expect((await api.as(member, 'POST', `/api/v1/liaison/letters/${id}/sign`, { signedOn: '2026-03-21' })).json().errors[0].path).toBe('signedOn');
    const signed = (await api.as(member, 'POST', `/api/v1/liaison/letters/${id}/sign`, { signedOn: '2026-03-20' })).json();
    expect(signed).toMatchObject({ signed: 1, total: 1, items: [{ orgCode: 'PBOC', signedOn: '2026-03-20' }] });
    expect((await api.as(member, 'POST', `/api/v1/liaison/letters/${id}/sign`, { signedOn: '2026-03-20' })).statusCode).toBe(409);
    expect((await api.as(analyst, 'PUT', '/api/v1/liaison/letters', { orgCode: 'PBOC', year: 2026, title: '改过的责任书标题', items })).statusCode).toBe(409);
    expect((await api.as(analyst, 'GET', '/api/v1/liaison/letters?year=2026')).json()).toMatchObject({ signed: 1, total: 2 });
  });

  it('sums the office up and tells owner and center once about an overdue task', async () => {
    const o = (await api.as(analyst, 'GET', '/api/v1/liaison/overview?year=2026')).json();
    expect(o).toMatchObject({ tasks: { total: 2, open: 1, overdue: 0 }, letters: { year: 2026, signed: 1, total: 2 } });
    expect(o.memberUnits).toBeGreaterThan(0);
    t.clock.advance(22 * 86_400_000);
    expect((await sweepTasks(t.deps)).overdue).toBe(1);
    expect((await sweepTasks(t.deps)).overdue).toBe(0);
    const rung = await t.deps.db.selectFrom('notifications').innerJoin('orgs', 'orgs.id', 'notifications.org_id').select('orgs.code').where('notifications.kind', '=', 'liaison.overdue').orderBy('orgs.code').execute();
    expect(rung.map((r) => r.code)).toEqual(['149900', 'PBOC']);
    expect((await api.as(member, 'GET', '/api/v1/liaison/tasks?overdue=true')).json()).toMatchObject({ overdue: 1 });
  });

  it('filters the queue by unit and answered, opens one task for its owner only, and counts per owner unit', async () => {
    const icbc = (await api.as(analyst, 'GET', '/api/v1/liaison/tasks?ownerCode=ICBC')).json();
    expect(icbc.items.map((x: { ownerCode: string }) => x.ownerCode)).toEqual(['ICBC']);
    expect(icbc).toMatchObject({ total: 2, open: 1, overdue: 1 });
    const answered = (await api.as(analyst, 'GET', '/api/v1/liaison/tasks?open=false')).json();
    expect(answered.items).toMatchObject([{ ownerCode: 'ICBC', repliedBy: 'demo-bank_liaison', replyText: '已完成全辖开户审核整改，报告附后。' }]);
    const pboc = (await api.as(member, 'GET', '/api/v1/liaison/tasks')).json().items[0];
    const one = (await api.as(member, 'GET', `/api/v1/liaison/tasks/${pboc.id}`)).json();
    expect(one).toMatchObject({ id: pboc.id, ownerCode: 'PBOC', fromName: '示例市', createdAt: '2026-03-20T02:00:00.000Z', overdue: true, repliedAt: null });
    expect(one.remindedAt).not.toBeNull();
    expect((await api.as(member, 'GET', `/api/v1/liaison/tasks/${answered.items[0].id}`)).statusCode).toBe(404);
    expect((await api.as(officer, 'GET', `/api/v1/liaison/tasks/${pboc.id}`)).statusCode).toBe(403);
    expect((await api.as(analyst, 'GET', '/api/v1/liaison/overview')).json().units).toEqual([
      { code: 'PBOC', name: '中国人民银行示例市分行', total: 1, open: 1, overdue: 1, done: 0 },
      { code: 'ICBC', name: '中国工商银行示例市分行', total: 1, open: 0, overdue: 0, done: 1 },
    ]);
    expect((await api.as(member, 'GET', '/api/v1/liaison/overview')).json().units.map((u: { code: string }) => u.code)).toEqual(['PBOC']);
  });

  it('refuses a task for a unit outside the caller’s jurisdiction, naming the decision', async () => {
    const county = await api.login('analyst-149902');
    const dueAt = '2026-05-10T18:00:00+08:00';
    const before = await t.deps.db.selectFrom('liaison_tasks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const outside of ['PBOC', '149903', '149900']) {
      const res = await api.as(county, 'POST', '/api/v1/liaison/meetings', { ...meeting, decisions: [{ title: '城关区落实属地宣传任务', ownerCode: '149902', dueAt }, { title: '区外单位的任务不能由区里下达', ownerCode: outside, dueAt }] });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'decisions.1.ownerCode', message: 'outside your jurisdiction' }] });
    }
    const after = await t.deps.db.selectFrom('liaison_tasks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // Attendees may come from the city; the county's own task is accepted.
    const ok = await api.as(county, 'POST', '/api/v1/liaison/meetings', { ...meeting, decisions: [{ title: '城关区落实属地宣传任务', ownerCode: '149902', dueAt }] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().tasks.map((x: { ownerCode: string }) => x.ownerCode)).toEqual(['149902']);
  });
});
