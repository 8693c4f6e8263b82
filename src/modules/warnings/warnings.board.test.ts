import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { buildApp } from '../../server/app.ts';
import { LiveBus } from '../../server/live.ts';
import { recountOpen } from './warnings.repo.ts';
import { sweepOverdue } from './warnings.sweep.ts';

const iso = (d: Date) => d.toISOString();

describe('warning board, statistics, Excel export and live stream', () => {
  let t: TestDb;
  let api: TestApi;
  let analyst: Session;
  let officer: Session;
  let n = 0;
  const push = async (over: Record<string, unknown>) =>
    (
      await api.as(analyst, 'POST', '/api/v1/warnings', {
        items: [{ externalId: `b-${++n}`, source: 'province', level: 'high', victimPhone: `1350000${String(n).padStart(4, '0')}`, detectedAt: iso(t.clock.now()), ...over }],
      })
    ).json().accepted[0] as { id: number };
  const act = async (id: number, outcome: string, channel = 'call') => {
    await api.as(officer, 'POST', `/api/v1/warnings/${id}/acknowledge`, {});
    if (outcome !== 'false_positive') await api.as(officer, 'POST', `/api/v1/warnings/${id}/attempts`, { channel, at: iso(t.clock.now()), result: 'reached' });
    const r = await api.as(officer, 'POST', `/api/v1/warnings/${id}/outcome`, { outcome });
    expect(r.statusCode).toBe(200);
  };

  beforeAll(async () => {
    // 10:00 in China: "today's outcomes" must not cross local midnight while the test moves the clock.
    t = await createTestDb({ demo: true, clockStart: '2026-06-15T02:00:00Z', config: { sessionIdleMinutes: 1_000_000, sessionMaxHours: 100_000 } });
    api = await TestApi.create(t.deps);
    analyst = await api.login('demo-center_analyst');
    officer = await api.login('demo-station_officer');
    const at = { regionCode: '149902', address: '城东路' };
    // Station 149902001: 3 dissuaded (1 by visit), 1 defrauded, 1 false positive, 2 open (1 emergency).
    for (const o of ['dissuaded', 'dissuaded', 'defrauded', 'false_positive']) await act((await push(at)).id, o);
    await act((await push(at)).id, 'dissuaded', 'visit');
    await push({ ...at, level: 'emergency' });
    await push(at);
    // County 149923: one open, one in triage at the city.
    await push({ regionCode: '149923' });
    await push({ victimPhone: '13312349999' });
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('shows open items by grade and unit, what is due soon, triage and today’s outcomes', async () => {
    t.clock.advance(90 * 60_000); // the emergency one (2 h) is now due within the hour
    const b = (await api.as(analyst, 'GET', '/api/v1/warnings/board')).json();
    expect(b.open).toEqual({ emergency: 1, high: 3, normal: 0 });
    expect(b.triage).toBe(1);
    expect(b.dueWithinHour).toBe(1);
    expect(b.overdue).toBe(0);
    expect(b.todayOutcomes).toMatchObject({ dissuaded: 3, defrauded: 1, false_positive: 1 });
    const unit = (code: string) => b.units.find((u: { orgCode: string }) => u.orgCode === code);
    expect(unit('149902').open).toEqual({ emergency: 1, high: 1, normal: 0 });
    expect(unit('149923').open).toEqual({ emergency: 0, high: 1, normal: 0 });
    expect(b.units).toHaveLength(5);
    // The triage item is the city's own (本级): in no county's row, in the own row.
    expect(b.own).toMatchObject({ orgCode: '149900', open: { emergency: 0, high: 1, normal: 0 } });
    const station = (await api.as(officer, 'GET', '/api/v1/warnings/board')).json();
    expect(station.open).toEqual({ emergency: 1, high: 1, normal: 0 });
  });

  it('counts items past due before and after the sweeper flags them, and its counters match a recount', async () => {
    const at = t.clock.now();
    t.clock.advance(24 * 3_600_000); // every open item (2 h and 24 h deadlines) is now past due
    const before = (await api.as(analyst, 'GET', '/api/v1/warnings/board')).json();
    expect(before.overdue).toBe(4);
    expect(before.units.find((u: { orgCode: string }) => u.orgCode === '149902').overdue).toBe(2);
    await sweepOverdue(t.deps);
    const after = (await api.as(analyst, 'GET', '/api/v1/warnings/board')).json();
    expect(after).toMatchObject({ overdue: 4, open: before.open, triage: before.triage });
    const kept = await t.deps.db.selectFrom('warning_open_counts').selectAll().where('open_n', '<>', 0).orderBy('org_id').orderBy('level').execute();
    const recount = await recountOpen(t.deps.db);
    expect(kept.map((k) => ({ ...k, org_id: Number(k.org_id), open_n: Number(k.open_n), triage_n: Number(k.triage_n), overdue_n: Number(k.overdue_n) }))).toEqual(recount);
    expect(recount.reduce((sum, r) => sum + r.overdue_n, 0)).toBe(4);
    t.clock.set(at);
  });

  it('computes the leaders’ rates per unit and exports the same figures to Excel', async () => {
    const from = new Date(t.clock.now().getTime() - 86_400_000).toISOString();
    const to = new Date(t.clock.now().getTime() + 60_000).toISOString();
    const s = (await api.as(analyst, 'GET', `/api/v1/warnings/stats?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).json();
    const county = s.units.find((u: { orgCode: string }) => u.orgCode === '149902');
    // Success = 3 / (3 + 1) with the false positive left out; all 5 closed on time; 1 of 5 by visit.
    expect(county).toMatchObject({ received: 7, closed: 5, dissuaded: 3, defrauded: 1, falsePositive: 1, successRate: 0.75, onTimeRate: 1, visitShare: 0.2 });
    expect(s.total.received).toBe(9);
    expect(s.own).toMatchObject({ orgCode: '149900', received: 1, closed: 0 });
    const xlsx = await api.as(analyst, 'GET', `/api/v1/warnings/stats?format=xlsx&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('预警劝阻');
    const rows = (ws?.getSheetValues() ?? []).filter(Array.isArray) as unknown[][];
    const row = rows.find((r) => r[2] === '149902');
    expect(row?.slice(1, 13)).toEqual(['城关区', '149902', 7, 5, 3, 1, 0, 0, 1, 0.75, 1, 0.2]);
    expect(rows.at(-1)?.[1]).toBe('合计');
    expect(rows.at(-2)?.slice(1, 4)).toEqual([`${s.own.orgName}（本级）`, '149900', 1]);
    const backwards = await api.as(analyst, 'GET', `/api/v1/warnings/stats?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('query.from');
    const exports = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'warning.stats_export').execute();
    expect(exports).toHaveLength(1);
  });

  it('streams a new warning to the station’s open event stream, and not to another county’s', async () => {
    const live = new LiveBus();
    const app = await buildApp({ ...t.deps, live }, { serveWeb: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const other = await api.login('officer-149923001');
    const open = async (s: Session) => {
      const ctl = new AbortController();
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/stream`, { headers: { cookie: s.cookie }, signal: ctl.signal });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body?.getReader();
      let text = '';
      const readUntil = async (needle: string, ms: number) => {
        const stop = Date.now() + ms;
        while (!text.includes(needle) && Date.now() < stop && reader) {
          const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 200))]);
          if (chunk && !chunk.done) text += new TextDecoder().decode(chunk.value);
        }
        return text;
      };
      return { readUntil, close: () => ctl.abort() };
    };
    const mine = await open(officer);
    const theirs = await open(other);
    await mine.readUntil('event: hello', 2000);
    await theirs.readUntil('event: hello', 2000);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/warnings`, {
      method: 'POST',
      headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ externalId: 'live-1', source: 'province', level: 'emergency', victimPhone: '13500009999', regionCode: '149902', address: '城东', detectedAt: iso(t.clock.now()) }] }),
    });
    const id = (await res.json()).accepted[0].id;
    expect(await mine.readUntil(`"id":${id}`, 3000)).toContain('event: warning.new');
    expect(await theirs.readUntil(`"id":${id}`, 500)).not.toContain(`"id":${id}`);
    mine.close();
    theirs.close();
    await app.close();
  });
});
