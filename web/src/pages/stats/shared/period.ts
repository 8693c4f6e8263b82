import { serverNow } from '../../../lib/server-time.ts';

/**
 * The dashboard's period as it sits in the address, so a view can be shared or bookmarked:
 *   ?period=2026        a year        ?period=2026-Q3   a quarter
 *   ?period=2026-10     a month       ?from=2026-10-01&to=2026-10-15   custom days, both included
 * With none of them the period is the year so far (本年). Days are China-time dates, as the server counts.
 */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year', 'custom'];

export interface PeriodSel {
  kind: PeriodKind;
  /** First day and last day (included), YYYY-MM-DD. */
  first: string;
  last: string;
  /** True when nothing was asked for: the year so far. */
  isDefault: boolean;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

/** Today in China time (UTC+8) on the server's clock: the day the server's statistics end on. */
export function chinaToday(now: number = serverNow()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');
function lastDayOfMonth(y: number, m: number): string {
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}
function isRealDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function monthSel(y: number, m: number): PeriodSel {
  return { kind: 'month', first: `${y}-${pad(m)}-01`, last: lastDayOfMonth(y, m), isDefault: false };
}
export function quarterSel(y: number, q: number): PeriodSel {
  return { kind: 'quarter', first: `${y}-${pad(q * 3 - 2)}-01`, last: lastDayOfMonth(y, q * 3), isDefault: false };
}
export function yearSel(y: number): PeriodSel {
  return { kind: 'year', first: `${y}-01-01`, last: `${y}-12-31`, isDefault: false };
}

export function defaultPeriod(today: string): PeriodSel {
  return { ...yearSel(Number(today.slice(0, 4))), isDefault: true };
}

/** The period the address asks for; anything malformed or starting in the future falls back to the year so far. */
export function readPeriod(p: URLSearchParams, today: string): PeriodSel {
  const period = p.get('period') ?? '';
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  let sel: PeriodSel | null = null;
  let m: RegExpExecArray | null;
  if ((m = MONTH.exec(period))) sel = monthSel(Number(m[1]), Number(m[2]));
  else if ((m = QUARTER.exec(period))) sel = quarterSel(Number(m[1]), Number(m[2]));
  else if ((m = YEAR.exec(period))) sel = yearSel(Number(m[1]));
  else if (isRealDay(from) && isRealDay(to) && from <= to) sel = { kind: 'custom', first: from, last: to, isDefault: false };
  if (!sel || sel.first > today || sel.first < '2000-01-01') return defaultPeriod(today);
  return sel;
}

/** The address's parameters for a period (none for the default). */
export function periodParams(sel: PeriodSel): Record<string, string> {
  if (sel.isDefault) return {};
  const y = sel.first.slice(0, 4);
  switch (sel.kind) {
    case 'month':
      return { period: sel.first.slice(0, 7) };
    case 'quarter':
      return { period: `${y}-Q${Math.floor((Number(sel.first.slice(5, 7)) - 1) / 3) + 1}` };
    case 'year':
      return { period: y };
    case 'custom':
      return { from: sel.first, to: sel.last };
  }
}

/** The day after `day`. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The API's from (first day) and to (exclusive); the server ends a period reaching past today today. */
export function apiRange(sel: PeriodSel): { from: string; to: string } {
  return { from: sel.first, to: nextDay(sel.last) };
}

/** The period of the same kind that contains today: what a click on 月/季度/年 starts from. */
export function currentOf(kind: PeriodKind, today: string, current: PeriodSel): PeriodSel {
  const y = Number(today.slice(0, 4));
  const mo = Number(today.slice(5, 7));
  // Switching kind keeps the chosen year when it is a past one (a past year's month starts in December).
  const sameYear = current.first.slice(0, 4) === today.slice(0, 4);
  const cy = Number(current.first.slice(0, 4));
  switch (kind) {
    case 'month':
      return sameYear ? monthSel(y, mo) : monthSel(cy, 12);
    case 'quarter':
      return sameYear ? quarterSel(y, Math.floor((mo - 1) / 3) + 1) : quarterSel(cy, 4);
    case 'year':
      return sameYear ? defaultPeriod(today) : yearSel(cy);
    case 'custom':
      return { kind: 'custom', first: current.first, last: current.last < today ? current.last : today, isDefault: false };
  }
}
