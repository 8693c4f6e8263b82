import type { KpiUnit } from '../../../api/stats.ts';
import type { Lang } from '../../../i18n/lang.ts';
import { translateStats } from '../i18n/use-stats-t.ts';

/** From this amount on, money shows in 万元 (ten thousands of yuan). */
export const WAN_FROM = 100_000;

const grouped = (v: number, digits: number) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A KPI value as number and unit, apart, for a card: money in 元 or 万元, rates in %. */
export function valueParts(lang: Lang, unit: KpiUnit, v: number | null): { number: string; suffix: string } {
  if (v === null) return { number: translateStats(lang, 'stats.none'), suffix: '' };
  switch (unit) {
    case 'rate':
      return { number: grouped(v * 100, 2), suffix: '%' };
    case 'yuan':
      // Chinese reads large sums in 万元; English in millions.
      if (lang === 'en' && Math.abs(v) >= 1_000_000) return { number: grouped(v / 1_000_000, 2), suffix: translateStats(lang, 'stats.unit.million') };
      if (lang === 'zh' && Math.abs(v) >= WAN_FROM) return { number: grouped(v / 10_000, 2), suffix: translateStats(lang, 'stats.unit.wan') };
      return { number: grouped(v, Number.isInteger(v) ? 0 : 2), suffix: translateStats(lang, 'stats.unit.yuan') };
    case 'people':
      return { number: grouped(v, 0), suffix: translateStats(lang, 'stats.unit.people') };
    case 'count':
      return { number: grouped(v, 0), suffix: '' };
  }
}

/** A KPI value in one string, for tooltips. */
export function formatValue(lang: Lang, unit: KpiUnit, v: number | null): string {
  const { number, suffix } = valueParts(lang, unit, v);
  if (!suffix) return number;
  return suffix === '%' ? `${number}%` : `${number} ${suffix}`;
}

/** Money in 万元 with two decimals, for the heat table's money columns and the charts' axes. */
export function wan(v: number | null): string {
  return v === null ? '—' : grouped(v / 10_000, 2);
}

/** A rate as a percentage with two decimals. */
export function percent(v: number | null): string {
  return v === null ? '—' : `${grouped(v * 100, 2)}%`;
}

/** A share (0–1) as a percentage with one decimal. */
export function sharePercent(v: number): string {
  return `${grouped(v * 100, 1)}%`;
}

/** A heat-table cell: counts as they are, money in 万元, rates in %. */
export function cellText(unit: KpiUnit, v: number | null): string {
  if (v === null) return '—';
  if (unit === 'rate') return percent(v);
  if (unit === 'yuan') return wan(v);
  return grouped(v, 0);
}

export type Direction = 'up' | 'down' | 'flat' | 'none';

/**
 * A change against an earlier span: relative for counts and amounts (0.25 = +25 %), percentage points
 * for rates; null is nothing to compare with.
 */
export function changeText(lang: Lang, unit: KpiUnit, change: number | null): string {
  if (change === null) return translateStats(lang, 'stats.none');
  if (change === 0) return translateStats(lang, 'stats.flat');
  const sign = change > 0 ? '+' : '−';
  if (unit === 'rate') return translateStats(lang, 'stats.pp', { v: `${sign}${grouped(Math.abs(change), 2)}` });
  return `${sign}${grouped(Math.abs(change) * 100, 1)}%`;
}

export function directionOf(change: number | null): Direction {
  if (change === null) return 'none';
  return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}

/** Whether a change is the good way round for a KPI (null: no change or nothing to compare). */
export function isGood(better: 'up' | 'down', change: number | null): boolean | null {
  if (change === null || change === 0) return null;
  return change > 0 === (better === 'up');
}
