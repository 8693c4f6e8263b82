import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import { useMemo, useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { AuthBridge } from './auth/auth-bridge.tsx';
import { LangProvider, useLang } from './i18n/lang-context.tsx';
import { createQueryClient } from './lib/query-client.ts';
import { useReducedMotion } from './lib/use-media-query.ts';
import { AppRoutes } from './routes.tsx';

// antd's locale files are ES modules at runtime, but their typings are read as CommonJS under
// NodeNext, which types the default import as the module object. Accept either shape.
function esmDefault<T>(mod: T | { default: T }): T {
  return typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : mod;
}
const LOCALES: Record<'zh' | 'en', Locale> = {
  zh: esmDefault<Locale>(zhCNModule),
  en: esmDefault<Locale>(enUSModule),
};

const THEME: ThemeConfig = {
  token: { colorPrimary: '#1d4ed8', borderRadius: 6, fontSize: 14 },
  components: { Layout: { headerBg: '#ffffff', headerPadding: '0 20px', headerHeight: 56, bodyBg: '#f3f5f9' } },
};

function Themed() {
  const { lang } = useLang();
  const [queryClient] = useState(createQueryClient);
  // Reduced motion (an accessibility setting of the system) turns antd's animations off.
  const reduced = useReducedMotion();
  const theme = useMemo<ThemeConfig>(() => (reduced ? { ...THEME, token: { ...THEME.token, motion: false } } : THEME), [reduced]);
  return (
    <ConfigProvider locale={LOCALES[lang]} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthBridge />
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <LangProvider>
      <Themed />
    </LangProvider>
  );
}
