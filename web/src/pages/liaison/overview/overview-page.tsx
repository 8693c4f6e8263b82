import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import { fetchOverview, type UnitTasksDto } from '../../../api/liaison.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { rowAttrs } from '../../cards/shared/row-attrs.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useLiaisonT } from '../i18n/use-liaison-t.ts';
import { isPartner } from '../shared/access.ts';
import { overviewKey } from '../shared/keys.ts';
import { Stat } from '../shared/stat.tsx';
import { DoneBar } from '../shared/tags.tsx';

/**
 * The office at a glance: member units, tasks open, overdue and replied (in all and per owner unit), the
 * 断卡 notices (提示函) sent and answered, and the year's letters signed. A unit opens its task queue.
 */
export function OverviewPage() {
  const me = useCurrentUser();
  const lt = useLiaisonT();
  const phone = usePhone();
  const navigate = useNavigate();
  const data = useQuery({ queryKey: overviewKey(), queryFn: () => fetchOverview(), staleTime: 0, meta: { handlesError: true } });
  const o = data.data;
  const partner = isPartner(me.role);
  const units = o?.units ?? [];
  const openUnit = (u: UnitTasksDto) => void navigate(partner ? '/liaison/tasks?view=all' : `/liaison/tasks?view=all&unit=${encodeURIComponent(u.code)}`);
  const columns: TableColumnsType<UnitTasksDto> = [
    { key: 'unit', title: lt('liaison.overview.unit'), dataIndex: 'name' },
    { key: 'total', title: lt('liaison.overview.total'), dataIndex: 'total', align: 'right' },
    { key: 'open', title: lt('liaison.overview.open'), dataIndex: 'open', align: 'right' },
    { key: 'overdue', title: lt('liaison.overview.overdue'), align: 'right', render: (_v, u) => <Typography.Text type={u.overdue ? 'danger' : undefined}>{u.overdue}</Typography.Text> },
    { key: 'done', title: lt('liaison.overview.done'), dataIndex: 'done', align: 'right' },
    { key: 'progress', title: lt('liaison.overview.progress'), render: (_v, u) => <DoneBar done={u.done} total={u.total} /> },
  ];
  const unitAttrs = (u: UnitTasksDto) => ({ 'data-testid': `overview-unit-${u.code}`, 'data-total': u.total, 'data-open': u.open, 'data-overdue': u.overdue, 'data-done': u.done });
  return (
    <div data-testid="liaison-overview" data-loaded={o ? 'true' : 'false'}>
      {data.isError && <Alert type="error" showIcon title={lt('liaison.loadFailed')} className="fz-gap-bottom" />}
      <Row gutter={[12, 12]} className="fz-lx-stats">
        {!partner && (
          <Col xs={12} md={8} xl={{ flex: '1 1 0' }}>
            <Stat testId="overview-member-units" title={lt('liaison.overview.memberUnits')} value={o?.memberUnits} />
          </Col>
        )}
        <Col xs={12} md={8} xl={{ flex: '1 1 0' }}>
          <Stat testId="overview-tasks" title={lt('liaison.overview.tasks')} value={o?.tasks.total} />
        </Col>
        <Col xs={12} md={8} xl={{ flex: '1 1 0' }}>
          <Stat testId="overview-open" title={lt('liaison.overview.open')} value={o?.tasks.open} />
        </Col>
        <Col xs={12} md={8} xl={{ flex: '1 1 0' }}>
          <Stat testId="overview-overdue" title={lt('liaison.overview.overdue')} value={o?.tasks.overdue} tone="danger" />
        </Col>
        <Col xs={12} md={8} xl={{ flex: '1 1 0' }}>
          <Stat testId="overview-done" title={lt('liaison.overview.done')} value={o ? o.tasks.total - o.tasks.open : undefined} tone="success" />
        </Col>
      </Row>
      <Row gutter={[12, 12]} className="fz-lx-stats">
        <Col xs={24} md={12}>
          <Card size="small" className="fz-stat-card" data-testid="overview-letters" data-signed={o?.letters.signed ?? ''} data-total={o?.letters.total ?? ''}>
            <Typography.Text type="secondary">{lt('liaison.overview.letters', { year: o?.letters.year ?? '' })}</Typography.Text>
            <div>{o ? <DoneBar done={o.letters.signed} total={o.letters.total} /> : '—'}</div>
            {o && (
              <Typography.Text type="secondary" className="fz-small">
                {lt('liaison.overview.lettersLine', { total: o.letters.total, signed: o.letters.signed })}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" className="fz-stat-card" data-testid="overview-notices" data-sent={o?.notices.sent ?? ''} data-replied={o?.notices.replied ?? ''}>
            <Typography.Text type="secondary">{lt('liaison.overview.notices')}</Typography.Text>
            <div>{o ? <DoneBar done={o.notices.replied} total={o.notices.sent} /> : '—'}</div>
            {o && (
              <Typography.Text type="secondary" className="fz-small">
                {lt('liaison.overview.noticesLine', { sent: o.notices.sent, replied: o.notices.replied })}
              </Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Card variant="borderless" size="small" title={lt('liaison.overview.byUnit')} data-testid="overview-units">
        <Typography.Paragraph type="secondary" className="fz-small">
          {lt('liaison.overview.byUnitHint')}
        </Typography.Paragraph>
        {phone ? (
          <Spin spinning={data.isPending}>
            {!data.isPending && units.length === 0 ? (
              <Empty description={lt('liaison.overview.empty')} />
            ) : (
              <div className="fz-lx-cards">
                {units.map((u) => (
                  <Card key={u.code} size="small" hoverable className="fz-lx-card" onClick={() => openUnit(u)} {...unitAttrs(u)}>
                    <div className="fz-lx-card-line">
                      <Typography.Text strong>{u.name}</Typography.Text>
                      {u.overdue > 0 && <Typography.Text type="danger">{`${lt('liaison.overview.overdue')} ${u.overdue}`}</Typography.Text>}
                    </div>
                    <div className="fz-lx-card-line">
                      <Typography.Text type="secondary">{lt('liaison.overview.cardLine', { total: u.total, done: u.done })}</Typography.Text>
                      <DoneBar done={u.done} total={u.total} />
                    </div>
                  </Card>
                ))}
              </div>
            )}
          </Spin>
        ) : (
          <Table<UnitTasksDto>
            data-testid="overview-unit-table"
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={units}
            loading={data.isPending}
            pagination={units.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            className="fz-nowrap-table fz-lx-table"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: lt('liaison.overview.empty') }}
            rowClassName={(u) => (u.overdue ? 'fz-lx-overdue-row' : '')}
            onRow={(u) => ({ onClick: () => openUnit(u), ...rowAttrs(unitAttrs(u)) })}
          />
        )}
      </Card>
    </div>
  );
}
