import { useCallback } from 'react';
import { useLang } from '../../../i18n/lang-context.tsx';
import type { Lang, Vars } from '../../../i18n/lang.ts';
import { STATS_EN } from './stats-en.ts';
import { STATS_ZH, type StatsKey } from './stats-zh.ts';

export type StatsT = (key: StatsKey, vars?: Vars) => string;

const CATALOGUES: Record<Lang, Record<StatsKey, string>> = { zh: STATS_ZH, en: STATS_EN };

export function translateStats(lang: Lang, key: StatsKey, vars?: Vars): string {
  const text = CATALOGUES[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * The module's own catalogue, in the language chosen in the header. It works like useT(); the keys are
 * kept apart from web/src/i18n/zh.ts (which this module does not edit) and can be spread into it later.
 */
export function useStatsT(): StatsT {
  const { lang } = useLang();
  return useCallback<StatsT>((key, vars) => translateStats(lang, key, vars), [lang]);
}
