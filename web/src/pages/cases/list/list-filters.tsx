import { ClearOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FRAUD_TYPES } from '../../../../../src/lib/fraud-types.ts';
import { CASE_STATUSES } from '../../../../../src/modules/cases/case-workflow.ts';
import type { FraudType } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { serverDayjs } from '../../../lib/server-time.ts';
import { caseStatusLabel, fraudTypeLabel } from '../shared/labels.ts';
import type { CaseFilter } from './list-params.ts';

const STATUS_OPTIONS: readonly CaseFilter['status'][] = ['open', 'all', ...CASE_STATUSES];
const DAY = 'YYYY-MM-DD';

export function ListFilters({ value, onChange }: { value: CaseFilter; onChange: (f: CaseFilter) => void }) {
  const t = useT();
  const [q, setQ] = useState(value.q);
  // Any change of filter starts again at page 1.
  const set = (patch: Partial<CaseFilter>) => onChange({ ...value, ...patch, page: 1 });
  const today = serverDayjs().startOf('day');
  const range: [Dayjs, Dayjs] | null = value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null;
  const dirty = value.status !== 'open' || value.fraudType !== undefined || value.q !== '' || value.from !== undefined;
  return (
    <div className="fz-filters" data-testid="case-filters">
      <Select<CaseFilter['status']>
        aria-label={t('cases.filter.status')}
        value={value.status}
        onChange={(status) => set({ status })}
        options={STATUS_OPTIONS.map((s) => ({ value: s, label: s === 'open' ? t('cases.filter.open') : s === 'all' ? t('cases.filter.all') : caseStatusLabel(t, s) }))}
        className="fz-filter"
        data-testid="case-filter-status"
      />
      <Select<FraudType>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('cases.filter.fraudType')}
        value={value.fraudType}
        onChange={(fraudType) => set({ fraudType })}
        options={FRAUD_TYPES.map((f) => ({ value: f, label: fraudTypeLabel(t, f) }))}
        className="fz-filter fz-filter-wide"
        data-testid="case-filter-fraud"
      />
      <DatePicker.RangePicker
        value={range}
        onChange={(r) => set({ from: r?.[0]?.format(DAY), to: r?.[1]?.format(DAY) })}
        disabledDate={(d) => d.isAfter(today.endOf('day'))}
        presets={[
          { label: t('cases.filter.today'), value: [today, today] },
          { label: t('cases.filter.last7'), value: [today.subtract(6, 'day'), today] },
          { label: t('cases.filter.last30'), value: [today.subtract(29, 'day'), today] },
          { label: t('cases.filter.thisMonth'), value: [today.startOf('month'), today] },
        ]}
        className="fz-filter-range"
        aria-label={t('cases.filter.period')}
        data-testid="case-filter-period"
      />
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          if (e.target.value === '' && value.q !== '') set({ q: '' });
        }}
        onSearch={(v) => set({ q: v.trim() })}
        placeholder={t('cases.filter.search')}
        maxLength={50}
        className="fz-filter-search"
        data-testid="case-filter-q"
      />
      {dirty && (
        <Button
          type="link"
          icon={<ClearOutlined />}
          onClick={() => {
            setQ('');
            set({ status: 'open', fraudType: undefined, q: '', from: undefined, to: undefined });
          }}
        >
          {t('cases.filter.reset')}
        </Button>
      )}
    </div>
  );
}
