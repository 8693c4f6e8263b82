import { Card, Empty, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { DashboardDto, KpiDefDto, KpiId, UnitKpiId, UnitRowDto } from '../../../api/stats.ts';
import { useStatsT } from '../i18n/use-stats-t.ts';
import { cellText } from '../shared/format.ts';
import type { PeriodSel } from '../shared/period.ts';
import { dashboardHref } from './filters-bar.tsx';

/** The KPIs the server gives per unit, in its order (src/modules/stats/stats.service.ts UNITS). */
const UNIT_KPIS: readonly UnitKpiId[] = ['cases_reported', 'loss', 'cases_solved', 'solve_rate', 'warnings_received', 'dissuasion_rate', 'feedback_on_time_rate', 'stopped_amount'];

type Row = UnitRowDto & { code: string };

const rowAttrs = (attrs: Record<string, string>) => attrs as HTMLAttributes<HTMLElement>;

/**
 * A cell's colour from where its value sits among the units of its column: green the good end, red the
 * bad one (by the KPI's `better`), white the middle; no colour when the units do not differ.
 */
export function heatColour(better: 'up' | 'down', v: number | null | undefined, min: number, max: number): string | undefined {
  if (v === null || v === undefined || !(max > min)) return undefined;
  const t = (v - min) / (max - min);
  const score = better === 'up' ? t : 1 - t;
  const alpha = Math.round(Math.abs(score - 0.5) * 2 * 45) / 100;
  if (alpha === 0) return undefined;
  return score > 0.5 ? `rgba(56, 158, 13, ${alpha})` : `rgba(207, 19, 34, ${alpha})`;
}

/** Sorts by value, a figure that cannot be computed (—) below every number. */
function byValue(a: number | null | undefined, b: number | null | undefined): number {
  const x = a ?? null;
  const y = b ?? null;
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  return x - y;
}

interface Props {
  data: DashboardDto;
  defs: ReadonlyMap<KpiId, KpiDefDto>;
  name: (id: KpiId) => string;
  period: PeriodSel;
  rootCode: string;
  onDrill: (code: string) => void;
}

/** The units directly below, one row each with its KPIs; the 本级 row and the total close the table. */
export function HeatTable({ data, defs, name, period, rootCode, onDrill }: Props) {
  const st = useStatsT();
  const rows = useMemo(() => data.units.filter((u): u is Row => u.code !== null), [data.units]);
  const own = data.units.find((u) => u.code === null);
  const total = useMemo(() => new Map(data.kpis.map((k) => [k.id, k.value])), [data.kpis]);
  const range = useMemo(() => {
    const out = new Map<UnitKpiId, { min: number; max: number }>();
    for (const id of UNIT_KPIS) {
      const vs = rows.map((r) => r.kpis[id]).filter((v): v is number => typeof v === 'number');
      out.set(id, { min: Math.min(...vs), max: Math.max(...vs) });
    }
    return out;
  }, [rows]);
  const unitOf = (id: KpiId) => defs.get(id)?.unit ?? 'count';
  const betterOf = (id: KpiId) => defs.get(id)?.better ?? 'up';

  const columns: TableColumnsType<Row> = [
    {
      key: 'name',
      title: st('stats.heat.unit'),
      dataIndex: 'name',
      fixed: 'left',
      render: (_v, r) => (
        <Link to={dashboardHref(period, r.code === rootCode ? undefined : r.code)} onClick={(e) => e.stopPropagation()} aria-label={st('stats.heat.drill', { name: r.name })}>
          {r.name}
        </Link>
      ),
    },
    ...UNIT_KPIS.map((id) => ({
      key: id,
      title: name(id),
      align: 'right' as const,
      width: 116,
      sorter: (a: Row, b: Row) => byValue(a.kpis[id], b.kpis[id]),
      sortDirections: ['descend' as const, 'ascend' as const],
      onCell: (r: Row) => {
        const { min, max } = range.get(id) ?? { min: 0, max: 0 };
        const bg = heatColour(betterOf(id), r.kpis[id], min, max);
        return bg ? { style: { background: bg } } : {};
      },
      render: (_v: unknown, r: Row) => (
        <span className="fz-st-num" data-kpi={id} data-value={r.kpis[id] ?? ''}>
          {cellText(unitOf(id), r.kpis[id] ?? null)}
        </span>
      ),
    })),
  ];

  return (
    <Card variant="borderless" size="small" title={st('stats.heat.title')} data-testid="stats-heat">
      <Typography.Paragraph type="secondary" className="fz-small fz-st-heat-hint">
        {st('stats.heat.hint')} {st('stats.heat.money')}
      </Typography.Paragraph>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={st('stats.heat.empty')} />
      ) : (
        <Table<Row>
          className="fz-st-heat"
          data-testid="stats-heat-table"
          size="small"
          rowKey="code"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(r) => ({ ...rowAttrs({ 'data-testid': `stats-unit-${r.code}`, 'data-code': r.code }), onClick: () => onDrill(r.code) })}
          summary={() => (
            <Table.Summary>
              {own && (
                <Table.Summary.Row data-testid="stats-unit-self">
                  <Table.Summary.Cell index={0}>{st('stats.heat.self', { name: own.name })}</Table.Summary.Cell>
                  {UNIT_KPIS.map((id, i) => (
                    <Table.Summary.Cell key={id} index={i + 1} align="right">
                      <span className="fz-st-num">{cellText(unitOf(id), own.kpis[id] ?? null)}</span>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              )}
              <Table.Summary.Row className="fz-st-total" data-testid="stats-unit-total">
                <Table.Summary.Cell index={0}>{st('stats.heat.total')}</Table.Summary.Cell>
                {UNIT_KPIS.map((id, i) => (
                  <Table.Summary.Cell key={id} index={i + 1} align="right">
                    <span className="fz-st-num" data-kpi={id} data-value={total.get(id) ?? ''}>
                      {cellText(unitOf(id), total.get(id) ?? null)}
                    </span>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          )}
        />
      )}
    </Card>
  );
}
