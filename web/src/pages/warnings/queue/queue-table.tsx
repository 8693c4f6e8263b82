import { SendOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { WarningSummaryDto } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { Countdown } from '../shared/countdown.tsx';
import { LevelTag } from '../shared/tags.tsx';
import { StatusFlags } from './row-flags.tsx';
import { VictimCell } from './victim-cell.tsx';

export interface QueueListProps {
  rows: WarningSummaryDto[];
  total: number;
  /** More items match than the server counts; `total` is the cap. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  loading: boolean;
  fresh: ReadonlySet<number>;
  onPage: (page: number, pageSize: number) => void;
  /** Set when the caller may send warnings on (triage, re-assignment). */
  onDispatch?: ((w: WarningSummaryDto) => void) | undefined;
}

export const canDispatchRow = (w: WarningSummaryDto) => w.status === 'received' || w.status === 'dispatched';

export function QueueTable({ rows, total, totalCapped, page, pageSize, loading, fresh, onPage, onDispatch }: QueueListProps) {
  const t = useT();
  const navigate = useNavigate();
  const columns: TableColumnsType<WarningSummaryDto> = [
    {
      key: 'level',
      title: t('warnings.field.level'),
      render: (_v, w) => (
        <Space size={4}>
          <LevelTag level={w.level} />
          {fresh.has(w.id) && <Tag color="magenta">{t('warnings.queue.new')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'due',
      title: t('warnings.field.due'),
      render: (_v, w) => (
        <div className="fz-wn-due">
          <Countdown dueAt={w.dueAt} overdue={w.overdue} closed={w.status === 'closed'} />
          <Typography.Text type="secondary" className="fz-small">
            {formatDateTime(w.dueAt)}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'status', title: t('warnings.field.status'), render: (_v, w) => <StatusFlags w={w} /> },
    { key: 'victim', title: t('warnings.field.victim'), render: (_v, w) => <VictimCell w={w} /> },
    { key: 'fraudType', title: t('warnings.field.fraudType'), dataIndex: 'fraudType', render: (v: string | null) => v ?? t('common.none') },
    { key: 'unit', title: t('warnings.field.unit'), dataIndex: 'assignedOrgName' },
    { key: 'received', title: t('warnings.field.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'end',
      render: (_v, w) => (
        // The row itself opens the warning; the buttons must not trigger that too.
        <Space size={0} onClick={(e) => e.stopPropagation()}>
          <Link to={`/warnings/${w.id}`} className="fz-wn-open" data-testid={`warning-open-${w.id}`}>
            {t('warnings.queue.open')}
          </Link>
          {onDispatch && canDispatchRow(w) && (
            <Button type="link" size="small" icon={<SendOutlined />} onClick={() => onDispatch(w)} data-testid={`warning-dispatch-${w.id}`}>
              {t('warnings.queue.dispatch')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<WarningSummaryDto>
      data-testid="warning-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      className="fz-nowrap-table fz-wn-table"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('warnings.queue.empty') }}
      rowClassName={(w) => (fresh.has(w.id) ? 'fz-wn-fresh' : '')}
      onRow={(w) => ({ onClick: () => void navigate(`/warnings/${w.id}`), 'data-testid': `warning-row-${w.id}` })}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (n) => (totalCapped ? t('common.totalAtLeast', { n }) : t('common.total', { n })),
        onChange: onPage,
      }}
    />
  );
}
