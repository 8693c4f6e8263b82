import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { LiveBus, type LiveEvent } from '../../server/live.ts';
import { sweepAppeals } from './appeals.service.ts';

const HOLDER = '110101199003071575';

describe('restrictions placed by banks and operators (arts. 18, 11) and their appeals', () => {
  let t: TestDb;
  let api: TestApi;
  let bank: Session;
  let operator: Session;
  let analyst: Session;
  let officer: Session;
  const live = new LiveBus();
  const heard: LiveEvent[] = [];
  live.subscribe((e) => heard.push(e));
  const account = (n: string, extra: Record<string, unknown> = {}) => ({
    externalId: n,
    kind: 'bank_account',
    identifier: '6212260000000000018',
    holderName: '赵六',
    holderIdNumber: HOLDER,
    measure: 'limit',
    reason: '账户短期内大量异常转入转出，依法限制非柜面业务',
    restrictedAt: '2026-06-15T09:00:00+08:00',
    ...extra,
  });
  beforeAll(async () => {
    t = await createTestDb({ demo: true, clockStart: '2026-06-15T02:00:00Z', config: { sessionIdleMinutes: 10_000_000, sessionMaxHours: 1_000_000 } });
    api = await TestApi.create({ ...t.deps, live });
    bank = await api.login('demo-bank_liaison');
    operator = await api.login('demo-operator_liaison');
    analyst = await api.login('demo-center_analyst');
    officer = await api.login('demo-station_officer');
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('takes a bank’s restriction with its reason, recognises a replay and refuses what the institution may not restrict', async () => {
    const res = await api.as(bank, 'POST', '/api/v1/cards/restrictions', account('ICBC-R-1', { unitCode: 'ICBC-149902' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'in_force', orgCode: 'ICBC-149902', measure: 'limit', duplicate: false, events: [{ kind: 'restricted' }] });
    expect(res.json().restrictionNo).toMatch(/^XZ20260615\d{6}$/);
    expect(res.json().holderIdNumber).not.toBe(HOLDER);
    const again = await api.as(bank, 'POST', '/api/v1/cards/restrictions', account('ICBC-R-1', { unitCode: 'ICBC-149902' }));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: res.json().id, duplicate: true });
    // A bank does not restrict phone cards, another bank's branch is not its unit, and a reason is required.
    const errors = async (body: unknown) => (await api.as(bank, 'POST', '/api/v1/cards/restrictions', body)).json().errors.map((e: { path: string }) => e.path);
    expect(await errors(account('ICBC-R-2', { kind: 'phone_card', identifier: '13900001111' }))).toEqual(['kind']);
    expect(await errors(account('ICBC-R-3', { unitCode: 'ABC-149902' }))).toEqual(['unitCode']);
    expect(await errors(account('ICBC-R-4', { reason: '' }))).toEqual(['reason']);
    expect(await errors(account('ICBC-R-5', { restrictedAt: '2026-06-16T09:00:00+08:00' }))).toEqual(['restrictedAt']);
    expect(await errors(account('ICBC-R-6', { holderIdNumber: '110101199003071574' }))).toEqual(['holderIdNumber']);
    // Only the institution's own: the operator does not see it; a station officer may not read restrictions.
    expect((await api.as(operator, 'GET', `/api/v1/cards/restrictions/${res.json().id}`)).statusCode).toBe(404);
    expect((await api.as(officer, 'GET', '/api/v1/cards/restrictions')).statusCode).toBe(403);
    const center = (await api.as(analyst, 'GET', '/api/v1/cards/restrictions?status=in_force')).json();
    expect(center.items.map((r: { id: number }) => r.id)).toContain(res.json().id);
    expect(center.total).toBeGreaterThanOrEqual(1);
  });

  it('walks an appeal to upheld: the restriction is lifted at once, staff who forwarded it are told', async () => {
    const r = (await api.as(operator, 'POST', '/api/v1/cards/restrictions', { kind: 'phone_card', identifier: '13900002222', holderName: '钱七', measure: 'suspend', reason: '二次实名核验未通过，暂停电话卡功能', restrictedAt: '2026-06-15T08:00:00+08:00' })).json();
    // A person brought the appeal to the police; the analyst forwards it to the operator.
    const appeal = await api.as(analyst, 'POST', `/api/v1/cards/restrictions/${r.id}/appeals`, { grounds: '本人在外地务工，已持身份证到营业厅重新核验。' });
    expect(appeal.statusCode).toBe(201);
    expect(appeal.json()).toMatchObject({ acceptDueAt: '2026-06-18T02:00:00.000Z', dueAt: '2026-06-30T02:00:00.000Z' });
    const aid = appeal.json().id;
    expect((await api.as(analyst, 'POST', `/api/v1/cards/restrictions/${r.id}/appeals`, { grounds: '重复申诉，理由同上。' })).statusCode).toBe(409);
    // The operator is told; staff and other institutions cannot decide it.
    const told = await t.deps.db.selectFrom('notifications').innerJoin('orgs', 'orgs.id', 'notifications.org_id').select('orgs.code').where('notifications.kind', '=', 'appeal.submitted').where('notifications.target_id', '=', String(r.id)).execute();
    expect(told.map((x) => x.code)).toEqual(['CMCC']);
    expect((await api.as(analyst, 'POST', `/api/v1/cards/restriction-appeals/${aid}/accept`, {})).statusCode).toBe(403);
    expect((await api.as(bank, 'POST', `/api/v1/cards/restriction-appeals/${aid}/accept`, {})).statusCode).toBe(404);
    expect((await api.as(operator, 'POST', `/api/v1/cards/restriction-appeals/${aid}/answer`, { upheld: true, answer: '未经受理直接答复' })).statusCode).toBe(409);
    await api.as(operator, 'POST', `/api/v1/cards/restriction-appeals/${aid}/accept`, {});
    await api.as(operator, 'POST', `/api/v1/cards/restriction-appeals/${aid}/review`, {});
    const answered = (await api.as(operator, 'POST', `/api/v1/cards/restriction-appeals/${aid}/answer`, { upheld: true, answer: '经重新核验为本人使用，恢复电话卡功能。' })).json();
    expect(answered).toMatchObject({ status: 'lifted', liftReason: 'appeal_upheld', openAppeals: 0, appeals: [{ status: 'upheld' }] });
    expect(answered.events.map((e: { kind: string }) => e.kind)).toEqual(['restricted', 'appeal.submitted', 'appeal.accepted', 'appeal.reviewing', 'appeal.upheld', 'lifted']);
    const back = await t.deps.db.selectFrom('notifications').select('title').where('kind', '=', 'appeal.answered').where('target_id', '=', String(r.id)).execute();
    expect(back.map((b) => b.title)).toEqual([expect.stringContaining('成立')]);
    // Open screens of the operator and of the center that forwarded the appeal were told at each step.
    const paths = await t.deps.db.selectFrom('orgs').select(['code', 'path']).where('code', 'in', ['CMCC', '149900']).execute();
    const pathOf = (code: string) => paths.find((p) => p.code === code)?.path;
    const mine = heard.filter((e) => e.type === 'restriction.changed' && e.id === r.id);
    expect(mine.length).toBe(5);
    expect(mine.every((e) => e.orgPaths.includes(pathOf('CMCC') ?? '-'))).toBe(true);
    expect(mine.at(-1)?.orgPaths).toContain(pathOf('149900'));
    // Nothing to appeal once lifted.
    expect((await api.as(operator, 'POST', `/api/v1/cards/restrictions/${r.id}/appeals`, { grounds: '对已解除的限制申诉' })).statusCode).toBe(409);
  });

  it('escalates an appeal once per step: not accepted in 3 days, not answered in 15; the queue shows it to the center and the bank', async () => {
    const r = (await api.as(bank, 'POST', '/api/v1/cards/restrictions', account('ICBC-R-10', { identifier: '6212260000000000026' }))).json();
    const { id: aid } = (await api.as(bank, 'POST', `/api/v1/cards/restrictions/${r.id}/appeals`, { grounds: '账户为本人工资卡，转入为劳务费。' })).json();
    const queue = async (who: Session, q = 'open=true') => (await api.as(who, 'GET', `/api/v1/cards/appeals?${q}&pageSize=200`)).json() as { items: { id: number; subject: string; overdue: boolean; stepDueAt: string }[]; total: number };
    expect((await queue(bank)).items.find((a) => a.id === aid)).toMatchObject({ subject: 'restriction', overdue: false, stepDueAt: '2026-06-18T02:00:00.000Z' });
    expect((await queue(operator)).items.some((a) => a.id === aid)).toBe(false);
    t.clock.advance(4 * 86_400_000);
    expect((await queue(analyst, 'open=true&overdue=true')).items.find((a) => a.id === aid)).toMatchObject({ overdue: true });
    expect(await sweepAppeals(t.deps)).toMatchObject({ appealsUnaccepted: 1, appealsOverdue: 0 });
    expect(await sweepAppeals(t.deps)).toMatchObject({ appealsUnaccepted: 0 });
    await api.as(bank, 'POST', `/api/v1/cards/restriction-appeals/${aid}/accept`, {});
    expect((await queue(bank)).items.find((a) => a.id === aid)).toMatchObject({ overdue: false, stepDueAt: '2026-06-30T02:00:00.000Z' });
    t.clock.advance(12 * 86_400_000);
    expect(await sweepAppeals(t.deps)).toMatchObject({ appealsOverdue: 1 });
    const escalated = await t.deps.db.selectFrom('notifications').innerJoin('orgs', 'orgs.id', 'notifications.org_id').select(['orgs.code', 'notifications.kind']).where('notifications.target_type', '=', 'restriction').where('notifications.target_id', '=', String(r.id)).orderBy('notifications.id').execute();
    expect(escalated).toEqual([
      { code: 'ICBC', kind: 'appeal.unaccepted' },
      { code: '149900', kind: 'appeal.unaccepted' },
      { code: 'ICBC', kind: 'appeal.overdue' },
      { code: '149900', kind: 'appeal.overdue' },
    ]);
    const newest = (await api.as(analyst, 'GET', '/api/v1/cards/appeals?sort=newest&pageSize=200')).json().items as { submittedAt: string }[];
    expect(newest.map((a) => a.submittedAt)).toEqual([...newest.map((a) => a.submittedAt)].sort().reverse());
    // The center's queue holds punishment and restriction appeals alike; the officer's has only its station's punishments.
    const mine = await queue(officer);
    expect(mine.items.every((a) => a.subject === 'punishment')).toBe(true);
  });
});
