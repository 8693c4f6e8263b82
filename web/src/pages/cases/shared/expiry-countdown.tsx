import { Tooltip, Typography } from 'antd';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { formatDuration } from '../../warnings/shared/duration.ts';
import { useNow } from '../../warnings/shared/use-now.ts';
import { useMoneySettings } from './use-money-settings.ts';

/**
 * Time left on a stop in force, ticking on the server's clock: amber from when the server warns the unit
 * (money settings, 6 h before by default), red once lapsed. A freeze passes its own warning window.
 */
export function ExpiryCountdown({ expiresAt, warnMs }: { expiresAt: string; warnMs?: number }) {
  const t = useT();
  const now = useNow();
  const settings = useMoneySettings();
  const warn = warnMs ?? settings.warnBeforeHours * 3_600_000;
  const left = new Date(expiresAt).getTime() - now;
  return (
    <Tooltip title={t('cases.stops.expiresAt', { at: formatDateTime(expiresAt) })}>
      {left <= 0 ? (
        <Typography.Text type="danger" strong className="fz-nowrap" data-countdown="lapsed">
          {t('cases.stops.lapsed')}
        </Typography.Text>
      ) : (
        <Typography.Text type={left < warn ? 'warning' : undefined} className="fz-nowrap" data-countdown="left">
          {t('cases.stops.left', { time: formatDuration(t, left) })}
        </Typography.Text>
      )}
    </Tooltip>
  );
}
