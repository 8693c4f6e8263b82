import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Col, Row, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { DashboardDto, KpiId, KpiValueDto } from '../../../api/stats.ts';
import { useLang } from '../../../i18n/lang-context.tsx';
import { useStatsT } from '../i18n/use-stats-t.ts';
import { drillFor, type DrillScope } from '../shared/drill.ts';
import { changeText, directionOf, formatValue, isGood, valueParts } from '../shared/format.ts';

/** 两升两降: the four KPIs leadership is judged by, shown first. */
export const HEADLINE: readonly KpiId[] = ['cases_reported', 'loss', 'cases_solved', 'suspects_arrested'];

interface ChangeProps {
  label: string;
  kpi: KpiValueDto;
  change: number | null;
  good: boolean | null;
  tip: string;
  testId: string;
}

function Change({ label, kpi, change, good, tip, testId }: ChangeProps) {
  const { lang } = useLang();
  const dir = directionOf(change);
  const icon = dir === 'up' ? <ArrowUpOutlined /> : dir === 'down' ? <ArrowDownOutlined /> : dir === 'flat' ? <MinusOutlined /> : null;
  const tone = change === null || good === null ? 'neutral' : good ? 'good' : 'bad';
  return (
    <Tooltip title={tip}>
      <span className={`fz-st-change fz-st-${tone}`} data-testid={testId} data-dir={dir} data-good={good === null ? '' : String(good)}>
        <span className="fz-st-change-label">{label}</span>
        {icon}
        <span className="fz-st-change-value">{changeText(lang, kpi.unit, change)}</span>
      </span>
    </Tooltip>
  );
}

interface CardProps {
  kpi: KpiValueDto;
  name: string;
  period: DashboardDto['period'];
  scope: DrillScope;
  big: boolean;
}

function KpiCard({ kpi, name, period, scope, big }: CardProps) {
  const st = useStatsT();
  const { lang } = useLang();
  const { number, suffix } = valueParts(lang, kpi.unit, kpi.value);
  const drill = drillFor(kpi.id, scope);
  // 同比 is coloured by the server's verdict; 环比 by the same rule here.
  const momGood = isGood(kpi.better, kpi.mom);
  const body: ReactNode = (
    <Card
      variant="borderless"
      size="small"
      hoverable={drill !== null}
      className={`fz-st-kpi${big ? ' fz-st-kpi-big' : ''}`}
      data-testid={`stats-kpi-${kpi.id}`}
      data-value={kpi.value ?? ''}
      data-better={kpi.better}
    >
      <div className="fz-st-kpi-name">
        <Tooltip title={st(`stats.tip.better.${kpi.better}`)}>
          <span>{name}</span>
        </Tooltip>
      </div>
      <Tooltip title={kpi.value === null ? st('stats.tip.noValue') : undefined}>
        <div className="fz-st-kpi-value" data-testid={`stats-kpi-${kpi.id}-value`}>
          <span className="fz-st-kpi-number">{number}</span>
          {suffix && <span className="fz-st-kpi-suffix">{suffix}</span>}
        </div>
      </Tooltip>
      <div className="fz-st-kpi-changes">
        <Change
          label={st('stats.yoy')}
          kpi={kpi}
          change={kpi.yoy}
          good={kpi.yoyGood}
          tip={st('stats.tip.lastYear', { from: period.lastYear.firstDay, to: period.lastYear.lastDay, value: formatValue(lang, kpi.unit, kpi.lastYear) })}
          testId={`stats-kpi-${kpi.id}-yoy`}
        />
        <Change
          label={st('stats.mom')}
          kpi={kpi}
          change={kpi.mom}
          good={momGood}
          tip={st('stats.tip.previous', { from: period.previous.firstDay, to: period.previous.lastDay, value: formatValue(lang, kpi.unit, kpi.previous) })}
          testId={`stats-kpi-${kpi.id}-mom`}
        />
      </div>
      {drill && (
        <Typography.Text className="fz-st-kpi-drill fz-small" type="secondary">
          {st(drill.target === 'cases' ? 'stats.drill.cases' : 'stats.drill.warnings')} <RightOutlined />
        </Typography.Text>
      )}
    </Card>
  );
  return drill ? (
    <Link to={drill.href} className="fz-st-kpi-link" data-testid={`stats-kpi-${kpi.id}-link`}>
      {body}
    </Link>
  ) : (
    body
  );
}

interface Props {
  data: DashboardDto;
  name: (id: KpiId) => string;
  scope: DrillScope;
}

/** The 两升两降 four as large cards, then the other KPIs; each with 同比 and 环比 coloured by which way is good. */
export function KpiCards({ data, name, scope }: Props) {
  const st = useStatsT();
  const byId = new Map(data.kpis.map((k) => [k.id, k]));
  const headline = HEADLINE.flatMap((id) => byId.get(id) ?? []);
  const others = data.kpis.filter((k) => !HEADLINE.includes(k.id));
  return (
    <div className="fz-st-kpis" data-testid="stats-kpis">
      <div className="fz-st-section-title">
        <Typography.Text strong>{st('stats.headline')}</Typography.Text>
        <Typography.Text type="secondary" className="fz-small">
          {st('stats.headlineHint')}
        </Typography.Text>
      </div>
      <Row gutter={[12, 12]}>
        {headline.map((k) => (
          <Col key={k.id} xs={24} sm={12} xl={6}>
            <KpiCard kpi={k} name={name(k.id)} period={data.period} scope={scope} big />
          </Col>
        ))}
      </Row>
      <div className="fz-st-section-title">
        <Typography.Text strong>{st('stats.others')}</Typography.Text>
      </div>
      <Row gutter={[12, 12]}>
        {others.map((k) => (
          <Col key={k.id} xs={24} sm={12} lg={8} xl={6}>
            <KpiCard kpi={k} name={name(k.id)} period={data.period} scope={scope} big={false} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
