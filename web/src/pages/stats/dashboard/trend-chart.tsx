import { Card, Checkbox, Empty } from 'antd';
import { useMemo, useState } from 'react';
import type { DashboardDto, KpiId, KpiUnit } from '../../../api/stats.ts';
import { useLang } from '../../../i18n/lang-context.tsx';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useStatsT } from '../i18n/use-stats-t.ts';
import { EChart, type ChartOption } from '../shared/echart.tsx';
import { formatValue } from '../shared/format.ts';

/** The KPIs the server draws month by month, in its order; the first three are shown at first. */
const DEFAULT_PICK: readonly KpiId[] = ['cases_reported', 'cases_solved', 'loss'];

type Axis = 'count' | 'yuan' | 'rate';
const axisOf = (unit: KpiUnit): Axis => (unit === 'yuan' ? 'yuan' : unit === 'rate' ? 'rate' : 'count');
/** Counts as bars, money and rates as lines; money drawn in 万元, rates in %. */
const scaled = (axis: Axis, v: number | null) => (v === null ? null : axis === 'yuan' ? Math.round(v / 100) / 100 : axis === 'rate' ? Math.round(v * 10_000) / 100 : v);

interface Props {
  data: DashboardDto;
  name: (id: KpiId) => string;
  unitOf: (id: KpiId) => KpiUnit;
}

export function TrendChart({ data, name, unitOf }: Props) {
  const st = useStatsT();
  const { lang } = useLang();
  const phone = usePhone();
  const available = useMemo(() => Object.keys(data.trend.series) as KpiId[], [data.trend.series]);
  const [picked, setPicked] = useState<KpiId[]>(() => [...DEFAULT_PICK]);
  const shown = useMemo(() => available.filter((id) => picked.includes(id)), [available, picked]);

  // Twelve months of nothing in every KPI chosen: say so rather than draw flat lines at zero.
  const blank = shown.every((id) => (data.trend.series[id] ?? []).every((v) => !v));
  const option = useMemo<ChartOption>(() => {
    const axes = [...new Set(shown.map((id) => axisOf(unitOf(id))))];
    return {
      animationDuration: 300,
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { type: 'scroll', top: 0 },
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (items) => {
          const list = Array.isArray(items) ? items : [items];
          const month = list[0]?.name ?? '';
          const lines = list.map((p) => {
            const id = shown[p.seriesIndex ?? 0];
            const raw = id ? (data.trend.series[id]?.[p.dataIndex] ?? null) : null;
            return `${String(p.marker ?? '')}${p.seriesName ?? ''}：${id ? formatValue(lang, unitOf(id), raw) : ''}`;
          });
          return [month, ...lines].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: data.trend.months, axisLabel: { hideOverlap: true } },
      yAxis: axes.map((a, i) => ({
        type: 'value',
        name: phone ? undefined : st(`stats.trend.axis.${a}`),
        // Names sit above the axis; keep them inside the canvas on either side.
        nameTextStyle: { align: i === 0 ? 'left' : 'right' },
        position: i === 0 ? 'left' : 'right',
        offset: i === 2 ? 56 : 0,
        splitLine: { show: i === 0 },
        axisLabel: { formatter: a === 'rate' ? '{value}%' : '{value}' },
        ...(a === 'rate' ? { max: 100, min: 0 } : {}),
      })),
      series: shown.map((id) => {
        const axis = axisOf(unitOf(id));
        const values = (data.trend.series[id] ?? []).map((v) => scaled(axis, v));
        return axis === 'count'
          ? { type: 'bar' as const, name: name(id), yAxisIndex: axes.indexOf(axis), data: values, barMaxWidth: 18 }
          : { type: 'line' as const, name: name(id), yAxisIndex: axes.indexOf(axis), data: values, smooth: true, connectNulls: false, symbolSize: 6 };
      }),
    };
  }, [shown, data.trend, name, unitOf, lang, phone, st]);

  return (
    <Card variant="borderless" size="small" title={st('stats.trend.title')} data-testid="stats-trend">
      <Checkbox.Group<KpiId>
        className="fz-st-trend-pick"
        aria-label={st('stats.trend.pick')}
        value={picked}
        onChange={(v) => setPicked(v)}
        options={available.map((id) => ({ value: id, label: <span data-testid={`stats-trend-pick-${id}`}>{name(id)}</span> }))}
      />
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={st('stats.trend.pickOne')} />
      ) : blank ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={st('stats.empty')} data-testid="stats-trend-empty" />
      ) : (
        <EChart option={option} height={phone ? 280 : 340} label={st('stats.trend.title')} testId="stats-trend-chart" data={{ 'data-series': shown.join(',') }} />
      )}
    </Card>
  );
}
