import { Segmented } from 'antd';
import { useLang, useT } from '../i18n/lang-context.tsx';
import type { Lang } from '../i18n/lang.ts';

export function LangSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <Segmented<Lang>
      size={size}
      aria-label={t('lang.switch')}
      data-testid="lang-switch"
      value={lang}
      onChange={setLang}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
