import { AlertOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Empty, Progress, Segmented, Spin, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { fetchAccountability, type AccountabilityDto, type AccountabilityRow } from '../../../api/cards.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { serverDayjs } from '../../../lib/server-time.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { isCenterWorker } from '../shared/access.ts';
import { accountabilityKey } from '../shared/keys.ts';
import { noticeKindLabel } from '../shared/labels.ts';
import { rowAttrs } from '../shared/row-attrs.ts';
import { IssueNoticeModal } from './issue-notice-modal.tsx';

type Kind = 'bank' | 'operator';
type PeriodKind = 'year' | 'quarter' | 'month' | 'custom';
const PERIODS: readonly PeriodKind[] = ['year', 'quarter', 'month', 'custom'];

const DAY = 'YYYY-MM-DD';

/** [from, to) as whole days (YYYY-MM-DD, `to` exclusive); "year" is the last 365 days up to today, the server's default. */
function periodOf(kind: PeriodKind, custom: [Dayjs, Dayjs] | undefined): { from: string; to: string } {
  const end = serverDayjs().startOf('day').add(1, 'day');
  switch (kind) {
    case 'year':
      return { from: end.subtract(365, 'day').format(DAY), to: end.format(DAY) };
    case 'quarter':
      return { from: end.subtract(90, 'day').format(DAY), to: end.format(DAY) };
    case 'month':
      return { from: end.subtract(30, 'day').format(DAY), to: end.format(DAY) };
    case 'custom': {
      const [a, b] = custom ?? [end.subtract(30, 'day'), end.subtract(1, 'day')];
      return { from: a.format(DAY), to: b.add(1, 'day').format(DAY) };
    }
  }
}

interface Ranked extends AccountabilityRow {
  rank: number;
}

/** The threshold a row reached, and the summons or suspension proposal issued about it (sent, replied or overdue). */
function ActionCell({ r, canIssue, onIssue }: { r: Ranked; canIssue: boolean; onIssue: (r: Ranked) => void }) {
  const t = useT();
  const n = r.notice;
  const state = n ? (n.repliedAt ? 'replied' : n.overdue ? 'overdue' : 'open') : null;
  return (
    <span className="fz-cd-flags fz-cd-rank-action" data-action={r.action ?? ''} data-notice-state={state ?? ''}>
      {r.action && (
        <Tag color={r.action === 'suspend' ? 'red' : 'orange'} className="fz-cd-tag-small">
          {t(`cards.rank.action.${r.action}`)}
        </Tag>
      )}
      {n && state && (
        <Tooltip title={t('cards.rank.noticeTip', { kind: noticeKindLabel(t, n.kind), at: formatDateTime(n.issuedAt) })}>
          <Link to={`/cards/notices?id=${n.id}`} onClick={(e) => e.stopPropagation()} data-testid={`rank-notice-${r.code}`}>
            <Tag color={state === 'replied' ? 'green' : state === 'overdue' ? 'red' : 'blue'} className="fz-cd-tag-small">
              {t(`cards.rank.notice.${state}`, { kind: noticeKindLabel(t, n.kind) })}
            </Tag>
          </Link>
        </Tooltip>
      )}
      {r.action && canIssue && (
        <Button size="small" icon={<AlertOutlined />} onClick={() => onIssue(r)} data-testid={`rank-issue-${r.code}`}>
          {t(n ? 'cards.rank.issueAgain' : r.action === 'suspend' ? 'cards.rank.issueSuspend' : 'cards.rank.issueSummon')}
        </Button>
      )}
    </span>
  );
}

/**
 * 倒查: the bank branches and operator outlets where case-involved cards were opened, most first. The bar is
 * the share of the top one; verified (closed, not struck off) and punishable findings beside it.
 */
export function AccountabilityPage() {
  const me = useCurrentUser();
  const t = useT();
  const phone = usePhone();
  const [issuing, setIssuing] = useState<Ranked | null>(null);
  const canIssue = isCenterWorker(me.role);
  const [kind, setKind] = useState<Kind>('bank');
  const [period, setPeriod] = useState<PeriodKind>('year');
  const [custom, setCustom] = useState<[Dayjs, Dayjs] | undefined>(undefined);
  const range = periodOf(period, custom);
  const q = { kind, ...range };
  const data = useQuery({ queryKey: accountabilityKey(q), queryFn: () => fetchAccountability({ ...q, limit: 100 }), placeholderData: keepPreviousData });
  const rows: Ranked[] = (data.data?.items ?? []).map((r, i) => ({ ...r, rank: i + 1 }));
  // The period as the server counted it (whole days, both included): what a notice from a row is issued on.
  const counted: Pick<AccountabilityDto, 'firstDay' | 'lastDay' | 'thresholds'> | null = data.data ? { firstDay: data.data.firstDay, lastDay: data.data.lastDay, thresholds: data.data.thresholds } : null;
  const top = rows[0]?.leads ?? 0;
  const bar = (n: number) => <Progress percent={top ? Math.round((n / top) * 100) : 0} showInfo={false} size="small" strokeColor="#cf1322" className="fz-cd-bar" />;
  const columns: TableColumnsType<Ranked> = [
    { key: 'rank', title: t('cards.rank.rank'), dataIndex: 'rank', width: 64, render: (v: number) => <Typography.Text strong={v <= 3}>{v}</Typography.Text> },
    {
      key: 'name',
      title: t(kind === 'bank' ? 'cards.rank.branch' : 'cards.rank.outlet'),
      render: (_v, r) => (
        <span className="fz-cd-stack">
          <span>{r.name}</span>
          <Typography.Text type="secondary" className="fz-small">
            {r.institution} · {r.code}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'leads',
      title: t('cards.rank.leads'),
      render: (_v, r) => (
        <div className="fz-cd-bar-cell">
          <Typography.Text strong className="fz-cd-num">
            {r.leads}
          </Typography.Text>
          {bar(r.leads)}
        </div>
      ),
    },
    { key: 'closed', title: t('cards.rank.closed'), dataIndex: 'closed', align: 'right' },
    { key: 'punished', title: t('cards.rank.punished'), dataIndex: 'punished', align: 'right' },
    { key: 'action', title: t('cards.rank.actionTitle'), render: (_v, r) => <ActionCell r={r} canIssue={canIssue} onIssue={setIssuing} /> },
  ];
  return (
    <Card variant="borderless" size="small" data-testid="accountability" title={t('cards.rank.title')}>
      <Typography.Paragraph type="secondary" className="fz-small">
        {t('cards.rank.intro')}
      </Typography.Paragraph>
      <div className="fz-filters">
        <Segmented<Kind>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'bank', label: <span data-testid="rank-kind-bank">{t('cards.rank.banks')}</span> },
            { value: 'operator', label: <span data-testid="rank-kind-operator">{t('cards.rank.operators')}</span> },
          ]}
        />
        <Segmented<PeriodKind> value={period} onChange={setPeriod} options={PERIODS.map((p) => ({ value: p, label: <span data-testid={`rank-period-${p}`}>{t(`cards.rank.period.${p}`)}</span> }))} />
        {period === 'custom' && (
          <DatePicker.RangePicker
            value={custom}
            onChange={(r) => setCustom(r?.[0] && r[1] ? [r[0], r[1]] : undefined)}
            disabledDate={(d) => d.isAfter(serverDayjs().endOf('day'))}
            allowClear={false}
            className="fz-filter-range"
            data-testid="rank-range"
          />
        )}
      </div>
      <Typography.Paragraph type="secondary" className="fz-small" data-testid="rank-range-line">
        {t('cards.rank.rangeLine', { from: counted?.firstDay ?? range.from, to: counted?.lastDay ?? dayjs(range.to).subtract(1, 'day').format(DAY) })}
        {counted && ` ${t('cards.rank.thresholdLine', { summon: counted.thresholds.summonAt, suspend: counted.thresholds.suspendAt })}`}
      </Typography.Paragraph>
      {phone ? (
        <Spin spinning={data.isFetching && !data.data}>
          {rows.length === 0 ? (
            <Empty description={t('cards.rank.empty')} />
          ) : (
            <div className="fz-cd-cards" data-testid="rank-cards">
              {rows.map((r) => (
                <Card key={r.code} size="small" className="fz-cd-card" data-testid={`rank-row-${r.code}`} data-action={r.action ?? ''}>
                  <div className="fz-cd-card-line">
                    <Typography.Text strong>
                      {r.rank}. {r.name}
                    </Typography.Text>
                    <Typography.Text strong className="fz-cd-num">
                      {r.leads}
                    </Typography.Text>
                  </div>
                  {bar(r.leads)}
                  <Typography.Text type="secondary" className="fz-small">
                    {r.institution} · {t('cards.rank.cardLine', { closed: r.closed, punished: r.punished })}
                  </Typography.Text>
                  {(r.action || r.notice) && <ActionCell r={r} canIssue={canIssue} onIssue={setIssuing} />}
                </Card>
              ))}
            </div>
          )}
        </Spin>
      ) : (
        <Table<Ranked>
          data-testid="rank-table"
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={data.isFetching && !data.data}
          className="fz-cd-rank-table"
          locale={{ emptyText: t('cards.rank.empty') }}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          onRow={(r) => rowAttrs({ 'data-testid': `rank-row-${r.code}`, 'data-leads': r.leads, 'data-action': r.action ?? '' })}
        />
      )}
      {issuing && counted && <IssueNoticeModal row={issuing} ranking={counted} onClose={() => setIssuing(null)} />}
    </Card>
  );
}
