import ExcelJS from 'exceljs';

/** A parsed table: the header row's names and the data rows as strings. */
export interface Table {
  columns: string[];
  rows: string[][];
}

/** CSV files from Chinese desktop software are often GB18030; UTF-8 (with or without BOM) is tried first. */
export function decodeText(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

/** RFC 4180 CSV: quoted fields with doubled quotes and embedded newlines, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
    if ('richText' in v) return v.richText.map((p) => p.text).join('');
    return '';
  }
  return String(v);
}

export async function parseTable(fileName: string, content: Buffer): Promise<Table> {
  let grid: string[][];
  if (/\.xlsx$/i.test(fileName)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(content as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    grid = [];
    ws?.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) values.push(cellText(row.getCell(c).value).trim());
      grid.push(values);
    });
  } else {
    grid = parseCsv(decodeText(content)).map((r) => r.map((c) => c.trim()));
  }
  const [header, ...rows] = grid;
  return { columns: (header ?? []).map((h, i) => h || `列${i + 1}`), rows };
}
