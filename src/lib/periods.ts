/** Report days begin at local midnight in China (UTC+8) unless configured otherwise. */
export const CHINA_OFFSET_MINUTES = 480;

export function startOfLocalDay(now: Date, offsetMinutes = CHINA_OFFSET_MINUTES): Date {
  const shifted = now.getTime() + offsetMinutes * 60_000;
  const dayStart = shifted - (((shifted % 86_400_000) + 86_400_000) % 86_400_000);
  return new Date(dayStart - offsetMinutes * 60_000);
}

/** The local calendar date as YYYYMMDD (case numbers, file names). */
export function localDateStamp(now: Date, offsetMinutes = CHINA_OFFSET_MINUTES): string {
  return new Date(now.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10).replaceAll('-', '');
}

/** The local calendar date as YYYY-MM-DD. */
export function localDay(at: Date, offsetMinutes = CHINA_OFFSET_MINUTES): string {
  return new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Local midnight at the start of a YYYY-MM-DD date. */
export function dayStart(day: string, offsetMinutes = CHINA_OFFSET_MINUTES): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - offsetMinutes * 60_000);
}

/** The YYYY-MM-DD date n days after (or before) another. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export const isDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * Spreadsheet times ("2026-11-08 09:05", "2026/11/8 9:05:30") are China time: made ISO with +08:00.
 * Anything else is returned trimmed, for the validator to judge.
 */
export function toIsoTime(v: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(v.trim());
  if (!m) return v.trim();
  const [, y, mo, d, h, mi, s] = m;
  const p = (x: string | undefined) => (x ?? '0').padStart(2, '0');
  return `${y}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}+08:00`;
}
