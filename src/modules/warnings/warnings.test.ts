import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { sweepOverdue } from './warnings.sweep.ts';

const iso = (d: Date) => d.toISOString().replace('Z', '+00:00');

describe('warnings: intake, routing, workflow, deadlines', () => {
  let t: TestDb;
  let api: TestApi;
  let analyst: Session;
  let officer: Session;
  let phonePrefix: { pattern: string; orgCode: string };
  let seq = 0;
  const warning = (over: Record<string, unknown> = {}) => ({
    externalId: `ext-${++seq}`,
    source: 'province',
    level: 'high',
    victimPhone: `1390000${String(1000 + seq).slice(-4)}`,
    detectedAt: iso(new Date(t.clock.now().getTime() - 60_000)),
    ...over,
  });
  const push = (items: unknown[]) => api.as(analyst, 'POST', '/api/v1/warnings', { items });

  beforeAll(async () => {
    // The clock jumps days ahead here; sessions must outlive it.
    t = await createTestDb({ demo: true, config: { sessionIdleMinutes: 1_000_000, sessionMaxHours: 100_000 } });
    api = await TestApi.create(t.deps);
    analyst = await api.login('demo-center_analyst');
    officer = await api.login('demo-station_officer');
    const rule = await t.deps.db
      .selectFrom('routing_rules')
      .innerJoin('orgs', 'orgs.id', 'routing_rules.org_id')
      .select(['routing_rules.pattern', 'orgs.code'])
      .where('routing_rules.kind', '=', 'phone_prefix')
      .orderBy('routing_rules.id')
      .executeTakeFirstOrThrow();
    phonePrefix = { pattern: rule.pattern, orgCode: rule.code };
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('stores good items and reports bad ones by index and path, in one batch', async () => {
    const now = t.clock.now();
    const res = await push([
      warning({ level: 'emergency', regionCode: '149902', address: '示例市城关区城东路12号', victimName: '张三', victimIdNumber: '11010519491231002X' }),
      warning({ victimPhone: '12012345678' }),
      warning({ regionCode: '110105' }),
      warning({ level: 'urgent' }),
      warning({ detectedAt: iso(new Date(now.getTime() + 3_600_000)) }),
      { source: 'province', level: 'high' },
      warning({ level: 'normal', regionCode: '149921' }),
      warning({ victimPhone: `${phonePrefix.pattern}0001` }),
      warning({ victimPhone: '13312345678' }),
      warning({ victimIdNumber: '110105194912310021' }),
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rejected.map((r: { index: number; errors: { path: string }[] }) => [r.index, r.errors.map((e) => e.path).sort()])).toEqual([
      [1, ['victimPhone']],
      [2, ['regionCode']],
      [3, ['level']],
      [4, ['detectedAt']],
      [5, ['detectedAt', 'externalId', 'victimPhone']],
      [9, ['victimIdNumber']],
    ]);
    const byIndex = new Map<number, { dueAt: string }>(body.accepted.map((a: { index: number; dueAt: string }) => [a.index, a]));
    expect(byIndex.get(0)).toMatchObject({ status: 'dispatched', level: 'emergency', assignedOrgCode: '149902001', duplicate: false });
    expect(new Date(byIndex.get(0)?.dueAt ?? '').getTime() - now.getTime()).toBe(2 * 3_600_000);
    expect(byIndex.get(6)).toMatchObject({ assignedOrgCode: '149921', level: 'normal' });
    expect(new Date(byIndex.get(6)?.dueAt ?? '').getTime() - now.getTime()).toBe(48 * 3_600_000);
    expect(byIndex.get(7)).toMatchObject({ assignedOrgCode: phonePrefix.orgCode });
    expect(byIndex.get(8)).toMatchObject({ status: 'received', assignedOrgCode: '149900' });
    expect(await t.deps.db.selectFrom('warnings').select('id').execute()).toHaveLength(4);
  });

  it('recognises a replayed batch and changes nothing', async () => {
    const items = [warning(), warning({ level: 'emergency' })];
    const first = (await push(items)).json();
    const before = await t.deps.db.selectFrom('warnings').selectAll().orderBy('id').execute();
    const again = (await push(items)).json();
    expect(again.rejected).toEqual([]);
    expect(again.accepted.map((a: { id: number; duplicate: boolean }) => [a.id, a.duplicate])).toEqual(first.accepted.map((a: { id: number }) => [a.id, true]));
    expect(await t.deps.db.selectFrom('warnings').selectAll().orderBy('id').execute()).toEqual(before);
    const inBatch = (await push([warning({ externalId: 'twice' }), warning({ externalId: 'twice' })])).json();
    expect(inBatch.accepted.map((a: { duplicate: boolean }) => a.duplicate)).toEqual([false, true]);
    expect(inBatch.accepted[0].id).toBe(inBatch.accepted[1].id);
  });

  it('refuses a batch over 5,000 items with 413 and an empty one with 400', async () => {
    const big = await push(Array.from({ length: 5001 }, () => ({})));
    expect(big.statusCode).toBe(413);
    const none = await push([]);
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].path).toBe('items');
  });

  it('walks dispatched → acknowledged → in_progress → closed, refusing steps out of order with 409', async () => {
    const [a] = (await push([warning({ regionCode: '149902', address: '城东路1号', level: 'emergency' })])).json().accepted;
    const url = `/api/v1/warnings/${a.id}`;
    const early = await api.as(officer, 'POST', `${url}/attempts`, { channel: 'call', at: iso(t.clock.now()), result: 'reached' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('ILLEGAL_TRANSITION');
    expect((await api.as(officer, 'POST', `${url}/outcome`, { outcome: 'dissuaded' })).statusCode).toBe(409);
    expect((await api.as(officer, 'POST', `${url}/acknowledge`, {})).json().status).toBe('acknowledged');
    expect((await api.as(officer, 'POST', `${url}/acknowledge`, {})).statusCode).toBe(409);
    expect((await api.as(officer, 'POST', `${url}/outcome`, { outcome: 'dissuaded' })).json().code).toBe('ILLEGAL_TRANSITION');
    t.clock.advance(10 * 60_000);
    const attempt = await api.as(officer, 'POST', `${url}/attempts`, { channel: 'call', at: iso(t.clock.now()), result: 'reached', note: '已讲解刷单套路' });
    expect(attempt.json()).toMatchObject({ status: 'in_progress', attempts: [{ channel: 'call', result: 'reached', note: '已讲解刷单套路' }] });
    const closed = await api.as(officer, 'POST', `${url}/outcome`, { outcome: 'dissuaded', note: '本人表示不再转账' });
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'dissuaded', overdue: false });
    const again = await api.as(officer, 'POST', `${url}/outcome`, { outcome: 'defrauded' });
    expect(again.statusCode).toBe(409);
    const detail = (await api.as(officer, 'GET', url)).json();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['dispatched', 'acknowledged', 'attempt', 'closed']);
    expect(detail.outcome).toBe('dissuaded');
  });

  it('opens a case linked to a warning closed as defrauded, in the station above a grid', async () => {
    const [a] = (
      await push([warning({ regionCode: '149902', address: '城东路8号', fraudType: '刷单返利', victimName: '李四', counterparty: { phone: '16500001234', account: '6222020200112233445', url: 'http://shuadan.example' } })])
    ).json().accepted;
    const url = `/api/v1/warnings/${a.id}`;
    const grid = await api.login('demo-grid_worker');
    const gridCode = (await api.as(grid, 'GET', '/api/v1/me')).json().orgCode as string;
    expect((await api.as(analyst, 'POST', `${url}/dispatch`, { orgCode: gridCode })).statusCode).toBe(200);
    await api.as(grid, 'POST', `${url}/acknowledge`, {});
    await api.as(grid, 'POST', `${url}/attempts`, { channel: 'visit', at: iso(t.clock.now()), result: 'reached' });
    const closed = await api.as(grid, 'POST', `${url}/outcome`, { outcome: 'defrauded', lossAmount: '38000.50', note: '已转出三笔' });
    expect(closed.statusCode).toBe(200);
    const linked = closed.json().case;
    expect(linked.caseNo).toMatch(/^AJ\d{8}\d{6}$/);
    expect(closed.json().events.at(-1).detail).toMatchObject({ outcome: 'defrauded', caseId: linked.id, caseNo: linked.caseNo, lossAmount: '38000.50' });
    const c = (await api.as(officer, 'GET', `/api/v1/cases/${linked.id}`)).json();
    expect(c).toMatchObject({ status: 'accepted', source: 'warning', externalId: String(a.id), warningId: a.id, lossAmount: '38000.50', fraudType: '刷单返利', fraudTypeSource: 'given', orgCode: gridCode.slice(0, 9) });
    expect(c.victim.name).not.toBe('李四'); // masked without reveal
    expect(c.narrative).toContain('已转出三笔');
    expect(c.identifiers).toEqual([
      { kind: 'account', value: '6222020200112233445' },
      { kind: 'phone', value: '16500001234' },
      { kind: 'url', value: 'http://shuadan.example' },
    ]);
    expect(c.events.map((e: { kind: string }) => e.kind)).toEqual(['opened']);
    // Out of scope: another county's officer cannot see the case.
    const other = await api.login('officer-149923001');
    expect((await api.as(other, 'GET', `/api/v1/cases/${linked.id}`)).statusCode).toBe(404);
    // A lossAmount on any other outcome is refused and opens nothing.
    const before = await t.deps.db.selectFrom('cases').select('id').execute();
    const [b] = (await push([warning({ regionCode: '149902', address: '城东路9号' })])).json().accepted;
    await api.as(officer, 'POST', `/api/v1/warnings/${b.id}/acknowledge`, {});
    const wrong = await api.as(officer, 'POST', `/api/v1/warnings/${b.id}/outcome`, { outcome: 'false_positive', lossAmount: '5' });
    expect(wrong.statusCode).toBe(400);
    expect(await t.deps.db.selectFrom('cases').select('id').execute()).toEqual(before);
  });

  it('turns a refusal without a visit into a required visit', async () => {
    const [a] = (await push([warning({ regionCode: '149902', address: '城东小区' })])).json().accepted;
    const url = `/api/v1/warnings/${a.id}`;
    await api.as(officer, 'POST', `${url}/acknowledge`, {});
    await api.as(officer, 'POST', `${url}/attempts`, { channel: 'call', at: iso(t.clock.now()), result: 'refused' });
    const refused = (await api.as(officer, 'POST', `${url}/outcome`, { outcome: 'refused' })).json();
    expect(refused).toMatchObject({ status: 'in_progress', visitRequired: true, outcome: null });
    const visited = (await api.as(officer, 'POST', `${url}/attempts`, { channel: 'visit', at: iso(t.clock.now()), result: 'refused' })).json();
    expect(visited.visitRequired).toBe(false);
    expect((await api.as(officer, 'POST', `${url}/outcome`, { outcome: 'refused' })).json()).toMatchObject({ status: 'closed', outcome: 'refused' });
  });

  it('marks overdue warnings and escalates them one level up per missed deadline, durably', async () => {
    const [a] = (await push([warning({ regionCode: '149902', address: '城东', level: 'emergency' })])).json().accepted;
    expect(a.assignedOrgCode).toBe('149902001');
    t.clock.advance(2 * 3_600_000 - 1000);
    await sweepOverdue(t.deps);
    let w = (await api.as(analyst, 'GET', `/api/v1/warnings/${a.id}`)).json();
    expect(w).toMatchObject({ overdue: false, escalationLevel: 0, escalatedOrgCode: null });
    t.clock.advance(2000);
    expect((await sweepOverdue(t.deps)).escalated).toBeGreaterThanOrEqual(1);
    w = (await api.as(analyst, 'GET', `/api/v1/warnings/${a.id}`)).json();
    expect(w).toMatchObject({ overdue: true, escalationLevel: 1, escalatedOrgCode: '149902' });
    const county = await t.deps.db.selectFrom('orgs').select('id').where('code', '=', '149902').executeTakeFirstOrThrow();
    const notes = await t.deps.db.selectFrom('notifications').selectAll().where('org_id', '=', county.id).execute();
    expect(notes.some((n) => n.target_id === String(a.id))).toBe(true);
    const countyAnalyst = await api.login('analyst-149902');
    const inbox = (await api.as(countyAnalyst, 'GET', '/api/v1/notifications?unread=true')).json();
    const note = inbox.items.find((n: { targetId: string }) => n.targetId === String(a.id));
    expect(note).toMatchObject({ kind: 'warning.overdue', targetType: 'warning', readAt: null });
    expect((await api.as(countyAnalyst, 'POST', `/api/v1/notifications/${note.id}/read`)).statusCode).toBe(204);
    expect((await api.as(countyAnalyst, 'GET', '/api/v1/notifications?unread=true')).json().unread).toBe(inbox.unread - 1);
    expect((await api.as(officer, 'POST', `/api/v1/notifications/${note.id}/read`)).statusCode).toBe(404);
    // A "restart": a fresh set of dependencies over the same database picks up where the last left off.
    t.clock.advance(2 * 3_600_000 + 1000);
    await sweepOverdue({ ...t.deps });
    w = (await api.as(analyst, 'GET', `/api/v1/warnings/${a.id}`)).json();
    expect(w).toMatchObject({ escalationLevel: 2, escalatedOrgCode: '149900' });
    t.clock.advance(2 * 3_600_000 + 1000);
    await sweepOverdue(t.deps);
    w = (await api.as(analyst, 'GET', `/api/v1/warnings/${a.id}`)).json();
    expect(w).toMatchObject({ escalationLevel: 2, escalatedOrgCode: '149900', overdue: true });
    const row = await t.deps.db.selectFrom('warnings').select('next_escalation_at').where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(row.next_escalation_at).toBeNull();
    expect(w.events.filter((e: { kind: string }) => e.kind === 'escalated')).toHaveLength(2);
  });

  it('links a repeat warning for the same person and registers them as vulnerable', async () => {
    const phone = '13712340000';
    const first = (await push([warning({ victimPhone: phone, victimName: '李四' })])).json().accepted[0];
    t.clock.advance(86_400_000);
    const second = (await push([warning({ victimPhone: phone })])).json().accepted[0];
    expect(second.id).not.toBe(first.id);
    const w = (await api.as(analyst, 'GET', `/api/v1/warnings/${second.id}`)).json();
    expect(w.repeatOfId).toBe(first.id);
    const v = await t.deps.db.selectFrom('vulnerable_people').selectAll().where('phone', '=', phone).executeTakeFirstOrThrow();
    expect(v).toMatchObject({ warning_count: 2, name: '李四', reason: 'repeat_warning' });
    // Twice in one batch: the second links to the first, and concurrent batches see each other's warnings.
    const pair = (await push([warning({ victimPhone: '13712340001' }), warning({ victimPhone: '13712340001' })])).json().accepted;
    const linked = await t.deps.db.selectFrom('warnings').select('repeat_of_id').where('id', '=', pair[1].id).executeTakeFirstOrThrow();
    expect(linked.repeat_of_id).toBe(pair[0].id);
    const [x, y] = await Promise.all([push([warning({ victimPhone: '13712340002' })]), push([warning({ victimPhone: '13712340002' })])]);
    const ids = [x.json().accepted[0].id, y.json().accepted[0].id].sort((p, q) => p - q);
    const later = await t.deps.db.selectFrom('warnings').select('repeat_of_id').where('id', '=', ids[1] ?? 0).executeTakeFirstOrThrow();
    expect(later.repeat_of_id).toBe(ids[0]);
  });

  it('keeps each unit to its own warnings and masks personal data unless revealed', async () => {
    const [mine, other] = (await push([warning({ regionCode: '149902', address: '城东', victimName: '王五' }), warning({ regionCode: '149923' })])).json().accepted;
    expect((await api.as(officer, 'GET', `/api/v1/warnings/${other.id}`)).statusCode).toBe(404);
    expect((await api.as(officer, 'POST', `/api/v1/warnings/${other.id}/acknowledge`, {})).statusCode).toBe(404);
    const listed = (await api.as(officer, 'GET', '/api/v1/warnings?status=open&pageSize=200')).json().items as { id: number; assignedOrgCode: string }[];
    expect(listed.map((w) => w.id)).toContain(mine.id);
    expect(listed.every((w) => w.assignedOrgCode.startsWith('149902001'))).toBe(true);
    const masked = (await api.as(officer, 'GET', `/api/v1/warnings/${mine.id}`)).json();
    expect(masked.victimPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(masked.victimName).toBe('王*');
    const revealed = (await api.as(officer, 'GET', `/api/v1/warnings/${mine.id}?reveal=1`)).json();
    expect(revealed.victimName).toBe('王五');
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'warning.reveal').execute();
    expect(audit.map((r) => r.target_id)).toContain(String(mine.id));
    const bank = await api.login('demo-bank_liaison');
    expect((await api.as(bank, 'GET', `/api/v1/warnings/${mine.id}`)).statusCode).toBe(403);
    const pushed = await api.as(bank, 'POST', '/api/v1/warnings', { items: [warning({ source: 'icbc-model' })] });
    expect(pushed.json().accepted).toHaveLength(1);
  });

  it('lets the center dispatch a triaged warning to a unit', async () => {
    const [a] = (await push([warning({ victimPhone: '13312340099' })])).json().accepted;
    expect(a.status).toBe('received');
    const triage = (await api.as(analyst, 'GET', '/api/v1/warnings?triage=true')).json().items as { id: number }[];
    expect(triage.map((w) => w.id)).toContain(a.id);
    expect((await api.as(officer, 'GET', `/api/v1/warnings/${a.id}`)).statusCode).toBe(404);
    const sent = await api.as(analyst, 'POST', `/api/v1/warnings/${a.id}/dispatch`, { orgCode: '149902001' });
    expect(sent.json()).toMatchObject({ status: 'dispatched', assignedOrgCode: '149902001' });
    expect((await api.as(officer, 'POST', `/api/v1/warnings/${a.id}/acknowledge`, {})).json().status).toBe('acknowledged');
    const toBank = await api.as(analyst, 'POST', `/api/v1/warnings/${a.id}/dispatch`, { orgCode: 'ICBC' });
    expect(toBank.statusCode).toBe(400);
    expect(toBank.json().errors[0].path).toBe('orgCode');
    expect((await api.as(officer, 'POST', `/api/v1/warnings/${a.id}/dispatch`, { orgCode: '149903001' })).statusCode).toBe(404);
  });

  it('applies changed deadlines to new warnings, set only by a city admin', async () => {
    const settings = { deadlines: { emergency: 60, high: 720, normal: 1440 }, repeatWindowDays: 14 };
    expect((await api.as(analyst, 'PUT', '/api/v1/settings/warnings', settings)).statusCode).toBe(403);
    const admin = await api.login('demo-admin');
    expect((await api.as(admin, 'PUT', '/api/v1/settings/warnings', { ...settings, deadlines: { emergency: 600, high: 60, normal: 1440 } })).json().errors[0].path).toBe('deadlines');
    expect((await api.as(admin, 'PUT', '/api/v1/settings/warnings', settings)).json()).toEqual(settings);
    expect((await api.as(officer, 'GET', '/api/v1/settings/warnings')).json()).toEqual(settings);
    const now = t.clock.now().getTime();
    const [a] = (await push([warning({ level: 'emergency', regionCode: '149902' })])).json().accepted;
    expect(new Date(a.dueAt).getTime() - now).toBe(60 * 60_000);
  });
});
