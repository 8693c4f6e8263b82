import { ArrowLeftOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Segmented, Select, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { getClusters, type ClusterCaseDto, type ClustersDto } from '../../../api/cases.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { serverNow } from '../../../lib/server-time.ts';
import { canMergeSerial } from '../shared/access.ts';
import { clustersKey } from '../shared/keys.ts';
import { fraudTypeLabel, identifierLabel } from '../shared/labels.ts';
import { formatYuan, toFen, yuan } from '../shared/money.ts';
import { rowAttrs } from '../shared/row-attrs.ts';
import { CaseStatusTag } from '../shared/tags.tsx';
import { SerialModal } from './serial-modal.tsx';

const PERIODS = [30, 90, 365] as const;
/** Cases shown per cluster until it is opened: the shared identifiers say most of it. */
const SHOWN = 5;
const MIN_CASES = [2, 3, 5] as const;
type Cluster = ClustersDto['clusters'][number];

function lossOf(cases: ClusterCaseDto[]): string {
  return formatYuan(cases.reduce((sum, c) => sum + toFen(c.lossAmount), 0));
}

/** The cluster's cases all in one serial case already: nothing left to merge. */
function mergedAs(cases: ClusterCaseDto[]): string | null {
  const first = cases[0]?.serialNo ?? null;
  return first && cases.every((c) => c.serialNo === first) ? first : null;
}

/**
 * 串并案线索: cases of the caller's jurisdiction linked by a shared phone, account, URL, app… in a period,
 * biggest clusters first, with the identifiers that link them; an analyst merges one into a serial case.
 */
export function ClustersPage() {
  const t = useT();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const days = PERIODS.find((p) => String(p) === params.get('days')) ?? 365;
  const minCases = MIN_CASES.find((m) => String(m) === params.get('min')) ?? 2;
  const [merging, setMerging] = useState<Cluster | null>(null);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const q = useQuery({
    queryKey: clustersKey({ days, minCases }),
    queryFn: () => {
      const to = serverNow();
      return getClusters({ from: new Date(to - days * 86_400_000).toISOString(), to: new Date(to).toISOString(), minCases, limit: 50 });
    },
    placeholderData: keepPreviousData,
  });
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const merger = canMergeSerial(me.role);

  const columns: TableColumnsType<ClusterCaseDto> = [
    {
      key: 'caseNo',
      title: t('cases.field.caseNo'),
      render: (_v, c) => (
        <Link to={`/cases/${c.id}`} className="fz-cs-no">
          {c.caseNo}
        </Link>
      ),
    },
    { key: 'reportedAt', title: t('cases.field.reportedAt'), render: (_v, c) => formatDateTime(c.reportedAt) },
    { key: 'fraudType', title: t('cases.field.fraudType'), render: (_v, c) => (c.fraudType ? fraudTypeLabel(t, c.fraudType) : <Typography.Text type="secondary">{t('cases.fraud.unclassified')}</Typography.Text>) },
    { key: 'loss', title: t('cases.field.loss'), align: 'right', render: (_v, c) => <span className="fz-cs-amount">{yuan(c.lossAmount)}</span> },
    { key: 'status', title: t('cases.field.status'), render: (_v, c) => <CaseStatusTag status={c.status} /> },
    { key: 'serial', title: t('cases.serial.column'), render: (_v, c) => (c.serialNo ? <Tag color="purple">{c.serialNo}</Tag> : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>) },
  ];

  const data = q.data;
  return (
    <div className="fz-cs-clusters" data-testid="case-clusters">
      <Link to="/cases">
        <Button type="link" icon={<ArrowLeftOutlined />} className="fz-cs-back">
          {t('cases.detail.back')}
        </Button>
      </Link>
      <Card variant="borderless" size="small" title={t('cases.clusters.title')} className="fz-gap-bottom">
        <Typography.Paragraph type="secondary">{t('cases.clusters.intro')}</Typography.Paragraph>
        <div className="fz-filters">
          <Segmented<number>
            value={days}
            onChange={(v) => set({ days: v === 365 ? undefined : String(v) })}
            options={PERIODS.map((p) => ({ value: p, label: t('cases.clusters.days', { n: p }) }))}
            data-testid="clusters-period"
          />
          <Select<number>
            value={minCases}
            onChange={(v) => set({ min: v === 2 ? undefined : String(v) })}
            options={MIN_CASES.map((m) => ({ value: m, label: t('cases.clusters.minCases', { n: m }) }))}
            className="fz-filter"
            aria-label={t('cases.clusters.minCasesLabel')}
            data-testid="clusters-min"
          />
          {data && (
            <Typography.Text type="secondary" data-testid="clusters-total">
              {t('cases.clusters.total', { n: data.total })}
            </Typography.Text>
          )}
        </div>
        {data && data.hubs.length > 0 && (
          <div className="fz-cs-hubs" data-testid="clusters-hubs">
            <Typography.Text strong>{t('cases.clusters.hubs')}</Typography.Text>
            <Space wrap size={[6, 6]}>
              {data.hubs.map((h) => (
                <Tag key={`${h.kind}|${h.value}`} color="volcano">
                  {identifierLabel(t, h.kind)} {h.value} · {t('cases.clusters.casesN', { n: h.cases })}
                </Tag>
              ))}
            </Space>
          </div>
        )}
      </Card>
      {q.isPending ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : !data || data.clusters.length === 0 ? (
        <Card variant="borderless">
          <Empty description={t('cases.clusters.none')} />
        </Card>
      ) : (
        <div className="fz-cs-cluster-list" data-testid="clusters-list" data-count={data.clusters.length}>
          {data.clusters.map((cl, i) => {
            const merged = mergedAs(cl.cases);
            const key = cl.cases.map((c) => c.id).join('-');
            return (
              <Card
                key={key}
                variant="borderless"
                size="small"
                data-testid={`cluster-${i}`}
                title={t('cases.clusters.clusterTitle', { i: i + 1, n: cl.cases.length, loss: lossOf(cl.cases) })}
                extra={
                  merged ? (
                    <Tag color="purple">{t('cases.serial.already', { no: merged })}</Tag>
                  ) : (
                    merger && (
                      <Button size="small" type="primary" icon={<MergeCellsOutlined />} onClick={() => setMerging(cl)} data-testid={`cluster-merge-${i}`}>
                        {t('cases.serial.merge')}
                      </Button>
                    )
                  )
                }
              >
                <div className="fz-cs-related-shared fz-gap-bottom">
                  <Typography.Text type="secondary" className="fz-small">
                    {t('cases.clusters.sharedBy')}
                  </Typography.Text>
                  {cl.shared.map((s) => (
                    <Tag key={`${s.kind}|${s.value}`} className="fz-cs-tag-small">
                      {identifierLabel(t, s.kind)} {s.value} · {t('cases.clusters.casesN', { n: s.cases })}
                    </Tag>
                  ))}
                </div>
                <Table<ClusterCaseDto>
                  rowKey="id"
                  size="small"
                  columns={columns}
                  dataSource={opened.has(key) ? cl.cases : cl.cases.slice(0, SHOWN)}
                  pagination={opened.has(key) && cl.cases.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                  scroll={{ x: 'max-content' }}
                  className="fz-nowrap-table"
                  onRow={(c) => rowAttrs({ 'data-testid': `cluster-case-${c.id}` })}
                />
                {cl.cases.length > SHOWN && (
                  <Button
                    type="link"
                    size="small"
                    className="fz-cs-link-button"
                    onClick={() =>
                      setOpened((s) => {
                        const next = new Set(s);
                        if (next.has(key)) next.delete(key);
                        else next.add(key);
                        return next;
                      })
                    }
                    data-testid={`cluster-more-${i}`}
                  >
                    {opened.has(key) ? t('cases.related.fewer') : t('cases.related.all', { n: cl.cases.length })}
                  </Button>
                )}
              </Card>
            );
          })}
        </div>
      )}
      {merging && <SerialModal cases={merging.cases} shared={merging.shared} onClose={() => setMerging(null)} />}
    </div>
  );
}
