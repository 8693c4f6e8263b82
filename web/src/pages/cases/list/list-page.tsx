import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Space } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { listCases } from '../../../api/cases.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { canWriteCases } from '../shared/access.ts';
import { caseListKey } from '../shared/keys.ts';
import { CaseCards } from './case-cards.tsx';
import { CaseTable } from './case-table.tsx';
import { ListFilters } from './list-filters.tsx';
import { readFilter, toQuery, writeFilter, type CaseFilter } from './list-params.ts';

/** Cases of the caller's jurisdiction, newest first, with their stop-payments at a glance. */
export function ListPage() {
  const me = useCurrentUser();
  const t = useT();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const query = toQuery(filter);
  const list = useQuery({ queryKey: caseListKey(query), queryFn: () => listCases(query), placeholderData: keepPreviousData });
  const change = (f: CaseFilter) => setParams(writeFilter(f));
  const Body = phone ? CaseCards : CaseTable;
  return (
    <Card
      variant="borderless"
      size="small"
      data-testid="case-list"
      title={t('cases.list.title')}
      extra={
        <Space size={8}>
          <Link to="/cases/clusters">
            <Button icon={<ApartmentOutlined />} data-testid="case-clusters-link">
              {t('cases.clusters.link')}
            </Button>
          </Link>
          {canWriteCases(me.role) && (
            <Link to="/cases/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="case-new">
                {t('cases.list.new')}
              </Button>
            </Link>
          )}
        </Space>
      }
    >
      <ListFilters key={filter.q} value={filter} onChange={change} />
      <Body
        rows={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={filter.page}
        pageSize={filter.pageSize}
        loading={list.isFetching && !list.data}
        onPage={(page, pageSize) => change({ ...filter, page: pageSize === filter.pageSize ? page : 1, pageSize })}
      />
    </Card>
  );
}
