import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Empty, Input, Pagination, Segmented, Spin, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { listRestrictions, type RestrictionQuery, type RestrictionSummaryDto } from '../../../api/cards.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { isPartner } from '../shared/access.ts';
import { restrictionListKey } from '../shared/keys.ts';
import { rowAttrs } from '../shared/row-attrs.ts';
import { RestrictionMeasureTag, RestrictionStatusTag } from '../shared/tags.tsx';
import { RestrictedItem, RestrictionHolder } from './restriction-cells.tsx';

type View = 'all' | 'in_force' | 'lifted' | 'appeal';
const VIEWS: readonly View[] = ['all', 'in_force', 'lifted', 'appeal'];
const PAGE_SIZE = 20;

/** The view, search and page live in the address, so a reload or a shared link keeps them. */
function readParams(p: URLSearchParams): { view: View; q: string; page: number } {
  const v = p.get('view') ?? 'all';
  return { view: (VIEWS as readonly string[]).includes(v) ? (v as View) : 'all', q: (p.get('q') ?? '').slice(0, 40), page: Math.max(1, Number(p.get('page')) || 1) };
}

function OpenAppeals({ n }: { n: number }) {
  const t = useT();
  if (n === 0) return null;
  return (
    <Tag color="gold" className="fz-cd-tag-small" data-open-appeals={n}>
      {t('cards.restriction.appealOpen')}
    </Tag>
  );
}

/**
 * Restrictions placed by banks, payment institutions and operators on accounts and phone cards, newest
 * first: a partner's own (it reports and lifts them), or, for the center, those of the institutions in its
 * jurisdiction to read. Holders masked.
 */
export function RestrictionsPage() {
  const me = useCurrentUser();
  const t = useT();
  const phone = usePhone();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { view, q, page } = readParams(params);
  const [search, setSearch] = useState(q);
  const partner = isPartner(me.role);
  const query: RestrictionQuery = {
    status: view === 'in_force' || view === 'lifted' ? view : undefined,
    appealOpen: view === 'appeal' ? 'true' : undefined,
    q: q || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useQuery({ queryKey: restrictionListKey(query), queryFn: () => listRestrictions(query), placeholderData: keepPreviousData, staleTime: 0, refetchInterval: 60_000 });
  const appealQuery: RestrictionQuery = { appealOpen: 'true', page: 1, pageSize: 1 };
  const appeals = useQuery({ queryKey: restrictionListKey(appealQuery), queryFn: () => listRestrictions(appealQuery), refetchInterval: 60_000 });
  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const go = (next: { view?: View; q?: string; page?: number }) => {
    const p = new URLSearchParams();
    const v = next.view ?? view;
    const text = next.q ?? q;
    if (v !== 'all') p.set('view', v);
    if (text) p.set('q', text);
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    setParams(p);
  };
  const open = (r: RestrictionSummaryDto) => void navigate(`/cards/restrictions/${r.id}`);
  const columns: TableColumnsType<RestrictionSummaryDto> = [
    {
      key: 'no',
      title: t('cards.restriction.no'),
      render: (_v, r) => (
        <span className="fz-cd-stack">
          <Link to={`/cards/restrictions/${r.id}`} onClick={(e) => e.stopPropagation()} className="fz-cd-mono" data-testid={`restriction-open-${r.id}`}>
            {r.restrictionNo}
          </Link>
          {r.externalId && (
            <Typography.Text type="secondary" className="fz-small fz-cd-mono">
              {r.externalId}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('cards.field.status'),
      render: (_v, r) => (
        <span className="fz-cd-flags">
          <RestrictionStatusTag status={r.status} />
          <OpenAppeals n={r.openAppeals} />
        </span>
      ),
    },
    { key: 'item', title: t('cards.field.identifier'), render: (_v, r) => <RestrictedItem r={r} /> },
    { key: 'holder', title: t('cards.field.holder'), render: (_v, r) => <RestrictionHolder r={r} /> },
    { key: 'measure', title: t('cards.restriction.measure'), render: (_v, r) => <RestrictionMeasureTag measure={r.measure} /> },
    { key: 'at', title: t('cards.restriction.restrictedAt'), dataIndex: 'restrictedAt', render: (v: string) => formatDateTime(v) },
    { key: 'org', title: t(partner ? 'cards.restriction.unit' : 'cards.restriction.institution'), dataIndex: 'orgName' },
    {
      key: 'reason',
      title: t('cards.restriction.reason'),
      render: (_v, r) => (
        <Tooltip title={r.reason}>
          <span className="fz-cd-ellipsis">{r.reason}</span>
        </Tooltip>
      ),
    },
  ];
  const appealCount = appeals.data?.total ?? 0;
  return (
    <Card
      variant="borderless"
      size="small"
      data-testid="restriction-list"
      title={t('cards.restrictions.title')}
      extra={
        partner && (
          <Link to="/cards/restrictions/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="restriction-new">
              {t('cards.restrictions.new')}
            </Button>
          </Link>
        )
      }
    >
      <Typography.Paragraph type="secondary" className="fz-small">
        {t(partner ? 'cards.restrictions.introPartner' : 'cards.restrictions.introCenter')}
      </Typography.Paragraph>
      <Segmented<View>
        className="fz-gap-bottom fz-cd-quick"
        value={view}
        onChange={(v) => go({ view: v })}
        options={VIEWS.map((v) => ({
          value: v,
          label: (
            <span data-testid={`restriction-view-${v}`}>
              {t(`cards.restrictions.view.${v}`)}
              {v === 'appeal' && appealCount > 0 && (
                <>
                  {' '}
                  <Badge count={appealCount} overflowCount={999} size="small" />
                </>
              )}
            </span>
          ),
        }))}
      />
      <div className="fz-filters">
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            if (e.target.value === '' && q !== '') go({ q: '' });
          }}
          onSearch={(v) => go({ q: v.trim() })}
          placeholder={t('cards.restrictions.search')}
          maxLength={40}
          className="fz-cd-search"
          data-testid="restriction-search"
        />
      </div>
      {phone ? (
        <Spin spinning={list.isFetching && !list.data}>
          {rows.length === 0 && !list.isFetching ? (
            <Empty description={t('cards.restrictions.empty')} />
          ) : (
            <div className="fz-cd-cards" data-testid="restriction-cards">
              {rows.map((r) => (
                <Card key={r.id} size="small" hoverable className="fz-cd-card" onClick={() => open(r)} data-testid={`restriction-row-${r.id}`} data-restriction-no={r.restrictionNo} data-status={r.status}>
                  <div className="fz-cd-card-line">
                    <Typography.Text strong className="fz-cd-mono">
                      {r.restrictionNo}
                    </Typography.Text>
                    <span className="fz-cd-flags">
                      <RestrictionStatusTag status={r.status} />
                      <OpenAppeals n={r.openAppeals} />
                    </span>
                  </div>
                  <div className="fz-cd-card-line">
                    <RestrictedItem r={r} />
                    <RestrictionMeasureTag measure={r.measure} />
                  </div>
                  <RestrictionHolder r={r} />
                  <Typography.Text type="secondary" className="fz-small">
                    {formatDateTime(r.restrictedAt)} · {r.orgName}
                  </Typography.Text>
                </Card>
              ))}
              {total > PAGE_SIZE && <Pagination simple current={page} pageSize={PAGE_SIZE} total={total} onChange={(p) => go({ page: p })} className="fz-cd-pager" />}
            </div>
          )}
        </Spin>
      ) : (
        <Table<RestrictionSummaryDto>
          data-testid="restriction-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={list.isFetching && !list.data}
          className="fz-nowrap-table fz-cd-table"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('cards.restrictions.empty') }}
          onRow={(r) => ({ onClick: () => open(r), ...rowAttrs({ 'data-testid': `restriction-row-${r.id}`, 'data-restriction-no': r.restrictionNo, 'data-status': r.status }) })}
          pagination={total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, showTotal: (n) => t('common.total', { n }), onChange: (p) => go({ page: p }) } : false}
        />
      )}
    </Card>
  );
}
