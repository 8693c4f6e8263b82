/**
 * The partner contract's NDJSON line ⇄ `Tx`, hand-written for speed (the feed runs at 200,000+ lines a second;
 * a schema library costs several times JSON.parse itself). Pure, no I/O.
 *
 * Line: `{"txId","at","fromAccount","fromBank","toAccount","toBank","amount","channel"}` plus optional
 * `fromName`/`toName` (ignored here: `Tx` carries no names). `at` is ISO 8601 with an offset (`+08:00`, or `Z`),
 * `amount` a decimal string in yuan with at most two decimals.
 *
 * `parseContractLine` collects every field's error rather than stopping at the first, so a partner sees all that
 * is wrong with a line at once. Unknown fields are ignored (the contract may grow).
 */
import type { Channel, Tx } from './types.ts';
import { CHANNELS } from './types.ts';

export interface FieldError {
  path: string;
  message: string;
}
export type ParseResult = Tx | { errors: FieldError[] };

export const MAX_ID_LENGTH = 64;
/** 1e12 yuan in fen: the largest accepted amount. */
export const MAX_AMOUNT_FEN = 100_000_000_000_000;

const CHINA_OFFSET_MS = 8 * 3_600_000;

export function isParseError(r: ParseResult): r is { errors: FieldError[] } {
  return (r as { errors?: unknown }).errors !== undefined;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
const DAY_MS = 86_400_000;
const LAST_DAY_9999 = 2_932_896; // days from 1970-01-01 to 9999-12-31
let cachedDay = NaN;
let cachedDayPrefix = '';

/** `at` as ISO 8601 in China time: "2025-03-01T09:30:05+08:00" (milliseconds only when not zero). */
export function isoChina(at: number): string {
  const local = at + CHINA_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  if (day < 0 || day > LAST_DAY_9999) {
    const s = new Date(local).toISOString();
    return at % 1000 === 0 ? `${s.slice(0, -5)}+08:00` : `${s.slice(0, -1)}+08:00`;
  }
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11); // "2025-03-01T"
  }
  let rest = local - day * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const sec = Math.floor(rest / 1000);
  const ms = rest - sec * 1000;
  const hms = `${cachedDayPrefix}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[sec]}`;
  return ms === 0 ? `${hms}+08:00` : `${hms}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}+08:00`;
}

/** Integer fen → "1234.50". */
export function fenToYuan(fen: number): string {
  const frac = fen % 100;
  return `${(fen - frac) / 100}.${frac < 10 ? '0' : ''}${frac}`;
}

/** A JSON string literal: quoted as is unless JSON.stringify would escape something (controls, quote, backslash, surrogates). */
function jsonString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return `"${s}"`;
}

/** One NDJSON line (no trailing newline) in the partner contract format; byte for byte what JSON.stringify gives. */
export function txToContractLine(tx: Tx): string {
  return (
    `{"txId":${jsonString(tx.txId)},"at":"${isoChina(tx.at)}","fromAccount":${jsonString(tx.from)},"fromBank":${jsonString(tx.fromBank)},` +
    `"toAccount":${jsonString(tx.to)},"toBank":${jsonString(tx.toBank)},"amount":"${fenToYuan(tx.amount)}","channel":${jsonString(tx.channel)}}`
  );
}

const CHANNEL_SET: ReadonlySet<string> = new Set(CHANNELS);

function idField(o: Record<string, unknown>, path: string, errors: FieldError[], max: number): string {
  const v = o[path];
  if (typeof v !== 'string') errors.push({ path, message: v === undefined ? 'required' : 'must be a string' });
  else if (v.length === 0) errors.push({ path, message: 'must not be empty' });
  else if (v.length > max) errors.push({ path, message: `at most ${max} characters` });
  else return v;
  return '';
}

/**
 * Decimal yuan → integer fen, digit by digit (no float arithmetic, so "0.1" is exactly 10 and "1234.56" exactly
 * 123456). Returns -1 when the string is not `digits[.d[d]]`, -2 when above 1e12 yuan, 0 when zero.
 */
export function parseYuan(s: string): number {
  const n = s.length;
  let yuan = 0;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) break;
    if (c < 48 || c > 57) return -1;
    if (yuan <= 1e12) yuan = yuan * 10 + (c - 48); // stops growing once too large, still checks the digits
  }
  if (i === 0) return -1;
  let fen = 0;
  if (i < n) {
    const fracDigits = n - i - 1;
    if (fracDigits < 1 || fracDigits > 2) return -1;
    const d1 = s.charCodeAt(i + 1) - 48;
    if (d1 < 0 || d1 > 9) return -1;
    fen = d1 * 10;
    if (fracDigits === 2) {
      const d2 = s.charCodeAt(i + 2) - 48;
      if (d2 < 0 || d2 > 9) return -1;
      fen += d2;
    }
  }
  if (yuan > 1e12) return -2;
  fen += yuan * 100;
  return fen > MAX_AMOUNT_FEN ? -2 : fen;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Strict ISO 8601 date-time with an offset → epoch ms, or NaN. `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`;
 * a fraction beyond milliseconds is truncated. A time without an offset is refused: it would be ambiguous.
 */
export function parseIsoWithOffset(s: string): number {
  const n = s.length;
  if (n < 20 || n > 40) return NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return NaN;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const sec = digits(s, 17, 2);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 && leap ? 29 : (DAYS_IN_MONTH[mo - 1] ?? 0))) return NaN;
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    i++;
    let k = 0;
    for (; i < n; i++, k++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      if (k < 3) ms = ms * 10 + c;
    }
    if (k === 0 || k > 9) return NaN;
    if (k === 1) ms *= 100;
    else if (k === 2) ms *= 10;
  }
  let offsetMin = 0;
  const z = s.charCodeAt(i);
  if (z === 90 /* Z */) {
    if (i + 1 !== n) return NaN;
  } else if (z === 43 || z === 45) {
    if (i + 6 !== n || s.charCodeAt(i + 3) !== 58) return NaN;
    const oh = digits(s, i + 1, 2);
    const om = digits(s, i + 4, 2);
    if (oh < 0 || oh > 14 || om < 0 || om > 59) return NaN;
    offsetMin = (oh * 60 + om) * (z === 45 ? -1 : 1);
  } else return NaN;
  return Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offsetMin * 60_000;
}

/** Validates one contract line and converts it; every problem found is reported with its field. */
export function parseContractLine(line: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { errors: [{ path: '', message: 'not valid JSON' }] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { errors: [{ path: '', message: 'must be a JSON object' }] };
  const o = raw as Record<string, unknown>;
  const errors: FieldError[] = [];

  const txId = idField(o, 'txId', errors, MAX_ID_LENGTH);

  let at = NaN;
  const atRaw = o.at;
  if (typeof atRaw !== 'string') errors.push({ path: 'at', message: atRaw === undefined ? 'required' : 'must be an ISO 8601 string' });
  else {
    at = parseIsoWithOffset(atRaw);
    if (Number.isNaN(at)) errors.push({ path: 'at', message: 'must be ISO 8601 with an offset, e.g. 2025-03-01T09:30:00+08:00' });
  }

  const from = idField(o, 'fromAccount', errors, MAX_ID_LENGTH);
  const fromBank = idField(o, 'fromBank', errors, Infinity);
  const to = idField(o, 'toAccount', errors, MAX_ID_LENGTH);
  const toBank = idField(o, 'toBank', errors, Infinity);

  let amount = 0;
  const amountRaw = o.amount;
  if (typeof amountRaw !== 'string') errors.push({ path: 'amount', message: amountRaw === undefined ? 'required' : 'must be a decimal string in yuan, e.g. "1234.50"' });
  else {
    amount = parseYuan(amountRaw);
    if (amount === -1) errors.push({ path: 'amount', message: 'must be digits with at most 2 decimals, e.g. "1234.50"' });
    else if (amount === -2) errors.push({ path: 'amount', message: 'must not exceed 1000000000000 yuan' });
    else if (amount === 0) errors.push({ path: 'amount', message: 'must be positive' });
  }

  const channel = o.channel;
  if (typeof channel !== 'string' || !CHANNEL_SET.has(channel)) {
    errors.push({ path: 'channel', message: channel === undefined ? 'required' : `must be one of ${CHANNELS.join(', ')}` });
  }

  if (errors.length) return { errors };
  return { txId, at, from, fromBank, to, toBank, amount, channel: channel as Channel };
}
