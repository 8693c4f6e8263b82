import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** What a click on a bar, a point or a slice reports. */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
  name: string;
}

interface Props {
  option: ChartOption;
  height: number;
  /** Describes the chart for screen readers; the figures are in the tooltips and the table. */
  label: string;
  testId: string;
  onClick?: ((e: ChartClick) => void) | undefined;
  /** Extra attributes for tests and tools (data-*). */
  data?: Record<`data-${string}`, string | number>;
}

/**
 * One ECharts canvas. It follows its container's width (the window, the side menu, a phone turned
 * sideways) through a ResizeObserver, and is disposed with the component.
 */
export function EChart({ option, height, label, testId, onClick, data }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);

  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => click.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex, name: p.name }));
    const observer = new ResizeObserver(() => {
      if (el.clientWidth > 0 && el.clientHeight > 0) instance.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={host} className="fz-st-chart" style={{ height, cursor: onClick ? 'pointer' : undefined }} role="img" aria-label={label} data-testid={testId} {...data} />;
}
