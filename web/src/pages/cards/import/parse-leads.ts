import type { LeadBody, LeadKind } from '../../../api/cards.ts';

/**
 * Reading a ministry list (部级下发线索) or a local one pasted from Excel or opened as a CSV file: tab- or
 * comma-separated rows, quoted CSV fields, an optional header row whose names place the columns. Without a
 * header the columns are taken in the order of LEAD_COLUMNS. Pure functions, tested through the page.
 */

export type LeadColumn = 'externalId' | 'kind' | 'identifier' | 'holderName' | 'holderIdNumber' | 'holderPhone' | 'openedAt' | 'unit';
export const LEAD_COLUMNS: readonly LeadColumn[] = ['externalId', 'kind', 'identifier', 'holderName', 'holderIdNumber', 'holderPhone', 'openedAt', 'unit'];

/** Header names as ministry lists, banks' exports and people write them (compared without spaces, case-insensitive). */
const HEADERS: Record<LeadColumn, readonly string[]> = {
  externalId: ['部级编号', '线索编号', '下发编号', '编号', '外部编号', 'externalid', 'id'],
  kind: ['类型', '线索类型', '卡类型', '卡种', 'kind', 'type'],
  identifier: ['卡号', '账号', '卡号/账号', '账号/卡号', '银行卡号', '电话卡号', '涉案账号', '涉案号码', '号码', '卡号/账号/手机号', 'identifier', 'account', 'number'],
  holderName: ['姓名', '持卡人', '持卡人姓名', '户名', '开户人', '持有人', '机主', 'holdername', 'name'],
  holderIdNumber: ['身份证号', '身份证号码', '证件号码', '证件号', '公民身份号码', 'holderidnumber', 'idnumber'],
  holderPhone: ['联系电话', '手机号', '手机号码', '预留手机号', 'holderphone', 'phone'],
  openedAt: ['开户网点', '开卡网点', '开户行', '营业厅', '办理网点', '开户机构', 'openedat', 'branch', 'outlet'],
  unit: ['核查单位', '核查单位编码', '单位编码', '单位', '派出所', '区划', '区划代码', '行政区划', '所属地区', '地区', 'orgcode', 'regioncode', 'unit'],
};

const KINDS: readonly [RegExp, LeadKind][] = [
  [/^(银行卡|银行账户|银行账号|借记卡|信用卡|对公账户|bank_account|bank)$/i, 'bank_account'],
  [/^(电话卡|手机卡|手机号|电话号码|物联网卡|sim卡?|phone_card|phone)$/i, 'phone_card'],
  [/^(支付账户|支付账号|第三方支付|微信|支付宝|payment_account|payment)$/i, 'payment_account'],
];

export type RowProblem = 'kind' | 'scientific' | 'columns';

export interface ParsedLead {
  /** 1-based line in the pasted text or file (the header counts). */
  line: number;
  cells: Partial<Record<LeadColumn, string>>;
  kind: LeadKind | null;
  problems: RowProblem[];
}

export interface LeadParse {
  rows: ParsedLead[];
  header: boolean;
  /** Columns a header named, in the file's order; null when the default order was used. */
  columns: LeadColumn[] | null;
}

/** One line of CSV or TSV into cells: quotes around a cell may hold the separator and doubled quotes. */
export function splitLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quoted) {
      if (c === '"' && line.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === sep) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  // Excel's ="0123" guard against dropping leading zeros, and stray spaces.
  return out.map((c) => c.replace(/^="(.*)"$/, '$1').trim());
}

function headerColumn(cell: string): LeadColumn | null {
  const key = cell.replace(/\s+/g, '').toLowerCase();
  for (const col of LEAD_COLUMNS) if (HEADERS[col].includes(key)) return col;
  return null;
}

export function parseKind(raw: string | undefined): LeadKind | null {
  const v = (raw ?? '').replace(/\s+/g, '');
  return KINDS.find(([re]) => re.test(v))?.[1] ?? null;
}

/** Long numbers that Excel turned into 6.22202E+18: the digits are lost and must be fixed at the source. */
const SCIENTIFIC = /^\d(\.\d+)?e\+\d+$/i;

export function parseLeads(text: string): LeadParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return { rows: [], header: false, columns: null };
  const sep = lines.some((l) => l.includes('\t')) ? '\t' : ',';
  const headerCells = splitLine(lines[first] ?? '', sep);
  const named = headerCells.map(headerColumn);
  // A header is a first line most of whose cells are known names (and that holds no card number).
  const header = named.filter((c) => c !== null).length >= Math.max(2, Math.ceil(headerCells.length / 2));
  const columns: (LeadColumn | null)[] = header ? named : [...LEAD_COLUMNS];
  const rows: ParsedLead[] = [];
  lines.forEach((raw, i) => {
    if (i < first || (header && i === first) || raw.trim() === '') return;
    const values = splitLine(raw, sep);
    const cells: Partial<Record<LeadColumn, string>> = {};
    values.forEach((v, j) => {
      const col = columns[j];
      if (col && v !== '') cells[col] = v;
    });
    const problems: RowProblem[] = [];
    const kind = parseKind(cells.kind);
    if (!kind) problems.push('kind');
    if ([cells.identifier, cells.holderIdNumber, cells.holderPhone].some((v) => v !== undefined && SCIENTIFIC.test(v))) problems.push('scientific');
    if (!header && values.length < 3) problems.push('columns');
    rows.push({ line: i + 1, cells, kind, problems });
  });
  return { rows, header, columns: header ? named.filter((c): c is LeadColumn => c !== null) : null };
}

/**
 * A parsed row as the API takes it. The unit column is a unit's code, or a 6-digit region code whose county
 * verifies the lead (a county's code is its region code, so either reading reaches it).
 */
export function toLeadBody(row: ParsedLead, source: 'ministry' | 'manual'): LeadBody {
  const c = row.cells;
  const unit = c.unit?.replace(/\s+/g, '');
  return {
    source,
    kind: row.kind ?? 'bank_account',
    identifier: (c.identifier ?? '').replace(/\s+/g, ''),
    ...(c.externalId ? { externalId: c.externalId } : {}),
    ...(c.holderName ? { holderName: c.holderName } : {}),
    ...(c.holderIdNumber ? { holderIdNumber: c.holderIdNumber.replace(/\s+/g, '') } : {}),
    ...(c.holderPhone ? { holderPhone: c.holderPhone } : {}),
    ...(c.openedAt ? { openedAt: c.openedAt } : {}),
    ...(unit ? (/^\d{6}$/.test(unit) ? { regionCode: unit } : { orgCode: unit }) : {}),
  };
}

/** A file's text: UTF-8 when it is valid UTF-8, else GB 18030 (what Excel saves a Chinese CSV as). */
export async function readTextFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
