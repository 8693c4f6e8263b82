import { DatePicker, Segmented, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { serverDayjs } from '../../../lib/server-time.ts';
import type { OutreachKey } from '../i18n/outreach-zh.ts';
import { useOutreachT } from '../i18n/use-outreach-t.ts';

export type PeriodKind = 'all' | 'month' | 'quarter' | 'year' | 'custom';
/** Days [from, to) as the server takes them; none: open on that side. */
export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}
/** The period as the address keeps it: a kind, and for a custom one its first and last day. */
export interface PeriodChoice {
  kind: PeriodKind;
  first?: string | undefined;
  last?: string | undefined;
}

const DAY = 'YYYY-MM-DD';
const isDay = (s: string | null): s is string => s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs(s, DAY).isValid();

/** The calendar month, quarter or year holding today, or the custom days (the last one included). */
export function periodOf(choice: PeriodChoice): Period {
  const today = serverDayjs().startOf('day');
  const span = (start: Dayjs, months: number) => ({ from: start.format(DAY), to: start.add(months, 'month').format(DAY) });
  switch (choice.kind) {
    case 'all':
      return {};
    case 'month':
      return span(today.startOf('month'), 1);
    case 'quarter':
      return span(today.startOf('month').subtract(today.month() % 3, 'month'), 3);
    case 'year':
      return span(today.startOf('year'), 12);
    case 'custom': {
      const first = choice.first ?? today.startOf('month').format(DAY);
      const last = choice.last ?? today.format(DAY);
      return { from: first, to: dayjs(last).add(1, 'day').format(DAY) };
    }
  }
}

export function readPeriod(p: URLSearchParams, kinds: readonly PeriodKind[], fallback: PeriodKind): PeriodChoice {
  const k = p.get('period') ?? '';
  const kind = (kinds as readonly string[]).includes(k) ? (k as PeriodKind) : fallback;
  if (kind !== 'custom') return { kind };
  const first = p.get('from');
  const last = p.get('until');
  return isDay(first) && isDay(last) && first <= last ? { kind, first, last } : { kind };
}

export function writePeriod(p: URLSearchParams, choice: PeriodChoice, fallback: PeriodKind): void {
  p.delete('period');
  p.delete('from');
  p.delete('until');
  if (choice.kind !== fallback) p.set('period', choice.kind);
  if (choice.kind === 'custom' && choice.first && choice.last) {
    p.set('from', choice.first);
    p.set('until', choice.last);
  }
}

/** The period's buttons, the range picker for a custom one, and the days it covers in words. */
export function PeriodFilter({ kinds, value, onChange, testPrefix }: { kinds: readonly PeriodKind[]; value: PeriodChoice; onChange: (c: PeriodChoice) => void; testPrefix: string }) {
  const ot = useOutreachT();
  const period = periodOf(value);
  const today = serverDayjs().endOf('day');
  const range: [Dayjs, Dayjs] | undefined = period.from && period.to ? [dayjs(period.from), dayjs(period.to).subtract(1, 'day')] : undefined;
  return (
    <div className="fz-or-period" data-testid={`${testPrefix}-period`}>
      <Segmented<PeriodKind>
        value={value.kind}
        onChange={(kind) => onChange({ kind })}
        options={kinds.map((k) => ({ value: k, label: <span data-testid={`${testPrefix}-period-${k}`}>{ot(`outreach.period.${k}` as OutreachKey)}</span> }))}
      />
      {value.kind === 'custom' && (
        <DatePicker.RangePicker
          value={range}
          onChange={(r) => {
            if (r?.[0] && r[1]) onChange({ kind: 'custom', first: r[0].format(DAY), last: r[1].format(DAY) });
          }}
          disabledDate={(d) => d.isAfter(today)}
          allowClear={false}
          className="fz-filter-range"
          aria-label={ot('outreach.period.label')}
          data-testid={`${testPrefix}-range`}
        />
      )}
      <Typography.Text type="secondary" className="fz-small" data-testid={`${testPrefix}-period-line`}>
        {period.from && period.to ? ot('outreach.period.line', { from: period.from, to: dayjs(period.to).subtract(1, 'day').format(DAY) }) : ot('outreach.period.allLine')}
      </Typography.Text>
    </div>
  );
}
