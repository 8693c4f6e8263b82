import { Descriptions, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { AuditEntryDto } from '../../../api/audit.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { actionLabel, targetLabel } from '../../../i18n/labels.ts';
import { formatDateTimeSeconds } from '../../../lib/format.ts';

interface Props {
  rows: AuditEntryDto[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

const FAILURE_ACTIONS = new Set(['auth.login_failed', 'auth.login_rate_limited']);

function EntryDetail({ entry }: { entry: AuditEntryDto }) {
  const t = useT();
  return (
    <div className="fz-audit-detail" data-testid={`audit-detail-${entry.id}`}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'requestId', label: t('audit.requestId'), children: <Typography.Text code>{entry.requestId ?? t('common.none')}</Typography.Text> },
          { key: 'ip', label: t('audit.ip'), children: entry.ip ?? t('common.none') },
          { key: 'hash', label: t('audit.hash'), span: 'filled', children: <Typography.Text code className="fz-break">{entry.hash}</Typography.Text> },
        ]}
      />
      <Typography.Text type="secondary">{t('audit.detail')}</Typography.Text>
      <pre className="fz-json">{JSON.stringify(entry.detail, null, 2)}</pre>
    </div>
  );
}

export function AuditTable({ rows, total, page, pageSize, loading, onPage }: Props) {
  const t = useT();
  const columns: TableColumnsType<AuditEntryDto> = [
    { key: 'id', title: '#', dataIndex: 'id', width: 72 },
    { key: 'at', title: t('audit.time'), dataIndex: 'at', width: 176, render: (_v, e) => formatDateTimeSeconds(e.at) },
    {
      key: 'actor',
      title: t('audit.actor'),
      dataIndex: 'actorName',
      render: (_v, e) => (
        <span>
          {e.actorName ?? t('common.none')} <Tag>{t(`audit.actorType.${e.actorType}`)}</Tag>
        </span>
      ),
    },
    {
      key: 'action',
      title: t('audit.action'),
      dataIndex: 'action',
      render: (_v, e) => (
        <Tooltip title={e.action}>
          <Tag color={FAILURE_ACTIONS.has(e.action) ? 'red' : 'blue'}>{actionLabel(t, e.action)}</Tag>
        </Tooltip>
      ),
    },
    {
      key: 'target',
      title: t('audit.target'),
      render: (_v, e) => (e.targetType ? `${targetLabel(t, e.targetType)} ${e.targetId ?? ''}` : t('common.none')),
    },
    { key: 'org', title: t('audit.org'), dataIndex: 'orgCode', render: (_v, e) => e.orgCode ?? t('common.none') },
    { key: 'ip', title: t('audit.ip'), dataIndex: 'ip', render: (_v, e) => e.ip ?? t('common.none') },
    {
      key: 'hash',
      title: t('audit.hash'),
      dataIndex: 'hash',
      render: (_v, e) => (
        <Tooltip title={e.hash}>
          <Typography.Text code>{e.hash.slice(0, 10)}</Typography.Text>
        </Tooltip>
      ),
    },
  ];
  return (
    <Table<AuditEntryDto>
      data-testid="audit-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      className="fz-nowrap-table"
      scroll={{ x: 'max-content' }}
      expandable={{ expandedRowRender: (e) => <EntryDetail entry={e} /> }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (n) => t('common.total', { n }),
        onChange: onPage,
      }}
    />
  );
}
