import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Segmented, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { fetchStats, statsExportUrl } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { statsKey } from '../shared/keys.ts';
import { PERIOD_KINDS, periodOf, type PeriodKind } from './period.ts';
import { StatsTable } from './stats-table.tsx';

export function StatsPage() {
  const t = useT();
  const [kind, setKind] = useState<PeriodKind>('thisMonth');
  const [custom, setCustom] = useState<[Dayjs, Dayjs] | undefined>(undefined);
  const period = periodOf(kind, custom);
  const stats = useQuery({ queryKey: statsKey(period.from, period.to), queryFn: () => fetchStats(period.from, period.to), placeholderData: keepPreviousData });
  return (
    <Card variant="borderless" size="small" data-testid="warning-stats">
      <div className="fz-filters fz-wn-stats-bar">
        <Segmented<PeriodKind>
          value={kind}
          onChange={setKind}
          options={PERIOD_KINDS.map((k) => ({ value: k, label: <span data-testid={`period-${k}`}>{t(`warnings.stats.${k}`)}</span> }))}
        />
        {kind === 'custom' && (
          <DatePicker.RangePicker
            value={custom}
            onChange={(r) => setCustom(r?.[0] && r[1] ? [r[0], r[1]] : undefined)}
            className="fz-filter-range"
            allowClear={false}
            data-testid="period-range"
          />
        )}
        <Button icon={<DownloadOutlined />} href={statsExportUrl(period.from, period.to)} download data-testid="stats-export">
          {t('warnings.stats.export')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary" className="fz-small">
        {/* The period ends before `to`: its last day is the day before. */}
        {t('warnings.stats.rangeLine', { from: dayjs(period.from).format('YYYY-MM-DD'), to: dayjs(period.to).subtract(1, 'day').format('YYYY-MM-DD') })}
        <br />
        {t('warnings.stats.kpiNote')}
      </Typography.Paragraph>
      {stats.data ? <StatsTable stats={stats.data} /> : <Card loading variant="borderless" />}
    </Card>
  );
}
