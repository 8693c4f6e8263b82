import { Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { LeadDto } from '../../../api/cards.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { Deadline } from '../shared/deadline.tsx';
import { rowAttrs } from '../shared/row-attrs.ts';
import { useOrgName } from '../shared/orgs.ts';
import { HolderCell, IdentifierCell, LeadFlags, openedAtText, SourceTag } from './lead-cells.tsx';
import { PAGE_SIZES } from './lead-params.ts';
import { LeadRowActions, type LeadActionHandlers } from './lead-row-actions.tsx';

export interface LeadListProps extends LeadActionHandlers {
  rows: LeadDto[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

export function LeadTable({ rows, total, page, pageSize, loading, onPage, onOutcome, onAssign }: LeadListProps) {
  const me = useCurrentUser();
  const t = useT();
  const navigate = useNavigate();
  const orgName = useOrgName();
  const none = t('common.none');
  const columns: TableColumnsType<LeadDto> = [
    {
      key: 'leadNo',
      title: t('cards.field.leadNo'),
      render: (_v, l) => (
        <span className="fz-cd-stack">
          <Link to={`/cards/leads/${l.id}`} onClick={(e) => e.stopPropagation()} className="fz-cd-mono" data-testid={`lead-open-${l.id}`}>
            {l.leadNo}
          </Link>
          <SourceTag lead={l} />
        </span>
      ),
    },
    {
      key: 'due',
      title: t('cards.field.deadline'),
      render: (_v, l) => (
        <span className="fz-cd-stack">
          <Deadline dueAt={l.dueAt} overdue={l.overdue} closedAt={l.closedAt} />
          {!l.closedAt && (
            <Typography.Text type="secondary" className="fz-small">
              {formatDateTime(l.dueAt)}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { key: 'status', title: t('cards.field.status'), render: (_v, l) => <LeadFlags lead={l} /> },
    { key: 'identifier', title: t('cards.field.identifier'), render: (_v, l) => <IdentifierCell lead={l} /> },
    { key: 'holder', title: t('cards.field.holder'), render: (_v, l) => <HolderCell lead={l} /> },
    { key: 'opened', title: t('cards.field.openedAt'), render: (_v, l) => openedAtText(l, orgName, none) },
    // A station verifies its own leads only: the column would repeat its name on every row.
    ...(me.role === 'station_officer' ? [] : [{ key: 'unit', title: t('cards.field.unit'), dataIndex: 'orgName' }]),
    { key: 'actions', title: t('common.actions'), fixed: 'end', render: (_v, l) => <LeadRowActions lead={l} onOutcome={onOutcome} onAssign={onAssign} /> },
  ];
  return (
    <Table<LeadDto>
      data-testid="lead-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      className="fz-nowrap-table fz-cd-table"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('cards.leads.empty') }}
      rowClassName={(l) => (l.overdue ? 'fz-cd-overdue' : '')}
      onRow={(l) => ({ onClick: () => void navigate(`/cards/leads/${l.id}`), ...rowAttrs({ 'data-testid': `lead-row-${l.id}`, 'data-lead-no': l.leadNo, 'data-status': l.status }) })}
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
