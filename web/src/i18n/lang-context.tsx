import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { currentLang, storeLang, translate, type Lang, type Translate } from './lang.ts';

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangState | null>(null);

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  const state = useContext(LangContext);
  if (!state) throw new Error('useLang outside LangProvider');
  return state;
}

/** The translate function of the chosen language; components re-render when the language changes. */
export function useT(): Translate {
  const { lang } = useLang();
  return useCallback<Translate>((key, vars) => translate(lang, key, vars), [lang]);
}
