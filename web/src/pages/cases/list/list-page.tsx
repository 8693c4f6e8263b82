import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { listCases } from '../../../api/cases.ts';
import { listOrgs, type OrgDto } from '../../../api/orgs.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { canWriteCases } from '../shared/access.ts';
import { caseListKey, ORGS_KEY } from '../shared/keys.ts';
import { CaseCards } from './case-cards.tsx';
import { CaseTable } from './case-table.tsx';
import { ListFilters } from './list-filters.tsx';
import { readFilter, toQuery, writeFilter, type CaseFilter } from './list-params.ts';

/** Units of the jurisdiction tree, the ones cases belong to. */
const UNIT_KINDS: ReadonlySet<OrgDto['kind']> = new Set(['city', 'county', 'station', 'township', 'grid']);

/** Cases of the caller's jurisdiction, newest first, with their stop-payments at a glance. */
export function ListPage() {
  const me = useCurrentUser();
  const t = useT();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const orgs = useQuery({ queryKey: ORGS_KEY, queryFn: () => listOrgs(false), staleTime: 5 * 60_000 });
  const units = useMemo(() => (orgs.data ?? []).filter((o) => UNIT_KINDS.has(o.kind)), [orgs.data]);
  // A link may name a unit outside the reader's jurisdiction (the server would refuse it): it is checked
  // against the reader's units first and, if not among them, left out and said so.
  const outside = filter.orgCode !== undefined && orgs.isSuccess && !units.some((o) => o.code === filter.orgCode);
  const query = toQuery(filter, !outside);
  const list = useQuery({
    queryKey: caseListKey(query),
    queryFn: () => listCases(query),
    placeholderData: keepPreviousData,
    enabled: filter.orgCode === undefined || !orgs.isPending,
  });
  const change = (f: CaseFilter) => setParams(writeFilter(f));
  const Body = phone ? CaseCards : CaseTable;
  const settled = list.data !== undefined && !list.isPlaceholderData && !list.isFetching;
  return (
    <Card
      variant="borderless"
      size="small"
      data-testid="case-list"
      data-settled={String(settled)}
      data-total={settled ? list.data.total : ''}
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
      <ListFilters key={filter.q} value={filter} onChange={change} orgs={units} />
      {outside && <Alert type="warning" showIcon className="fz-gap-bottom" title={t('cases.filter.orgOutside', { code: filter.orgCode ?? '' })} data-testid="case-org-outside" />}
      <Body
        rows={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={filter.page}
        pageSize={filter.pageSize}
        loading={list.isPending}
        onPage={(page, pageSize) => change({ ...filter, page: pageSize === filter.pageSize ? page : 1, pageSize })}
      />
    </Card>
  );
}
