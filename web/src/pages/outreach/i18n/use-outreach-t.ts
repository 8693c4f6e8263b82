import { useCallback } from 'react';
import { useLang } from '../../../i18n/lang-context.tsx';
import type { Lang, Vars } from '../../../i18n/lang.ts';
import { OUTREACH_EN } from './outreach-en.ts';
import { OUTREACH_ZH, type OutreachKey } from './outreach-zh.ts';

export type OutreachT = (key: OutreachKey, vars?: Vars) => string;

const CATALOGUES: Record<Lang, Record<OutreachKey, string>> = { zh: OUTREACH_ZH, en: OUTREACH_EN };

export function translateOutreach(lang: Lang, key: OutreachKey, vars?: Vars): string {
  const text = CATALOGUES[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * The module's own catalogue, in the language chosen in the header. It works like useT(); the keys are
 * kept apart from web/src/i18n/zh.ts (which this module does not edit) and can be spread into it later.
 */
export function useOutreachT(): OutreachT {
  const { lang } = useLang();
  return useCallback<OutreachT>((key, vars) => translateOutreach(lang, key, vars), [lang]);
}
