import { addDays, isDate, localDay } from '../../lib/periods.ts';
import { invalid } from '../../server/errors.ts';

/** A span of whole China-time days, first and last included. */
export interface Days {
  firstDay: string;
  lastDay: string;
}

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
function addMonths(day: string, n: number): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, mo - 1 + n, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  return `${t.toISOString().slice(0, 8)}${String(Math.min(d, last)).padStart(2, '0')}`;
}
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * The period asked for: `from` (first day) and `to` (exclusive), as dates; by default the year so far
 * (1 January to today). A period ending in the future ends today.
 */
export function periodOf(now: Date, q: { from?: string | undefined; to?: string | undefined }): Days {
  const today = localDay(now);
  for (const k of ['from', 'to'] as const) if (q[k] !== undefined && !isDate(q[k] ?? '')) throw invalid(`query.${k}`, 'a date YYYY-MM-DD');
  const lastDay = q.to ? (addDays(q.to, -1) < today ? addDays(q.to, -1) : today) : today;
  const firstDay = q.from ?? `${today.slice(0, 4)}-01-01`;
  if (firstDay > lastDay) throw invalid('query.from', 'must be before to, and not in the future');
  return { firstDay, lastDay };
}

/** The same days one year earlier (同比); 29 February becomes the 28th. */
export function lastYearOf(p: Days): Days {
  return { firstDay: addMonths(p.firstDay, -12), lastDay: addMonths(p.lastDay, -12) };
}

/**
 * The span just before (环比): the previous whole months when the period starts on a month's first day
 * (a month to date compares with the same days of the month before), else as many days right before.
 */
export function previousOf(p: Days): Days {
  if (p.firstDay.endsWith('-01')) {
    const months = (Number(p.lastDay.slice(0, 4)) - Number(p.firstDay.slice(0, 4))) * 12 + Number(p.lastDay.slice(5, 7)) - Number(p.firstDay.slice(5, 7)) + 1;
    // A period ending on a month's last day compares with whole months.
    const endsMonth = addDays(p.lastDay, 1).endsWith('-01');
    return { firstDay: addMonths(p.firstDay, -months), lastDay: endsMonth ? addDays(addMonths(addDays(p.lastDay, 1), -months), -1) : addMonths(p.lastDay, -months) };
  }
  const n = daysBetween(p.firstDay, p.lastDay) + 1;
  return { firstDay: addDays(p.firstDay, -n), lastDay: addDays(p.firstDay, -1) };
}

/** The twelve months ending with the period's last month, as YYYY-MM, and their first and last days. */
export function trendMonths(p: Days): { months: string[]; span: Days } {
  const first = addMonths(monthStart(p.lastDay), -11);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(first, i).slice(0, 7));
  return { months, span: { firstDay: first, lastDay: p.lastDay } };
}
