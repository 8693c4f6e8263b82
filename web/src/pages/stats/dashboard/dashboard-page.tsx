import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Skeleton, Spin } from 'antd';
import { useMemo } from 'react';
import { listOrgs, type OrgDto } from '../../../api/orgs.ts';
import { fetchDashboard, type KpiId } from '../../../api/stats.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { errorText } from '../../../lib/notify.ts';
import { useStatsT } from '../i18n/use-stats-t.ts';
import type { DrillScope } from '../shared/drill.ts';
import { dashboardKey, ORGS_ACTIVE_KEY } from '../shared/keys.ts';
import { apiRange } from '../shared/period.ts';
import { useDashboardParams } from '../shared/use-dashboard-params.ts';
import { useKpiDefs } from '../shared/use-kpi-defs.ts';
import { FiltersBar } from './filters-bar.tsx';
import { HeatTable } from './heat-table.tsx';
import { KpiCards } from './kpi-cards.tsx';
import { FraudTypesChart, MoneyChart, VictimCharts } from './mix-charts.tsx';
import { TrendChart } from './trend-chart.tsx';

/** Jurisdiction units: the dashboard is for them (partners' institutions have no statistics here). */
const UNIT_KINDS: ReadonlySet<OrgDto['kind']> = new Set(['city', 'county', 'station', 'township', 'grid']);

/**
 * The leadership dashboard: a period and a unit (both in the address), the KPIs with 同比 and 环比, twelve
 * months of trend, the fraud-type, victim and money mix, and the units below as a heat table to drill into.
 */
export function DashboardPage() {
  const me = useCurrentUser();
  const st = useStatsT();
  const { today, period, orgCode: asked, setPeriod, setOrg } = useDashboardParams();
  const range = apiRange(period);
  const defs = useKpiDefs();
  const orgs = useQuery({ queryKey: ORGS_ACTIVE_KEY, queryFn: () => listOrgs(false), staleTime: 5 * 60_000 });
  const units = useMemo(() => (orgs.data ?? []).filter((o) => UNIT_KINDS.has(o.kind)), [orgs.data]);
  // A shared link may name a unit outside the reader's jurisdiction: the reader's own unit is shown instead.
  const outside = asked !== undefined && orgs.isSuccess && !units.some((o) => o.code === asked);
  const orgCode = outside ? undefined : asked;
  const dash = useQuery({
    queryKey: dashboardKey(range.from, range.to, orgCode),
    queryFn: () => fetchDashboard({ ...range, orgCode }),
    placeholderData: keepPreviousData,
    // A unit from the address is checked against the reader's units first.
    enabled: asked === undefined || !orgs.isPending,
    meta: { handlesError: true },
  });
  const data = dash.data;
  const failed = dash.error ?? defs.error;
  const shown = data?.org.code ?? orgCode ?? me.orgCode;
  const scope: DrillScope | null = data ? { firstDay: data.period.firstDay, lastDay: data.period.lastDay, orgCode: data.org.code } : null;
  const unitOf = (id: KpiId) => defs.byId.get(id)?.unit ?? 'count';
  const nothing = data ? data.kpis.every((k) => !k.value) && data.fraudTypes.length === 0 : false;
  const settled = data !== undefined && !dash.isPlaceholderData && !dash.isFetching && defs.data !== undefined;

  return (
    <div
      className="fz-st-page"
      data-testid="stats-dashboard"
      data-org-code={data?.org.code ?? ''}
      data-first={data?.period.firstDay ?? ''}
      data-last={data?.period.lastDay ?? ''}
      data-settled={String(settled)}
    >
      <Card variant="borderless" size="small">
        <FiltersBar today={today} period={period} onPeriod={setPeriod} orgs={units} orgCode={shown} rootCode={me.orgCode} onOrg={setOrg} data={data} />
      </Card>
      {outside && <Alert type="warning" showIcon title={st('stats.org.outside', { code: asked })} data-testid="stats-org-outside" />}
      {failed && (
        <Alert
          type="error"
          showIcon
          title={st('stats.loadFailed')}
          description={errorText(failed)}
          action={
            <Button size="small" onClick={() => void (dash.isError ? dash.refetch() : defs.refetch())}>
              {st('stats.retry')}
            </Button>
          }
          data-testid="stats-error"
        />
      )}
      {!data || !defs.data ? (
        !failed && (
          <Card variant="borderless" data-testid="stats-loading">
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        )
      ) : (
        <Spin spinning={dash.isFetching && dash.isPlaceholderData} delay={150}>
          <div className="fz-st-body">
            {nothing && <Alert type="info" showIcon title={st('stats.empty')} data-testid="stats-empty" />}
            {scope && <KpiCards data={data} name={defs.name} scope={scope} />}
            <TrendChart data={data} name={defs.name} unitOf={unitOf} />
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={12}>
                {scope && <FraudTypesChart data={data} scope={scope} />}
              </Col>
              <Col xs={24} lg={12}>
                <MoneyChart data={data} name={defs.name} />
              </Col>
              <Col xs={24} lg={12}>
                <VictimCharts data={data} which="age" />
              </Col>
              <Col xs={24} lg={12}>
                <VictimCharts data={data} which="occupation" />
              </Col>
            </Row>
            <HeatTable data={data} defs={defs.byId} name={defs.name} period={period} rootCode={me.orgCode} onDrill={(code) => setOrg(code === me.orgCode ? undefined : code)} />
          </div>
        </Spin>
      )}
    </div>
  );
}
