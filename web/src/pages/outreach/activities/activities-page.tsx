import { ClearOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Pagination, Row, Select, Spin, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { listActivities, listDirectives, type ActivityDto, type OutreachAudience } from '../../../api/outreach.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { OrgTreeSelect } from '../../admin/org-tree-select.tsx';
import { rowAttrs } from '../../cards/shared/row-attrs.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useOutreachT } from '../i18n/use-outreach-t.ts';
import { canRecord } from '../shared/access.ts';
import { activityListKey, directiveListKey } from '../shared/keys.ts';
import { AUDIENCES, audienceLabel, venueLabel } from '../shared/labels.ts';
import { HOLDER_KINDS, useUnits } from '../shared/orgs.ts';
import { PeriodFilter } from '../shared/period.tsx';
import { AudienceTag, FraudTypeTags } from '../shared/tags.tsx';
import { ActivityDrawer } from './activity-form.tsx';
import { ACTIVITY_PERIODS, isFiltered, PAGE_SIZE, readFilter, toQuery, writeFilter, type ActivityFilter } from './activity-params.ts';

const materialsText = (a: ActivityDto): string => a.materials.map((m) => `${m.kind} ×${m.count}`).join('、');

function Stat({ testId, title, value }: { testId: string; title: string; value: number | undefined }) {
  return (
    <Card size="small" className="fz-stat-card" data-testid={testId} data-value={value ?? ''}>
      <Statistic title={title} value={value ?? '—'} />
    </Card>
  );
}

/**
 * Outreach activities of the caller's units, newest first, by period, audience and unit, with how many
 * and how many people they reached; the form to record one opens over it (`?new=1`, `&directive=` for one
 * that answers a directive).
 */
export function ActivitiesPage() {
  const me = useCurrentUser();
  const t = useT();
  const ot = useOutreachT();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const query = toQuery(filter);
  const list = useQuery({ queryKey: activityListKey(query), queryFn: () => listActivities(query), placeholderData: keepPreviousData, meta: { handlesError: true } });
  // Directive numbers for the activities that answered one (the activity carries only the id).
  const directivesQuery = { limit: 200 };
  const directives = useQuery({ queryKey: directiveListKey(directivesQuery), queryFn: () => listDirectives(directivesQuery), staleTime: 60_000, meta: { handlesError: true } });
  const directiveNo = useMemo(() => new Map((directives.data ?? []).map((d) => [d.id, d.directiveNo])), [directives.data]);
  const { units } = useUnits(HOLDER_KINDS);
  const change = (f: ActivityFilter) => setParams(writeFilter(params, f));
  const set = (patch: Partial<ActivityFilter>) => change({ ...filter, ...patch, page: 1 });
  const formOpen = params.get('new') === '1';
  const forDirective = Number(params.get('directive')) || undefined;
  const openForm = (open: boolean) => {
    const next = new URLSearchParams(params);
    next.delete('new');
    next.delete('directive');
    if (open) next.set('new', '1');
    setParams(next);
  };
  const rows = list.data?.items ?? [];
  const total = list.data?.total;
  const loading = list.isFetching && !list.data;
  const none = t('common.none');
  const directiveLink = (id: number | null) =>
    id ? (
      <Link to={`/outreach/directives?id=${id}`} onClick={(e) => e.stopPropagation()} data-testid={`activity-directive-${id}`} className="fz-or-mono">
        {directiveNo.get(id) ?? `#${id}`}
      </Link>
    ) : (
      none
    );

  const columns: TableColumnsType<ActivityDto> = [
    { key: 'heldOn', title: ot('outreach.activity.heldOn'), dataIndex: 'heldOn' },
    { key: 'unit', title: ot('outreach.activity.unit'), dataIndex: 'orgName' },
    {
      key: 'place',
      title: ot('outreach.activity.place'),
      render: (_v, a) => (
        <span className="fz-or-stack">
          <span>{a.place}</span>
          <Typography.Text type="secondary" className="fz-small">
            {venueLabel(ot, a.venue)}
          </Typography.Text>
        </span>
      ),
    },
    { key: 'audience', title: ot('outreach.activity.audience'), dataIndex: 'audience', render: (v: OutreachAudience) => <AudienceTag audience={v} /> },
    { key: 'people', title: ot('outreach.activity.people'), dataIndex: 'peopleReached', align: 'right' },
    { key: 'vulnerable', title: ot('outreach.activity.vulnerable'), dataIndex: 'vulnerableReached', align: 'right' },
    { key: 'topics', title: ot('outreach.activity.topics'), render: (_v, a) => <FraudTypeTags types={a.fraudTypes} /> },
    { key: 'materials', title: ot('outreach.activity.materials'), render: (_v, a) => (a.materials.length ? <span className="fz-or-ellipsis">{materialsText(a)}</span> : none) },
    { key: 'directive', title: ot('outreach.activity.directive'), render: (_v, a) => directiveLink(a.directiveId) },
    { key: 'note', title: ot('outreach.activity.note'), render: (_v, a) => (a.note ? <span className="fz-or-ellipsis">{a.note}</span> : none) },
  ];

  return (
    <div data-testid="activities-page">
      <Row gutter={[12, 12]} className="fz-gap-bottom">
        <Col xs={12} md={6}>
          <Stat testId="activity-stat-total" title={ot('outreach.activity.statTotal')} value={total} />
        </Col>
        <Col xs={12} md={6}>
          <Stat testId="activity-stat-people" title={ot('outreach.activity.statPeople')} value={list.data?.peopleReached} />
        </Col>
      </Row>
      <Card
        variant="borderless"
        size="small"
        title={ot('outreach.activities.title')}
        data-testid="activity-list"
        data-total={total ?? ''}
        extra={
          canRecord(me.role) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(true)} data-testid="activity-new">
              {ot('outreach.activities.new')}
            </Button>
          )
        }
      >
        <PeriodFilter kinds={ACTIVITY_PERIODS} value={filter.period} onChange={(period) => set({ period })} testPrefix="activity" />
        <div className="fz-filters" data-testid="activity-filters">
          <Select<OutreachAudience>
            allowClear
            placeholder={ot('outreach.filter.allAudiences')}
            aria-label={ot('outreach.activity.audience')}
            value={filter.audience}
            onChange={(audience) => set({ audience })}
            options={AUDIENCES.map((a) => ({ value: a, label: audienceLabel(ot, a) }))}
            className="fz-filter"
            data-testid="activity-filter-audience"
          />
          {units.length > 1 && (
            <div className="fz-filter fz-filter-wide">
              <OrgTreeSelect orgs={units} value={filter.orgCode} onChange={(orgCode) => set({ orgCode })} placeholder={ot('outreach.filter.allUnits')} allowClear testId="activity-filter-org" />
            </div>
          )}
          {isFiltered(filter) && (
            <Button type="link" icon={<ClearOutlined />} onClick={() => change({ period: { kind: 'all' }, page: 1 })} data-testid="activity-filter-reset">
              {ot('outreach.filter.reset')}
            </Button>
          )}
        </div>
        {list.isError && <Alert type="error" showIcon title={ot('outreach.loadFailed')} className="fz-gap-bottom" />}
        {phone ? (
          !loading && rows.length === 0 ? (
            <Empty description={ot('outreach.activities.empty')} data-testid="activity-cards" />
          ) : (
            <Spin spinning={loading}>
              <div className="fz-or-cards" data-testid="activity-cards">
                {rows.map((a) => (
                  <Card key={a.id} size="small" className="fz-or-card" data-testid={`activity-row-${a.id}`} data-place={a.place}>
                    <div className="fz-or-card-line">
                      <Typography.Text strong>{a.place}</Typography.Text>
                      <AudienceTag audience={a.audience} />
                    </div>
                    <div className="fz-or-card-line">
                      <Typography.Text type="secondary">
                        {a.heldOn} · {a.orgName} · {venueLabel(ot, a.venue)}
                      </Typography.Text>
                    </div>
                    <div className="fz-or-card-line">
                      <span>{ot('outreach.activity.peopleLine', { n: a.peopleReached, v: a.vulnerableReached })}</span>
                      {a.directiveId && directiveLink(a.directiveId)}
                    </div>
                    {a.fraudTypes.length > 0 && <FraudTypeTags types={a.fraudTypes} />}
                    {a.materials.length > 0 && (
                      <Typography.Text type="secondary" className="fz-small">
                        {materialsText(a)}
                      </Typography.Text>
                    )}
                  </Card>
                ))}
                {(total ?? 0) > PAGE_SIZE && <Pagination simple current={filter.page} pageSize={PAGE_SIZE} total={total} onChange={(page) => change({ ...filter, page })} className="fz-or-pager" />}
              </div>
            </Spin>
          )
        ) : (
          <Table<ActivityDto>
            data-testid="activity-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={loading}
            className="fz-nowrap-table"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: ot('outreach.activities.empty') }}
            onRow={(a) => rowAttrs({ 'data-testid': `activity-row-${a.id}`, 'data-place': a.place })}
            pagination={(total ?? 0) > PAGE_SIZE ? { current: filter.page, pageSize: PAGE_SIZE, total, showSizeChanger: false, onChange: (page) => change({ ...filter, page }), showTotal: (n) => t('common.total', { n }) } : false}
          />
        )}
      </Card>
      {formOpen && canRecord(me.role) && <ActivityDrawer directiveId={forDirective} onClose={() => openForm(false)} />}
    </div>
  );
}
