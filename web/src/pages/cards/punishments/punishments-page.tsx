import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Segmented, Space, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { listPunishments, type PunishmentStatus, type PunishmentSummaryDto } from '../../../api/cards.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { canWork, isLeader } from '../shared/access.ts';
import { punishmentListKey } from '../shared/keys.ts';
import { PUNISHMENT_STATUSES, punishmentStatusLabel } from '../shared/labels.ts';
import { rowAttrs } from '../shared/row-attrs.ts';
import { PunishmentStatusTag } from '../shared/tags.tsx';
import { DeliveryCell, GroundTags, PeriodText, PersonCell } from './punishment-cells.tsx';

type View = PunishmentStatus | 'all';
const PAGE_SIZE = 20;

function readView(p: URLSearchParams, fallback: View): View {
  const v = p.get('status');
  return v === 'all' || (PUNISHMENT_STATUSES as readonly string[]).includes(v ?? '') ? (v as View) : fallback;
}

/** Joint punishments of the caller's jurisdiction, newest first, by status. */
export function PunishmentsPage() {
  const me = useCurrentUser();
  const t = useT();
  const phone = usePhone();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // A leader's work is the proposals waiting for a decision.
  const view = readView(params, isLeader(me.role) ? 'proposed' : 'all');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = { status: view === 'all' ? undefined : view, page, pageSize: PAGE_SIZE };
  const list = useQuery({ queryKey: punishmentListKey(query), queryFn: () => listPunishments(query), placeholderData: keepPreviousData, staleTime: 0, refetchInterval: 60_000 });
  const rows = list.data?.items ?? [];
  const go = (v: View, p = 1) => {
    const next = new URLSearchParams();
    next.set('status', v);
    if (p > 1) next.set('page', String(p));
    setParams(next);
  };
  const open = (p: PunishmentSummaryDto) => void navigate(`/cards/punishments/${p.id}`);
  const columns: TableColumnsType<PunishmentSummaryDto> = [
    {
      key: 'noticeNo',
      title: t('cards.field.noticeNo'),
      render: (_v, p) => (
        <Link to={`/cards/punishments/${p.id}`} onClick={(e) => e.stopPropagation()} className="fz-cd-mono" data-testid={`punishment-open-${p.id}`}>
          {p.noticeNo}
        </Link>
      ),
    },
    { key: 'status', title: t('cards.field.status'), render: (_v, p) => <PunishmentStatusTag status={p.status} /> },
    { key: 'person', title: t('cards.field.person'), render: (_v, p) => <PersonCell p={p} /> },
    { key: 'grounds', title: t('cards.field.grounds'), render: (_v, p) => <GroundTags grounds={p.grounds} /> },
    { key: 'period', title: t('cards.field.period'), render: (_v, p) => <PeriodText p={p} /> },
    { key: 'delivery', title: t('cards.field.delivery'), render: (_v, p) => <DeliveryCell p={p} /> },
    { key: 'unit', title: t('cards.field.proposedBy'), dataIndex: 'orgName' },
    { key: 'proposedAt', title: t('cards.field.proposedAt'), dataIndex: 'proposedAt', render: (v: string) => formatDateTime(v) },
  ];
  const pager = (page > 1 || rows.length === PAGE_SIZE) && (
    <Space className="fz-cd-pager-bar">
      <Button icon={<LeftOutlined />} disabled={page <= 1} onClick={() => go(view, page - 1)} aria-label={t('cards.pager.prev')} />
      <Typography.Text>{t('cards.pager.page', { n: page })}</Typography.Text>
      <Button icon={<RightOutlined />} disabled={rows.length < PAGE_SIZE} onClick={() => go(view, page + 1)} aria-label={t('cards.pager.next')} />
    </Space>
  );
  return (
    <Card
      variant="borderless"
      size="small"
      data-testid="punishment-list"
      title={t('cards.punishments.title')}
      extra={
        canWork(me.role) && (
          <Link to="/cards/punishments/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="punishment-new">
              {t('cards.punishments.new')}
            </Button>
          </Link>
        )
      }
    >
      <Typography.Paragraph type="secondary" className="fz-small">
        {t('cards.punishments.intro')}
      </Typography.Paragraph>
      <Segmented<View>
        className="fz-gap-bottom fz-cd-quick"
        value={view}
        onChange={(v) => go(v)}
        options={[...PUNISHMENT_STATUSES, 'all' as const].map((s) => ({ value: s, label: <span data-testid={`punishment-view-${s}`}>{s === 'all' ? t('cards.filter.all') : punishmentStatusLabel(t, s)}</span> }))}
      />
      {phone ? (
        <Spin spinning={list.isFetching && !list.data}>
          {rows.length === 0 && !list.isFetching ? (
            <Empty description={t('cards.punishments.empty')} />
          ) : (
            <div className="fz-cd-cards" data-testid="punishment-cards">
              {rows.map((p) => (
                <Card key={p.id} size="small" hoverable className="fz-cd-card" onClick={() => open(p)} data-testid={`punishment-row-${p.id}`} data-notice-no={p.noticeNo} data-status={p.status}>
                  <div className="fz-cd-card-line">
                    <Typography.Text strong className="fz-cd-mono">
                      {p.noticeNo}
                    </Typography.Text>
                    <PunishmentStatusTag status={p.status} />
                  </div>
                  <div className="fz-cd-card-line">
                    <PersonCell p={p} />
                    <DeliveryCell p={p} />
                  </div>
                  <GroundTags grounds={p.grounds} />
                  <Typography.Text type="secondary" className="fz-small">
                    <PeriodText p={p} /> · {p.orgName}
                  </Typography.Text>
                </Card>
              ))}
            </div>
          )}
        </Spin>
      ) : (
        <Table<PunishmentSummaryDto>
          data-testid="punishment-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={list.isFetching && !list.data}
          className="fz-nowrap-table fz-cd-table"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('cards.punishments.empty') }}
          pagination={false}
          onRow={(p) => ({ onClick: () => open(p), ...rowAttrs({ 'data-testid': `punishment-row-${p.id}`, 'data-notice-no': p.noticeNo, 'data-status': p.status }) })}
        />
      )}
      {pager}
    </Card>
  );
}
