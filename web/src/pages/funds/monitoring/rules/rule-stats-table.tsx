import { useQuery } from '@tanstack/react-query';
import { Card, Select, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { getRuleStats, type RuleStatDto } from '../../../../api/risk.ts';
import { useT } from '../../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../../lib/format.ts';
import { rowAttrs } from '../../../cases/shared/row-attrs.ts';
import { ruleStatsKey } from '../keys.ts';
import { percent, ruleLabel } from '../labels.ts';

const PERIODS = [7, 30, 90, 365] as const;

/** Per rule: alerts raised (live), still undecided, confirmed, false positives, precision of the decided, and shadow alerts. */
export function RuleStatsCard() {
  const t = useT();
  const [days, setDays] = useState<number>(30);
  const stats = useQuery({ queryKey: ruleStatsKey(days), queryFn: () => getRuleStats(days) });
  const num = (n: number) => (n === 0 ? <Typography.Text type="secondary">0</Typography.Text> : n.toLocaleString());
  const columns: TableColumnsType<RuleStatDto> = [
    {
      key: 'rule',
      title: t('risk.stats.rule'),
      render: (_v, r) => (
        <div className="fz-cs-stack">
          <Typography.Text strong>{ruleLabel(t, r.rule)}</Typography.Text>
          <Typography.Text type="secondary" className="fz-small fz-risk-mono">
            {r.rule}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'alerts', title: t('risk.stats.alerts'), align: 'right', render: (_v, r) => num(r.alerts) },
    { key: 'open', title: t('risk.stats.open'), align: 'right', render: (_v, r) => num(r.open) },
    { key: 'confirmed', title: t('risk.stats.confirmed'), align: 'right', render: (_v, r) => num(r.confirmed) },
    { key: 'fp', title: t('risk.stats.falsePositives'), align: 'right', render: (_v, r) => num(r.falsePositives) },
    {
      key: 'precision',
      title: <Tooltip title={t('risk.stats.precisionHint')}>{t('risk.stats.precision')}</Tooltip>,
      align: 'right',
      render: (_v, r) => (
        <Typography.Text strong={r.precision !== null} type={r.precision === null ? 'secondary' : r.precision < 0.5 ? 'danger' : undefined} data-testid={`rule-precision-${r.rule}`}>
          {percent(t, r.precision)}
        </Typography.Text>
      ),
    },
    { key: 'shadow', title: t('risk.stats.shadowAlerts'), align: 'right', render: (_v, r) => num(r.shadowAlerts) },
  ];
  return (
    <Card
      variant="borderless"
      size="small"
      title={t('risk.stats.title')}
      extra={
        <Select<number>
          aria-label={t('risk.stats.period')}
          value={days}
          onChange={setDays}
          options={PERIODS.map((n) => ({ value: n, label: t('risk.stats.lastDays', { n }) }))}
          className="fz-filter"
          data-testid="rule-stats-days"
        />
      }
      data-testid="rule-stats"
    >
      <Table<RuleStatDto>
        data-testid="rule-stats-table"
        rowKey="rule"
        size="small"
        columns={columns}
        dataSource={stats.data?.items ?? []}
        loading={stats.isFetching && !stats.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        className="fz-nowrap-table"
        onRow={(r) => rowAttrs({ 'data-testid': `rule-stat-${r.rule}`, 'data-alerts': r.alerts, 'data-precision': r.precision === null ? '' : r.precision })}
      />
      {stats.data && (
        <Typography.Paragraph type="secondary" className="fz-small fz-gap-top">
          {t('risk.stats.since', { date: formatDateTime(stats.data.since) })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
