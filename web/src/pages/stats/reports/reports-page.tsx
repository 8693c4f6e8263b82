import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Segmented, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { listReports, reportHtmlUrl, reportXlsxUrl, type ReportDto, type ReportKind } from '../../../api/stats.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { errorText } from '../../../lib/notify.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { OrgTreeSelect } from '../../admin/org-tree-select.tsx';
import { rowAttrs } from '../../cards/shared/row-attrs.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useStatsT, type StatsT } from '../i18n/use-stats-t.ts';
import { canRequestReport } from '../shared/access.ts';
import { reportsKey } from '../shared/keys.ts';
import { useStatUnits } from '../shared/units.ts';
import { RequestReport } from './request-report.tsx';

type KindFilter = 'all' | ReportKind;
const KINDS: readonly KindFilter[] = ['all', 'weekly', 'monthly', 'custom'];
const KIND_COLOURS: Record<ReportKind, string> = { weekly: 'blue', monthly: 'green', custom: 'purple' };
/** A year of a city's weekly and monthly reports and then some. */
const LIMIT = 200;

function KindTag({ kind }: { kind: ReportKind }) {
  const st = useStatsT();
  return <Tag color={KIND_COLOURS[kind]}>{st(`stats.reports.kind.${kind}`)}</Tag>;
}

/** Excel download and the printable page in a new tab: plain links the browser follows with the session. */
function ReportActions({ r, st }: { r: ReportDto; st: StatsT }) {
  return (
    <span className="fz-st-actions" onClick={(e) => e.stopPropagation()}>
      <Button size="small" icon={<FileExcelOutlined />} href={reportXlsxUrl(r.id)} download data-testid={`report-xlsx-${r.id}`}>
        {st('stats.reports.xlsx')}
      </Button>
      <Button size="small" icon={<PrinterOutlined />} href={reportHtmlUrl(r.id)} target="_blank" rel="noopener noreferrer" data-testid={`report-print-${r.id}`}>
        {st('stats.reports.print')}
      </Button>
    </span>
  );
}

/**
 * The reports of the caller's jurisdiction, newest period first: the weekly and monthly ones the scheduled
 * job makes, and custom ones; filtered by kind and unit (both in the address), each with its workbook and
 * printable page. The center can make a report for any period and unit here.
 */
export function ReportsPage() {
  const me = useCurrentUser();
  const t = useT();
  const st = useStatsT();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const rawKind = params.get('kind') ?? 'all';
  const kind: KindFilter = (KINDS as readonly string[]).includes(rawKind) ? (rawKind as KindFilter) : 'all';
  const orgCode = params.get('orgCode') || undefined;
  const { units } = useStatUnits();
  const [made, setMade] = useState<number | null>(null);
  const query = { kind: kind === 'all' ? undefined : kind, orgCode, limit: LIMIT };
  const list = useQuery({ queryKey: reportsKey(query.kind, orgCode), queryFn: () => listReports(query), placeholderData: keepPreviousData, meta: { handlesError: true } });
  const rows = list.data ?? [];
  const loading = list.isFetching && !list.data;
  const setParam = (key: 'kind' | 'orgCode', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };
  const period = (r: ReportDto) => st('stats.reports.periodLine', { from: r.firstDay, to: r.lastDay });
  const created = (r: ReportDto) => `${formatDateTime(r.createdAt)} · ${r.createdBy ?? st('stats.reports.bySystem')}`;
  const attrs = (r: ReportDto) => ({ 'data-testid': `report-row-${r.id}`, 'data-kind': r.kind, 'data-org-code': r.orgCode, 'data-first': r.firstDay, 'data-last': r.lastDay, 'data-new': String(r.id === made) });
  const columns: TableColumnsType<ReportDto> = [
    { key: 'kind', title: st('stats.reports.col.kind'), dataIndex: 'kind', render: (k: ReportKind) => <KindTag kind={k} /> },
    { key: 'title', title: st('stats.reports.col.title'), render: (_v, r) => <span className="fz-st-list-title" title={r.title}>{r.title}</span> },
    { key: 'period', title: st('stats.reports.col.period'), render: (_v, r) => period(r) },
    { key: 'org', title: st('stats.reports.col.org'), dataIndex: 'orgName' },
    { key: 'created', title: st('stats.reports.col.created'), render: (_v, r) => created(r) },
    { key: 'actions', title: t('common.actions'), fixed: 'end', render: (_v, r) => <ReportActions r={r} st={st} /> },
  ];
  const settled = list.isSuccess && !list.isFetching && !list.isPlaceholderData;

  return (
    <div className="fz-st-page" data-testid="stats-reports" data-kind={kind} data-org-code={orgCode ?? ''} data-settled={String(settled)}>
      {canRequestReport(me.role) && <RequestReport units={units} onMade={(r) => setMade(r.id)} />}
      <Card variant="borderless" size="small" title={st('stats.reports.title')} data-testid="report-list">
        <Typography.Paragraph type="secondary" className="fz-small">
          {st('stats.reports.intro')}
        </Typography.Paragraph>
        <div className="fz-filters">
          <Segmented<KindFilter>
            value={kind}
            onChange={(k) => setParam('kind', k === 'all' ? undefined : k)}
            options={KINDS.map((k) => ({ value: k, label: <span data-testid={`report-kind-${k}`}>{st(`stats.reports.kind.${k}`)}</span> }))}
          />
          <div className="fz-st-org">
            <OrgTreeSelect orgs={units} value={orgCode} onChange={(code) => setParam('orgCode', code)} allowClear testId="report-filter-org" placeholder={st('stats.reports.filterOrg')} />
          </div>
        </div>
        {list.isError && <Alert type="error" showIcon title={st('stats.loadFailed')} description={errorText(list.error)} className="fz-gap-bottom" />}
        {phone ? (
          <Spin spinning={loading}>
            {rows.length === 0 && !loading ? (
              <Empty description={st('stats.reports.empty')} data-testid="report-cards" />
            ) : (
              <div className="fz-st-cards" data-testid="report-cards">
                {rows.map((r) => (
                  <Card key={r.id} size="small" className="fz-st-card" {...rowAttrs(attrs(r))}>
                    <div className="fz-st-card-line">
                      <KindTag kind={r.kind} />
                      <Typography.Text type="secondary" className="fz-small">
                        {period(r)}
                      </Typography.Text>
                    </div>
                    <Typography.Text strong>{r.title}</Typography.Text>
                    <Typography.Text type="secondary" className="fz-small">
                      {created(r)}
                    </Typography.Text>
                    <ReportActions r={r} st={st} />
                  </Card>
                ))}
              </div>
            )}
          </Spin>
        ) : (
          <Table<ReportDto>
            data-testid="report-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={loading}
            className="fz-st-list"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: st('stats.reports.empty') }}
            onRow={(r) => rowAttrs(attrs(r))}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) } : false}
          />
        )}
      </Card>
    </div>
  );
}
