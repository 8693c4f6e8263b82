import { useCallback } from 'react';
import { useLang } from '../../../i18n/lang-context.tsx';
import type { Lang, Vars } from '../../../i18n/lang.ts';
import { LIAISON_EN } from './liaison-en.ts';
import { LIAISON_ZH, type LiaisonKey } from './liaison-zh.ts';

export type LiaisonT = (key: LiaisonKey, vars?: Vars) => string;

const CATALOGUES: Record<Lang, Record<LiaisonKey, string>> = { zh: LIAISON_ZH, en: LIAISON_EN };

export function translateLiaison(lang: Lang, key: LiaisonKey, vars?: Vars): string {
  const text = CATALOGUES[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The module's own catalogue in the language chosen in the header (like the 宣传 module's, kept apart from web/src/i18n/zh.ts). */
export function useLiaisonT(): LiaisonT {
  const { lang } = useLang();
  return useCallback<LiaisonT>((key, vars) => translateLiaison(lang, key, vars), [lang]);
}
