import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Row, Segmented, Select, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { listTasks, type TaskDto, type TaskQuery } from '../../../api/liaison.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { rowAttrs } from '../../cards/shared/row-attrs.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useLiaisonT } from '../i18n/use-liaison-t.ts';
import { canReply, isPartner } from '../shared/access.ts';
import { taskListKey } from '../shared/keys.ts';
import { Stat } from '../shared/stat.tsx';
import { DueCell, taskState, TaskStateTag } from '../shared/tags.tsx';
import { useMemberUnits, useUnitOptions } from '../shared/units.ts';
import { TaskDrawer } from './task-drawer.tsx';

type View = 'open' | 'overdue' | 'done' | 'all';
const VIEWS: readonly View[] = ['open', 'overdue', 'done', 'all'];
/** The server lists up to 500 a call: a city's year of tasks fits. */
const LIMIT = 500;

function queryOf(view: View, unit: string | undefined): TaskQuery {
  return {
    open: view === 'open' ? 'true' : view === 'done' ? 'false' : undefined,
    overdue: view === 'overdue' ? 'true' : undefined,
    ownerCode: unit,
    limit: LIMIT,
  };
}

/**
 * The task queue by deadline: for the center every unit's (filtered by state and owner unit), for a member
 * unit, bank or operator its own, each with the way to reply. `?id=` opens one (the bell links here).
 */
export function TasksPage() {
  const me = useCurrentUser();
  const t = useT();
  const lt = useLiaisonT();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const v = params.get('view') ?? 'open';
  const view: View = (VIEWS as readonly string[]).includes(v) ? (v as View) : 'open';
  const partner = isPartner(me.role);
  const unit = partner ? undefined : params.get('unit') || undefined;
  const openId = Number(params.get('id')) || null;
  const query = queryOf(view, unit);
  const list = useQuery({ queryKey: taskListKey(query), queryFn: () => listTasks(query), placeholderData: keepPreviousData, staleTime: 0, refetchInterval: 60_000, meta: { handlesError: true } });
  const { units, loading: unitsLoading } = useMemberUnits();
  const options = useUnitOptions(units);
  const rows = list.data?.items ?? [];
  const loading = list.isFetching && !list.data;
  const setParam = (key: 'view' | 'unit' | 'id', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };
  const open = (x: Pick<TaskDto, 'id'>) => setParam('id', String(x.id));
  const d = list.data;
  const columns: TableColumnsType<TaskDto> = [
    {
      key: 'title',
      title: lt('liaison.task.title'),
      render: (_v, x) => (
        <Button
          type="link"
          className="fz-lx-link fz-lx-ellipsis"
          onClick={(e) => {
            e.stopPropagation();
            open(x);
          }}
          data-testid={`task-open-${x.id}`}
        >
          {x.title}
        </Button>
      ),
    },
    ...(partner ? [{ key: 'from', title: lt('liaison.task.from'), dataIndex: 'fromName' }] : [{ key: 'owner', title: lt('liaison.task.owner'), dataIndex: 'ownerName' }]),
    { key: 'meeting', title: lt('liaison.task.meeting'), render: (_v, x) => <span className="fz-lx-mono">{x.meetingNo ?? lt('liaison.task.noMeeting')}</span> },
    { key: 'due', title: lt('liaison.task.dueAt'), render: (_v, x) => <DueCell task={x} /> },
    { key: 'state', title: lt('liaison.task.state'), render: (_v, x) => <TaskStateTag task={x} /> },
    { key: 'replied', title: lt('liaison.task.repliedAt'), render: (_v, x) => (x.repliedAt ? formatDateTime(x.repliedAt) : t('common.none')) },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'end',
      render: (_v, x) =>
        canReply(me, x) ? (
          <Button
            size="small"
            type="primary"
            onClick={(e) => {
              e.stopPropagation();
              open(x);
            }}
            data-testid={`task-handle-${x.id}`}
          >
            {lt('liaison.task.handle')}
          </Button>
        ) : null,
    },
  ];
  const attrs = (x: TaskDto) => ({ 'data-testid': `task-row-${x.id}`, 'data-owner': x.ownerCode, 'data-state': taskState(x), 'data-title': x.title });
  return (
    <div data-testid="tasks-page">
      <Row gutter={[12, 12]} className="fz-lx-stats">
        <Col xs={12} md={6}>
          <Stat testId="task-stat-total" title={lt('liaison.tasks.stat.total')} value={d?.total} />
        </Col>
        <Col xs={12} md={6}>
          <Stat testId="task-stat-open" title={lt('liaison.tasks.stat.open')} value={d?.open} />
        </Col>
        <Col xs={12} md={6}>
          <Stat testId="task-stat-overdue" title={lt('liaison.tasks.stat.overdue')} value={d?.overdue} tone="danger" />
        </Col>
        <Col xs={12} md={6}>
          <Stat testId="task-stat-done" title={lt('liaison.tasks.stat.done')} value={d ? d.total - d.open : undefined} tone="success" />
        </Col>
      </Row>
      <Card variant="borderless" size="small" title={lt(partner ? 'liaison.tasks.titleUnit' : 'liaison.tasks.title')} data-testid="task-list" data-fetching={list.isFetching ? 'true' : 'false'}>
        <div className="fz-lx-toolbar">
          <Segmented<View>
            value={view}
            onChange={(x) => setParam('view', x === 'open' ? null : x)}
            options={VIEWS.map((x) => ({ value: x, label: <span data-testid={`tasks-view-${x}`}>{lt(`liaison.tasks.view.${x}`)}</span> }))}
          />
          {!partner && (
            <div className="fz-filter-wide">
              <Select<string>
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={unitsLoading}
                value={unit}
                onChange={(code) => setParam('unit', code ?? null)}
                placeholder={lt('liaison.tasks.unitPlaceholder')}
                options={options}
                data-testid="tasks-unit"
              />
            </div>
          )}
        </div>
        {list.isError && <Alert type="error" showIcon title={lt('liaison.loadFailed')} className="fz-gap-bottom" />}
        {phone ? (
          <Spin spinning={loading}>
            {rows.length === 0 && !loading ? (
              <Empty description={lt('liaison.tasks.empty')} data-testid="task-cards" />
            ) : (
              <div className="fz-lx-cards" data-testid="task-cards">
                {rows.map((x) => (
                  <Card key={x.id} size="small" hoverable className="fz-lx-card" onClick={() => open(x)} {...attrs(x)}>
                    <div className="fz-lx-card-line">
                      <Typography.Text strong>{partner ? x.fromName : x.ownerName}</Typography.Text>
                      <TaskStateTag task={x} />
                    </div>
                    <Typography.Text>{x.title}</Typography.Text>
                    <div className="fz-lx-card-line">
                      <DueCell task={x} />
                      {canReply(me, x) && (
                        <Button size="small" type="primary" data-testid={`task-handle-${x.id}`}>
                          {lt('liaison.task.handle')}
                        </Button>
                      )}
                    </div>
                  </Card>
                ))}
              </div>
            )}
          </Spin>
        ) : (
          <Table<TaskDto>
            data-testid="task-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={loading}
            className="fz-nowrap-table fz-lx-table"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: lt('liaison.tasks.empty') }}
            rowClassName={(x) => (x.overdue ? 'fz-lx-overdue-row' : '')}
            onRow={(x) => ({ onClick: () => open(x), ...rowAttrs(attrs(x)) })}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) } : false}
          />
        )}
      </Card>
      {openId && <TaskDrawer id={openId} onClose={() => setParam('id', null)} />}
    </div>
  );
}
