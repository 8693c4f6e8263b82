import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { sweepStops } from '../money/stop-payments.service.ts';
import { remindStale } from './followup.ts';

const iso = (d: Date) => d.toISOString();

describe('cases, stop-payments and tracing through the API', () => {
  let t: TestDb;
  let api: TestApi;
  let analyst: Session;
  let officer: Session;
  let icbc: Session;
  let abcToken: string;
  let n = 0;
  const minutesAgo = (m: number) => iso(new Date(t.clock.now().getTime() - m * 60_000));
  const report = (over: Record<string, unknown> = {}) => ({
    externalId: `case-${++n}`,
    source: '96110',
    reportedAt: minutesAgo(5),
    victim: { name: '王芳', phone: '13800138000', idNumber: '110101199003071575', age: 36, occupation: '会计' },
    regionCode: '149902',
    narrative: '受害人在网上看到兼职刷单广告，按要求做任务垫付，连单后无法提现。',
    lossAmount: '50000.00',
    transfers: [
      { fromAccount: '6222020200112233446', fromBank: '工商银行', toAccount: '6228480012345678903', toBank: '农业银行', toName: '张三', amount: '30000.00', at: minutesAgo(60) },
      { fromAccount: '6222020200112233446', fromBank: '工商银行', toAccount: '6228480012345678903', toBank: '农业银行', toName: '张三', amount: '5000.00', at: minutesAgo(50) },
      { fromAccount: '6222020200112233446', fromBank: '工商银行', toAccount: '6212260000000000018', toBank: '中国工商银行', amount: '15000.00', at: minutesAgo(40) },
    ],
    identifiers: [{ kind: 'url', value: 'http://shuadan.example' }],
    ...over,
  });

  beforeAll(async () => {
    t = await createTestDb({ demo: true, clockStart: '2026-06-15T02:00:00Z', config: { sessionIdleMinutes: 1_000_000, sessionMaxHours: 100_000 } });
    api = await TestApi.create(t.deps);
    analyst = await api.login('demo-center_analyst');
    officer = await api.login('demo-station_officer');
    icbc = await api.login('demo-bank_liaison');
    const admin = await api.login('demo-admin');
    abcToken = (await api.as(admin, 'POST', '/api/v1/tokens', { orgCode: 'ABC', role: 'bank_liaison', name: 'ABC liaison' })).json().token;
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('takes a report, classifies it and opens one stop-payment per receiving account at the right bank', async () => {
    const input = report();
    const res = await api.as(analyst, 'POST', '/api/v1/cases', input);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ fraudType: '刷单返利', fraudTypeSource: 'classified', duplicate: false, warnings: [] });
    expect(body.caseNo).toMatch(/^AJ20260615\d{6}$/);
    expect(body.stopPayments.map((s: { account: string; bankOrgCode: string | null; amount: string; status: string }) => [s.account, s.bankOrgCode, s.amount, s.status])).toEqual([
      ['6228480012345678903', 'ABC', '35000.00', 'pending'],
      ['6212260000000000018', 'ICBC', '15000.00', 'pending'],
    ]);
    const c = (await api.as(analyst, 'GET', `/api/v1/cases/${body.id}`)).json();
    expect(c).toMatchObject({ status: 'accepted', orgCode: '149902', lossAmount: '50000.00', nextStatuses: ['filed', 'withdrawn'] });
    expect(c.identifiers).toEqual([
      { kind: 'account', value: '6212260000000000018' },
      { kind: 'account', value: '6228480012345678903' },
      { kind: 'url', value: 'http://shuadan.example' },
    ]);
    expect(c.transfers[0].fromAccount).not.toBe('6222020200112233446');
    // A replay returns the stored case and changes nothing.
    const again = await api.as(analyst, 'POST', '/api/v1/cases', { ...input, narrative: '改过的叙述' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: body.id, duplicate: true });
    expect(await t.deps.db.selectFrom('stop_payments').select('id').where('case_id', '=', body.id).execute()).toHaveLength(2);
    // A station officer's report stays with the station that took it (首接).
    const taken = (await api.as(officer, 'POST', '/api/v1/cases', report({ regionCode: '149923' }))).json();
    expect((await api.as(officer, 'GET', `/api/v1/cases/${taken.id}`)).json().orgCode).toBe('149902001');
  });

  it('names every bad field in a 400 and stores nothing', async () => {
    const before = (await t.deps.db.selectFrom('cases').select('id').execute()).length;
    const bad = report({
      victim: { name: '王芳', phone: '12345', idNumber: '110101199003071574' },
      regionCode: '99',
      lossAmount: '-1',
      transfers: [{ fromAccount: '6222020200112233446', fromBank: '工行', toAccount: 'abc', toBank: '农行', amount: '0', at: minutesAgo(5) }],
    });
    const res = await api.as(analyst, 'POST', '/api/v1/cases', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['lossAmount', 'regionCode', 'transfers.0.amount', 'transfers.0.toAccount', 'victim.idNumber', 'victim.phone']);
    const own = report({ transfers: [{ fromAccount: '6222020200112233446', fromBank: '工行', toAccount: '6222020200112233446', toBank: '工行', amount: '10', at: minutesAgo(5) }] });
    expect((await api.as(analyst, 'POST', '/api/v1/cases', own)).json().errors).toEqual([{ path: 'transfers.0.toAccount', message: "is one of the victim's own accounts" }]);
    const future = await api.as(analyst, 'POST', '/api/v1/cases', report({ reportedAt: iso(new Date(t.clock.now().getTime() + 3_600_000)) }));
    expect(future.json().errors[0].path).toBe('reportedAt');
    const nowhere = await api.as(analyst, 'POST', '/api/v1/cases', report({ regionCode: '110101' }));
    expect(nowhere.json().errors[0]).toEqual({ path: 'regionCode', message: 'names no county of this city' });
    expect((await t.deps.db.selectFrom('cases').select('id').execute()).length).toBe(before);
    // A card number failing Luhn is a warning, not a refusal.
    const luhn = await api.as(analyst, 'POST', '/api/v1/cases', report({ transfers: [{ fromAccount: '6222020200112233445', fromBank: '工行', toAccount: '6228480012345678901', toBank: '农行', amount: '10', at: minutesAgo(5) }] }));
    expect(luhn.statusCode).toBe(201);
    expect(luhn.json().warnings.map((w: { path: string }) => w.path)).toEqual(['transfers.0.fromAccount', 'transfers.0.toAccount']);
  });

  it('shows each bank only its own requests; answering twice is 409, another bank’s request 404', async () => {
    const created = (await api.as(analyst, 'POST', '/api/v1/cases', report())).json();
    const [toAbc, toIcbc] = created.stopPayments as { id: number }[];
    const mine = (await api.as(icbc, 'GET', '/api/v1/bank/requests?status=pending')).json();
    expect(mine.items.every((i: { bankOrgCode: string }) => i.bankOrgCode === 'ICBC')).toBe(true);
    const item = mine.items.find((i: { id: number }) => i.id === toIcbc?.id);
    expect(item).toMatchObject({ account: '6212260000000000018', amount: '15000.00', transfers: [{ amount: '15000.00' }] });
    expect((await api.as(icbc, 'POST', `/api/v1/bank/requests/${toAbc?.id}/response`, { result: 'stopped', stoppedAmount: '1.00' })).statusCode).toBe(404);
    // The bank's liaison finds the request on the bell as well.
    const bell = (await api.as(icbc, 'GET', '/api/v1/notifications')).json();
    expect(bell.items.some((n: { kind: string; targetId: string }) => n.kind === 'stop_payment.requested' && n.targetId === String(toIcbc?.id))).toBe(true);
    const answered = await api.as(icbc, 'POST', `/api/v1/bank/requests/${toIcbc?.id}/response`, { result: 'no_balance', balance: '0.00' });
    expect(answered.json()).toMatchObject({ status: 'no_balance', balance: '0.00' });
    const twice = await api.as(icbc, 'POST', `/api/v1/bank/requests/${toIcbc?.id}/response`, { result: 'stopped', stoppedAmount: '1.00' });
    expect(twice.statusCode).toBe(409);
    const noAmount = await api.withToken(abcToken, 'POST', `/api/v1/bank/requests/${toAbc?.id}/response`, { result: 'stopped' });
    expect(noAmount.json().errors[0].path).toBe('stoppedAmount');
    // Police users see the requests of their jurisdiction's cases only.
    const other = await api.login('officer-149923001');
    expect((await api.as(other, 'GET', `/api/v1/cases/${created.id}`)).statusCode).toBe(404);
    expect((await api.as(other, 'GET', '/api/v1/bank/requests')).json().items.some((i: { caseId: number }) => i.caseId === created.id)).toBe(false);
  });

  it('turns a bank’s onward flows into ranked next-hop proposals, sends them in one click, and traces both ways', async () => {
    const created = (await api.as(analyst, 'POST', '/api/v1/cases', report())).json();
    const toAbc = created.stopPayments[0] as { id: number };
    const flows = [
      { fromAccount: '6228480012345678903', toAccount: '6217000010000000011', toBank: '建设银行', amount: '20000.00', at: minutesAgo(45), channel: 'transfer' },
      { fromAccount: '6228480012345678903', toAccount: '6217000010000000029', toBank: '中国银行', amount: '10000.00', at: minutesAgo(44), channel: 'transfer' },
      { fromAccount: '6228480012345678903', toAccount: '6228480099999999990', toBank: '农业银行', amount: '3000.00', at: minutesAgo(43), channel: 'cash_out' },
    ];
    const res = await api.withToken(abcToken, 'POST', `/api/v1/bank/requests/${toAbc.id}/response`, { result: 'stopped', stoppedAmount: '2000.00', balance: '2000.00', flows });
    expect(res.statusCode).toBe(200);
    const c = (await api.as(analyst, 'GET', `/api/v1/cases/${created.id}`)).json();
    const proposed = c.stopPayments.filter((s: { status: string }) => s.status === 'proposed');
    expect(proposed.map((s: { account: string; amount: string; hop: number; parentId: number; bankOrgCode: string }) => [s.account, s.amount, s.hop, s.parentId, s.bankOrgCode])).toEqual([
      ['6217000010000000011', '20000.00', 2, toAbc.id, 'CCB'],
      ['6217000010000000029', '10000.00', 2, toAbc.id, 'BOC'],
    ]);
    // Proposals are not in any bank's queue until sent.
    const ccbBefore = (await api.as(analyst, 'GET', '/api/v1/bank/requests?status=pending')).json().items.filter((i: { caseId: number }) => i.caseId === created.id);
    expect(ccbBefore).toHaveLength(1);
    const trace = (await api.as(analyst, 'GET', `/api/v1/cases/${created.id}/trace`)).json();
    expect(trace.method).toBe('fifo');
    const node = (a: string) => trace.nodes.find((x: { account: string }) => x.account === a);
    expect(node('6228480012345678903')).toMatchObject({ hop: 1, receivedAmount: '35000.00', heldAmount: '2000.00', cashedOutAmount: '3000.00', status: 'stopped' });
    expect(node('6217000010000000011')).toMatchObject({ hop: 2, heldAmount: '20000.00', status: 'proposed' });
    // Accounts already asked (the first hop) are not suggested again; the proposals are, largest first.
    expect(trace.suggestions.map((s: { account: string; amount: string }) => [s.account, s.amount])).toEqual([
      ['6217000010000000011', '20000.00'],
      ['6217000010000000029', '10000.00'],
    ]);
    const sent = await api.as(analyst, 'POST', `/api/v1/cases/${created.id}/stop-payments/send`, {});
    expect(sent.json().sent).toHaveLength(2);
    const after = (await api.as(analyst, 'GET', '/api/v1/bank/requests?status=pending')).json().items.filter((i: { caseId: number }) => i.caseId === created.id);
    expect(after).toHaveLength(3);
    expect((await api.as(analyst, 'POST', `/api/v1/cases/${created.id}/stop-payments/send`, { ids: [toAbc.id] })).statusCode).toBe(409);
  });

  it('holds a stop 48 h, renews it twice and refuses a third; the sweeper warns and then expires it', async () => {
    const created = (await api.as(analyst, 'POST', '/api/v1/cases', report())).json();
    const sp = created.stopPayments[1] as { id: number };
    const stopped = (await api.as(icbc, 'POST', `/api/v1/bank/requests/${sp.id}/response`, { result: 'stopped', stoppedAmount: '15000.00' })).json();
    expect(new Date(stopped.expiresAt).getTime() - t.clock.now().getTime()).toBe(48 * 3_600_000);
    t.clock.advance(43 * 3_600_000); // 5 h left: inside the 6 h warning window
    const warned = await sweepStops(t.deps);
    expect(warned.warned).toBeGreaterThanOrEqual(1);
    const note = await t.deps.db.selectFrom('notifications').select('title').where('kind', '=', 'stop_payment.expiring').execute();
    expect(note.some((x) => x.title.includes('可续期'))).toBe(true);
    expect((await sweepStops(t.deps)).warned).toBe(0); // once only
    const r1 = (await api.as(analyst, 'POST', `/api/v1/stop-payments/${sp.id}/renew`, {})).json();
    expect(r1).toMatchObject({ renewals: 1, status: 'stopped' });
    expect(new Date(r1.expiresAt).getTime()).toBe(new Date(stopped.expiresAt).getTime() + 48 * 3_600_000);
    expect((await api.as(analyst, 'POST', `/api/v1/stop-payments/${sp.id}/renew`, {})).json().renewals).toBe(2);
    const third = await api.as(analyst, 'POST', `/api/v1/stop-payments/${sp.id}/renew`, {});
    expect(third.statusCode).toBe(409);
    expect(third.json().detail).toContain('at most 2');
    t.clock.advance(200 * 3_600_000);
    expect((await sweepStops(t.deps)).expired).toBeGreaterThanOrEqual(1);
    const c = (await api.as(analyst, 'GET', `/api/v1/cases/${created.id}`)).json();
    expect(c.stopPayments.find((s: { id: number }) => s.id === sp.id).status).toBe('expired');
    expect((await api.as(analyst, 'POST', `/api/v1/stop-payments/${sp.id}/renew`, {})).statusCode).toBe(409);
  });

  it('walks the case status in order, refusing jumps with 409, and records 三定一盯', async () => {
    const created = (await api.as(analyst, 'POST', '/api/v1/cases', report())).json();
    const url = `/api/v1/cases/${created.id}`;
    // The county owns the case until it is assigned: its stations' officers do not see it yet.
    expect((await api.as(officer, 'POST', `${url}/status`, { to: 'filed' })).statusCode).toBe(404);
    expect((await api.as(analyst, 'POST', `${url}/status`, { to: 'solved' })).statusCode).toBe(409);
    expect((await api.as(analyst, 'POST', `${url}/status`, { to: 'filed', note: '已立案' })).json().status).toBe('filed');
    const officerId = (await api.as(officer, 'GET', '/api/v1/me')).json().id;
    const leader = await api.login('demo-center_leader');
    const leaderId = (await api.as(leader, 'GET', '/api/v1/me')).json().id;
    const assigned = await api.as(leader, 'POST', `${url}/assign`, { orgCode: '149902001', investigatorId: officerId, leaderId });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ orgCode: '149902001', investigator: { id: officerId }, leader: { id: leaderId } });
    const wrong = await api.as(leader, 'POST', `${url}/assign`, { investigatorId: leaderId, leaderId });
    expect(wrong.json().errors[0].path).toBe('investigatorId');
    expect((await api.as(officer, 'POST', `${url}/status`, { to: 'withdrawn' })).json().status).toBe('withdrawn');
    expect((await api.as(officer, 'POST', `${url}/status`, { to: 'filed' })).statusCode).toBe(409);
    const events = (await api.as(analyst, 'GET', url)).json().events.map((e: { kind: string }) => e.kind);
    expect(events.filter((k: string) => !k.includes('.'))).toEqual(['opened', 'status', 'assigned', 'status']);
    // The stop-payments' own events are on the same timeline.
    expect(events.filter((k: string) => k === 'stop_payment.requested')).toHaveLength(2);
  });

  it('links cases that share a receiving account, shows them on each case and merges them into a serial case', async () => {
    const lone = (await api.as(analyst, 'POST', '/api/v1/cases', report({ identifiers: [], transfers: [{ fromAccount: '6222020200112233453', fromBank: '工行', toAccount: '6228480012345678911', toBank: '农行', amount: '10', at: minutesAgo(5) }] }))).json();
    const a = (await api.as(analyst, 'POST', '/api/v1/cases', report())).json();
    const b = (await api.as(analyst, 'POST', '/api/v1/cases', report())).json();
    const detail = (await api.as(analyst, 'GET', `/api/v1/cases/${a.id}`)).json();
    const rel = detail.related.find((r: { id: number }) => r.id === b.id);
    expect(rel.shared).toEqual(expect.arrayContaining([{ kind: 'account', value: '6228480012345678903' }]));
    expect(detail.related.some((r: { id: number }) => r.id === lone.id)).toBe(false);
    const clusters = (await api.as(analyst, 'GET', '/api/v1/cases/clusters')).json();
    const big = clusters.clusters[0];
    expect(big.cases.map((c: { id: number }) => c.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(big.cases.some((c: { id: number }) => c.id === lone.id)).toBe(false);
    expect(big.shared).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'account', value: '6228480012345678903' })]));
    const refused = await api.as(analyst, 'POST', '/api/v1/serials', { name: '刷单团伙', caseIds: [a.id, lone.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('caseIds.0');
    const serial = await api.as(analyst, 'POST', '/api/v1/serials', { name: '刷单返利系列案', caseIds: [a.id, b.id] });
    expect(serial.statusCode).toBe(201);
    expect(serial.json()).toMatchObject({ name: '刷单返利系列案', lossTotal: '100000.00' });
    expect(serial.json().serialNo).toMatch(/^CB\d{14}$/);
    const after = (await api.as(analyst, 'GET', `/api/v1/cases/${b.id}`)).json();
    expect(after.serials).toEqual([{ id: serial.json().id, serialNo: serial.json().serialNo, name: '刷单返利系列案' }]);
    expect(after.status).toBe('accepted'); // the original record is untouched
    const other = await api.login('officer-149923001');
    expect((await api.as(other, 'GET', `/api/v1/serials/${serial.json().id}`)).statusCode).toBe(404);
  });

  it('reminds the unit of open cases a week without progress, once per stretch (盯案)', async () => {
    const open = (await api.as(analyst, 'POST', '/api/v1/cases', report())).json();
    const closed = (await api.as(analyst, 'POST', '/api/v1/cases', report())).json();
    await api.as(analyst, 'POST', `/api/v1/cases/${closed.id}/status`, { to: 'withdrawn' });
    t.clock.advance(8 * 86_400_000);
    const first = await remindStale(t.deps);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const notes = await t.deps.db.selectFrom('notifications').select(['target_id', 'title']).where('kind', '=', 'case.followup').execute();
    expect(notes.map((n) => n.target_id)).toContain(String(open.id));
    expect(notes.map((n) => n.target_id)).not.toContain(String(closed.id));
    expect(notes.find((n) => n.target_id === String(open.id))?.title).toContain('8 天无进展');
    expect((await remindStale(t.deps)).reminded).toBe(0);
    // Progress starts a new stretch.
    t.clock.advance(60_000);
    await api.as(analyst, 'POST', `/api/v1/cases/${open.id}/status`, { to: 'filed' });
    t.clock.advance(8 * 86_400_000);
    expect((await remindStale(t.deps)).reminded).toBeGreaterThanOrEqual(1);
  });

  it('takes a bank statement (流水 CSV) after the answer: good rows stored once, bad rows named, proposals made', async () => {
    const created = (await api.as(analyst, 'POST', '/api/v1/cases', report())).json();
    const sp = created.stopPayments[1] as { id: number };
    // Statements speak China time.
    const local = (m: number) => new Date(t.clock.now().getTime() - m * 60_000 + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    const csv = ['交易时间,收款账号,收款银行,交易金额,交易类型', `${local(35)},6217000010000000029,中国银行,"12,000.00",转账`, `${local(34)},6217000010000000011,建设银行,abc,转账`].join('\n');
    const early = await api.as(icbc, 'POST', `/api/v1/bank/requests/${sp.id}/flows`, { csv });
    expect(early.statusCode).toBe(409);
    await api.as(icbc, 'POST', `/api/v1/bank/requests/${sp.id}/response`, { result: 'no_balance', balance: '0.00' });
    const up = (await api.as(icbc, 'POST', `/api/v1/bank/requests/${sp.id}/flows`, { csv })).json();
    expect(up).toMatchObject({ received: 2, stored: 1, duplicates: 0 });
    expect(up.rejected.map((r: { row: number; errors: { path: string }[] }) => [r.row, [...new Set(r.errors.map((e) => e.path))]])).toEqual([[3, ['amount']]]);
    expect(up.proposals).toBe(1);
    const again = (await api.as(icbc, 'POST', `/api/v1/bank/requests/${sp.id}/flows`, { csv })).json();
    expect(again).toMatchObject({ stored: 0, duplicates: 1, proposals: 0 });
    const noColumns = await api.as(icbc, 'POST', `/api/v1/bank/requests/${sp.id}/flows`, { csv: 'a,b\n1,2' });
    expect(noColumns.json().errors[0].path).toBe('csv');
  });

  it('asks for a stop by hand, lists requests newest first, masks the victim in the trace, and keeps the rules in settings', async () => {
    const created = (await api.as(analyst, 'POST', '/api/v1/cases', report())).json();
    const byHand = await api.as(analyst, 'POST', `/api/v1/cases/${created.id}/stop-payments`, { account: '6217000010000000029', bank: '中国银行', amount: '50.00' });
    expect(byHand.statusCode).toBe(201);
    expect(byHand.json().stopPayments).toMatchObject([{ account: '6217000010000000029', bankOrgCode: 'BOC', status: 'pending', amount: '50.00' }]);
    expect((await api.as(analyst, 'POST', `/api/v1/cases/${created.id}/stop-payments`, { account: '6217000010000000029', bank: '中国银行', amount: '50.00' })).statusCode).toBe(409);
    const newest = (await api.as(analyst, 'GET', '/api/v1/bank/requests?sort=newest&pageSize=1')).json().items[0];
    expect(newest.account).toBe('6217000010000000029');
    const oldest = (await api.as(analyst, 'GET', '/api/v1/bank/requests?pageSize=1')).json().items[0];
    expect(oldest.id).toBeLessThan(newest.id);
    const trace = (await api.as(analyst, 'GET', `/api/v1/cases/${created.id}/trace`)).json();
    expect(trace.edges.length).toBeGreaterThan(0);
    expect(trace.edges.some((e: { from: string }) => e.from === '6222020200112233446')).toBe(false);
    const admin = await api.login('demo-admin');
    expect((await api.as(analyst, 'GET', '/api/v1/money/settings')).json()).toEqual({ hours: 48, maxRenewals: 2, warnBeforeHours: 6, minProposalYuan: 100 });
    expect((await api.as(analyst, 'PUT', '/api/v1/money/settings', { hours: 48, maxRenewals: 3, warnBeforeHours: 6, minProposalYuan: 100 })).statusCode).toBe(403);
    expect((await api.as(admin, 'PUT', '/api/v1/money/settings', { hours: 48, maxRenewals: 3, warnBeforeHours: 60, minProposalYuan: 100 })).json().errors[0].path).toBe('warnBeforeHours');
    expect((await api.as(admin, 'PUT', '/api/v1/money/settings', { hours: 48, maxRenewals: 3, warnBeforeHours: 6, minProposalYuan: 100 })).json().maxRenewals).toBe(3);
    await api.as(admin, 'PUT', '/api/v1/money/settings', { hours: 48, maxRenewals: 2, warnBeforeHours: 6, minProposalYuan: 100 });
  });
});
