import { GraphChart, type GraphSeriesOption } from 'echarts/charts';
import { TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { TraceDto } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import type { Translate } from '../../../i18n/lang.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { channelLabel, stopStatusLabel, traceStatusLabel } from '../shared/labels.ts';
import { formatYuan, toFen, yuan } from '../shared/money.ts';
import { bankCore } from '../../../../../src/modules/money/banks.ts';
import { traceColor } from './trace-colors.ts';

echarts.use([GraphChart, TooltipComponent, CanvasRenderer]);

type Option = echarts.ComposeOption<GraphSeriesOption | TooltipComponentOption>;

const COLUMN_GAP = 240;
const ROW_GAP = 92;
const MIN_SIZE = 18;
const MAX_SIZE = 56;
const REQUEST_STATUSES = new Set(['proposed', 'pending', 'stopped', 'mismatch', 'no_balance', 'rejected', 'expired', 'released', 'withdrawn']);

export interface GraphNode {
  id: string;
  account: string;
  bank: string | null;
  hop: number;
  status: string;
  held: string;
  received: string;
  cashedOut: string;
  x: number;
  y: number;
  size: number;
}

const safeFen = (v: string) => {
  try {
    return toFen(v);
  } catch {
    return 0;
  }
};

/**
 * Lays the trace out in columns by hop, left to right: the victim's own accounts (hop 0, the sources of
 * the movements that are no traced account), then the first receiving accounts, then the next hops.
 * Within a column the accounts that may hold the most come first. Sizes follow the amount held.
 */
export function layout(trace: TraceDto): GraphNode[] {
  const known = new Set(trace.nodes.map((n) => n.account));
  const sources = [...new Set(trace.edges.map((e) => e.from).filter((a) => !known.has(a)))];
  const maxHeld = Math.max(1, ...trace.nodes.map((n) => safeFen(n.heldAmount)));
  const nodes: Omit<GraphNode, 'x' | 'y'>[] = [
    ...sources.map((a) => ({ id: a, account: a, bank: null, hop: 0, status: 'victim', held: '0.00', received: '0.00', cashedOut: '0.00', size: 30 })),
    ...trace.nodes.map((n) => ({
      id: n.account,
      account: n.account,
      bank: n.bank,
      hop: n.hop,
      status: n.status,
      held: n.heldAmount,
      received: n.receivedAmount,
      cashedOut: n.cashedOutAmount,
      size: MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(safeFen(n.heldAmount) / maxHeld),
    })),
  ];
  const columns = new Map<number, Omit<GraphNode, 'x' | 'y'>[]>();
  for (const n of nodes) columns.set(n.hop, [...(columns.get(n.hop) ?? []), n]);
  const tallest = Math.max(...[...columns.values()].map((c) => c.length));
  return [...columns.entries()].flatMap(([hop, list]) => {
    list.sort((a, b) => safeFen(b.held) - safeFen(a.held) || a.account.localeCompare(b.account));
    // Columns are centred on the tallest one.
    const offset = ((tallest - list.length) * ROW_GAP) / 2;
    return list.map((n, i) => ({ ...n, x: hop * COLUMN_GAP, y: offset + i * ROW_GAP }));
  });
}

const tail = (account: string) => `…${account.slice(-4)}`;

function statusText(t: Translate, status: string): string {
  return REQUEST_STATUSES.has(status) ? stopStatusLabel(t, status) : traceStatusLabel(t, status);
}

function buildOption(t: Translate, trace: TraceDto, nodes: GraphNode[]): Option {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const maxTainted = Math.max(1, ...trace.edges.map((e) => safeFen(e.taintedAmount)));
  return {
    animationDuration: 300,
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p) => {
        const item = Array.isArray(p) ? p[0] : p;
        if (!item) return '';
        if (item.dataType === 'edge') {
          const e = trace.edges[item.dataIndex];
          if (!e) return '';
          return [
            `${tail(e.from)} → ${tail(e.to)}`,
            t('cases.trace.tip.amount', { amount: yuan(e.amount) }),
            t('cases.trace.tip.tainted', { amount: yuan(e.taintedAmount) }),
            `${channelLabel(t, e.channel)} · ${formatDateTime(e.at)}`,
          ].join('<br/>');
        }
        const n = nodes[item.dataIndex];
        if (!n) return '';
        if (n.status === 'victim') return [t('cases.trace.victimAccount'), tail(n.account)].join('<br/>');
        return [
          `<b>${n.account}</b>`,
          `${n.bank ?? t('cases.trace.unknownBank')} · ${t('cases.stops.hopN', { n: n.hop })}`,
          statusText(t, n.status),
          t('cases.trace.tip.received', { amount: yuan(n.received) }),
          t('cases.trace.tip.held', { amount: yuan(n.held) }),
          ...(safeFen(n.cashedOut) > 0 ? [t('cases.trace.tip.cashedOut', { amount: yuan(n.cashedOut) })] : []),
        ].join('<br/>');
      },
    },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        draggable: false,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: [0, 8],
        label: { show: true, position: 'bottom', fontSize: 11, lineHeight: 14, color: '#262626' },
        edgeLabel: { show: true, fontSize: 10, color: '#595959', formatter: (p) => (typeof p.value === 'number' ? formatYuan(p.value) : '') },
        emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
        data: nodes.map((n) => ({
          id: n.id,
          name: n.id,
          x: n.x,
          y: n.y,
          symbolSize: n.size,
          itemStyle: { color: traceColor(n.status), borderColor: n.status === 'proposed' ? '#873800' : '#fff', borderWidth: n.status === 'proposed' ? 2 : 1, borderType: n.status === 'proposed' ? 'dashed' : 'solid' },
          label: {
            formatter:
              n.status === 'victim'
                ? `${t('cases.trace.victimShort')}\n${tail(n.account)}`
                : `${n.bank ? bankCore(n.bank) : t('cases.trace.unknownBank')} ${tail(n.account)}\n${t('cases.trace.heldShort', { amount: yuan(n.held) })}`,
          },
        })),
        edges: trace.edges.flatMap((e) => {
          if (!byId.has(e.from) || !byId.has(e.to)) return [];
          const share = safeFen(e.taintedAmount) / maxTainted;
          return [
            {
              source: e.from,
              target: e.to,
              value: safeFen(e.taintedAmount),
              lineStyle: { width: 1 + 4 * share, color: e.channel === 'cash_out' ? '#8c8c8c' : '#91caff', type: e.channel === 'cash_out' ? 'dashed' : 'solid', curveness: 0.08, opacity: 0.9 },
            },
          ];
        }),
      },
    ],
  };
}

/** The trace as a left-to-right graph (ECharts canvas); the node count is on the container for tests and tools. */
export function TraceGraph({ trace }: { trace: TraceDto }) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const nodes = useMemo(() => layout(trace), [trace]);
  const perHop = new Map<number, number>();
  for (const n of nodes) perHop.set(n.hop, (perHop.get(n.hop) ?? 0) + 1);
  const tallest = Math.max(1, ...perHop.values());
  const height = Math.min(720, Math.max(320, tallest * ROW_GAP + 80));

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
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
    chart.current?.setOption(buildOption(t, trace, nodes), { notMerge: true });
  }, [t, trace, nodes]);

  return (
    <div
      ref={host}
      className="fz-cs-graph"
      style={{ height }}
      role="img"
      aria-label={t('cases.trace.graphLabel', { n: trace.nodes.length })}
      data-testid="trace-graph"
      data-nodes={trace.nodes.length}
      data-graph-nodes={nodes.length}
      data-edges={trace.edges.length}
    />
  );
}
