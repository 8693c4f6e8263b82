import { Tooltip, Typography } from 'antd';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { formatDuration } from '../../warnings/shared/duration.ts';
import { useNow } from '../../warnings/shared/use-now.ts';

/** The last three days of a verification period: amber, before it turns red. */
const WARN_MS = 3 * 86_400_000;

/**
 * Time left to a deadline, ticking on the server's clock; past it, how long overdue, in red. A closed item
 * shows when it closed instead. `tip` names the deadline in the tooltip (a verification's by default).
 */
export function Deadline({ dueAt, overdue, closedAt, testId, tip }: { dueAt: string; overdue: boolean; closedAt?: string | null | undefined; testId?: string; tip?: string }) {
  const t = useT();
  const now = useNow();
  if (closedAt) {
    return (
      <Typography.Text type="secondary" className="fz-nowrap" data-countdown="closed">
        {t('cards.deadline.closed', { at: formatDateTime(closedAt) })}
      </Typography.Text>
    );
  }
  const left = new Date(dueAt).getTime() - now;
  return (
    <Tooltip title={tip ?? t('cards.deadline.dueAt', { at: formatDateTime(dueAt) })}>
      {left <= 0 || overdue ? (
        <Typography.Text type="danger" strong className="fz-nowrap" data-countdown="overdue" data-testid={testId}>
          {t('cards.deadline.overdue', { time: formatDuration(t, Math.min(left, 0)) })}
        </Typography.Text>
      ) : (
        <Typography.Text type={left < WARN_MS ? 'warning' : undefined} className="fz-nowrap" data-countdown="left" data-testid={testId}>
          {t('cards.deadline.left', { time: formatDuration(t, left) })}
        </Typography.Text>
      )}
    </Tooltip>
  );
}
