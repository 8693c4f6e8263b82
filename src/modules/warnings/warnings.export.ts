import ExcelJS from 'exceljs';
import type { WarningStats } from './warnings.stats.ts';

const pct = (v: number | null) => (v === null ? '—' : v);
/** The sheet speaks of local (UTC+8) days: `to` is exclusive, so the last day shown is the one before it. */
const localDay = (iso: string, endExclusive = false) => new Date(new Date(iso).getTime() + 8 * 3_600_000 - (endExclusive ? 1 : 0)).toISOString().slice(0, 10);

/** The leaders' warning sheet as they send it upward: one row per unit, a total row, rates as %. */
export async function statsWorkbook(s: WarningStats, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fanzha';
  const ws = wb.addWorksheet('预警劝阻');
  ws.mergeCells('A1:L1');
  ws.getCell('A1').value = `${title} 预警劝阻工作统计（${localDay(s.from)} 至 ${localDay(s.to, true)}）`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.addRow([]);
  const header = ws.addRow(['单位', '代码', '接收预警', '已反馈', '劝阻成功', '已被骗', '拒不配合', '无法联系', '误报', '劝阻成功率', '按时反馈率', '上门劝阻占比']);
  header.font = { bold: true };
  const line = (name: string, code: string, r: WarningStats['total']) =>
    ws.addRow([name, code, r.received, r.closed, r.dissuaded, r.defrauded, r.refused, r.unreachable, r.falsePositive, pct(r.successRate), pct(r.onTimeRate), pct(r.visitShare)]);
  for (const u of s.units) line(u.orgName, u.orgCode, u);
  if (s.own) line(`${s.own.orgName}（本级）`, s.own.orgCode, s.own);
  line('合计', '', s.total).font = { bold: true };
  for (const col of ['J', 'K', 'L']) ws.getColumn(col).numFmt = '0.00%';
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 24 : 12;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
