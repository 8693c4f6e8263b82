import { z } from 'zod';
import { parseTable } from '../../lib/tabular.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, invalid } from '../../server/errors.ts';
import type { Scope } from '../orgs/scope.ts';
import { MAX_LEAD_BATCH } from './leads.schema.ts';
import { intake } from './leads.service.ts';

/** The lead fields a list's columns map to, with the headings ministry lists and analysts use. */
export const LEAD_COLUMNS = {
  externalId: ['externalId', '线索编号', '编号', '序号'],
  kind: ['kind', '类型', '卡类型'],
  identifier: ['identifier', '卡号', '账号', '银行卡号', '手机号', '电话卡号', '号码'],
  holderName: ['holderName', '姓名', '持卡人', '开户人', '机主'],
  holderIdNumber: ['holderIdNumber', '身份证号', '证件号码', '公民身份号码'],
  holderPhone: ['holderPhone', '联系电话', '预留手机号'],
  openedAt: ['openedAt', '开户网点', '开户行', '营业厅', '开卡网点'],
  orgCode: ['orgCode', '核查单位', '单位代码'],
  regionCode: ['regionCode', '行政区划', '区划代码', '户籍地区划'],
} as const;
type LeadField = keyof typeof LEAD_COLUMNS;
const KIND_WORDS: Record<string, string> = { 银行卡: 'bank_account', 银行账户: 'bank_account', 对公账户: 'bank_account', 电话卡: 'phone_card', 手机卡: 'phone_card', 支付账户: 'payment_account', 第三方支付: 'payment_account' };

export const LeadImportIn = z.strictObject({
  fileName: z.string().trim().min(1).max(200).regex(/\.(csv|xlsx)$/i, 'a .csv or .xlsx file'),
  /** The file, base64 (at most 10 MB decoded). */
  content: z.string().min(1).max(14_000_000),
  source: z.enum(['ministry', 'manual']).default('ministry'),
  /** Column heading per field; fields left out are matched by the usual headings. */
  mapping: z.partialRecord(z.enum(Object.keys(LEAD_COLUMNS) as [LeadField, ...LeadField[]]), z.string().max(100)).optional(),
});

/**
 * A ministry list (CSV or Excel): columns mapped to lead fields (given, or by the usual headings), each row
 * checked like a pushed item, and the rejects reported with the spreadsheet's own row numbers.
 */
export async function importLeads(deps: Deps, ctx: RequestContext, scope: Scope, input: z.infer<typeof LeadImportIn>) {
  const table = await parseTable(input.fileName, Buffer.from(input.content, 'base64')).catch(() => {
    throw invalid('content', 'not a readable CSV or Excel file');
  });
  if (table.rows.length === 0) throw invalid('content', 'the file has no data rows');
  if (table.rows.length > MAX_LEAD_BATCH * 20) throw new AppError('TOO_LARGE', `a list holds at most ${MAX_LEAD_BATCH * 20} rows, got ${table.rows.length}`);
  const column = (f: LeadField) => {
    const given = input.mapping?.[f];
    const name = given ?? table.columns.find((c) => (LEAD_COLUMNS[f] as readonly string[]).some((h) => h.toLowerCase() === c.toLowerCase()));
    return name === undefined ? -1 : table.columns.indexOf(name);
  };
  const index = Object.fromEntries((Object.keys(LEAD_COLUMNS) as LeadField[]).map((f) => [f, column(f)])) as Record<LeadField, number>;
  for (const [f, given] of Object.entries(input.mapping ?? {})) if (given && index[f as LeadField] < 0) throw invalid(`mapping.${f}`, `no column "${given}" in the file`);
  if (index.identifier < 0) throw invalid('mapping.identifier', 'say which column holds the card, account or phone number');
  const items = table.rows.map((cells) => {
    const get = (f: LeadField) => (index[f] >= 0 ? (cells[index[f]] ?? '').trim() || undefined : undefined);
    const kind = get('kind');
    const item = {
      externalId: get('externalId'),
      source: input.source,
      kind: kind ? (KIND_WORDS[kind] ?? kind) : /^1\d{10}$/.test(get('identifier') ?? '') ? 'phone_card' : 'bank_account',
      identifier: get('identifier')?.replace(/[\s-]/g, ''),
      holderName: get('holderName'),
      holderIdNumber: get('holderIdNumber'),
      holderPhone: get('holderPhone'),
      openedAt: get('openedAt'),
      orgCode: get('orgCode'),
      regionCode: get('regionCode'),
    };
    return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined));
  });
  let accepted = 0;
  let duplicates = 0;
  const rejected: { row: number; errors: { path: string; message: string }[] }[] = [];
  for (let start = 0; start < items.length; start += MAX_LEAD_BATCH) {
    const out = await intake(deps, ctx, scope, items.slice(start, start + MAX_LEAD_BATCH));
    accepted += out.accepted.filter((a) => !a.duplicate).length;
    duplicates += out.accepted.filter((a) => a.duplicate).length;
    // Row numbers as the spreadsheet shows them: the header is row 1.
    rejected.push(...out.rejected.map((r) => ({ row: start + r.index + 2, errors: r.errors })));
  }
  return { rows: items.length, accepted, duplicates, rejected, columns: table.columns, mapping: Object.fromEntries(Object.entries(index).filter(([, i]) => i >= 0).map(([f, i]) => [f, table.columns[i]])) };
}
