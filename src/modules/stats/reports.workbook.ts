import ExcelJS from 'exceljs';
import { KPI_BY_ID, type KpiId } from './kpis.ts';
import type { Dashboard } from './stats.service.ts';

/** 12 columns of the unit table and how each is shown. */
const UNIT_COLUMNS: { id: KpiId; head: string }[] = [
  { id: 'cases_reported', head: '发案数' },
  { id: 'loss', head: '损失金额（元）' },
  { id: 'cases_solved', head: '破案数' },
  { id: 'solve_rate', head: '破案率' },
  { id: 'warnings_received', head: '预警数' },
  { id: 'dissuasion_rate', head: '劝阻成功率' },
  { id: 'feedback_on_time_rate', head: '按时反馈率' },
  { id: 'stopped_amount', head: '止付金额（元）' },
];
const AGE_ZH: Record<string, string> = { '0-17': '18岁以下', '18-25': '18-25岁', '26-35': '26-35岁', '36-45': '36-45岁', '46-60': '46-60岁', '61+': '60岁以上', unknown: '不详' };

const fmt = (unit: string) => (unit === 'rate' ? '0.00%' : unit === 'yuan' ? '#,##0.00' : '#,##0');
const dash = (v: number | null) => (v === null ? '—' : v);

function title(ws: ExcelJS.Worksheet, text: string, span: string) {
  ws.mergeCells(span);
  const c = ws.getCell(span.split(':')[0] ?? 'A1');
  c.value = text;
  c.font = { bold: true, size: 14 };
  ws.addRow([]);
}

function header(ws: ExcelJS.Worksheet, cells: string[]) {
  const r = ws.addRow(cells);
  r.font = { bold: true };
  r.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    c.border = { bottom: { style: 'thin' } };
  });
}

/**
 * The report workbook as leaders send it upward: 概况 (every KPI with 同比 and 环比), 分单位 (the units below
 * and 本级), 案件构成 (fraud types, victims' ages and occupations) and 趋势 (twelve months).
 */
export async function reportWorkbook(d: Dashboard, heading: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fanzha';
  wb.created = new Date(0);
  const period = `${d.period.firstDay} 至 ${d.period.lastDay}`;

  const summary = wb.addWorksheet('概况');
  title(summary, `${heading}（${period}）`, 'A1:G1');
  header(summary, ['指标', '本期', '去年同期', '同比', '上期', '环比', '趋势']);
  for (const k of d.kpis) {
    const def = KPI_BY_ID.get(k.id as KpiId);
    const changeFmt = k.unit === 'rate' ? '+0.00"个百分点";-0.00"个百分点"' : '+0.00%;-0.00%';
    const arrow = k.yoyGood === null ? '' : k.yoyGood ? '向好' : '需关注';
    const row = summary.addRow([def?.zh ?? k.id, dash(k.value), dash(k.lastYear), dash(k.yoy), dash(k.previous), dash(k.mom), arrow]);
    for (const col of [2, 3, 5]) row.getCell(col).numFmt = fmt(k.unit);
    for (const col of [4, 6]) row.getCell(col).numFmt = changeFmt;
  }
  summary.columns.forEach((c, i) => {
    c.width = i === 0 ? 22 : 16;
  });

  const units = wb.addWorksheet('分单位');
  title(units, `${d.org.name} 分单位统计（${period}）`, 'A1:I1');
  header(units, ['单位', ...UNIT_COLUMNS.map((c) => c.head)]);
  for (const u of d.units) {
    const row = units.addRow([u.code === null ? `${u.name}（本级）` : u.name, ...UNIT_COLUMNS.map((c) => dash(u.kpis[c.id] ?? null))]);
    UNIT_COLUMNS.forEach((c, i) => {
      row.getCell(i + 2).numFmt = fmt(KPI_BY_ID.get(c.id)?.unit ?? 'count');
    });
  }
  units.columns.forEach((c, i) => {
    c.width = i === 0 ? 24 : 14;
  });

  const mix = wb.addWorksheet('案件构成');
  title(mix, `${d.org.name} 案件构成（${period}）`, 'A1:C1');
  const table = (head: string, items: { key: string; n: number; share: number }[], label: (k: string) => string) => {
    header(mix, [head, '案件数', '占比']);
    for (const x of items) {
      const row = mix.addRow([label(x.key), x.n, x.share]);
      row.getCell(3).numFmt = '0.00%';
    }
    mix.addRow([]);
  };
  table('诈骗类型', d.fraudTypes, (k) => (k === 'unclassified' ? '未分类' : k));
  table('受害人年龄', d.victims.age, (k) => AGE_ZH[k] ?? k);
  table('受害人职业', d.victims.occupation, (k) => (k === 'unknown' ? '不详' : k));
  mix.columns.forEach((c, i) => {
    c.width = i === 0 ? 24 : 12;
  });

  const trend = wb.addWorksheet('趋势');
  title(trend, `${d.org.name} 近12个月趋势`, 'A1:M1');
  header(trend, ['指标', ...d.trend.months]);
  for (const [id, values] of Object.entries(d.trend.series)) {
    const def = KPI_BY_ID.get(id as KpiId);
    const row = trend.addRow([def?.zh ?? id, ...values.map(dash)]);
    for (let i = 0; i < values.length; i++) row.getCell(i + 2).numFmt = fmt(def?.unit ?? 'count');
  }
  trend.columns.forEach((c, i) => {
    c.width = i === 0 ? 18 : 11;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
