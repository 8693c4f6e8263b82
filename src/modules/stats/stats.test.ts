import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import * as statsRepo from './stats.repo.ts';

/**
 * The dashboard on a hand-built fixture: every figure below is counted by hand from the records made here,
 * and the trigger-kept daily figures must equal a recount from the records after all the changes.
 */
describe('statistics dashboard', () => {
  let t: TestDb;
  let api: TestApi;
  let analyst: Session;
  let officer: Session;
  let bank: Session;
  const STATION = '149902001';

  beforeAll(async () => {
    t = await createTestDb({ demo: true, clockStart: '2026-03-20T02:00:00Z', config: { sessionIdleMinutes: 10_000_000, sessionMaxHours: 1_000_000 } });
    api = await TestApi.create(t.deps);
    analyst = await api.login('demo-center_analyst');
    officer = await api.login('demo-station_officer');
    bank = await api.login('demo-bank_liaison');
    const station = await t.deps.db.selectFrom('orgs').select('id').where('code', '=', STATION).executeTakeFirstOrThrow();
    // Warnings at the station (China time): W1 dissuaded within its 2 h; W2 defrauded after its 24 h; W3 a false
    // positive on time; W4 still open past its deadline; W0 a year earlier, dissuaded on time.
    const warning = (n: string, received: string, dueHours: number, closedHours: number | null, outcome: string | null) => {
      const r = new Date(received);
      return sql`INSERT INTO warnings (source, external_id, level, status, victim_phone, detected_at, received_at, due_at, assigned_org_id, routed_via, closed_at, outcome)
        VALUES ('fixture', ${n}, 'high', ${closedHours === null ? 'dispatched' : 'closed'}, '13800000000', ${r}, ${r}, ${new Date(r.getTime() + dueHours * 3_600_000)}, ${station.id}, 'manual',
                ${closedHours === null ? null : new Date(r.getTime() + closedHours * 3_600_000)}, ${outcome})`.execute(t.deps.db);
    };
    await warning('W1', '2026-03-10T10:00:00+08:00', 2, 1, 'dissuaded');
    await warning('W2', '2026-03-11T10:00:00+08:00', 24, 30, 'defrauded');
    await warning('W3', '2026-03-12T10:00:00+08:00', 24, 3, 'false_positive');
    await warning('W4', '2026-03-12T11:00:00+08:00', 48, null, null);
    await warning('W0', '2025-03-10T10:00:00+08:00', 2, 1, 'dissuaded');
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  const report = (who: Session, n: string, reportedAt: string, loss: string, extra: Record<string, unknown> = {}) =>
    api.as(who, 'POST', '/api/v1/cases', {
      source: 'fixture',
      externalId: n,
      reportedAt,
      victim: { name: '王芳', phone: '13800138000', age: 67, occupation: '退休人员' },
      regionCode: '149902',
      fraudType: '刷单返利',
      narrative: '刷单返利被骗',
      lossAmount: loss,
      transfers: [{ fromAccount: '6222020200112233446', fromBank: '工商银行', toAccount: '6212260000000000018', toBank: '工商银行', toName: '孙七', amount: loss, at: reportedAt }],
      ...extra,
    });

  it('counts cases, solving, suspects and money in the period, against the same month a year earlier', async () => {
    // C1 and C2 by the station officer (they stay with the station); C3 withdrawn; C0 a year earlier.
    const c1 = (await report(officer, 'C1', '2026-03-05T09:00:00+08:00', '1000.00')).json();
    await report(officer, 'C2', '2026-03-06T09:00:00+08:00', '500.50', { fraudType: '虚假网络投资理财', victim: { name: '李四', phone: '13800138001', age: 30, occupation: '企业职工' } });
    const c3 = (await report(officer, 'C3', '2026-03-07T09:00:00+08:00', '9999.00')).json();
    await report(officer, 'C0', '2025-03-05T09:00:00+08:00', '2000.00');
    // Another county's case: the city sees it, the station does not.
    await report(analyst, 'CX', '2026-03-08T09:00:00+08:00', '300.00', { regionCode: '149903' });
    const move = (id: number, to: string, suspects?: number) => api.as(officer, 'POST', `/api/v1/cases/${id}/status`, { to, ...(suspects === undefined ? {} : { suspects }) });
    expect((await move(c1.id, 'filed', 2)).json().errors[0].path).toBe('suspects');
    for (const to of ['filed', 'investigating']) expect((await move(c1.id, to)).statusCode).toBe(200);
    expect((await move(c1.id, 'solved', 3)).statusCode).toBe(200);
    expect((await move(c1.id, 'prosecuted', 2)).statusCode).toBe(200);
    expect((await move(c3.id, 'withdrawn')).statusCode).toBe(200);
    // The bank stops ¥800 of C1's transfer.
    const stop = c1.stopPayments[0];
    expect((await api.as(bank, 'POST', `/api/v1/bank/requests/${stop.id}/response`, { result: 'stopped', stoppedAmount: '800.00' })).statusCode).toBe(200);

    const d = (await api.as(officer, 'GET', '/api/v1/stats/dashboard?from=2026-03-01&to=2026-04-01')).json();
    expect(d.period).toMatchObject({ firstDay: '2026-03-01', lastDay: '2026-03-20', lastYear: { firstDay: '2025-03-01', lastDay: '2025-03-20' } });
    const k = Object.fromEntries(d.kpis.map((x: { id: string }) => [x.id, x]));
    expect(k.cases_reported).toMatchObject({ value: 2, lastYear: 1, yoy: 1, yoyGood: false });
    expect(k.loss).toMatchObject({ value: 1500.5, lastYear: 2000, yoyGood: true });
    expect(k.loss.yoy).toBeCloseTo(-0.24975, 3);
    expect(k.cases_solved).toMatchObject({ value: 1, lastYear: 0 });
    expect(k.suspects_arrested.value).toBe(3);
    expect(k.suspects_prosecuted.value).toBe(2);
    expect(k.solve_rate.value).toBe(0.5);
    expect(k.stopped_amount.value).toBe(800);
    // Warnings received in March: 1 dissuaded of 2 attempts (the false positive is none); 2 of the 3 closed on time.
    expect(k.warnings_received.value).toBe(4);
    expect(k.dissuasion_rate).toMatchObject({ value: 0.5, lastYear: 1, yoy: -50, yoyGood: false });
    expect(k.feedback_on_time_rate.value).toBe(0.6667);
    // Drill-through: the warnings list over the same days finds the records behind the figures.
    expect((await api.as(officer, 'GET', '/api/v1/warnings?from=2026-03-01&to=2026-04-01&pageSize=1')).json().total).toBe(4);
    expect((await api.as(officer, 'GET', '/api/v1/warnings?from=2026-03-01&to=2026-04-01&outcome=dissuaded')).json().total).toBe(1);
    expect((await api.as(officer, 'GET', '/api/v1/warnings?from=2026-03-11&to=2026-03-12')).json().items.map((w: { externalId: string }) => w.externalId)).toEqual(['W2']);
    // … and the cases list those behind 发案数 (withdrawn ones are not reported cases) and 破案数.
    expect((await api.as(officer, 'GET', '/api/v1/cases?status=reported&from=2026-03-01&to=2026-04-01')).json().total).toBe(2);
    expect((await api.as(officer, 'GET', '/api/v1/cases?from=2026-03-01&to=2026-04-01')).json().total).toBe(3);
    const solved = (await api.as(officer, 'GET', '/api/v1/cases?solvedFrom=2026-03-01&solvedTo=2026-04-01')).json();
    expect(solved.items.map((c: { id: number }) => c.id)).toEqual([c1.id]);
    expect(k.fraud_share.value).toBeNull();
    expect(d.fraudTypes).toEqual([
      { key: '刷单返利', n: 1, share: 0.5 },
      { key: '虚假网络投资理财', n: 1, share: 0.5 },
    ]);
    expect(d.victims.age).toEqual([
      { key: '26-35', n: 1, share: 0.5 },
      { key: '61+', n: 1, share: 0.5 },
    ]);
    expect(d.trend.months.at(-1)).toBe('2026-03');
    expect(d.trend.series.cases_reported.at(-1)).toBe(2);
    expect(d.trend.series.cases_reported.at(0)).toBe(0);

    // The city sees the other county's case too, and the counties in its heat table.
    const city = (await api.as(analyst, 'GET', '/api/v1/stats/dashboard?from=2026-03-01&to=2026-04-01')).json();
    expect(city.kpis.find((x: { id: string }) => x.id === 'cases_reported').value).toBe(3);
    const row = (code: string) => city.units.find((u: { code: string }) => u.code === code);
    expect(row('149902').kpis).toMatchObject({ cases_reported: 2, loss: 1500.5, cases_solved: 1, solve_rate: 0.5, dissuasion_rate: 0.5, stopped_amount: 800 });
    expect(row('149903').kpis).toMatchObject({ cases_reported: 1, loss: 300 });
    // A county inside the city can be picked; one outside the station's scope cannot.
    expect((await api.as(analyst, 'GET', '/api/v1/stats/dashboard?orgCode=149903&from=2026-03-01')).json().kpis.find((x: { id: string }) => x.id === 'cases_reported').value).toBe(1);
    expect((await api.as(officer, 'GET', '/api/v1/stats/dashboard?orgCode=149903')).statusCode).toBe(404);
    expect((await api.as(bank, 'GET', '/api/v1/stats/dashboard')).statusCode).toBe(403);
    expect((await api.as(analyst, 'GET', '/api/v1/stats/dashboard?from=2026-3-1')).json().errors[0].path).toBe('query.from');
  });

  it('takes criminal cases, population and app registrations from reference figures entered by the center', async () => {
    const put = (who: Session, items: unknown[]) => api.as(who, 'PUT', '/api/v1/stats/reference-figures', { items });
    // All or nothing: a bad item refuses the batch and is named.
    const bad = await put(analyst, [
      { orgCode: '149902', month: '2026-03', key: 'criminal_cases', value: 40 },
      { orgCode: 'ICBC', month: '2026-03', key: 'criminal_cases', value: 1 },
      { orgCode: '149902', month: '2026-05', key: 'app_registered', value: 1 },
    ]);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['items.1.orgCode', 'items.2.month']);
    expect((await put(officer, [{ orgCode: '149902001', month: '2026-03', key: 'criminal_cases', value: 1 }])).statusCode).toBe(403);
    const ok = await put(analyst, [
      { orgCode: '149902', month: '2026-03', key: 'criminal_cases', value: 39 },
      { orgCode: '149902', month: '2026-01', key: 'population_16_60', value: 100000 },
      { orgCode: '149902', month: '2026-02', key: 'app_registered', value: 41000 },
      { orgCode: '149902', month: '2026-03', key: 'app_registered', value: 45000 },
    ]);
    expect(ok.json()).toEqual({ stored: 4 });
    // A figure entered again replaces the earlier one.
    await put(analyst, [{ orgCode: '149902', month: '2026-03', key: 'criminal_cases', value: 40 }]);
    const listed = (await api.as(officer, 'GET', '/api/v1/stats/reference-figures?from=2026-03&to=2026-03')).json();
    expect(listed.items).toEqual([]);
    const all = (await api.as(analyst, 'GET', '/api/v1/stats/reference-figures?from=2026-03&to=2026-03&key=criminal_cases')).json();
    expect(all.items).toEqual([expect.objectContaining({ orgCode: '149902', month: '2026-03', key: 'criminal_cases', value: 40 })]);
    const d = (await api.as(analyst, 'GET', '/api/v1/stats/dashboard?orgCode=149902&from=2026-03-01&to=2026-04-01')).json();
    const k = Object.fromEntries(d.kpis.map((x: { id: string }) => [x.id, x]));
    expect(k.fraud_share.value).toBe(0.05);
    expect(k.app_registration_rate.value).toBe(0.45);
    // February: the registrations known by then.
    const feb = (await api.as(analyst, 'GET', '/api/v1/stats/dashboard?orgCode=149902&from=2026-02-01&to=2026-03-01')).json();
    expect(feb.kpis.find((x: { id: string }) => x.id === 'app_registration_rate').value).toBe(0.41);
  });

  it('keeps the daily and monthly figures equal to a recount, also when a case with money changes unit', async () => {
    // The case with the stopped ¥800 is handed to another county: its money figures go with it.
    const other = await t.deps.db.selectFrom('orgs').select('id').where('code', '=', '149903').executeTakeFirstOrThrow();
    const c1 = await t.deps.db.selectFrom('cases').select('id').where('external_id', '=', 'C1').executeTakeFirstOrThrow();
    await t.deps.db.updateTable('cases').set({ org_id: other.id }).where('id', '=', c1.id).execute();
    const city = (await api.as(analyst, 'GET', '/api/v1/stats/dashboard?from=2026-03-01&to=2026-04-01')).json();
    expect(city.units.find((u: { code: string }) => u.code === '149903').kpis).toMatchObject({ stopped_amount: 800, cases_reported: 2 });
    const days = async () => (await sql<{ day: string; org_id: string; metric: string; n: string }>`SELECT to_char(day, 'YYYY-MM-DD') AS day, org_id::text, metric, n::text FROM stat_days WHERE n <> 0 ORDER BY 1, 2, 3`.execute(t.deps.db)).rows;
    const months = async () => (await sql<{ month: string; org_id: string; metric: string; n: string }>`SELECT to_char(month, 'YYYY-MM') AS month, org_id::text, metric, n::text FROM stat_months WHERE n <> 0 ORDER BY 1, 2, 3`.execute(t.deps.db)).rows;
    const regrouped = async () => (await sql<{ month: string; org_id: string; metric: string; n: string }>`SELECT to_char(date_trunc('month', day), 'YYYY-MM') AS month, org_id::text, metric, sum(n)::text AS n FROM stat_days GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3`.execute(t.deps.db)).rows;
    const kept = await days();
    expect(kept.length).toBeGreaterThan(20);
    expect(await months()).toEqual(await regrouped());
    await sql`SELECT stat_days_rebuild()`.execute(t.deps.db);
    expect(await days()).toEqual(kept);
    expect(await months()).toEqual(await regrouped());
  });

  it('sums a period from whole months and the days at its ends alike', async () => {
    // Against summing the day rows one by one, for spans inside a month, across months and of whole months.
    const spans = [
      ['2026-03-05', '2026-03-19'],
      ['2026-02-15', '2026-03-31'],
      ['2025-03-01', '2026-03-31'],
      ['2025-02-10', '2026-03-12'],
      ['2026-03-01', '2026-03-01'],
    ] as const;
    for (const [firstDay, lastDay] of spans) {
      const byDays = await sql<{ metric: string; n: string }>`SELECT metric, sum(n)::text AS n FROM stat_days WHERE day BETWEEN ${firstDay}::date AND ${lastDay}::date GROUP BY metric HAVING sum(n) <> 0`.execute(t.deps.db);
      const expected = Object.fromEntries(byDays.rows.map((r) => [r.metric, Number(r.n)]));
      const got = await statsRepo.sums(t.deps.db, { orgIds: null, firstDay, lastDay }, [], ['w.', 'c.', 'm.', 'l.']);
      expect(Object.fromEntries(Object.entries(got).filter(([, v]) => v !== 0)), `${firstDay} – ${lastDay}`).toEqual(expected);
    }
    expect(Object.keys(await statsRepo.sums(t.deps.db, { orgIds: null, firstDay: '2026-02-15', lastDay: '2026-03-31' }, ['c.reported'])).length).toBe(1);
  });
});
