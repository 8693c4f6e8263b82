import { FormOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { BankRequestDto } from '../../api/funds.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { AccountText } from '../cases/shared/account-text.tsx';
import { ExpiryCountdown } from '../cases/shared/expiry-countdown.tsx';
import { yuan } from '../cases/shared/money.ts';
import { rowAttrs } from '../cases/shared/row-attrs.ts';
import { StopStatusTag } from '../cases/shared/tags.tsx';
import { CaseNo, VictimTransfers, Waiting } from './request-cells.tsx';

export interface RequestListProps {
  rows: BankRequestDto[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  fresh: ReadonlySet<number>;
  /** The caller is the bank the requests are addressed to. */
  bank: boolean;
  /** Show the answer's columns (result, amounts, expiry). */
  answered: boolean;
  onPage: (page: number) => void;
  onAnswer?: ((r: BankRequestDto) => void) | undefined;
}

export function RequestTable({ rows, total, page, pageSize, loading, fresh, bank, answered, onPage, onAnswer }: RequestListProps) {
  const t = useT();
  const columns: TableColumnsType<BankRequestDto> = [
    {
      key: 'requested',
      title: t('funds.field.requestedAt'),
      render: (_v, r) => (
        <div className="fz-cs-stack">
          <span className="fz-nowrap">
            {formatDateTime(r.requestedAt)}
            {fresh.has(r.id) && (
              <Tag color="magenta" className="fz-cs-inline-tag">
                {t('funds.new')}
              </Tag>
            )}
          </span>
          {r.status === 'pending' && <Waiting since={r.requestedAt} />}
        </div>
      ),
    },
    { key: 'case', title: t('funds.field.caseNo'), render: (_v, r) => <CaseNo r={r} bank={bank} /> },
    {
      key: 'account',
      title: t('funds.field.account'),
      render: (_v, r) => (
        <div className="fz-cs-stack">
          <AccountText account={r.account} strong />
          <Typography.Text type="secondary">{r.accountName ? t('funds.field.holder', { name: r.accountName }) : t('cases.stops.noName')}</Typography.Text>
        </div>
      ),
    },
    ...(bank ? [] : [{ key: 'bank', title: t('cases.stops.bank'), render: (_v: unknown, r: BankRequestDto) => r.bank }]),
    { key: 'amount', title: t('funds.field.amount'), align: 'right', render: (_v, r) => <Typography.Text strong className="fz-cs-amount">{yuan(r.amount)}</Typography.Text> },
    { key: 'transfers', title: t('funds.field.transfers'), render: (_v, r) => <VictimTransfers r={r} /> },
    { key: 'status', title: t('cases.stops.status'), render: (_v, r) => <StopStatusTag status={r.status} /> },
    ...(answered
      ? [
          {
            key: 'result',
            title: t('cases.stops.result'),
            render: (_v: unknown, r: BankRequestDto) => (
              <div className="fz-cs-stack">
                {r.stoppedAmount !== null && <Typography.Text type="success">{t('cases.stops.stoppedAmount', { amount: yuan(r.stoppedAmount) })}</Typography.Text>}
                {r.balance !== null && <Typography.Text type="secondary">{t('cases.stops.balance', { amount: yuan(r.balance) })}</Typography.Text>}
                {r.respondedAt && (
                  <Typography.Text type="secondary" className="fz-small">
                    {t('cases.stops.respondedAt', { at: formatDateTime(r.respondedAt) })}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          {
            key: 'expires',
            title: t('cases.stops.expires'),
            render: (_v: unknown, r: BankRequestDto) => (r.status === 'stopped' && r.expiresAt ? <ExpiryCountdown expiresAt={r.expiresAt} /> : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>),
          },
        ]
      : []),
    ...(onAnswer
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: 'end' as const,
            render: (_v: unknown, r: BankRequestDto) =>
              r.status === 'pending' ? (
                <Button type="primary" size="small" icon={<FormOutlined />} onClick={() => onAnswer(r)} data-testid={`request-answer-${r.id}`}>
                  {t('funds.answer.button')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Table<BankRequestDto>
      data-testid="request-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      className="fz-nowrap-table fz-fd-table"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t(bank && !answered ? 'funds.emptyPending' : 'funds.empty') }}
      rowClassName={(r) => (fresh.has(r.id) ? 'fz-cs-fresh' : '')}
      onRow={(r) => rowAttrs({ 'data-testid': `request-row-${r.id}`, 'data-case-no': r.caseNo, 'data-status': r.status })}
      pagination={{ current: page, pageSize, total, showSizeChanger: false, showTotal: (n) => t('common.total', { n }), onChange: onPage }}
    />
  );
}
