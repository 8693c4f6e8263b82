import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Progress, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { personReduction, type ReductionPeriod, type ReductionRow } from '../../../api/persons.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { errorText } from '../../../lib/notify.ts';
import { serverDayjs } from '../../../lib/server-time.ts';
import { reductionKey } from '../shared/keys.ts';

type PeriodKind = 'all' | 'year' | 'quarter' | 'month' | 'custom';
const PERIODS: readonly PeriodKind[] = ['all', 'year', 'quarter', 'month', 'custom'];
const DAY = 'YYYY-MM-DD';

/** Listing days [from, to) as the server takes them; a calendar year, quarter or month holds today. */
function periodOf(kind: PeriodKind, custom: [Dayjs, Dayjs] | undefined): ReductionPeriod {
  const today = serverDayjs().startOf('day');
  const span = (start: Dayjs, months: number) => ({ from: start.format(DAY), to: start.add(months, 'month').format(DAY) });
  switch (kind) {
    case 'all':
      return {};
    case 'year':
      return span(today.startOf('year'), 12);
    case 'quarter':
      return span(today.startOf('month').subtract(today.month() % 3, 'month'), 3);
    case 'month':
      return span(today.startOf('month'), 1);
    case 'custom': {
      const [a, b] = custom ?? [today.startOf('month'), today];
      return { from: a.format(DAY), to: b.add(1, 'day').format(DAY) };
    }
  }
}

function Rate({ rate }: { rate: number | null }) {
  const t = useT();
  if (rate === null) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const pct = Math.round(rate * 1000) / 10;
  return <Progress percent={pct} size="small" format={() => `${pct.toFixed(1)}%`} className="fz-ps-rate" status="normal" />;
}

/** 核减率 of the people stranded abroad listed in a period (or ever), per county of the caller's jurisdiction, with the total. */
export function ReductionPage() {
  const t = useT();
  const [kind, setKind] = useState<PeriodKind>('all');
  const [custom, setCustom] = useState<[Dayjs, Dayjs] | undefined>(undefined);
  const period = periodOf(kind, custom);
  const data = useQuery({ queryKey: reductionKey(period), queryFn: () => personReduction(period), placeholderData: keepPreviousData, meta: { handlesError: true } });
  const columns: TableColumnsType<ReductionRow> = [
    { key: 'county', title: t('persons.reduction.county'), dataIndex: 'orgName' },
    { key: 'listed', title: t('persons.reduction.listed'), dataIndex: 'listed', align: 'right' },
    { key: 'reduced', title: t('persons.reduction.reduced'), dataIndex: 'reduced', align: 'right' },
    { key: 'rate', title: t('persons.reduction.rate'), dataIndex: 'rate', render: (v: number | null) => <Rate rate={v} /> },
  ];
  const total = data.data?.total;
  const today = serverDayjs().endOf('day');
  return (
    <Card variant="borderless" size="small" title={t('persons.reduction.title')} data-testid="person-reduction" data-fetching={data.isFetching ? 'true' : 'false'}>
      <Typography.Paragraph type="secondary">{t('persons.reduction.hint')}</Typography.Paragraph>
      <div className="fz-ps-period" data-testid="reduction-period">
        <Typography.Text>{t('persons.reduction.periodLabel')}</Typography.Text>
        <Segmented<PeriodKind>
          value={kind}
          onChange={setKind}
          options={PERIODS.map((p) => ({ value: p, label: <span data-testid={`reduction-period-${p}`}>{t(`persons.reduction.period.${p}`)}</span> }))}
        />
        {kind === 'custom' && (
          <DatePicker.RangePicker
            value={custom}
            onChange={(r) => setCustom(r?.[0] && r[1] ? [r[0], r[1]] : undefined)}
            disabledDate={(d) => d.isAfter(today)}
            allowClear={false}
            className="fz-filter-range"
            aria-label={t('persons.reduction.periodLabel')}
            data-testid="reduction-range"
          />
        )}
      </div>
      <Typography.Paragraph type="secondary" className="fz-small" data-testid="reduction-range-line">
        {period.from && period.to
          ? t('persons.reduction.rangeLine', { from: period.from, to: dayjs(period.to).subtract(1, 'day').format(DAY) })
          : t('persons.reduction.allLine')}
      </Typography.Paragraph>
      {data.isError && <Alert type="error" showIcon title={errorText(data.error)} className="fz-gap-bottom" />}
      <Table<ReductionRow>
        rowKey="orgCode"
        size="middle"
        columns={columns}
        dataSource={data.data?.items ?? []}
        loading={data.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('persons.reduction.empty') }}
        onRow={(r) => ({ className: 'fz-ps-reduction-row', 'data-testid': `reduction-row-${r.orgCode}`, 'data-listed': String(r.listed), 'data-reduced': String(r.reduced) })}
        summary={() =>
          total && (
            <Table.Summary fixed>
              <Table.Summary.Row data-testid="reduction-total">
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('persons.reduction.total')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <Typography.Text strong>{total.listed}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <Typography.Text strong>{total.reduced}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3}>
                  <Rate rate={total.rate} />
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          )
        }
      />
    </Card>
  );
}
