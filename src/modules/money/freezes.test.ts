import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { sweepFreezes } from './freezes.service.ts';

const iso = (d: Date) => d.toISOString();
const MULE = '6228480012345678903'; // ABC, Luhn-valid

describe('freezes and returns', () => {
  let t: TestDb;
  let api: TestApi;
  let analyst: Session;
  let leader: Session;
  let abc: string;
  let icbc: Session;
  let n = 0;
  const minutesAgo = (m: number) => iso(new Date(t.clock.now().getTime() - m * 60_000));
  const report = async (victimAccount: string, amount: string) =>
    (
      await api.as(analyst, 'POST', '/api/v1/cases', {
        externalId: `fz-${++n}`,
        source: '96110',
        reportedAt: minutesAgo(1),
        victim: { name: `受害人${n}`, phone: '13800138000' },
        regionCode: '149902',
        narrative: '冒充公检法，称涉嫌洗钱，要求转入安全账户。',
        lossAmount: amount,
        transfers: [{ fromAccount: victimAccount, fromBank: '工商银行', toAccount: MULE, toBank: '农业银行', toName: '张三', amount, at: minutesAgo(30) }],
      })
    ).json() as { id: number; stopPayments: { id: number }[] };

  beforeAll(async () => {
    t = await createTestDb({ demo: true, clockStart: '2026-06-15T02:00:00Z', config: { sessionIdleMinutes: 1_000_000, sessionMaxHours: 100_000 } });
    api = await TestApi.create(t.deps);
    analyst = await api.login('demo-center_analyst');
    leader = await api.login('demo-center_leader');
    icbc = await api.login('demo-bank_liaison');
    const admin = await api.login('demo-admin');
    abc = (await api.as(admin, 'POST', '/api/v1/tokens', { orgCode: 'ABC', role: 'bank_liaison', name: 'ABC' })).json().token;
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('freezes the stopped account, releases the stop, returns the traced money and counts it per case', async () => {
    const c = await report('6222020200112233446', '30000.00');
    await api.withToken(abc, 'POST', `/api/v1/bank/requests/${c.stopPayments[0]?.id}/response`, { result: 'stopped', stoppedAmount: '30000.00' });
    const url = `/api/v1/cases/${c.id}/freezes`;
    expect((await api.as(analyst, 'POST', url, { account: MULE, documentNo: '城公(刑)冻字〔2026〕101号', kind: 'limited' })).json().errors[0].path).toBe('limitAmount');
    const f = await api.as(analyst, 'POST', url, { account: MULE, documentNo: '城公(刑)冻字〔2026〕101号', kind: 'limited', limitAmount: '30000.00' });
    expect(f.statusCode).toBe(201);
    expect(f.json()).toMatchObject({ status: 'requested', bankOrgCode: 'ABC', months: 6, stopPaymentId: c.stopPayments[0]?.id });
    expect((await api.as(analyst, 'POST', url, { account: MULE, documentNo: '城公(刑)冻字〔2026〕102号', kind: 'full' })).statusCode).toBe(409);
    const id = f.json().id as number;
    expect((await api.as(icbc, 'POST', `/api/v1/bank/freezes/${id}/response`, { result: 'frozen', frozenAmount: '30000.00' })).statusCode).toBe(404);
    const frozen = (await api.withToken(abc, 'POST', `/api/v1/bank/freezes/${id}/response`, { result: 'frozen', frozenAmount: '30000.00' })).json();
    expect(frozen.status).toBe('frozen');
    expect(new Date(frozen.expiresAt).toISOString()).toBe('2026-12-15T02:00:00.000Z');
    expect((await api.withToken(abc, 'POST', `/api/v1/bank/freezes/${id}/response`, { result: 'rejected' })).statusCode).toBe(409);
    let detail = (await api.as(analyst, 'GET', `/api/v1/cases/${c.id}`)).json();
    expect(detail.stopPayments[0].status).toBe('released');
    expect(detail.money).toEqual({ stopped: '30000.00', frozen: '30000.00', returned: '0.00' });

    const tooMuch = await api.as(analyst, 'POST', `/api/v1/freezes/${id}/returns`, { method: 'traced', amount: '40000.00' });
    expect(tooMuch.json().errors[0].path).toBe('amount');
    const planned = await api.as(analyst, 'POST', `/api/v1/freezes/${id}/returns`, { method: 'traced' });
    expect(planned.statusCode).toBe(201);
    expect(planned.json()).toMatchObject({ method: 'traced', status: 'approved', totalAmount: '30000.00', shares: [{ caseId: c.id, amount: '30000.00' }] });
    // The bank finds the approved return in its list of returns to pay; another bank does not.
    const toPay = (await api.withToken(abc, 'GET', '/api/v1/bank/returns?status=approved')).json().items;
    expect(toPay.map((r: { id: number; account: string }) => [r.id, r.account])).toEqual([[planned.json().id, MULE]]);
    expect((await api.as(icbc, 'GET', '/api/v1/bank/returns?status=approved')).json().items).toEqual([]);
    const paid = await api.withToken(abc, 'POST', `/api/v1/bank/returns/${planned.json().id}/paid`, { reference: 'ABC-RT-0001' });
    expect(paid.json()).toMatchObject({ status: 'paid', bankReference: 'ABC-RT-0001' });
    detail = (await api.as(analyst, 'GET', `/api/v1/cases/${c.id}`)).json();
    expect(detail.money.returned).toBe('30000.00');
    expect(detail.freezes[0].returnedAmount).toBe('30000.00');
    expect(detail.returns[0].status).toBe('paid');
    // Nothing left to return.
    expect((await api.as(analyst, 'POST', `/api/v1/freezes/${id}/returns`, { method: 'traced' })).statusCode).toBe(400);
  });

  it('shares a frozen account pro rata between victims after a 30-day notice', async () => {
    const MULE2 = '6217000010000000011'; // CCB
    const mk = async (from: string, amount: string) =>
      (
        await api.as(analyst, 'POST', '/api/v1/cases', {
          source: '96110',
          reportedAt: minutesAgo(1),
          victim: { name: '李四', phone: '13900139000' },
          regionCode: '149902',
          narrative: '刷单返利',
          lossAmount: amount,
          transfers: [{ fromAccount: from, fromBank: '工商银行', toAccount: MULE2, toBank: '建设银行', amount, at: minutesAgo(20) }],
        })
      ).json() as { id: number };
    const a = await mk('6222020200112233453', '30000.00');
    const b = await mk('6212260000000000018', '10000.00');
    const f = (await api.as(analyst, 'POST', `/api/v1/cases/${a.id}/freezes`, { account: MULE2, bank: '建设银行', documentNo: '城公冻字〔2026〕7号', kind: 'full' })).json();
    const ccb = (await api.as(await api.login('demo-admin'), 'POST', '/api/v1/tokens', { orgCode: 'CCB', role: 'bank_liaison', name: 'CCB' })).json().token;
    await api.withToken(ccb, 'POST', `/api/v1/bank/freezes/${f.id}/response`, { result: 'frozen', frozenAmount: '20000.00' });
    expect((await api.as(analyst, 'POST', `/api/v1/freezes/${f.id}/returns`, { method: 'pro_rata' })).json().errors[0].path).toBe('caseIds');
    const plan = (await api.as(analyst, 'POST', `/api/v1/freezes/${f.id}/returns`, { method: 'pro_rata', caseIds: [b.id] })).json();
    expect(plan).toMatchObject({ status: 'noticed', totalAmount: '20000.00' });
    expect(plan.shares.map((s: { caseId: number; basis: string; amount: string }) => [s.caseId, s.basis, s.amount])).toEqual([
      [a.id, '30000.00', '15000.00'],
      [b.id, '10000.00', '5000.00'],
    ]);
    expect(new Date(plan.noticeUntil).getTime() - t.clock.now().getTime()).toBe(30 * 86_400_000);
    expect((await api.withToken(ccb, 'POST', `/api/v1/bank/returns/${plan.id}/paid`, { reference: 'x' })).statusCode).toBe(409);
    const early = await api.as(leader, 'POST', `/api/v1/returns/${plan.id}/approve`, {});
    expect(early.statusCode).toBe(409);
    t.clock.advance(30 * 86_400_000 + 1000);
    expect((await api.as(leader, 'POST', `/api/v1/returns/${plan.id}/approve`, {})).json().status).toBe('approved');
    expect((await api.withToken(ccb, 'POST', `/api/v1/bank/returns/${plan.id}/paid`, { reference: 'CCB-9' })).json().status).toBe('paid');
    expect((await api.as(analyst, 'GET', `/api/v1/cases/${b.id}`)).json().money.returned).toBe('5000.00');
    const totals = (await api.as(analyst, 'GET', '/api/v1/money/totals')).json();
    expect(totals.returned).toBe('50000.00');
  });

  it('renews and releases a freeze with documents, and the sweeper warns a week ahead and expires it', async () => {
    const c = await report('6222020200112233446', '1000.00');
    const f = (await api.as(analyst, 'POST', `/api/v1/cases/${c.id}/freezes`, { account: MULE, documentNo: '冻字〔2026〕9号', kind: 'full', months: 1 })).json();
    await api.withToken(abc, 'POST', `/api/v1/bank/freezes/${f.id}/response`, { result: 'frozen', frozenAmount: '1000.00' });
    t.clock.advance(25 * 86_400_000);
    expect((await sweepFreezes(t.deps)).warned).toBeGreaterThanOrEqual(1);
    const renewed = (await api.as(analyst, 'POST', `/api/v1/freezes/${f.id}/renew`, { documentNo: '续冻字〔2026〕1号' })).json();
    expect(renewed).toMatchObject({ renewals: 1, documentNo: '续冻字〔2026〕1号', status: 'frozen' });
    t.clock.advance(70 * 86_400_000);
    expect((await sweepFreezes(t.deps)).expired).toBeGreaterThanOrEqual(1);
    expect((await api.as(analyst, 'POST', `/api/v1/freezes/${f.id}/release`, { documentNo: '解冻字1号' })).statusCode).toBe(409);
    const g = (await api.as(analyst, 'POST', `/api/v1/cases/${c.id}/freezes`, { account: MULE, documentNo: '冻字〔2026〕10号', kind: 'full' })).json();
    await api.withToken(abc, 'POST', `/api/v1/bank/freezes/${g.id}/response`, { result: 'frozen', frozenAmount: '1000.00' });
    expect((await api.as(analyst, 'POST', `/api/v1/freezes/${g.id}/release`, { documentNo: '解冻字2号' })).json().status).toBe('released');
  });
});
