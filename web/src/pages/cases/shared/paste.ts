import { isAccountNumber, normalizeAccount } from '../../../../../src/lib/bank-account.ts';

/**
 * Parsing of what people paste from bank statements, Excel and chat messages: tab- or comma-separated
 * rows, amounts like "¥1,234.50" or "1.2万", times like "2026-11-28 09:30" read as China time (UTC+8,
 * the time every Chinese bank statement is written in). Pure functions, tested through the forms.
 */

const CHINA_OFFSET_MS = 8 * 3_600_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Epoch ms of a wall-clock time in China, or null when the parts are no real time. */
function chinaEpoch(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null; // 2026-02-30
  return ms - CHINA_OFFSET_MS;
}

const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*[T\s]?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?)?\s*[分秒]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})\s*(\d{2}):?(\d{2}):?(\d{2})?$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A time as people write it, to epoch ms: "2026-11-28 09:30", "2026/11/28 9:30:15", "2026年11月28日 09时30分",
 * "20261128093000", or ISO 8601 with its own offset. Without an offset it is China time. A date without a
 * time is refused: tracing needs the minute.
 */
export function parseChinaTime(raw: string): number | null {
  const s = raw.trim();
  if (!s) return null;
  if (ISO_WITH_ZONE.test(s)) {
    const ms = Date.parse(s);
    return Number.isNaN(ms) ? null : ms;
  }
  const m = SEPARATED.exec(s) ?? COMPACT.exec(s);
  if (!m) return null;
  return chinaEpoch(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

/** Epoch ms → "2026-11-28 09:30" (China time), the form's way of showing a time. */
export function formatChinaTime(ms: number, seconds = false): string {
  const d = new Date(ms + CHINA_OFFSET_MS);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return seconds || d.getUTCSeconds() !== 0 ? `${base}:${pad(d.getUTCSeconds())}` : base;
}

/** Epoch ms → ISO 8601 with the +08:00 offset, as the API takes times. */
export function toChinaIso(ms: number): string {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`;
}

/** A typed or pasted time → ISO with offset, or null. */
export function chinaTimeToIso(raw: string): string | null {
  const ms = parseChinaTime(raw);
  return ms === null ? null : toChinaIso(ms);
}

/**
 * An amount in yuan as people write it → "1234.50", or null: currency signs, thousands separators,
 * "元" and "万" (ten thousand) are understood; more than two decimals (fen) are refused, not rounded.
 */
export function parseAmount(raw: string): string | null {
  let s = raw.trim().replace(/[¥￥,，\s]/g, '').replace(/(人民币|RMB|CNY)/gi, '').replace(/元$/, '');
  let scale = 1;
  if (s.endsWith('万')) {
    scale = 10_000;
    s = s.slice(0, -1);
  }
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const [int = '0', dec = ''] = s.split('.');
  // Integers in fen throughout, so "1.23万" is exactly 12300.00; digits finer than a fen are refused, not rounded.
  const places = scale === 1 ? 2 : 6;
  if (dec.length > places) return null;
  const fen = BigInt(int) * 10n ** BigInt(places) + BigInt(dec.padEnd(places, '0') || '0');
  const yuanPart = fen / 100n;
  const fenPart = fen % 100n;
  if (yuanPart.toString().length > 14) return null;
  return `${yuanPart.toString()}.${fenPart.toString().padStart(2, '0')}`;
}

/** Splits one pasted line: tabs (Excel), else commas outside quotes, else runs of two or more spaces. */
export function splitLine(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map((c) => c.trim());
  if (/[,，]/.test(line)) {
    const out: string[] = [];
    let cell = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if ((ch === ',' || ch === '，') && !quoted) {
        out.push(cell.trim());
        cell = '';
      } else cell += ch;
    }
    out.push(cell.trim());
    return out;
  }
  return line.split(/\s{2,}/).map((c) => c.trim());
}

export type ParseProblem = 'account' | 'amount' | 'time' | 'missing' | 'channel' | 'columns';

export interface ParsedRow<F extends string> {
  /** 1-based line of the pasted text. */
  line: number;
  values: Partial<Record<F, string>>;
  problems: { field: F | 'row'; problem: ParseProblem }[];
}

export interface ParseResult<F extends string> {
  rows: ParsedRow<F>[];
  /** The first line named the columns and was used to map them. */
  header: boolean;
}

type Kind = 'account' | 'text' | 'amount' | 'time' | 'channel';

interface FieldSpec<F extends string> {
  field: F;
  kind: Kind;
  optional?: boolean;
  /** Header words that name this column, most specific first. */
  names: readonly string[];
}

const norm = (s: string) => s.replace(/[\s（）()元*：:]/g, '').toLowerCase();

function headerMap<F extends string>(cells: string[], specs: readonly FieldSpec<F>[]): (F | null)[] | null {
  const used = new Set<F>();
  const map = cells.map((cell) => {
    const c = norm(cell);
    if (!c) return null;
    const exact = specs.find((s) => !used.has(s.field) && s.names.some((n) => norm(n) === c));
    const loose = exact ?? specs.find((s) => !used.has(s.field) && s.names.some((n) => c.includes(norm(n))));
    if (loose) used.add(loose.field);
    return loose?.field ?? null;
  });
  // A header names at least an account and an amount column; a data row never does.
  const hasAccount = specs.some((s) => s.kind === 'account' && used.has(s.field));
  const hasAmount = specs.some((s) => s.kind === 'amount' && used.has(s.field));
  return hasAccount && hasAmount ? map : null;
}

/** Flow channels in the words banks use. */
const CHANNEL_WORDS: readonly [RegExp, 'transfer' | 'cash_out' | 'cash_in' | 'card' | 'wallet'][] = [
  [/取现|取款|atm|提现|cash_?out|withdraw/i, 'cash_out'],
  [/存现|存款|cash_?in|deposit/i, 'cash_in'],
  [/刷卡|消费|pos|card/i, 'card'],
  [/支付宝|微信|财付通|钱包|第三方|wallet|alipay|wechat/i, 'wallet'],
  [/转账|汇款|网银|手机银行|跨行|transfer/i, 'transfer'],
];

export function channelOf(raw: string): 'transfer' | 'cash_out' | 'cash_in' | 'card' | 'wallet' | null {
  const s = raw.trim();
  if (!s) return null;
  return CHANNEL_WORDS.find(([re]) => re.test(s))?.[1] ?? null;
}

function parseRows<F extends string>(text: string, specs: readonly FieldSpec<F>[], fallbacks: readonly (readonly F[])[]): ParseResult<F> {
  const lines = text.split(/\r?\n/).map((l, i) => ({ line: i + 1, cells: splitLine(l) })).filter((l) => l.cells.some((c) => c !== ''));
  const first = lines[0];
  const mapped = first ? headerMap(first.cells, specs) : null;
  const body = mapped ? lines.slice(1) : lines;
  const rows = body.map(({ line, cells }): ParsedRow<F> => {
    const order: readonly (F | null)[] = mapped ?? fallbacks.find((f) => f.length === cells.length) ?? fallbacks[0] ?? [];
    const values: Partial<Record<F, string>> = {};
    const problems: ParsedRow<F>['problems'] = [];
    if (!mapped && !fallbacks.some((f) => f.length === cells.length)) problems.push({ field: 'row', problem: 'columns' });
    order.forEach((field, i) => {
      if (!field) return;
      const spec = specs.find((s) => s.field === field);
      const raw = (cells[i] ?? '').trim();
      if (!spec) return;
      if (!raw) {
        if (!spec.optional) problems.push({ field, problem: 'missing' });
        return;
      }
      switch (spec.kind) {
        case 'account': {
          const v = normalizeAccount(raw);
          values[field] = v;
          if (!isAccountNumber(v)) problems.push({ field, problem: 'account' });
          break;
        }
        case 'amount': {
          const v = parseAmount(raw);
          values[field] = v ?? raw;
          if (v === null || Number(v) <= 0) problems.push({ field, problem: 'amount' });
          break;
        }
        case 'time': {
          const ms = parseChinaTime(raw);
          values[field] = ms === null ? raw : formatChinaTime(ms);
          if (ms === null) problems.push({ field, problem: 'time' });
          break;
        }
        case 'channel': {
          const v = channelOf(raw);
          if (v) values[field] = v;
          else problems.push({ field, problem: 'channel' });
          break;
        }
        default:
          values[field] = raw;
      }
    });
    for (const spec of specs) if (!spec.optional && !order.includes(spec.field)) problems.push({ field: spec.field, problem: 'missing' });
    return { line, values, problems };
  });
  return { rows, header: mapped !== null };
}

export type TransferField = 'fromAccount' | 'fromBank' | 'toAccount' | 'toBank' | 'toName' | 'amount' | 'at';

const TRANSFER_SPECS: readonly FieldSpec<TransferField>[] = [
  { field: 'fromAccount', kind: 'account', names: ['付款账号', '付款卡号', '付款账户', '付款人账号', '转出账号', '转出卡号', '受害人账号', 'from account'] },
  { field: 'fromBank', kind: 'text', names: ['付款银行', '付款行', '付款人开户行', '转出银行', '转出行', 'from bank'] },
  { field: 'toAccount', kind: 'account', names: ['收款账号', '收款卡号', '收款账户', '收款人账号', '收款人卡号', '转入账号', '转入卡号', '对方账号', '对方卡号', 'to account'] },
  { field: 'toBank', kind: 'text', names: ['收款银行', '收款行', '收款人开户行', '收款人银行', '转入银行', '转入行', '对方银行', '对方开户行', 'to bank'] },
  { field: 'toName', kind: 'text', optional: true, names: ['收款户名', '收款人', '收款人姓名', '对方户名', '户名', 'account name', 'name'] },
  { field: 'amount', kind: 'amount', names: ['金额', '转账金额', '交易金额', 'amount'] },
  { field: 'at', kind: 'time', names: ['时间', '转账时间', '交易时间', '日期时间', 'time'] },
];

/** 付款账号, 付款银行, 收款账号, 收款银行, 收款户名, 金额, 时间 (the name may be left out), or any order under a header line. */
export function parseTransfers(text: string): ParseResult<TransferField> {
  return parseRows(text, TRANSFER_SPECS, [
    ['fromAccount', 'fromBank', 'toAccount', 'toBank', 'toName', 'amount', 'at'],
    ['fromAccount', 'fromBank', 'toAccount', 'toBank', 'amount', 'at'],
  ]);
}

export type FlowField = 'fromAccount' | 'toAccount' | 'toBank' | 'amount' | 'at' | 'channel';

const FLOW_SPECS: readonly FieldSpec<FlowField>[] = [
  { field: 'fromAccount', kind: 'account', names: ['付款账号', '付款卡号', '转出账号', '本方账号', 'from account'] },
  { field: 'toAccount', kind: 'account', names: ['收款账号', '收款卡号', '转入账号', '对方账号', '对方卡号', 'to account'] },
  { field: 'toBank', kind: 'text', names: ['收款银行', '收款行', '转入银行', '对方银行', '对方开户行', 'to bank'] },
  { field: 'amount', kind: 'amount', names: ['金额', '交易金额', '转出金额', 'amount'] },
  { field: 'at', kind: 'time', names: ['时间', '交易时间', '日期时间', 'time'] },
  { field: 'channel', kind: 'channel', optional: true, names: ['渠道', '交易渠道', '交易方式', '方式', '类型', 'channel'] },
];

/** 付款账号, 收款账号, 收款银行, 金额, 时间, 渠道 (转账/取现/…; may be left out), or any order under a header line. */
export function parseFlows(text: string): ParseResult<FlowField> {
  return parseRows(text, FLOW_SPECS, [
    ['fromAccount', 'toAccount', 'toBank', 'amount', 'at', 'channel'],
    ['fromAccount', 'toAccount', 'toBank', 'amount', 'at'],
  ]);
}
