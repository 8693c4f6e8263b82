import { Card, Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import type { DashboardDto, KpiId, ShareDto } from '../../../api/stats.ts';
import { useLang, useT } from '../../../i18n/lang-context.tsx';
import type { Lang } from '../../../i18n/lang.ts';
import { fraudTypeLabel } from '../../cases/shared/labels.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { OCCUPATIONS_EN } from '../i18n/stats-en.ts';
import { translateStats, useStatsT } from '../i18n/use-stats-t.ts';
import { canListFraudType, casesLink, type DrillScope } from '../shared/drill.ts';
import { EChart, type ChartOption } from '../shared/echart.tsx';
import { formatValue, sharePercent } from '../shared/format.ts';

const NoData = ({ text }: { text: string }) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} className="fz-st-empty" />;

/** The fraud-type mix of the cases reported; a slice opens the cases of that type in the period. */
export function FraudTypesChart({ data, scope }: { data: DashboardDto; scope: DrillScope }) {
  const st = useStatsT();
  const t = useT();
  const phone = usePhone();
  const navigate = useNavigate();
  const items = data.fraudTypes;
  const label = (key: string) => (key === 'unclassified' ? st('stats.types.unclassified') : fraudTypeLabel(t, key));
  const option = useMemo<ChartOption>(
    () => ({
      animationDuration: 300,
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p;
          const x = item ? items[item.dataIndex] : undefined;
          return x ? st('stats.types.tip', { name: label(x.key), n: x.n, share: sharePercent(x.share) }) : '';
        },
      },
      legend: phone ? { type: 'scroll', bottom: 0 } : { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
      series: [
        {
          type: 'pie',
          radius: ['42%', '70%'],
          center: phone ? ['50%', '44%'] : ['36%', '50%'],
          avoidLabelOverlap: true,
          label: { show: !phone, formatter: (p) => `${typeof p.percent === 'number' ? p.percent.toFixed(1) : ''}%` },
          data: items.map((x) => ({ name: label(x.key), value: x.n })),
        },
      ],
    }),
    [items, phone, st, t],
  );
  return (
    <Card
      variant="borderless"
      size="small"
      title={st('stats.types.title')}
      extra={items.length > 0 ? <Typography.Text type="secondary" className="fz-small">{st('stats.types.hint')}</Typography.Text> : undefined}
      data-testid="stats-types"
      className="fz-st-chart-card"
    >
      {items.length === 0 ? (
        <NoData text={st('stats.empty')} />
      ) : (
        <EChart
          option={option}
          height={phone ? 340 : 300}
          label={st('stats.types.title')}
          testId="stats-types-chart"
          data={{ 'data-types': items.length }}
          onClick={(e) => {
            const x = items[e.dataIndex];
            if (x && canListFraudType(x.key)) void navigate(casesLink(scope, x.key));
          }}
        />
      )}
    </Card>
  );
}

const AGE_ORDER = ['0-17', '18-25', '26-35', '36-45', '46-60', '61+', 'unknown'];

function ageLabel(lang: Lang, key: string): string {
  if (key === '61+' || key === '0-17' || key === 'unknown') return translateStats(lang, `stats.age.${key}`);
  return translateStats(lang, 'stats.age.band', { band: key });
}

function occupationLabel(lang: Lang, key: string): string {
  if (key === 'unknown') return translateStats(lang, 'stats.occupation.unknown');
  return lang === 'en' ? (OCCUPATIONS_EN[key] ?? key) : key;
}

function barOption(items: ShareDto[], labelOf: (key: string) => string, tip: (x: ShareDto) => string, color: string): ChartOption {
  // Horizontal bars read top-down: the first item on top.
  const rows = [...items].reverse();
  return {
    animationDuration: 300,
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p) => {
        const item = Array.isArray(p) ? p[0] : p;
        const x = item ? rows[item.dataIndex] : undefined;
        return x ? tip(x) : '';
      },
    },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((x) => labelOf(x.key)), axisTick: { show: false } },
    series: [{ type: 'bar', data: rows.map((x) => x.n), barMaxWidth: 16, itemStyle: { color }, label: { show: true, position: 'right', formatter: (p) => sharePercent(rows[p.dataIndex]?.share ?? 0) } }],
  };
}

/** The victims of the cases reported, by age band and by occupation. */
export function VictimCharts({ data, which }: { data: DashboardDto; which: 'age' | 'occupation' }) {
  const st = useStatsT();
  const { lang } = useLang();
  const phone = usePhone();
  const items = useMemo(() => {
    const list = data.victims[which];
    return which === 'age' ? [...list].sort((a, b) => AGE_ORDER.indexOf(a.key) - AGE_ORDER.indexOf(b.key)) : list;
  }, [data.victims, which]);
  const labelOf = (key: string) => (which === 'age' ? ageLabel(lang, key) : occupationLabel(lang, key));
  const option = useMemo(
    () => barOption(items, labelOf, (x) => st('stats.victims.tip', { name: labelOf(x.key), n: x.n, share: sharePercent(x.share) }), which === 'age' ? '#1d4ed8' : '#0e7490'),
    [items, lang, which, st],
  );
  const title = st(which === 'age' ? 'stats.victims.age' : 'stats.victims.occupation');
  return (
    <Card variant="borderless" size="small" title={title} data-testid={`stats-victims-${which}`} className="fz-st-chart-card">
      {items.length === 0 ? <NoData text={st('stats.empty')} /> : <EChart option={option} height={phone ? 240 : 260} label={title} testId={`stats-victims-${which}-chart`} />}
    </Card>
  );
}

const MONEY: readonly KpiId[] = ['stopped_amount', 'frozen_amount', 'returned_amount'];

/** 止付, 冻结 and 返还 in the period, against the same period last year and the previous period. */
export function MoneyChart({ data, name }: { data: DashboardDto; name: (id: KpiId) => string }) {
  const st = useStatsT();
  const { lang } = useLang();
  const phone = usePhone();
  const kpis = useMemo(() => MONEY.flatMap((id) => data.kpis.find((k) => k.id === id) ?? []), [data.kpis]);
  const empty = kpis.every((k) => !k.value && !k.lastYear && !k.previous);
  const option = useMemo<ChartOption>(() => {
    const spans = [
      { key: 'now', label: st('stats.money.now'), pick: (k: (typeof kpis)[number]) => k.value, color: '#1d4ed8' },
      { key: 'lastYear', label: st('stats.money.lastYear'), pick: (k: (typeof kpis)[number]) => k.lastYear, color: '#94a3b8' },
      { key: 'previous', label: st('stats.money.previous'), pick: (k: (typeof kpis)[number]) => k.previous, color: '#cbd5e1' },
    ];
    return {
      animationDuration: 300,
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        confine: true,
        axisPointer: { type: 'shadow' },
        formatter: (items) => {
          const list = Array.isArray(items) ? items : [items];
          const k = kpis[list[0]?.dataIndex ?? 0];
          if (!k) return '';
          return [name(k.id), ...list.map((p) => `${String(p.marker ?? '')}${p.seriesName ?? ''}：${formatValue(lang, 'yuan', spans[p.seriesIndex ?? 0]?.pick(k) ?? null)}`)].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: kpis.map((k) => name(k.id)) },
      yAxis: { type: 'value', name: phone ? undefined : st('stats.trend.axis.yuan'), nameTextStyle: { align: 'left' }, axisLabel: { formatter: (v: number) => v.toLocaleString('en-US') } },
      series: spans.map((s) => ({ type: 'bar' as const, name: s.label, data: kpis.map((k) => { const v = s.pick(k); return v === null ? null : Math.round(v / 100) / 100; }), itemStyle: { color: s.color }, barMaxWidth: 28 })),
    };
  }, [kpis, name, lang, phone, st]);
  return (
    <Card variant="borderless" size="small" title={st('stats.money.title')} data-testid="stats-money" className="fz-st-chart-card">
      {empty ? <NoData text={st('stats.empty')} /> : <EChart option={option} height={phone ? 240 : 260} label={st('stats.money.title')} testId="stats-money-chart" />}
    </Card>
  );
}
