import { Progress, Table, Typography, type TableColumnsType } from 'antd';
import type { UnitStats, WarningStats } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import type { MessageKey } from '../../../i18n/zh.ts';

type Row = UnitStats;
type CountKey = 'received' | 'closed' | 'dissuaded' | 'defrauded' | 'refused' | 'unreachable' | 'falsePositive';
type RateKey = 'successRate' | 'onTimeRate' | 'visitShare';

const COUNTS: readonly CountKey[] = ['received', 'closed', 'dissuaded', 'defrauded', 'refused', 'unreachable', 'falsePositive'];
const RATES: readonly RateKey[] = ['successRate', 'onTimeRate', 'visitShare'];

/** A rate 0..1 as a percentage with one decimal; no denominator (null) shows as —. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

function RateCell({ rate }: { rate: number | null }) {
  if (rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span className="fz-wn-rate">
      <span className="fz-wn-rate-text">{percent(rate)}</span>
      <Progress percent={rate * 100} showInfo={false} size="small" className="fz-wn-rate-bar" />
    </span>
  );
}

/** Leaders' figures per unit, with the totals as the last row. */
export function StatsTable({ stats }: { stats: WarningStats }) {
  const t = useT();
  const own = stats.own ? { ...stats.own, orgName: t('warnings.board.ownLevel', { org: stats.own.orgName }) } : null;
  const label = (k: CountKey | RateKey) => t(`warnings.stats.${k}` as MessageKey);
  const columns: TableColumnsType<Row> = [
    { key: 'unit', title: t('warnings.stats.unit'), dataIndex: 'orgName', fixed: 'start' },
    ...COUNTS.map((k) => ({ key: k, title: label(k), dataIndex: k, align: 'right' as const })),
    ...RATES.map((k) => ({ key: k, title: label(k), render: (_v: unknown, r: Row) => <RateCell rate={r[k]} /> })),
  ];
  const total = stats.total;
  return (
    <Table<Row>
      data-testid="stats-table"
      rowKey="orgCode"
      size="small"
      columns={columns}
      dataSource={own ? [...stats.units, own] : stats.units}
      pagination={false}
      className="fz-nowrap-table"
      scroll={{ x: 'max-content' }}
      summary={() => (
        <Table.Summary fixed="bottom">
          <Table.Summary.Row className="fz-wn-total-row" data-testid="stats-total">
            <Table.Summary.Cell index={0}>{t('warnings.stats.total')}</Table.Summary.Cell>
            {COUNTS.map((k, i) => (
              <Table.Summary.Cell key={k} index={i + 1} align="right">
                {total[k]}
              </Table.Summary.Cell>
            ))}
            {RATES.map((k, i) => (
              <Table.Summary.Cell key={k} index={COUNTS.length + i + 1}>
                <span data-testid={`stats-total-${k}`}>{percent(total[k])}</span>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
