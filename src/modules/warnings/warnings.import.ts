import { z } from 'zod';
import { toIsoTime } from '../../lib/periods.ts';
import { parseTable, type Table } from '../../lib/tabular.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { orgInScope, type Scope } from '../orgs/scope.ts';
import { intake } from './warnings.service.ts';

/** Fields a column can be mapped to, with the header names the provincial exports use for them. */
export const IMPORT_FIELDS = {
  externalId: ['预警编号', '编号', '预警ID', 'externalId', 'id'],
  level: ['预警等级', '等级', '级别', 'level'],
  victimPhone: ['手机号', '受害人电话', '联系电话', '电话', '号码', 'victimPhone'],
  victimName: ['姓名', '受害人姓名', '受害人', 'victimName'],
  victimIdNumber: ['身份证号', '证件号码', '身份证', 'victimIdNumber'],
  address: ['地址', '住址', '居住地址', 'address'],
  regionCode: ['行政区划', '区划代码', '区划', 'regionCode'],
  fraudType: ['诈骗类型', '案件类别', '类型', 'fraudType'],
  detectedAt: ['预警时间', '发现时间', '推送时间', '时间', 'detectedAt'],
  note: ['备注', '说明', 'note'],
  counterpartyPhone: ['涉诈号码', '对方号码', '诈骗电话'],
  counterpartyAccount: ['涉诈账号', '对方账号', '收款账号'],
  counterpartyUrl: ['涉诈网址', '网址', '链接'],
} as const;
export type ImportField = keyof typeof IMPORT_FIELDS;
const FIELD_NAMES = Object.keys(IMPORT_FIELDS) as ImportField[];

export const ImportCreate = z.strictObject({
  fileName: z.string().trim().min(1).max(200).regex(/\.(csv|xlsx)$/i, 'a .csv or .xlsx file'),
  contentBase64: z.string().min(1),
});
export const ImportChunk = z.strictObject({
  mapping: z.partialRecord(z.enum(FIELD_NAMES as [ImportField, ...ImportField[]]), z.string().max(100)),
  source: z.string().trim().min(1).max(50),
  defaultLevel: z.enum(['emergency', 'high', 'normal']).optional(),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(5000),
});
export const ImportIdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });

const LEVEL_WORDS: Record<string, 'emergency' | 'high' | 'normal'> = {
  紧急: 'emergency', 特高危: 'emergency', emergency: 'emergency',
  高危: 'high', 高: 'high', high: 'high',
  一般: 'normal', 中: 'normal', 低: 'normal', normal: 'normal',
};

/** "2026-11-28 09:30[:00]" without an offset is China time; ISO with an offset is kept. */
export { toIsoTime };

export function suggestMapping(columns: string[]): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {};
  for (const f of FIELD_NAMES) {
    const hit = IMPORT_FIELDS[f].map((alias) => columns.find((c) => c.toLowerCase() === alias.toLowerCase())).find(Boolean);
    if (hit) out[f] = hit;
  }
  return out;
}

/** One spreadsheet row → the partner-API Warning shape; the intake validates it like any pushed item. */
export function rowToItem(row: string[], columns: string[], mapping: Partial<Record<ImportField, string>>, source: string, defaultLevel?: string): Record<string, unknown> {
  const get = (f: ImportField): string | undefined => {
    const col = mapping[f];
    if (!col) return undefined;
    const v = row[columns.indexOf(col)]?.trim();
    return v === '' ? undefined : v;
  };
  const levelWord = get('level');
  const counterparty = { phone: get('counterpartyPhone'), account: get('counterpartyAccount'), url: get('counterpartyUrl') };
  const item: Record<string, unknown> = {
    externalId: get('externalId'),
    source,
    level: levelWord === undefined ? defaultLevel : (LEVEL_WORDS[levelWord] ?? levelWord),
    victimPhone: get('victimPhone'),
    victimName: get('victimName'),
    victimIdNumber: get('victimIdNumber'),
    address: get('address'),
    regionCode: get('regionCode'),
    fraudType: get('fraudType')?.replace(/类$/, ''),
    detectedAt: ((d) => (d === undefined ? undefined : toIsoTime(d)))(get('detectedAt')),
    note: get('note'),
    counterparty: Object.values(counterparty).some(Boolean) ? Object.fromEntries(Object.entries(counterparty).filter(([, v]) => v)) : undefined,
  };
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined));
}

/** Parsed files, kept briefly so each chunk does not parse the whole file again. */
const parsed = new Map<number, { table: Table; at: number }>();
const CACHE_MS = 15 * 60_000;

async function tableOf(deps: Deps, id: number, row: { file_name: string; content: Buffer }): Promise<Table> {
  const hit = parsed.get(id);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.table;
  const table = await parseTable(row.file_name, row.content);
  for (const [k, v] of parsed) if (Date.now() - v.at > CACHE_MS) parsed.delete(k);
  parsed.set(id, { table, at: Date.now() });
  return table;
}

export async function createImport(deps: Deps, ctx: RequestContext, input: z.output<typeof ImportCreate>) {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) throw invalid('contentBase64', 'empty file');
  let table: Table;
  try {
    table = await parseTable(input.fileName, content);
  } catch {
    throw invalid('contentBase64', `cannot read ${input.fileName} as ${/\.xlsx$/i.test(input.fileName) ? 'an Excel workbook' : 'CSV'}`);
  }
  if (table.rows.length === 0) throw invalid('contentBase64', 'the file has a header row but no data');
  const now = deps.clock.now();
  const p = ctx.principal;
  if (!p) throw new AppError('UNAUTHENTICATED');
  const id = await deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('warning_imports')
      .values({ file_name: input.fileName, content, columns: JSON.stringify(table.columns), total_rows: table.rows.length, org_id: p.orgId, created_by: p.name, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit.record(trx, ctx, now, { action: 'warning.import_upload', targetType: 'warning_import', targetId: r.id, detail: { fileName: input.fileName, rows: table.rows.length } });
    return r.id;
  });
  parsed.set(id, { table, at: Date.now() });
  return { id, fileName: input.fileName, columns: table.columns, total: table.rows.length, sample: table.rows.slice(0, 10), suggestedMapping: suggestMapping(table.columns), fields: FIELD_NAMES };
}

export async function runChunk(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: z.output<typeof ImportChunk>) {
  const row = await deps.db.selectFrom('warning_imports').selectAll().where('id', '=', id).where(orgInScope(scope, 'warning_imports.org_id')).executeTakeFirst();
  if (!row) throw notFound('import');
  for (const [field, column] of Object.entries(input.mapping)) {
    if (column && !row.columns.includes(column)) throw invalid(`mapping.${field}`, `no column "${column}" in the file`);
  }
  for (const required of ['victimPhone', 'detectedAt', 'externalId'] as const) {
    if (!input.mapping[required]) throw invalid(`mapping.${required}`, 'map a column to this field');
  }
  if (!input.mapping.level && !input.defaultLevel) throw invalid('mapping.level', 'map a column to the grade or choose a default grade');
  const table = await tableOf(deps, id, row);
  const slice = table.rows.slice(input.offset, input.offset + input.limit);
  const items = slice.map((r) => rowToItem(r, table.columns, input.mapping, input.source, input.defaultLevel));
  const result = items.length ? await intake(deps, ctx, items) : { accepted: [], rejected: [] };
  const duplicates = result.accepted.filter((a) => a.duplicate).length;
  const accepted = result.accepted.length - duplicates;
  const processed = Math.min(table.rows.length, input.offset + slice.length);
  await deps.db
    .updateTable('warning_imports')
    .set((eb) => ({
      processed_rows: eb.fn('greatest', [eb.ref('processed_rows'), eb.val(processed)]),
      accepted: eb('accepted', '+', accepted),
      duplicates: eb('duplicates', '+', duplicates),
      rejected: eb('rejected', '+', result.rejected.length),
      updated_at: deps.clock.now(),
    }))
    .where('id', '=', id)
    .execute();
  return {
    processed,
    total: table.rows.length,
    accepted,
    duplicates,
    // Row numbers as the user sees them in the spreadsheet: the header is row 1.
    rejected: result.rejected.map((r) => ({ row: input.offset + r.index + 2, externalId: r.externalId, errors: r.errors })),
  };
}
