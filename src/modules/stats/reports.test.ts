import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { lastWhole, scheduleReports } from './reports.ts';

const hasLibreOffice = spawnSync('sh', ['-c', 'command -v libreoffice || command -v soffice'], { encoding: 'utf8' }).stdout.trim();

describe('statistics reports', () => {
  let t: TestDb;
  let api: TestApi;
  let analyst: Session;
  let officer: Session;
  let bank: Session;
  beforeAll(async () => {
    // Friday 20 March 2026, 10:00 in China.
    t = await createTestDb({ demo: true, clockStart: '2026-03-20T02:00:00Z', config: { sessionIdleMinutes: 10_000_000, sessionMaxHours: 1_000_000 } });
    api = await TestApi.create(t.deps);
    analyst = await api.login('demo-center_analyst');
    officer = await api.login('demo-station_officer');
    bank = await api.login('demo-bank_liaison');
    for (const [n, day, loss] of [['R1', '2026-03-10', '1000.00'], ['R2', '2026-03-12', '250.00'], ['R3', '2026-02-14', '80.00']] as const) {
      const res = await api.as(officer, 'POST', '/api/v1/cases', { source: 'report-fixture', externalId: n, reportedAt: `${day}T09:00:00+08:00`, victim: { name: '王芳', phone: '13800138000' }, regionCode: '149902', fraudType: '刷单返利', narrative: '刷单', lossAmount: loss, transfers: [] });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('knows the last whole week (Monday to Sunday) and month', () => {
    expect(lastWhole('2026-03-20')).toEqual({ weekly: { firstDay: '2026-03-09', lastDay: '2026-03-15' }, monthly: { firstDay: '2026-02-01', lastDay: '2026-02-28' } });
    expect(lastWhole('2026-03-16')).toEqual({ weekly: { firstDay: '2026-03-09', lastDay: '2026-03-15' }, monthly: { firstDay: '2026-02-01', lastDay: '2026-02-28' } });
    expect(lastWhole('2026-01-01').monthly).toEqual({ firstDay: '2025-12-01', lastDay: '2025-12-31' });
  });

  it('makes last week’s and last month’s reports for the city and each county once', async () => {
    const units = await t.deps.db.selectFrom('orgs').select('id').where('kind', 'in', ['city', 'county']).where('active', '=', true).execute();
    expect(await scheduleReports(t.deps)).toEqual({ made: units.length * 2 });
    expect(await scheduleReports(t.deps)).toEqual({ made: 0 });
    const list = (await api.as(analyst, 'GET', '/api/v1/stats/reports?orgCode=149902&limit=10')).json();
    expect(list.items.map((r: { kind: string; firstDay: string; lastDay: string }) => [r.kind, r.firstDay, r.lastDay])).toEqual([
      ['weekly', '2026-03-09', '2026-03-15'],
      ['monthly', '2026-02-01', '2026-02-28'],
    ]);
    // The station sees no county's report; partners none at all.
    expect((await api.as(officer, 'GET', '/api/v1/stats/reports')).json().items).toEqual([]);
    expect((await api.as(bank, 'GET', '/api/v1/stats/reports')).statusCode).toBe(403);
    // The week's workbook holds the week's cases: R1 (10 March) and R2 (12 March) are after the 9th and before the 16th.
    const weekly = list.items[0];
    const res = await api.as(analyst, 'GET', `/api/v1/stats/reports/${weekly.id}/xlsx`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('周报'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '分单位', '案件构成', '趋势']);
    const summary = wb.getWorksheet('概况');
    const row = (label: string) => summary?.getRows(1, summary.rowCount)?.find((r) => r.getCell(1).value === label);
    expect(row('发案数')?.getCell(2).value).toBe(2);
    expect(row('损失金额')?.getCell(2).value).toBe(1250);
    const audits = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'report.download').execute();
    expect(audits).toHaveLength(1);
  });

  it('makes a report for any period on request, with a printable page', async () => {
    const res = await api.as(analyst, 'POST', '/api/v1/stats/reports', { from: '2026-02-01', to: '2026-04-01', orgCode: '149902' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'custom', firstDay: '2026-02-01', lastDay: '2026-03-20', orgCode: '149902' });
    const html = await api.as(analyst, 'GET', `/api/v1/stats/reports/${res.json().id}/html`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('主要指标');
    expect(html.body).toContain('1,330.00');
    // It ends after the scheduled week, so the list shows it first, though it began with the monthly one.
    const list = (await api.as(analyst, 'GET', '/api/v1/stats/reports?orgCode=149902&limit=10')).json();
    expect(list.items.map((r: { kind: string }) => r.kind)).toEqual(['custom', 'weekly', 'monthly']);
    expect((await api.as(officer, 'GET', `/api/v1/stats/reports/${res.json().id}/html`)).statusCode).toBe(404);
    expect((await api.as(officer, 'POST', '/api/v1/stats/reports', {})).statusCode).toBe(403);
  });

  it.runIf(hasLibreOffice)('renders in LibreOffice (headless conversion to PDF)', async () => {
    const { items } = (await api.as(analyst, 'GET', '/api/v1/stats/reports?kind=monthly&limit=1')).json();
    const res = await api.as(analyst, 'GET', `/api/v1/stats/reports/${items[0].id}/xlsx`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fz-report-'));
    fs.writeFileSync(path.join(dir, 'report.xlsx'), res.rawPayload);
    const out = spawnSync(hasLibreOffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'report.xlsx')], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: dir } });
    expect(out.status, out.stderr).toBe(0);
    const pdf = fs.readFileSync(path.join(dir, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2000);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
