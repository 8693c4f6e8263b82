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
