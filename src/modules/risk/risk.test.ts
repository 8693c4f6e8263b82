import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { DEFAULT_RULESET } from '../../engines/risk/config.ts';
import { txToContractLine } from '../../engines/risk/ndjson.ts';
import type { Channel, Tx } from '../../engines/risk/types.ts';
import { systemContext } from '../../server/context.ts';
import { AppError } from '../../server/errors.ts';
import * as requests from '../money/requests.ts';
import { RiskRuntime } from './risk.runtime.ts';

const T0 = Date.parse('2026-11-02T10:00:00+08:00');
const MIN = 60_000;
const CASE_ACCOUNT = '6228480012345678903';
let seq = 0;
function tx(from: string, to: string, yuan: number, at: number, channel: Channel = 'transfer'): Tx {
  return { txId: `ICBC-T${++seq}`, at, from, fromBank: 'ICBC', to, toBank: 'ICBC', amount: Math.round(yuan * 100), channel };
}
const ndjson = (txs: readonly Tx[]) => txs.map(txToContractLine).join('\n') + '\n';

describe('transaction monitoring through HTTP (资金链监测)', () => {
  let t: TestDb;
  let api: TestApi;
  let icbc: string;
  let abc: string;
  let admin: Session;
  let analyst: Session;
  let caseId: number;
  const post = (token: string, body: string, contentType = 'application/x-ndjson') =>
    api.request({ method: 'POST', url: '/api/v1/transactions', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload: body });

  /** Three victims' money through one account within minutes, each forwarded at once. */
  const mulePattern = (mule: string, start: number) =>
    [0, 1, 2].flatMap((k) => [tx(`62220200000${k}${mule.length}`, mule, 5000, start + k * 60 * MIN), tx(mule, `62220299999${k}`, 4950, start + k * 60 * MIN + 6 * MIN)]);

  beforeAll(async () => {
    t = await createTestDb({ demo: true, clockStart: '2026-11-02T02:00:00Z' });
    api = await TestApi.create(t.deps);
    admin = await api.login('demo-admin');
    analyst = await api.login('demo-center_analyst');
    icbc = (await api.as(admin, 'POST', '/api/v1/tokens', { orgCode: 'ICBC', role: 'bank_liaison', name: 'ICBC stream' })).json().token;
    abc = (await api.as(admin, 'POST', '/api/v1/tokens', { orgCode: 'ABC', role: 'bank_liaison', name: 'ABC stream' })).json().token;
    // a case whose victim paid 6228480012345678903: that account is on the center's lists from now on
    const reported = await api.as(analyst, 'POST', '/api/v1/cases', {
      source: '96110',
      reportedAt: '2026-11-02T09:30:00+08:00',
      victim: { name: '王芳', phone: '13800138000', age: 36, occupation: '会计' },
      regionCode: '149902',
      narrative: '受害人在网上看到兼职刷单广告，按要求做任务垫付，连单后无法提现。',
      lossAmount: '30000.00',
      transfers: [{ fromAccount: '6222020200112233446', fromBank: '工商银行', toAccount: CASE_ACCOUNT, toBank: '农业银行', toName: '张三', amount: '30000.00', at: '2026-11-02T09:00:00+08:00' }],
    });
    expect(reported.statusCode).toBe(201);
    caseId = reported.json().id;
    // a week of ordinary traffic first, so the engine has watched the bank before anything is "new"
    expect((await post(icbc, ndjson([tx('6222020000000000001', '6222020000000000002', 10, T0 - 8 * 86_400_000)]))).statusCode).toBe(200);
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('stores good lines, reports bad ones by line and field, raises alerts, and counts a txId once', async () => {
    const lines = mulePattern('6222021111111111111', T0);
    const body =
      ndjson(lines.slice(0, 3)) +
      '{"txId":"bad-1","at":"2026-11-02 10:00","fromAccount":"1","fromBank":"ICBC","toAccount":"2","toBank":"ICBC","amount":"-5","channel":"transfer"}\n' +
      'not json\n' +
      ndjson(lines.slice(3));
    const res = await post(icbc, body);
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({ received: 8, accepted: 6, duplicates: 0 });
    expect(out.rejected.map((r: { line: number }) => r.line)).toEqual([4, 5]);
    expect(out.rejected[0].errors.map((e: { path: string }) => e.path).sort()).toEqual(['amount', 'at']);
    const alert = out.alerts.find((a: { account: string }) => a.account === '6222021111111111111');
    expect(alert).toMatchObject({ decision: 'review' });
    expect(alert.reasons.map((r: { rule: string }) => r.rule)).toContain('fast_in_out');
    expect(alert.reasons[0].reason).toMatch(/[\u4e00-\u9fa5]/);

    const again = await post(icbc, ndjson(lines));
    expect(again.json()).toMatchObject({ received: 6, accepted: 0, duplicates: 6, alerts: [] });
    const stored = await t.deps.db.selectFrom('risk_transactions').select((eb) => eb.fn.countAll<string>().as('n')).where('tx_id', 'in', lines.map((l) => l.txId)).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(6);
    const flagged = await t.deps.db.selectFrom('risk_transactions').select(['decision']).where('tx_id', '=', lines[5]?.txId ?? '').executeTakeFirstOrThrow();
    expect(flagged.decision).toBe('review');
  });

  it('refuses other media types, empty bodies and callers that are not banks', async () => {
    expect((await post(icbc, '{"a":1}', 'application/json')).statusCode).toBe(400);
    const empty = await post(icbc, '\n\n');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('body');
    const asAnalyst = await api.request({ method: 'POST', url: '/api/v1/transactions', headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf, 'content-type': 'application/x-ndjson' }, payload: ndjson([tx('1', '2', 1, T0)]) });
    expect(asAnalyst.statusCode).toBe(403);
  });

  it('shows a bank its own alerts and the center all of them; the detail has the reasons, timeline and transactions', async () => {
    const mine = (await api.withToken(icbc, 'GET', '/api/v1/alerts?since=2026-11-01T00:00:00%2B08:00')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((a: { orgCode: string }) => a.orgCode === 'ICBC')).toBe(true);
    expect((await api.withToken(abc, 'GET', '/api/v1/alerts')).json().total).toBe(0);
    const center = (await api.as(analyst, 'GET', '/api/v1/alerts')).json();
    expect(center.total).toBe(mine.total);
    const id = mine.items[0].id;
    expect((await api.withToken(abc, 'GET', `/api/v1/alerts/${id}`)).statusCode).toBe(404);
    const detail = (await api.withToken(icbc, 'GET', `/api/v1/alerts/${id}`)).json();
    expect(detail.transactions.length).toBeGreaterThan(0);
    // another bank's report about the same account is that bank's: the center sees it, ICBC does not
    const abcTx = { ...tx('6228480099999999999', detail.account, 300, T0 + 30 * MIN), txId: 'ABC-T1', fromBank: 'ABC' };
    expect((await post(abc, ndjson([abcTx]))).json().accepted).toBe(1);
    const seenBy = async (get: () => Promise<{ json: () => { transactions: { txId: string }[] } }>) => (await get()).json().transactions.map((x) => x.txId);
    expect(await seenBy(() => api.withToken(icbc, 'GET', `/api/v1/alerts/${id}`))).not.toContain('ABC-T1');
    expect(await seenBy(() => api.as(analyst, 'GET', `/api/v1/alerts/${id}`))).toContain('ABC-T1');
    expect(detail.reasons[0]).toHaveProperty('subRule');
    const audited = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'risk_alert.view').execute();
    expect(audited.length).toBeGreaterThan(0);
  });

  it('walks the alert workflow: a bank escalates, cannot stop money itself; the center stops it for a case', async () => {
    const res = await post(icbc, ndjson(mulePattern('6222023333333333333', T0 + 600 * MIN)));
    const alertId = (await api.withToken(icbc, 'GET', '/api/v1/alerts?account=6222023333333333333')).json().items[0].id;
    const stopByBank = await api.withToken(icbc, 'POST', `/api/v1/alerts/${alertId}/outcome`, { outcome: 'stop_payment_requested', caseId: 1, amount: '100.00' });
    expect(stopByBank.statusCode).toBe(403);
    const missing = await api.withToken(icbc, 'POST', `/api/v1/alerts/${alertId}/outcome`, { outcome: 'stop_payment_requested' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['amount', 'caseId']);
    const up = await api.withToken(icbc, 'POST', `/api/v1/alerts/${alertId}/outcome`, { outcome: 'escalated', note: '疑似跑分，请中心止付' });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ status: 'escalated', events: [{ fromStatus: 'open', toStatus: 'escalated' }] });
    expect(res.statusCode).toBe(200);

    const stop = await api.as(analyst, 'POST', `/api/v1/alerts/${alertId}/outcome`, { outcome: 'stop_payment_requested', caseId, amount: '4950.00', note: '关联案件' });
    expect(stop.statusCode).toBe(200);
    expect(stop.json()).toMatchObject({ status: 'stop_payment_requested', caseId });
    const sp = await t.deps.db.selectFrom('stop_payments').select(['account', 'status']).where('id', '=', stop.json().stopPaymentId).executeTakeFirstOrThrow();
    expect(sp).toMatchObject({ account: '6222023333333333333', status: 'pending' });
    const late = await api.withToken(icbc, 'POST', `/api/v1/alerts/${alertId}/outcome`, { outcome: 'false_positive' });
    expect(late.statusCode).toBe(409);
  });

  it('a stop-payment asked for from an alert is stored together with the move of the alert, or not at all', async () => {
    const city = await t.deps.db.selectFrom('orgs').select(['id', 'code', 'path', 'kind']).where('kind', '=', 'city').executeTakeFirstOrThrow();
    const scope = { rootId: city.id, rootCode: city.code, rootPath: city.path, rootKind: city.kind, everything: true, partner: false };
    const account = '6222023333333333399';
    const count = async () => Number((await t.deps.db.selectFrom('stop_payments').select((e) => e.fn.countAll().as('n')).where('account', '=', account).executeTakeFirstOrThrow()).n);
    // the alert's update fails (someone decided it meanwhile): the request goes with it
    const refused = requests.askByHand(t.deps, systemContext, scope, caseId, { account, bank: 'ICBC', amount: '10.00' }, async () => {
      throw new AppError('CONFLICT', 'the alert changed meanwhile; reload it');
    });
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await count()).toBe(0);
    let seen = 0;
    await requests.askByHand(t.deps, systemContext, scope, caseId, { account, bank: 'ICBC', amount: '10.00' }, async (_trx, id) => {
      seen = id;
    });
    expect(await count()).toBe(1);
    expect(seen).toBeGreaterThan(0);
  });

  it('a false positive can put the account on the allow-list, which keeps it at allow; lists still win', async () => {
    const mule = '6222024444444444444';
    await post(icbc, ndjson(mulePattern(mule, T0 + 1200 * MIN)));
    const alertId = (await api.withToken(icbc, 'GET', `/api/v1/alerts?account=${mule}`)).json().items[0].id;
    const fp = await api.withToken(icbc, 'POST', `/api/v1/alerts/${alertId}/outcome`, { outcome: 'false_positive', note: '客户本人经营周转，已核实', allowDays: 30 });
    expect(fp.json().status).toBe('false_positive');
    const allow = (await api.withToken(icbc, 'GET', '/api/v1/risk/allow-list')).json();
    expect(allow.items.map((e: { account: string }) => e.account)).toContain(mule);
    // the next day the same pattern raises nothing for that account
    const next = await post(icbc, ndjson(mulePattern(mule, T0 + 2 * 1440 * MIN)));
    expect(next.json().alerts.filter((a: { account: string }) => a.account === mule)).toEqual([]);

    // an account named as receiving money in a case: paying it is blocked
    const pay = await post(icbc, ndjson([tx('6222025555555555555', CASE_ACCOUNT, 800, T0 + 3 * 1440 * MIN)]));
    expect(pay.json().alerts[0]).toMatchObject({ account: '6222025555555555555', decision: 'block', reasons: [{ subRule: 'listed_counterparty.pays_listed' }] });

    const entry = allow.items.find((e: { account: string }) => e.account === mule);
    expect((await api.withToken(icbc, 'POST', `/api/v1/risk/allow-list/${entry.id}/revoke`)).statusCode).toBe(200);
    expect((await api.withToken(icbc, 'POST', `/api/v1/risk/allow-list/${entry.id}/revoke`)).statusCode).toBe(409);
    expect((await api.withToken(abc, 'POST', `/api/v1/risk/allow-list/${entry.id}/revoke`)).statusCode).toBe(404);
  });

  it('runs a new rule set version in shadow, then live; precision per rule comes from the outcomes', async () => {
    const bad = await api.as(admin, 'POST', '/api/v1/risk/rule-sets', { config: { ...DEFAULT_RULESET, version: 'v2', params: { ...DEFAULT_RULESET.params, fan_in: { minPayers: 1 } } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('config.params.fan_in.minPayers');
    const strict = structuredClone(DEFAULT_RULESET);
    strict.version = 'v2-strict';
    for (const ty of strict.typologies) Object.assign(ty, { review: 0.95, interdict: 1 });
    expect((await api.as(admin, 'POST', '/api/v1/risk/rule-sets', { config: strict, note: '更严格' })).statusCode).toBe(201);
    expect((await api.as(admin, 'POST', '/api/v1/risk/rule-sets', { config: strict })).statusCode).toBe(409);
    expect((await api.as(analyst, 'POST', '/api/v1/risk/rule-sets/v2-strict/status', { status: 'shadow' })).statusCode).toBe(403);
    expect((await api.as(admin, 'POST', '/api/v1/risk/rule-sets/v2-strict/status', { status: 'shadow' })).json()).toMatchObject({ status: 'shadow' });

    const mule = '6222026666666666666';
    const res = await post(icbc, ndjson(mulePattern(mule, T0 + 4 * 1440 * MIN)));
    expect(res.json().alerts.some((a: { account: string }) => a.account === mule)).toBe(true);
    const last = await t.deps.db.selectFrom('risk_transactions').select(['decision', 'shadow_decision', 'rules_version']).where('from_account', '=', mule).orderBy('at', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ decision: 'review', shadow_decision: 'allow', rules_version: 'v1' });

    const stats = (await api.as(analyst, 'GET', '/api/v1/risk/rule-stats?days=30')).json();
    const fio = stats.items.find((r: { rule: string }) => r.rule === 'fast_in_out');
    // one stop-payment (confirmed) and one false positive among the decided fast-in/out alerts
    expect(fio).toMatchObject({ confirmed: 1, falsePositives: 1, precision: 0.5 });

    expect((await api.as(admin, 'POST', '/api/v1/risk/rule-sets/v2-strict/status', { status: 'live' })).json()).toMatchObject({ status: 'live' });
    const sets = (await api.as(admin, 'GET', '/api/v1/risk/rule-sets')).json();
    expect(sets.items.find((s: { version: string }) => s.version === 'v1').status).toBe('retired');
    expect(sets.runtime.rulesVersion).toBe('v2-strict');
    expect((await api.as(admin, 'POST', '/api/v1/risk/rule-sets/v2-strict/status', { status: 'retired' })).statusCode).toBe(409);
    const quiet = await post(icbc, ndjson(mulePattern('6222027777777777777', T0 + 5 * 1440 * MIN)));
    expect(quiet.json().alerts).toEqual([]);
    await api.as(admin, 'POST', '/api/v1/risk/rule-sets/v1/status', { status: 'live' });
  });

  it('a restarted engine has the same account state: the snapshot plus the transactions stored after it', async () => {
    const mule = '6222028888888888888';
    const first = mulePattern(mule, T0 + 6 * 1440 * MIN);
    await post(icbc, ndjson(first.slice(0, 2)));
    expect((await api.as(admin, 'POST', '/api/v1/risk/snapshot')).statusCode).toBe(200);
    await post(icbc, ndjson(first.slice(2, 4)));

    const fresh = new RiskRuntime(t.deps);
    await fresh.init();
    const { runtimeFor } = await import('./risk.runtime.ts');
    const running = runtimeFor(t.deps).engine;
    const state = (e: typeof running) => e.table.exportAccount(e.table.index.get(mule) ?? -1);
    expect(fresh.engine.table.index.has(mule)).toBe(true);
    expect(state(fresh.engine)).toEqual(state(running));
    // and it decides the rest of the pattern as the running one would
    const rest = first[5] as Tx;
    const verdictFresh = fresh.engine.process(rest);
    const verdictRunning = running.process(rest);
    expect(verdictFresh.decision).toBe(verdictRunning.decision);
  });

  it('a restarted engine does not raise again, within the dedup window, alerts already stored', async () => {
    const mule = '6222029999999999999';
    const pattern = mulePattern(mule, T0 + 7 * 1440 * MIN);
    const res = await post(icbc, ndjson(pattern));
    expect(res.json().alerts.some((a: { account: string }) => a.account === mule)).toBe(true);
    const fresh = new RiskRuntime(t.deps);
    await fresh.init();
    // three hours later the same again, to the engine restarted from the tables
    const verdicts = mulePattern(mule, T0 + 7 * 1440 * MIN + 180 * MIN).map((x) => fresh.engine.process(x));
    // still decided as a mule, but not alerted a second time
    expect(verdicts.some((v) => v.accounts.some((a) => a.account === mule && a.decision !== 'allow'))).toBe(true);
    expect(verdicts.flatMap((v) => v.alerts).filter((a) => a.account === mule)).toEqual([]);
  });
});
