import type { Translate } from '../../../i18n/lang.ts';

/** "3小时12分" style: days and hours far off, hours and minutes within a day, then minutes and seconds. */
export function formatDuration(t: Translate, ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return t('warnings.duration.dh', { d, h });
  if (h > 0) return t('warnings.duration.hm', { h, m });
  return t('warnings.duration.ms', { m, s });
}

/** A deadline in minutes as the settings show it: whole hours when it is a whole number of hours. */
export function formatMinutes(t: Translate, minutes: number): string {
  return minutes % 60 === 0 ? t('warnings.settings.hoursShort', { n: minutes / 60 }) : t('warnings.settings.minutes', { n: minutes });
}
