import { ClearOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Select, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { listPersons, type PersonCategory, type PersonDto, type PersonStatus } from '../../../api/persons.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { canWritePersons } from '../shared/access.ts';
import { personListKey } from '../shared/keys.ts';
import { CATEGORIES, categoryLabel, STATUSES, statusLabel } from '../shared/labels.ts';
import { CategoryTag, PersonStatusTag } from '../shared/tags.tsx';
import { PAGE_SIZE, readFilter, toQuery, writeFilter, type PersonFilter } from './list-params.ts';

/** Key persons of the caller's jurisdiction (masked), the latest change first. */
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
  const set = (patch: Partial<PersonFilter>) => change({ ...filter, ...patch, page: 1 });
  const rows = list.data?.items ?? [];
  const loading = list.isFetching && !list.data;
  const open = (p: PersonDto) => void navigate(`/persons/${p.id}`);
  const full = rows.length === PAGE_SIZE;

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
    { key: 'abroad', title: t('persons.field.abroadLocation'), dataIndex: 'abroadLocation', render: (v: string | null) => v ?? t('common.none') },
    { key: 'listedAt', title: t('persons.field.listedAt'), dataIndex: 'listedAt', render: (v: string) => formatDateTime(v) },
    { key: 'controlUntil', title: t('persons.field.controlUntil'), dataIndex: 'controlUntil', render: (v: string | null) => (v ? formatDateTime(v).slice(0, 10) : t('common.none')) },
    { key: 'status', title: t('persons.field.status'), dataIndex: 'status', fixed: 'end', render: (v: PersonStatus) => <PersonStatusTag status={v} /> },
  ];

  return (
    <Card
      variant="borderless"
      size="small"
      data-testid="person-list"
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
      <div className="fz-filters" data-testid="person-filters">
        <Select<PersonCategory>
          allowClear
          placeholder={t('persons.filter.allCategories')}
          aria-label={t('persons.filter.category')}
          value={filter.category}
          onChange={(category) => set({ category })}
          options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
          className="fz-filter fz-filter-wide"
          data-testid="person-filter-category"
        />
        <Select<PersonStatus>
          allowClear
          placeholder={t('persons.filter.allStatuses')}
          aria-label={t('persons.filter.status')}
          value={filter.status}
          onChange={(status) => set({ status })}
          options={STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
          className="fz-filter"
          data-testid="person-filter-status"
        />
        {(filter.category || filter.status) && (
          <Button type="link" icon={<ClearOutlined />} onClick={() => change({ page: 1 })}>
            {t('persons.filter.reset')}
          </Button>
        )}
      </div>
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
                      {formatDateTime(p.listedAt)}
                    </Typography.Text>
                  </div>
                </Card>
              ))}
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
          pagination={false}
        />
      )}
      {(filter.page > 1 || full) && (
        <div className="fz-ps-pager" data-testid="person-pager">
          <Button icon={<LeftOutlined />} disabled={filter.page <= 1} onClick={() => change({ ...filter, page: filter.page - 1 })} aria-label={t('persons.list.prev')} />
          <span>{t('persons.list.page', { n: filter.page })}</span>
          <Button icon={<RightOutlined />} disabled={!full} onClick={() => change({ ...filter, page: filter.page + 1 })} aria-label={t('persons.list.next')} />
        </div>
      )}
    </Card>
  );
}
