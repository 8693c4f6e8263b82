import { Tooltip, Typography } from 'antd';
import type { CaseSummaryDto } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';

/** "待 2 · 止 1 / 4": requests waiting for a bank, stops in force, all requests of the case. */
export function StopCounts({ c }: { c: CaseSummaryDto }) {
  const t = useT();
  const s = c.stopPayments;
  if (s.total === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Tooltip title={t('cases.list.stopsHint', { pending: s.pending, stopped: s.stopped, total: s.total })}>
      <span className="fz-cs-stops fz-nowrap" data-testid={`case-stops-${c.id}`} data-pending={s.pending} data-stopped={s.stopped}>
        <Typography.Text type={s.pending > 0 ? 'warning' : 'secondary'}>{t('cases.list.pendingN', { n: s.pending })}</Typography.Text>
        <span className="fz-cs-dot">·</span>
        <Typography.Text type={s.stopped > 0 ? 'success' : 'secondary'}>{t('cases.list.stoppedN', { n: s.stopped })}</Typography.Text>
        <Typography.Text type="secondary"> / {s.total}</Typography.Text>
      </span>
    </Tooltip>
  );
}
