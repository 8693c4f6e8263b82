import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { en } from './en.ts';
import { zh, type MessageKey } from './zh.ts';

export type Lang = 'zh' | 'en';
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const STORAGE_KEY = 'fanzha.lang';
const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { zh, en };

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    // Storage can be disabled (private mode, policy); Chinese is the default then.
    return 'zh';
  }
}

let current: Lang = readStoredLang();
applyLang(current);

/** The language in force, for code outside React (the API client's error messages). */
export function currentLang(): Lang {
  return current;
}

export function storeLang(lang: Lang): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted; the choice still holds for this page load.
  }
  applyLang(lang);
}

function applyLang(lang: Lang): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = CATALOGUES[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
