import { EyeOutlined } from '@ant-design/icons';
import { Button, Table, Typography, type TableColumnsType } from 'antd';
import type { AlertDto } from '../../../api/risk.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { AccountText } from '../../cases/shared/account-text.tsx';
import { rowAttrs } from '../../cases/shared/row-attrs.ts';
import { FirstReason, NewTag, ShadowTag } from './alert-cells.tsx';
import { score, typologyLabel } from './labels.ts';
import { AlertStatusTag, DecisionTag } from './tags.tsx';

export interface AlertListProps {
  rows: AlertDto[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  fresh: ReadonlySet<number>;
  /** The center sees every bank's alerts: which institution reported each. */
  showOrg: boolean;
  emptyText: string;
  onPage: (page: number) => void;
  onOpen: (a: AlertDto) => void;
}

export function AlertTable({ rows, total, page, pageSize, loading, fresh, showOrg, emptyText, onPage, onOpen }: AlertListProps) {
  const t = useT();
  const columns: TableColumnsType<AlertDto> = [
    {
      key: 'raised',
      title: t('risk.col.raisedAt'),
      render: (_v, a) => (
        <span className="fz-nowrap">
          {formatDateTime(a.raisedAt)}
          {fresh.has(a.id) && <NewTag />}
        </span>
      ),
    },
    {
      key: 'account',
      title: t('risk.col.account'),
      render: (_v, a) => (
        <div className="fz-cs-stack">
          <AccountText account={a.account} strong />
          <Typography.Text type="secondary" className="fz-small">
            {t('risk.col.bank')}：{a.bank}
          </Typography.Text>
        </div>
      ),
    },
    ...(showOrg ? [{ key: 'org', title: t('risk.col.org'), render: (_v: unknown, a: AlertDto) => a.orgName }] : []),
    {
      key: 'decision',
      title: t('risk.col.decision'),
      render: (_v, a) => (
        <span className="fz-nowrap">
          <DecisionTag decision={a.decision} />
          {a.shadow && <ShadowTag />}
        </span>
      ),
    },
    { key: 'score', title: t('risk.col.score'), align: 'right', render: (_v, a) => <Typography.Text strong>{score(a.score)}</Typography.Text> },
    { key: 'typology', title: t('risk.col.typology'), render: (_v, a) => typologyLabel(t, a.typology) },
    { key: 'reason', title: t('risk.col.reason'), render: (_v, a) => <FirstReason a={a} /> },
    { key: 'status', title: t('risk.col.status'), render: (_v, a) => <AlertStatusTag status={a.status} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'end',
      render: (_v, a) => (
        <Button size="small" icon={<EyeOutlined />} onClick={() => onOpen(a)} data-testid={`alert-open-${a.id}`}>
          {t('risk.open')}
        </Button>
      ),
    },
  ];
  return (
    <Table<AlertDto>
      data-testid="alert-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      className="fz-nowrap-table fz-fd-table fz-risk-table"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText }}
      rowClassName={(a) => (fresh.has(a.id) ? 'fz-cs-fresh' : '')}
      onRow={(a) => rowAttrs({ 'data-testid': `alert-row-${a.id}`, 'data-status': a.status, 'data-account': a.account, 'data-decision': a.decision })}
      pagination={{ current: page, pageSize, total, showSizeChanger: false, showTotal: (n) => t('common.total', { n }), onChange: onPage }}
    />
  );
}
