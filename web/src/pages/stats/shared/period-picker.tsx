import { DatePicker, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useStatsT } from '../i18n/use-stats-t.ts';
import { currentOf, defaultPeriod, monthSel, PERIOD_KINDS, quarterSel, yearSel, type PeriodKind, type PeriodSel } from './period.ts';

interface Props {
  today: string;
  period: PeriodSel;
  onPeriod: (sel: PeriodSel) => void;
  /** Prefix of the test ids: `${testId}-${kind}`, `${testId}-pick`, `${testId}-range`. */
  testId: string;
}

/** 月 / 季度 / 年 / 自定义 and the picker of the one chosen; nothing after today can be picked. */
export function PeriodPicker({ today, period, onPeriod, testId }: Props) {
  const st = useStatsT();
  const todayDay = dayjs(today);
  const future = (d: Dayjs) => d.isAfter(todayDay, 'day');
  const pick = (d: Dayjs | null) => {
    if (!d) return;
    const y = d.year();
    if (period.kind === 'month') onPeriod(monthSel(y, d.month() + 1));
    else if (period.kind === 'quarter') onPeriod(quarterSel(y, Math.floor(d.month() / 3) + 1));
    else onPeriod(String(y) === today.slice(0, 4) ? defaultPeriod(today) : yearSel(y));
  };
  return (
    <>
      <Segmented<PeriodKind>
        value={period.kind}
        onChange={(kind) => onPeriod(currentOf(kind, today, period))}
        options={PERIOD_KINDS.map((k) => ({ value: k, label: <span data-testid={`${testId}-${k}`}>{st(`stats.period.${k}`)}</span> }))}
        aria-label={st('stats.period.label')}
      />
      {period.kind === 'custom' ? (
        <DatePicker.RangePicker
          value={[dayjs(period.first), dayjs(period.last)]}
          onChange={(r) => {
            if (r?.[0] && r[1]) onPeriod({ kind: 'custom', first: r[0].format('YYYY-MM-DD'), last: r[1].format('YYYY-MM-DD'), isDefault: false });
          }}
          disabledDate={future}
          allowClear={false}
          className="fz-filter-range"
          data-testid={`${testId}-range`}
        />
      ) : (
        <DatePicker
          key={period.kind}
          picker={period.kind}
          value={dayjs(period.first)}
          onChange={pick}
          disabledDate={future}
          allowClear={false}
          className="fz-st-period-pick"
          data-testid={`${testId}-pick`}
        />
      )}
    </>
  );
}
