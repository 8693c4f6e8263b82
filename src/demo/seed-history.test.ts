import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import { Rng } from './random.ts';
import { seedCases } from './seed-cases.ts';
import { seedStatsHistory } from './seed-history.ts';
import { seedWarnings } from './seed-warnings.ts';

describe('demo year before and reference figures', () => {
  let t: TestDb;
  let api: TestApi;
  let analyst: Session;
  let history: Awaited<ReturnType<typeof seedStatsHistory>>;
  beforeAll(async () => {
    // 20 November 2026, 10:00 in China: the year so far is compared with 1 January – 20 November 2025.
    t = await createTestDb({ demo: true, clockStart: '2026-11-20T02:00:00Z', config: { sessionIdleMinutes: 10_000_000, sessionMaxHours: 1_000_000 } });
    const rng = new Rng(11);
    await seedWarnings(t.deps, rng, 1500);
    await seedCases(t.deps, rng, 300);
    history = await seedStatsHistory(t.deps, 11, { warnings: 1500, cases: 300 });
    api = await TestApi.create(t.deps);
    analyst = await api.login('demo-center_analyst');
  }, 120_000);
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  const q = async <T>(text: ReturnType<typeof sql<T>>) => (await text.execute(t.deps.db)).rows;

  it('puts a year of closed warnings and of cases before the last 365 days, counted by the statistics', async () => {
    expect(history).toMatchObject({ warnings: 1200, cases: 345 });
    const [w] = await q<{ n: number; open: number; oldest: Date; newest: Date }>(sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE status <> 'closed')::int AS open, min(received_at) AS oldest, max(received_at) AS newest
      FROM warnings WHERE external_id LIKE 'demo-y1-%'`);
    expect(w).toMatchObject({ n: 1200, open: 0 });
    const yearAgo = Date.parse('2025-11-20T02:00:00Z');
    // The statistics' days are China-time days: 20 November 2025 starts at 16:00 UTC the day before.
    const boundary = new Date('2025-11-19T16:00:00Z');
    expect(new Date(w?.newest ?? 0).getTime()).toBeLessThanOrEqual(yearAgo);
    expect(new Date(w?.oldest ?? 0).getTime()).toBeGreaterThanOrEqual(yearAgo - 366 * 86_400_000);
    // The triggers counted them: the daily figures of the year before equal a recount from the records.
    const [direct] = await q<{ cases: string; loss: string; warnings: string }>(sql`
      SELECT (SELECT count(*) FROM cases WHERE reported_at < ${boundary} AND status <> 'withdrawn')::text AS cases,
             (SELECT sum(loss_amount) FROM cases WHERE reported_at < ${boundary} AND status <> 'withdrawn')::text AS loss,
             (SELECT count(*) FROM warnings WHERE received_at < ${boundary})::text AS warnings`);
    const [counted] = await q<{ cases: string; loss: string; warnings: string }>(sql`
      SELECT (SELECT sum(n) FROM stat_days WHERE metric = 'c.reported' AND day < '2025-11-20')::text AS cases,
             (SELECT sum(n) FROM stat_days WHERE metric = 'c.loss' AND day < '2025-11-20')::text AS loss,
             (SELECT sum(n) FROM stat_days WHERE metric = 'w.received' AND day < '2025-11-20')::text AS warnings`);
    expect(Number(counted?.cases)).toBeGreaterThan(250);
    expect([counted?.cases, counted?.loss, counted?.warnings].map(Number)).toEqual([direct?.cases, direct?.loss, direct?.warnings].map(Number));
  });

  it('gives the dashboard a 同比 for every KPI, within plausible bounds, and values for 电诈占比 and APP注册率', async () => {
    const res = await api.as(analyst, 'GET', '/api/v1/stats/dashboard');
    expect(res.statusCode).toBe(200);
    const kpis = new Map<string, { value: number | null; yoy: number | null; unit: string }>(res.json().kpis.map((k: { id: string }) => [k.id, k]));
    for (const id of ['cases_reported', 'loss', 'cases_solved', 'suspects_arrested', 'warnings_received', 'stopped_amount', 'frozen_amount', 'returned_amount', 'dissuasion_rate', 'solve_rate', 'fraud_share', 'app_registration_rate']) {
      const k = kpis.get(id);
      expect(k?.value, id).not.toBeNull();
      expect(k?.yoy, id).not.toBeNull();
      // Relative changes of counts and amounts stay within ±60%; rates within 15 percentage points.
      expect(Math.abs(k?.yoy ?? 99), id).toBeLessThan(k?.unit === 'rate' ? 15 : 0.6);
    }
    // 两降: a little less fraud than the year before.
    expect(kpis.get('cases_reported')?.yoy).toBeLessThan(0);
    expect(kpis.get('fraud_share')?.value).toBeGreaterThan(0.25);
    expect(kpis.get('fraud_share')?.value).toBeLessThan(0.45);
    expect(kpis.get('app_registration_rate')?.value).toBeGreaterThan(0.45);
    expect(kpis.get('app_registration_rate')?.value).toBeLessThan(0.7);
  });

  it('enters the reference figures for each county and the last 24 months, audited like the center’s entries', async () => {
    expect(history.referenceFigures).toBe(5 * 24 * 3);
    const months = await q<{ first: string; last: string }>(sql`SELECT to_char(min(month), 'YYYY-MM') AS first, to_char(max(month), 'YYYY-MM') AS last FROM reference_figures`);
    expect(months[0]).toEqual({ first: '2024-12', last: '2026-11' });
    const list = (await api.as(analyst, 'GET', '/api/v1/stats/reference-figures?from=2026-11&to=2026-11&key=criminal_cases')).json();
    expect(list.items.map((i: { orgCode: string }) => i.orgCode).sort()).toEqual(['149902', '149903', '149921', '149922', '149923']);
    const audits = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'reference.put').execute();
    expect(audits).toHaveLength(1);
  });
});
