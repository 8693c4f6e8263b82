import { Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseStatus, CaseSummaryDto } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { fraudTypeLabel } from '../shared/labels.ts';
import { yuan } from '../shared/money.ts';
import { CaseStatusTag } from '../shared/tags.tsx';
import { PAGE_SIZES } from './list-params.ts';
import { StopCounts } from './stop-counts.tsx';

export interface CaseListProps {
  rows: CaseSummaryDto[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

export function CaseTable({ rows, total, page, pageSize, loading, onPage }: CaseListProps) {
  const t = useT();
  const navigate = useNavigate();
  const columns: TableColumnsType<CaseSummaryDto> = [
    {
      key: 'caseNo',
      title: t('cases.field.caseNo'),
      render: (_v, c) => (
        <Link to={`/cases/${c.id}`} onClick={(e) => e.stopPropagation()} className="fz-cs-no" data-testid={`case-open-${c.id}`}>
          {c.caseNo}
        </Link>
      ),
    },
    { key: 'reportedAt', title: t('cases.field.reportedAt'), dataIndex: 'reportedAt', render: (v: string) => formatDateTime(v) },
    { key: 'unit', title: t('cases.field.unit'), dataIndex: 'orgName' },
    { key: 'fraudType', title: t('cases.field.fraudType'), dataIndex: 'fraudType', render: (v: string | null) => (v ? fraudTypeLabel(t, v) : <Typography.Text type="secondary">{t('cases.fraud.unclassified')}</Typography.Text>) },
    { key: 'loss', title: t('cases.field.loss'), dataIndex: 'lossAmount', align: 'right', render: (v: string) => <span className="fz-cs-amount">{yuan(v)}</span> },
    { key: 'victim', title: t('cases.field.victim'), dataIndex: 'victimName', render: (v: string | null) => v ?? t('common.none') },
    { key: 'stops', title: t('cases.field.stops'), render: (_v, c) => <StopCounts c={c} /> },
    { key: 'status', title: t('cases.field.status'), dataIndex: 'status', fixed: 'end', render: (v: CaseStatus) => <CaseStatusTag status={v} /> },
  ];
  return (
    <Table<CaseSummaryDto>
      data-testid="case-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      className="fz-nowrap-table fz-cs-table"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('cases.list.empty') }}
      onRow={(c) => ({ onClick: () => void navigate(`/cases/${c.id}`), 'data-testid': `case-row-${c.id}` })}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [...PAGE_SIZES],
        showTotal: (n) => t('common.total', { n }),
        onChange: onPage,
      }}
    />
  );
}
