import { Card, Empty, Pagination, Spin, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n/lang-context.tsx';
import { Countdown } from '../shared/countdown.tsx';
import { LevelTag } from '../shared/tags.tsx';
import type { QueueListProps } from './queue-table.tsx';
import { StatusFlags } from './row-flags.tsx';
import { VictimCell } from './victim-cell.tsx';

/**
 * The queue on a phone: one tappable card per warning, the deadline in the first line. Dispatching is
 * on the warning's page there, to keep the cards short.
 */
export function QueueCards({ rows, total, page, pageSize, loading, fresh, onPage }: QueueListProps) {
  const t = useT();
  const navigate = useNavigate();
  if (!loading && rows.length === 0) return <Empty description={t('warnings.queue.empty')} data-testid="warning-cards" />;
  return (
    <Spin spinning={loading}>
      <div className="fz-wn-cards" data-testid="warning-cards">
        {rows.map((w) => (
          <Card
            key={w.id}
            size="small"
            hoverable
            className={fresh.has(w.id) ? 'fz-wn-card fz-wn-fresh' : 'fz-wn-card'}
            onClick={() => void navigate(`/warnings/${w.id}`)}
            data-testid={`warning-row-${w.id}`}
          >
            <div className="fz-wn-card-top">
              <span>
                <LevelTag level={w.level} />
                {fresh.has(w.id) && <Tag color="magenta">{t('warnings.queue.new')}</Tag>}
              </span>
              <Countdown dueAt={w.dueAt} overdue={w.overdue} closed={w.status === 'closed'} />
            </div>
            <div className="fz-wn-card-line">
              <VictimCell w={w} />
              <Typography.Text type="secondary">{w.fraudType ?? ''}</Typography.Text>
            </div>
            <div className="fz-wn-card-line">
              <StatusFlags w={w} />
              <Typography.Text type="secondary" ellipsis className="fz-wn-card-unit">
                {w.assignedOrgName}
              </Typography.Text>
            </div>
          </Card>
        ))}
        {total > pageSize && <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} className="fz-wn-pager" />}
      </div>
    </Spin>
  );
}
