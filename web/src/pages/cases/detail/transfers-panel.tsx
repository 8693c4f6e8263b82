import { Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { CaseDetailDto } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { AccountText } from '../shared/account-text.tsx';
import { identifierLabel } from '../shared/labels.ts';
import { yuan } from '../shared/money.ts';

type Transfer = CaseDetailDto['transfers'][number];

/** The victim's payments as reported; the victim's own account stays masked until the reveal. */
export function TransfersPanel({ transfers }: { transfers: Transfer[] }) {
  const t = useT();
  const columns: TableColumnsType<Transfer> = [
    { key: 'at', title: t('cases.transfer.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
    {
      key: 'from',
      title: t('cases.transfer.from'),
      render: (_v, r) => (
        <div className="fz-cs-stack">
          <span className="fz-cs-account">{r.fromAccount}</span>
          <Typography.Text type="secondary" className="fz-small">
            {r.fromBank}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'to',
      title: t('cases.transfer.to'),
      render: (_v, r) => (
        <div className="fz-cs-stack">
          <AccountText account={r.toAccount} />
          <Typography.Text type="secondary" className="fz-small">
            {[r.toBank, r.toName].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'amount', title: t('cases.transfer.amount'), align: 'right', render: (_v, r) => <span className="fz-cs-amount">{yuan(r.amount)}</span> },
  ];
  return (
    <Table<Transfer>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={transfers}
      pagination={transfers.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      className="fz-nowrap-table"
      locale={{ emptyText: t('cases.transfer.none') }}
      data-testid="case-transfers"
    />
  );
}

export function IdentifiersPanel({ identifiers }: { identifiers: CaseDetailDto['identifiers'] }) {
  const t = useT();
  if (identifiers.length === 0) return <Empty description={t('cases.identifier.none')} />;
  return (
    <ul className="fz-cs-identifiers-list" data-testid="case-identifiers">
      {identifiers.map((i) => (
        <li key={`${i.kind}|${i.value}`} className="fz-cs-identifier">
          <Tag>{identifierLabel(t, i.kind)}</Tag>
          <Typography.Text copyable className="fz-break">
            {i.value}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
