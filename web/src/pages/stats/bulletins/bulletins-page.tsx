import { EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Segmented, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { listBulletins, type BulletinDto, type BulletinStatus } from '../../../api/stats.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../lib/notify.ts';
import { rowAttrs } from '../../cards/shared/row-attrs.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useStatsT } from '../i18n/use-stats-t.ts';
import { canDraftBulletin } from '../shared/access.ts';
import { bulletinsKey } from '../shared/keys.ts';
import { useStatUnits } from '../shared/units.ts';
import { BulletinStatusTag } from './bulletin-tags.tsx';
import { DraftBulletinModal } from './draft-modal.tsx';

type View = 'all' | BulletinStatus;
const VIEWS: readonly View[] = ['all', 'draft', 'published'];
const LIMIT = 200;

/**
 * 警情通报: for the center its drafts and published bulletins (and the way to draft a new one); for a unit
 * below, the bulletins published to it. `?status=` keeps the view in the address; a row opens the bulletin.
 */
export function BulletinsPage() {
  const me = useCurrentUser();
  const t = useT();
  const st = useStatsT();
  const phone = usePhone();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const drafts = canDraftBulletin(me.role);
  const raw = params.get('status') ?? 'all';
  const view: View = (VIEWS as readonly string[]).includes(raw) ? (raw as View) : 'all';
  const status = view === 'all' ? undefined : view;
  const [drafting, setDrafting] = useState(false);
  const { units } = useStatUnits();
  const list = useQuery({ queryKey: bulletinsKey(status), queryFn: () => listBulletins({ status, limit: LIMIT }), placeholderData: keepPreviousData, meta: { handlesError: true } });
  const rows = list.data ?? [];
  const loading = list.isFetching && !list.data;
  const open = (b: Pick<BulletinDto, 'id'>) => void navigate(`/stats/bulletins/${b.id}`);
  const period = (b: BulletinDto) => st('stats.reports.periodLine', { from: b.firstDay, to: b.lastDay });
  const when = (b: BulletinDto) => formatDateTime(b.publishedAt ?? b.createdAt);
  const attrs = (b: BulletinDto) => ({ 'data-testid': `bulletin-row-${b.id}`, 'data-status': b.status, 'data-org-code': b.orgCode });
  const columns: TableColumnsType<BulletinDto> = [
    { key: 'status', title: st('stats.bulletins.col.status'), dataIndex: 'status', render: (s: BulletinStatus) => <BulletinStatusTag status={s} /> },
    { key: 'title', title: st('stats.bulletins.col.title'), render: (_v, b) => <span className="fz-st-list-title" title={b.title}>{b.title}</span> },
    { key: 'org', title: st('stats.bulletins.col.org'), dataIndex: 'orgName' },
    { key: 'period', title: st('stats.bulletins.col.period'), render: (_v, b) => period(b) },
    { key: 'when', title: st('stats.bulletins.col.updated'), render: (_v, b) => when(b) },
  ];
  const settled = list.isSuccess && !list.isFetching && !list.isPlaceholderData;
  return (
    <div className="fz-st-page" data-testid="stats-bulletins" data-view={view} data-settled={String(settled)}>
      <Card
        variant="borderless"
        size="small"
        title={st('stats.bulletins.title')}
        data-testid="bulletin-list"
        extra={
          drafts && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setDrafting(true)} data-testid="bulletin-new">
              {st('stats.bulletins.new')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" className="fz-small">
          {st(me.role === 'station_officer' ? 'stats.bulletins.introUnit' : 'stats.bulletins.intro')}
        </Typography.Paragraph>
        <Segmented<View>
          className="fz-gap-bottom"
          value={view}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            if (v === 'all') next.delete('status');
            else next.set('status', v);
            setParams(next);
          }}
          options={VIEWS.map((v) => ({ value: v, label: <span data-testid={`bulletin-view-${v}`}>{st(`stats.bulletins.view.${v}`)}</span> }))}
        />
        {list.isError && <Alert type="error" showIcon title={st('stats.loadFailed')} description={errorText(list.error)} className="fz-gap-bottom" />}
        {phone ? (
          <Spin spinning={loading}>
            {rows.length === 0 && !loading ? (
              <Empty description={st('stats.bulletins.empty')} data-testid="bulletin-cards" />
            ) : (
              <div className="fz-st-cards" data-testid="bulletin-cards">
                {rows.map((b) => (
                  <Card key={b.id} size="small" hoverable className="fz-st-card" onClick={() => open(b)} {...rowAttrs(attrs(b))}>
                    <div className="fz-st-card-line">
                      <BulletinStatusTag status={b.status} />
                      <Typography.Text type="secondary" className="fz-small">
                        {when(b)}
                      </Typography.Text>
                    </div>
                    <Typography.Text strong>{b.title}</Typography.Text>
                    <Typography.Text type="secondary" className="fz-small">
                      {b.orgName} · {period(b)}
                    </Typography.Text>
                  </Card>
                ))}
              </div>
            )}
          </Spin>
        ) : (
          <Table<BulletinDto>
            data-testid="bulletin-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={loading}
            className="fz-st-list fz-st-table-rows"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: st('stats.bulletins.empty') }}
            onRow={(b) => ({ onClick: () => open(b), ...rowAttrs(attrs(b)) })}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) } : false}
          />
        )}
      </Card>
      {drafting && (
        <DraftBulletinModal
          units={units}
          onClose={() => setDrafting(false)}
          onDrafted={(b) => {
            setDrafting(false);
            open(b);
          }}
        />
      )}
    </div>
  );
}
