import { Typography } from 'antd';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDuration } from './duration.ts';
import { useNow } from './use-now.ts';

/** Time left to the feedback deadline, ticking; past it, how long overdue, in red. */
export function Countdown({ dueAt, closed, overdue }: { dueAt: string; closed: boolean; overdue: boolean }) {
  const t = useT();
  const now = useNow();
  if (closed) return <Typography.Text type="secondary">{t('warnings.countdown.closed')}</Typography.Text>;
  const left = new Date(dueAt).getTime() - now;
  if (left <= 0 || overdue) {
    return (
      <Typography.Text type="danger" strong className="fz-nowrap" data-countdown="overdue">
        {t('warnings.countdown.overdue', { time: formatDuration(t, Math.min(left, 0)) })}
      </Typography.Text>
    );
  }
  // The last hour is when a unit must act: amber, so it stands out before it turns red.
  return (
    <Typography.Text type={left < 3_600_000 ? 'warning' : undefined} className="fz-nowrap" data-countdown="left">
      {t('warnings.countdown.left', { time: formatDuration(t, left) })}
    </Typography.Text>
  );
}
