import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Pagination, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { listPersons, type PersonCategory, type PersonDto, type PersonStatus } from '../../../api/persons.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { canWritePersons } from '../shared/access.ts';
import { personListKey } from '../shared/keys.ts';
import { CategoryTag, PersonStatusTag } from '../shared/tags.tsx';
import { ListFilters } from './list-filters.tsx';
import { PAGE_SIZE, readFilter, toQuery, writeFilter, type PersonFilter } from './list-params.ts';

/** The control period's last day, flagged when it has passed while the person is still under control. */
function ControlUntil({ p }: { p: PersonDto }) {
  const t = useT();
  if (!p.controlUntil) return <>{t('common.none')}</>;
  return (
    <span>
      {formatDateTime(p.controlUntil).slice(0, 10)}
      {p.controlOverdue && (
        <Tag color="red" className="fz-ps-overdue" data-testid={`person-overdue-${p.id}`}>
          {t('persons.detail.overdue')}
        </Tag>
      )}
    </span>
  );
}

/** Key persons of the caller's jurisdiction (masked), the latest change first, searchable, with the total. */
export function ListPage() {
  const me = useCurrentUser();
  const t = useT();
  const phone = usePhone();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const query = toQuery(filter);
  const list = useQuery({ queryKey: personListKey(query), queryFn: () => listPersons(query), placeholderData: keepPreviousData });
  const change = (f: PersonFilter) => setParams(writeFilter(f));
  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const loading = list.isFetching && !list.data;
  const open = (p: PersonDto) => void navigate(`/persons/${p.id}`);
  const onPage = (page: number) => change({ ...filter, page });
  const none = t('common.none');

  const columns: TableColumnsType<PersonDto> = [
    {
      key: 'name',
      title: t('persons.field.name'),
      render: (_v, p) => (
        <Link to={`/persons/${p.id}`} onClick={(e) => e.stopPropagation()} data-testid={`person-open-${p.id}`}>
          {p.name}
        </Link>
      ),
    },
    { key: 'idNumber', title: t('persons.field.idNumber'), dataIndex: 'idNumber' },
    { key: 'category', title: t('persons.field.category'), dataIndex: 'category', render: (v: PersonCategory) => <CategoryTag category={v} /> },
    { key: 'unit', title: t('persons.field.unit'), dataIndex: 'orgName' },
    { key: 'officer', title: t('persons.field.officer'), dataIndex: 'officerName', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('persons.detail.noOfficer')}</Typography.Text> },
    { key: 'abroad', title: t('persons.field.abroadLocation'), dataIndex: 'abroadLocation', render: (v: string | null) => v ?? none },
    { key: 'controlUntil', title: t('persons.field.controlUntil'), render: (_v, p) => <ControlUntil p={p} /> },
    { key: 'updatedAt', title: t('persons.field.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
    { key: 'status', title: t('persons.field.status'), dataIndex: 'status', fixed: 'end', render: (v: PersonStatus) => <PersonStatusTag status={v} /> },
  ];

  return (
    <Card
      variant="borderless"
      size="small"
      data-testid="person-list"
      data-total={list.data ? total : undefined}
      title={t('persons.list.title')}
      extra={
        canWritePersons(me.role) && (
          <Link to="/persons/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="person-new">
              {t('persons.list.new')}
            </Button>
          </Link>
        )
      }
    >
      <ListFilters key={filter.q ?? ''} value={filter} onChange={change} />
      <Typography.Paragraph type="secondary" className="fz-small" data-testid="person-total">
        {list.data ? t('persons.list.total', { n: total }) : '\u00a0'}
      </Typography.Paragraph>
      {phone ? (
        !loading && rows.length === 0 ? (
          <Empty description={t('persons.list.empty')} data-testid="person-cards" />
        ) : (
          <Spin spinning={loading}>
            <div className="fz-ps-cards" data-testid="person-cards">
              {rows.map((p) => (
                <Card key={p.id} size="small" hoverable className="fz-ps-card" onClick={() => open(p)} data-testid={`person-row-${p.id}`}>
                  <div className="fz-ps-card-line">
                    <Typography.Text strong>{p.name}</Typography.Text>
                    <PersonStatusTag status={p.status} />
                  </div>
                  <div className="fz-ps-card-line">
                    <CategoryTag category={p.category} />
                    <Typography.Text type="secondary">{p.idNumber}</Typography.Text>
                  </div>
                  <div className="fz-ps-card-line">
                    <span>{p.abroadLocation ? `${p.orgName} · ${p.abroadLocation}` : p.orgName}</span>
                    <Typography.Text type="secondary" className="fz-small">
                      {p.officerName ?? t('persons.detail.noOfficer')}
                    </Typography.Text>
                  </div>
                  {p.controlUntil && (
                    <div className="fz-ps-card-line">
                      <span>
                        {t('persons.field.controlUntil')} <ControlUntil p={p} />
                      </span>
                    </div>
                  )}
                </Card>
              ))}
              {total > PAGE_SIZE && <Pagination simple current={filter.page} pageSize={PAGE_SIZE} total={total} onChange={onPage} className="fz-ps-pager" data-testid="person-pager" />}
            </div>
          </Spin>
        )
      ) : (
        <Table<PersonDto>
          data-testid="person-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={loading}
          className="fz-nowrap-table"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('persons.list.empty') }}
          onRow={(p) => ({ onClick: () => open(p), 'data-testid': `person-row-${p.id}` })}
          pagination={total > PAGE_SIZE ? { current: filter.page, pageSize: PAGE_SIZE, total, showSizeChanger: false, onChange: onPage, className: 'fz-ps-table-pager' } : false}
        />
      )}
    </Card>
  );
}
