import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { sweepNotices } from './notices.ts';

describe('notices (提示函) with reply deadlines', () => {
  let t: TestDb;
  let api: TestApi;
  let analyst: Session;
  let icbc: Session;
  let cmcc: Session;
  beforeAll(async () => {
    t = await createTestDb({ demo: true, clockStart: '2026-06-15T02:00:00Z', config: { sessionIdleMinutes: 1_000_000, sessionMaxHours: 100_000 } });
    api = await TestApi.create(t.deps);
    analyst = await api.login('demo-center_analyst');
    icbc = await api.login('demo-bank_liaison');
    cmcc = await api.login('demo-operator_liaison');
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('sends to a partner, takes its reply once, refuses a reply from another unit and counts sent and replied', async () => {
    expect((await api.as(analyst, 'POST', '/api/v1/cards/notices', { orgCode: '149902001', kind: 'rectification', subject: '整改', body: '请整改开卡审核。' })).json().errors[0].path).toBe('orgCode');
    const a = (await api.as(analyst, 'POST', '/api/v1/cards/notices', { orgCode: 'ICBC-149902', kind: 'rectification', subject: '涉案账户整改', body: '贵行城关支行本季度涉案账户 12 个，请于 7 日内书面回复整改措施。' })).json();
    expect(a).toMatchObject({ toOrgCode: 'ICBC-149902', overdue: false });
    expect(a.noticeNo).toMatch(/^TSH\d{8}\d{4}$/);
    const b = (await api.as(analyst, 'POST', '/api/v1/cards/notices', { orgCode: 'CMCC-149902-01', kind: 'summons', subject: '约谈', body: '请于下周一到中心约谈。', replyDays: 3 })).json();
    expect((await api.as(cmcc, 'POST', `/api/v1/cards/notices/${a.id}/reply`, { text: '我们不是收件单位' })).statusCode).toBe(404);
    expect((await api.as(icbc, 'GET', '/api/v1/cards/notices')).json().items.map((n: { id: number }) => n.id)).toEqual([a.id]);
    // The addressed branch's notice reaches the bell of the bank's liaison only if addressed to their org.
    expect((await api.as(icbc, 'GET', '/api/v1/notifications')).statusCode).toBe(200);
    const replied = (await api.as(icbc, 'POST', `/api/v1/cards/notices/${a.id}/reply`, { text: '已完成开户审核整改，详见附件。' })).json();
    expect(replied).toMatchObject({ replyText: '已完成开户审核整改，详见附件。', overdue: false });
    expect((await api.as(icbc, 'POST', `/api/v1/cards/notices/${a.id}/reply`, { text: '再次回复内容' })).statusCode).toBe(409);
    t.clock.advance(4 * 86_400_000);
    const center = (await api.as(analyst, 'GET', '/api/v1/cards/notices')).json();
    expect(center).toMatchObject({ sent: 2, replied: 1, overdue: 1 });
    expect((await api.as(analyst, 'GET', `/api/v1/cards/notices/${b.id}`)).json()).toMatchObject({ id: b.id, overdue: true });
    expect((await api.as(icbc, 'GET', `/api/v1/cards/notices/${b.id}`)).statusCode).toBe(404);
    expect((await api.as(cmcc, 'GET', `/api/v1/cards/notices/${b.id}`)).json().toOrgCode).toBe('CMCC-149902-01');
    expect((await api.as(analyst, 'GET', '/api/v1/cards/notices?overdue=true')).json().items.map((n: { id: number }) => n.id)).toEqual([b.id]);
    expect((await sweepNotices(t.deps)).overdue).toBe(1);
    expect((await sweepNotices(t.deps)).overdue).toBe(0);
  });

  it('flags branches whose case-involved cards reach the summons and suspension thresholds', async () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ externalId: `ACC-${i}`, source: 'ministry', kind: 'bank_account', identifier: `62122600000000${String(1000 + i)}`, openedAt: i < 6 ? 'ICBC-149902' : 'ABC-149902', orgCode: '149902001' }));
    expect((await api.as(analyst, 'POST', '/api/v1/cards/leads', { items })).json().rejected).toEqual([]);
    const r = (await api.as(analyst, 'GET', '/api/v1/cards/accountability?kind=bank')).json();
    expect(r.thresholds).toEqual({ summonAt: 5, suspendAt: 10 });
    expect(r.items.map((i: { code: string; leads: number; action: string | null }) => [i.code, i.leads, i.action])).toEqual([
      ['ICBC-149902', 6, 'summon'],
      ['ABC-149902', 4, null],
    ]);
  });

  it('issues a summons from a flagged ranking row with its figures, refuses one below the threshold, and shows it beside the row', async () => {
    const below = await api.as(analyst, 'POST', '/api/v1/cards/accountability/notices', { orgCode: 'ABC-149902', kind: 'summons' });
    expect(below.statusCode).toBe(400);
    expect(below.json().errors[0]).toMatchObject({ path: 'kind', message: expect.stringContaining('needs 5') });
    expect((await api.as(analyst, 'POST', '/api/v1/cards/accountability/notices', { orgCode: 'ICBC-149902', kind: 'suspension_proposal' })).statusCode).toBe(400);
    expect((await api.as(analyst, 'POST', '/api/v1/cards/accountability/notices', { orgCode: 'ICBC', kind: 'summons' })).json().errors[0].path).toBe('orgCode');
    const res = await api.as(analyst, 'POST', '/api/v1/cards/accountability/notices', { orgCode: 'ICBC-149902', kind: 'summons', replyDays: 5 });
    expect(res.statusCode).toBe(201);
    const n = res.json();
    expect(n).toMatchObject({ kind: 'summons', toOrgCode: 'ICBC-149902', basis: { orgCode: 'ICBC-149902', leads: 6, threshold: 5 } });
    expect(n.body).toContain('有 6 张（个）涉及电信网络诈骗案件');
    const row = (await api.as(analyst, 'GET', '/api/v1/cards/accountability?kind=bank')).json().items.find((i: { code: string }) => i.code === 'ICBC-149902');
    expect(row.notice).toMatchObject({ id: n.id, kind: 'summons', repliedAt: null, overdue: false });
    // The summons to the branch rings the bell of the bank's liaison at the head office, not the operator's.
    const bell = (await api.as(icbc, 'GET', '/api/v1/notifications?unread=true')).json();
    const ring = bell.items.find((x: { targetType: string; targetId: string }) => x.targetType === 'unit_notice' && x.targetId === String(n.id));
    expect(ring).toMatchObject({ kind: 'notice.summons' });
    expect((await api.as(cmcc, 'GET', '/api/v1/notifications')).json().items.some((x: { targetId: string }) => x.targetId === String(n.id))).toBe(false);
    expect((await api.as(cmcc, 'POST', `/api/v1/notifications/${ring.id}/read`)).statusCode).toBe(404);
    expect((await api.as(icbc, 'POST', `/api/v1/notifications/${ring.id}/read`)).statusCode).toBe(204);
    expect((await api.as(icbc, 'GET', '/api/v1/notifications?unread=true')).json().unread).toBe(bell.unread - 1);
    // The branch sees it among its notices and replies; the ranking shows the reply.
    await api.as(icbc, 'POST', `/api/v1/cards/notices/${n.id}/reply`, { text: '行长已按时到中心接受约谈，整改报告随后报送。' });
    const after = (await api.as(analyst, 'GET', '/api/v1/cards/accountability?kind=bank')).json().items.find((i: { code: string }) => i.code === 'ICBC-149902');
    expect(after.notice.repliedAt).not.toBeNull();
    // A period that begins tomorrow is refused.
    const later = (await api.as(analyst, 'GET', `/api/v1/cards/accountability?kind=bank&from=${new Date(t.clock.now().getTime() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10)}`));
    expect(later.statusCode).toBe(400);
  });
});
