import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Typography } from 'antd';
import { fetchWarningSettings } from '../../../api/warnings.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatMinutes } from '../shared/duration.ts';
import { SETTINGS_KEY } from '../shared/keys.ts';
import { SettingsForm } from './settings-form.tsx';

/** Deadlines per grade and the repeat window: a form for a city-level admin, a summary for everyone else. */
export function SettingsCard() {
  const me = useCurrentUser();
  const t = useT();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: fetchWarningSettings, staleTime: 5 * 60_000 });
  const editable = me.role === 'admin' && me.orgKind === 'city';
  const s = settings.data;
  return (
    <Card variant="borderless" size="small" title={t('warnings.settings.title')} loading={settings.isPending} data-testid="warning-settings">
      {s && editable && <SettingsForm value={s} />}
      {s && !editable && (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'emergency', label: t('warnings.level.emergency'), children: formatMinutes(t, s.deadlines.emergency) },
              { key: 'high', label: t('warnings.level.high'), children: formatMinutes(t, s.deadlines.high) },
              { key: 'normal', label: t('warnings.level.normal'), children: formatMinutes(t, s.deadlines.normal) },
              { key: 'repeat', label: t('warnings.settings.repeatWindowDays'), children: s.repeatWindowDays },
            ]}
          />
          {me.role === 'admin' && <Typography.Text type="secondary">{t('warnings.settings.cityOnly')}</Typography.Text>}
        </>
      )}
    </Card>
  );
}
