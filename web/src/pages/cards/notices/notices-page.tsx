import { SendOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Row, Segmented, Spin, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { listUnitNotices, type UnitNoticeDto } from '../../../api/cards.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { isCenterWorker, receivesNotices } from '../shared/access.ts';
import { unitNoticeListKey } from '../shared/keys.ts';
import { rowAttrs } from '../shared/row-attrs.ts';
import { NoticeKindTag } from '../shared/tags.tsx';
import { NoticeDrawer } from './notice-drawer.tsx';
import { NoticeReplyCell } from './notice-cells.tsx';
import { SendNoticeModal } from './send-notice-modal.tsx';

type View = 'all' | 'open' | 'overdue';
const VIEWS: readonly View[] = ['all', 'open', 'overdue'];
/** The server lists up to 500 a call; a year's notices of a city fit well under it. */
const LIMIT = 200;

function Stat({ testId, title, value, tone }: { testId: string; title: string; value: number | undefined; tone?: 'danger' | 'success' }) {
  return (
    <Card size="small" className="fz-stat-card" data-testid={testId} data-value={value ?? ''}>
      <Statistic title={title} value={value ?? '—'} styles={{ content: tone === 'danger' && value ? { color: '#cf1322' } : tone === 'success' ? { color: '#389e0d' } : undefined }} />
    </Card>
  );
}

/**
 * Notices to banks, operators and member units (提示函, summonses, suspension proposals): the center's sent
 * ones with how many were answered, or a partner's received ones with the form to answer each, once.
 * `?id=` opens one (the notification bell links here).
 */
export function NoticesPage() {
  const me = useCurrentUser();
  const t = useT();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const v = params.get('view') ?? 'all';
  const view: View = (VIEWS as readonly string[]).includes(v) ? (v as View) : 'all';
  const openId = Number(params.get('id')) || null;
  const [sending, setSending] = useState(false);
  const partner = receivesNotices(me.role);
  const query = { open: view === 'open' ? ('true' as const) : undefined, overdue: view === 'overdue' ? ('true' as const) : undefined, limit: LIMIT };
  const list = useQuery({ queryKey: unitNoticeListKey(query), queryFn: () => listUnitNotices(query), placeholderData: keepPreviousData, staleTime: 0, refetchInterval: 60_000 });
  // The counts cover every notice whatever the view; the overdue ones are counted from their own list.
  const overdueQuery = { overdue: 'true' as const, limit: 500 };
  const overdue = useQuery({ queryKey: unitNoticeListKey(overdueQuery), queryFn: () => listUnitNotices(overdueQuery), refetchInterval: 60_000 });
  const rows = list.data?.items ?? [];
  // The one asked for by the address, from this view or, failing that, from the overdue list.
  const opened = openId ? (rows.find((n) => n.id === openId) ?? overdue.data?.items.find((n) => n.id === openId) ?? null) : null;
  const setParam = (key: 'view' | 'id', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };
  const openNotice = (n: UnitNoticeDto) => setParam('id', String(n.id));
  const sent = list.data?.sent;
  const replied = list.data?.replied;
  const columns: TableColumnsType<UnitNoticeDto> = [
    {
      key: 'no',
      title: t('cards.notice.no'),
      render: (_v, n) => (
        <Button
          type="link"
          className="fz-cd-link fz-cd-mono"
          onClick={(e) => {
            e.stopPropagation();
            openNotice(n);
          }}
          data-testid={`notice-open-${n.id}`}
        >
          {n.noticeNo}
        </Button>
      ),
    },
    { key: 'kind', title: t('cards.notice.kind'), render: (_v, n) => <NoticeKindTag kind={n.kind} /> },
    ...(partner ? [] : [{ key: 'to', title: t('cards.notice.to'), render: (_v: unknown, n: UnitNoticeDto) => <span className="fz-cd-stack"><span>{n.toOrgName}</span><Typography.Text type="secondary" className="fz-small">{n.toOrgCode}</Typography.Text></span> }]),
    { key: 'subject', title: t('cards.notice.subject'), render: (_v, n) => <span className="fz-cd-ellipsis">{n.subject}</span> },
    { key: 'issued', title: t('cards.notice.issuedAt'), dataIndex: 'issuedAt', render: (x: string) => formatDateTime(x) },
    { key: 'state', title: t('cards.notice.replyState'), render: (_v, n) => <NoticeReplyCell n={n} /> },
    ...(partner
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: 'end' as const,
            render: (_v: unknown, n: UnitNoticeDto) =>
              n.repliedAt ? null : (
                <Button
                  size="small"
                  type="primary"
                  onClick={(e) => {
                    e.stopPropagation();
                    openNotice(n);
                  }}
                  data-testid={`notice-reply-open-${n.id}`}
                >
                  {t('cards.notice.reply')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <div data-testid="notices-page">
      <Row gutter={[12, 12]} className="fz-gap-bottom">
        <Col xs={12} md={6}>
          <Stat testId="notice-stat-sent" title={t(partner ? 'cards.notice.statReceived' : 'cards.notice.statSent')} value={sent} />
        </Col>
        <Col xs={12} md={6}>
          <Stat testId="notice-stat-replied" title={t('cards.notice.statReplied')} value={replied} tone="success" />
        </Col>
        <Col xs={12} md={6}>
          <Stat testId="notice-stat-open" title={t('cards.notice.statOpen')} value={sent !== undefined && replied !== undefined ? sent - replied : undefined} />
        </Col>
        <Col xs={12} md={6}>
          <Stat testId="notice-stat-overdue" title={t('cards.notice.statOverdue')} value={overdue.data?.items.length} tone="danger" />
        </Col>
      </Row>
      <Card
        variant="borderless"
        size="small"
        data-testid="notice-list"
        title={t(partner ? 'cards.notices.titleReceived' : 'cards.notices.title')}
        extra={
          isCenterWorker(me.role) && (
            <Button type="primary" icon={<SendOutlined />} onClick={() => setSending(true)} data-testid="notice-send-open">
              {t('cards.notice.send')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" className="fz-small">
          {t(partner ? 'cards.notices.introPartner' : 'cards.notices.introCenter')}
        </Typography.Paragraph>
        <Segmented<View>
          className="fz-gap-bottom fz-cd-quick"
          value={view}
          onChange={(x) => setParam('view', x === 'all' ? null : x)}
          options={VIEWS.map((x) => ({ value: x, label: <span data-testid={`notices-view-${x}`}>{t(`cards.notices.view.${x}`)}</span> }))}
        />
        {phone ? (
          <Spin spinning={list.isFetching && !list.data}>
            {rows.length === 0 && !list.isFetching ? (
              <Empty description={t('cards.notices.empty')} />
            ) : (
              <div className="fz-cd-cards" data-testid="notice-cards">
                {rows.map((n) => (
                  <Card key={n.id} size="small" hoverable className="fz-cd-card" onClick={() => openNotice(n)} data-testid={`notice-row-${n.id}`} data-notice-no={n.noticeNo}>
                    <div className="fz-cd-card-line">
                      <Typography.Text strong className="fz-cd-mono">
                        {n.noticeNo}
                      </Typography.Text>
                      <NoticeKindTag kind={n.kind} />
                    </div>
                    <Typography.Text>{n.subject}</Typography.Text>
                    <div className="fz-cd-card-line">
                      <Typography.Text type="secondary" className="fz-small">
                        {partner ? formatDateTime(n.issuedAt) : `${n.toOrgName} · ${formatDateTime(n.issuedAt)}`}
                      </Typography.Text>
                      <NoticeReplyCell n={n} />
                    </div>
                  </Card>
                ))}
              </div>
            )}
          </Spin>
        ) : (
          <Table<UnitNoticeDto>
            data-testid="notice-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={list.isFetching && !list.data}
            className="fz-nowrap-table fz-cd-table"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('cards.notices.empty') }}
            rowClassName={(n) => (n.overdue ? 'fz-cd-overdue' : '')}
            onRow={(n) => ({ onClick: () => openNotice(n), ...rowAttrs({ 'data-testid': `notice-row-${n.id}`, 'data-notice-no': n.noticeNo, 'data-state': n.repliedAt ? 'replied' : n.overdue ? 'overdue' : 'open' }) })}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) } : false}
          />
        )}
      </Card>
      {opened && <NoticeDrawer n={opened} onClose={() => setParam('id', null)} />}
      {sending && (
        <SendNoticeModal
          onClose={() => setSending(false)}
          onSent={(n) => {
            setSending(false);
            setParam('id', String(n.id));
          }}
        />
      )}
    </div>
  );
}
