import { Tooltip, Typography } from 'antd';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { formatDuration } from '../../warnings/shared/duration.ts';
import { useNow } from '../../warnings/shared/use-now.ts';

/** Renew or freeze before this: amber in the last 6 hours (when the server warns the unit), red once lapsed. */
const WARN_MS = 6 * 3_600_000;

/** Time left on a stop in force, ticking on the server's clock. */
export function ExpiryCountdown({ expiresAt }: { expiresAt: string }) {
  const t = useT();
  const now = useNow();
  const left = new Date(expiresAt).getTime() - now;
  return (
    <Tooltip title={t('cases.stops.expiresAt', { at: formatDateTime(expiresAt) })}>
      {left <= 0 ? (
        <Typography.Text type="danger" strong className="fz-nowrap" data-countdown="lapsed">
          {t('cases.stops.lapsed')}
        </Typography.Text>
      ) : (
        <Typography.Text type={left < WARN_MS ? 'warning' : undefined} className="fz-nowrap" data-countdown="left">
          {t('cases.stops.left', { time: formatDuration(t, left) })}
        </Typography.Text>
      )}
    </Tooltip>
  );
}
