import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { parseCsv } from '../../lib/tabular.ts';
import { toIsoTime } from './warnings.import.ts';

describe('warning import from CSV and Excel', () => {
  let t: TestDb;
  let api: TestApi;
  let analyst: Session;
  beforeAll(async () => {
    t = await createTestDb({ demo: true });
    api = await TestApi.create(t.deps);
    analyst = await api.login('demo-center_analyst');
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('parses quoted CSV and local times', () => {
    expect(parseCsv('a,b\r\n"x, ""y""",2\n\n"multi\nline",3')).toEqual([['a', 'b'], ['x, "y"', '2'], ['multi\nline', '3']]);
    expect(toIsoTime('2026/11/8 9:05')).toBe('2026-11-08T09:05:00+08:00');
    expect(toIsoTime('2026-11-08T09:05:00Z')).toBe('2026-11-08T09:05:00Z');
  });

  it('maps a GB18030 CSV, imports it in chunks and reports bad rows by spreadsheet row number', async () => {
    const lines = ['预警编号,预警等级,手机号,姓名,地址,行政区划,预警时间'];
    for (let i = 1; i <= 12; i++) lines.push(`P-${i},${i % 3 === 0 ? '紧急' : '一般'},1390123${String(i).padStart(4, '0')},市民${i},城关区城东路${i}号,149902,2026-01-0${1 + (i % 9)} 10:00`);
    lines.push('P-13,一般,12345,坏号码,,149902,2026-01-02 10:00');
    lines.push('P-14,超级,13901230099,等级错,,149902,2026-01-02 10:00');
    const content = encodeGb18030(lines.join('\r\n'));
    const up = await api.as(analyst, 'POST', '/api/v1/warnings/imports', { fileName: '省平台预警.csv', contentBase64: content.toString('base64') });
    expect(up.statusCode).toBe(201);
    const file = up.json();
    expect(file.columns).toEqual(['预警编号', '预警等级', '手机号', '姓名', '地址', '行政区划', '预警时间']);
    expect(file.total).toBe(14);
    expect(file.suggestedMapping).toEqual({ externalId: '预警编号', level: '预警等级', victimPhone: '手机号', victimName: '姓名', address: '地址', regionCode: '行政区划', detectedAt: '预警时间' });
    const chunk = (offset: number) =>
      api.as(analyst, 'POST', `/api/v1/warnings/imports/${file.id}/chunk`, { mapping: file.suggestedMapping, source: 'province-file', offset, limit: 5 });
    const results = [];
    for (let offset = 0; offset < 14; offset += 5) results.push((await chunk(offset)).json());
    expect(results.map((r) => r.processed)).toEqual([5, 10, 14]);
    expect(results.reduce((a, r) => a + r.accepted, 0)).toBe(12);
    expect(results[2].rejected.map((r: { row: number; errors: { path: string }[] }) => [r.row, r.errors[0]?.path])).toEqual([
      [14, 'victimPhone'],
      [15, 'level'],
    ]);
    const again = (await chunk(0)).json();
    expect([again.accepted, again.duplicates]).toEqual([0, 5]);
    const w = await t.deps.db.selectFrom('warnings').select(['level', 'assigned_org_id', 'detected_at']).where('external_id', '=', 'P-3').executeTakeFirstOrThrow();
    expect(w.level).toBe('emergency');
    expect(w.detected_at.toISOString()).toBe('2026-01-04T02:00:00.000Z');
    const unmapped = await api.as(analyst, 'POST', `/api/v1/warnings/imports/${file.id}/chunk`, { mapping: { externalId: '预警编号' }, source: 'x', offset: 0, limit: 5 });
    expect(unmapped.json().errors[0].path).toBe('mapping.victimPhone');
  });

  it('reads the first sheet of an Excel workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('预警');
    ws.addRow(['编号', '等级', '电话', '时间']);
    ws.addRow(['X-1', '高危', '13512345678', '2026-02-01 08:00']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const up = (await api.as(analyst, 'POST', '/api/v1/warnings/imports', { fileName: 'list.xlsx', contentBase64: buf.toString('base64') })).json();
    expect(up.sample).toEqual([['X-1', '高危', '13512345678', '2026-02-01 08:00']]);
    const r = (await api.as(analyst, 'POST', `/api/v1/warnings/imports/${up.id}/chunk`, { mapping: up.suggestedMapping, source: 'xlsx', offset: 0, limit: 100 })).json();
    expect(r).toMatchObject({ processed: 1, accepted: 1, rejected: [] });
    const bad = await api.as(analyst, 'POST', '/api/v1/warnings/imports', { fileName: 'broken.xlsx', contentBase64: Buffer.from('not a zip').toString('base64') });
    expect(bad.statusCode).toBe(400);
  });
});

/** Encodes text as GB18030 the way Excel on a Chinese desktop saves CSV. */
function encodeGb18030(text: string): Buffer {
  // Node's TextEncoder only writes UTF-8; the ASCII part is the same bytes, and the Chinese characters
  // used here are looked up from a decoder table built on the fly.
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const b = table.get(ch);
      if (!b) throw new Error(`no GB18030 code for ${ch}`);
      bytes.push(...b);
    }
  }
  return Buffer.from(bytes);
}
