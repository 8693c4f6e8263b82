import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { fetchCoverage, type CoverageRow } from '../../../api/outreach.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { OrgTreeSelect } from '../../admin/org-tree-select.tsx';
import { rowAttrs } from '../../cards/shared/row-attrs.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useOutreachT } from '../i18n/use-outreach-t.ts';
import { canIssue } from '../shared/access.ts';
import { coverageKey } from '../shared/keys.ts';
import { percent } from '../shared/labels.ts';
import { FIGURE_KINDS, useUnits } from '../shared/orgs.ts';
import { PeriodFilter, periodOf, readPeriod, writePeriod, type PeriodKind } from '../shared/period.tsx';
import { Rate } from '../shared/tags.tsx';
import { FiguresForm } from './figures-form.tsx';

const PERIODS: readonly PeriodKind[] = ['month', 'quarter', 'year', 'custom'];
const DEFAULT_PERIOD: PeriodKind = 'year';

interface Totals {
  activities: number;
  people: number;
  vulnerable: number;
  reached: number;
  /** Over the units with both figures. */
  population: number | null;
  appRegistered: number | null;
}

function totalsOf(rows: readonly CoverageRow[]): Totals {
  const withFigures = rows.filter((r) => r.population !== null && r.appRegistered !== null);
  const sum = (f: (r: CoverageRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  return {
    activities: sum((r) => r.activities),
    people: sum((r) => r.people),
    vulnerable: sum((r) => r.vulnerable),
    reached: sum((r) => r.reached),
    population: withFigures.length ? withFigures.reduce((a, r) => a + (r.population ?? 0), 0) : null,
    appRegistered: withFigures.length ? withFigures.reduce((a, r) => a + (r.appRegistered ?? 0), 0) : null,
  };
}

/**
 * Coverage per unit below the chosen one (the caller's by default) over a period: activities, people
 * reached, the vulnerable register reached and the app registration rate from the reference figures, which
 * the center enters here too.
 */
export function CoveragePage() {
  const me = useCurrentUser();
  const t = useT();
  const ot = useOutreachT();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const choice = readPeriod(params, PERIODS, DEFAULT_PERIOD);
  const orgCode = params.get('org') || undefined;
  const query = { ...periodOf(choice), orgCode };
  const data = useQuery({ queryKey: coverageKey(query), queryFn: () => fetchCoverage(query), placeholderData: keepPreviousData, meta: { handlesError: true } });
  const { units } = useUnits(FIGURE_KINDS);
  const rows = useMemo(() => data.data?.items ?? [], [data.data]);
  const totals = useMemo(() => totalsOf(rows), [rows]);
  const none = t('common.none');
  const num = (v: number | null) => (v === null ? none : v.toLocaleString());
  const update = (patch: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    patch(next);
    setParams(next);
  };
  const reachedText = (reached: number, vulnerable: number) => ot('outreach.coverage.reachedOf', { reached, vulnerable });
  const appRate = totals.population && totals.appRegistered !== null ? totals.appRegistered / totals.population : null;
  const vulnerableRate = totals.vulnerable ? totals.reached / totals.vulnerable : null;

  const columns: TableColumnsType<CoverageRow> = [
    { key: 'unit', title: ot('outreach.coverage.unit'), dataIndex: 'name' },
    { key: 'activities', title: ot('outreach.coverage.activities'), dataIndex: 'activities', align: 'right' },
    { key: 'people', title: ot('outreach.coverage.people'), dataIndex: 'people', align: 'right', render: (v: number) => v.toLocaleString() },
    { key: 'reached', title: ot('outreach.coverage.reached'), align: 'right', render: (_v, r) => reachedText(r.reached, r.vulnerable) },
    { key: 'vulnerableRate', title: ot('outreach.coverage.vulnerableRate'), render: (_v, r) => <Rate rate={r.vulnerableRate} testId={`coverage-vrate-${r.code}`} /> },
    { key: 'population', title: ot('outreach.coverage.population'), align: 'right', render: (_v, r) => num(r.population) },
    { key: 'app', title: ot('outreach.coverage.appRegistered'), align: 'right', render: (_v, r) => num(r.appRegistered) },
    { key: 'appRate', title: ot('outreach.coverage.appRate'), render: (_v, r) => <Rate rate={r.appRate} testId={`coverage-apprate-${r.code}`} /> },
  ];

  return (
    <div data-testid="coverage-page">
      <Card variant="borderless" size="small" title={ot('outreach.coverage.title')} data-testid="coverage" data-fetching={data.isFetching ? 'true' : 'false'} className="fz-gap-bottom">
        <Typography.Paragraph type="secondary" className="fz-small">
          {ot('outreach.coverage.hint')}
        </Typography.Paragraph>
        <PeriodFilter kinds={PERIODS} value={choice} onChange={(c) => update((p) => writePeriod(p, c, DEFAULT_PERIOD))} testPrefix="coverage" />
        {units.length > 1 && (
          <div className="fz-filters">
            <div className="fz-filter fz-filter-wide">
              <OrgTreeSelect
                orgs={units}
                value={orgCode}
                onChange={(code) => update((p) => (code && code !== me.orgCode ? p.set('org', code) : p.delete('org')))}
                placeholder={ot('outreach.coverage.orgPlaceholder')}
                allowClear
                testId="coverage-org"
              />
            </div>
          </div>
        )}
        {data.isError && <Alert type="error" showIcon title={ot('outreach.loadFailed')} className="fz-gap-bottom" />}
        {phone ? (
          <Spin spinning={data.isPending}>
            {!data.isPending && rows.length === 0 ? (
              <Empty description={ot('outreach.coverage.empty')} data-testid="coverage-cards" />
            ) : (
              <div className="fz-or-cards" data-testid="coverage-cards">
                {rows.map((r) => (
                  <Card key={r.code} size="small" className="fz-or-card" data-testid={`coverage-row-${r.code}`} data-app-rate={percent(r.appRate) ?? ''}>
                    <div className="fz-or-card-line">
                      <Typography.Text strong>{r.name}</Typography.Text>
                      <span>{ot('outreach.coverage.cardLine', { n: r.activities, people: r.people.toLocaleString() })}</span>
                    </div>
                    <div className="fz-or-card-line">
                      <Typography.Text type="secondary">{ot('outreach.coverage.reached')}</Typography.Text>
                      <span>{reachedText(r.reached, r.vulnerable)}</span>
                    </div>
                    <div className="fz-or-card-line">
                      <Typography.Text type="secondary">{ot('outreach.coverage.appRate')}</Typography.Text>
                      <Rate rate={r.appRate} testId={`coverage-apprate-${r.code}`} />
                    </div>
                  </Card>
                ))}
              </div>
            )}
          </Spin>
        ) : (
          <Table<CoverageRow>
            data-testid="coverage-table"
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={data.isPending}
            pagination={false}
            className="fz-nowrap-table"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: ot('outreach.coverage.empty') }}
            onRow={(r) => rowAttrs({ 'data-testid': `coverage-row-${r.code}`, 'data-activities': r.activities, 'data-reached': r.reached, 'data-app-rate': percent(r.appRate) ?? '' })}
            summary={() =>
              rows.length > 1 && (
                <Table.Summary fixed>
                  <Table.Summary.Row data-testid="coverage-total">
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>{ot('outreach.coverage.total')}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      {totals.activities}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      {totals.people.toLocaleString()}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      {reachedText(totals.reached, totals.vulnerable)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4}>
                      <Rate rate={vulnerableRate} />
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={5} align="right">
                      {num(totals.population)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={6} align="right">
                      {num(totals.appRegistered)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={7}>
                      <Rate rate={appRate} />
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                </Table.Summary>
              )
            }
          />
        )}
      </Card>
      {canIssue(me.role) && <FiguresForm units={units} />}
    </div>
  );
}
