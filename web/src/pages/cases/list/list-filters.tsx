import { ClearOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FRAUD_TYPES } from '../../../../../src/lib/fraud-types.ts';
import { CASE_STATUSES } from '../../../../../src/modules/cases/case-workflow.ts';
import type { FraudType } from '../../../api/cases.ts';
import type { OrgDto } from '../../../api/orgs.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { serverDayjs } from '../../../lib/server-time.ts';
import { OrgTreeSelect } from '../../admin/org-tree-select.tsx';
import { caseStatusLabel, fraudTypeLabel } from '../shared/labels.ts';
import { isFiltered, type CaseFilter, type CaseStatusFilter } from './list-params.ts';

const STATUS_OPTIONS: readonly CaseStatusFilter[] = ['open', 'all', 'reported', ...CASE_STATUSES];
const DAY = 'YYYY-MM-DD';

type Range = [Dayjs | null, Dayjs | null] | null;
const toRange = (from: string | undefined, to: string | undefined): Range => (from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null);

interface Props {
  value: CaseFilter;
  onChange: (f: CaseFilter) => void;
  /** The units the caller may pick (the own unit and those inside it). */
  orgs: readonly OrgDto[];
}

export function ListFilters({ value, onChange, orgs }: Props) {
  const t = useT();
  const [q, setQ] = useState(value.q);
  // Any change of filter starts again at page 1.
  const set = (patch: Partial<CaseFilter>) => onChange({ ...value, ...patch, page: 1 });
  const today = serverDayjs().startOf('day');
  const future = (d: Dayjs) => d.isAfter(today.endOf('day'));
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('cases.filter.today'), value: [today, today] },
    { label: t('cases.filter.last7'), value: [today.subtract(6, 'day'), today] },
    { label: t('cases.filter.last30'), value: [today.subtract(29, 'day'), today] },
    { label: t('cases.filter.thisMonth'), value: [today.startOf('month'), today] },
  ];
  // A unit from the address that is not among the caller's units is not applied (the page says so).
  const orgKnown = value.orgCode !== undefined && orgs.some((o) => o.code === value.orgCode);
  return (
    <div className="fz-filters" data-testid="case-filters">
      <Select<CaseStatusFilter>
        aria-label={t('cases.filter.status')}
        value={value.status}
        onChange={(status) => set({ status })}
        options={STATUS_OPTIONS.map((s) => ({
          value: s,
          label: s === 'open' ? t('cases.filter.open') : s === 'all' ? t('cases.filter.all') : s === 'reported' ? t('cases.filter.reported') : caseStatusLabel(t, s),
        }))}
        popupMatchSelectWidth={false}
        className="fz-filter fz-cs-status"
        data-testid="case-filter-status"
        data-value={value.status}
      />
      <div className="fz-filter-wide" data-testid="case-filter-org" data-value={orgKnown ? value.orgCode : ''}>
        <OrgTreeSelect orgs={orgs} value={orgKnown ? value.orgCode : undefined} onChange={(orgCode) => set({ orgCode })} placeholder={t('cases.filter.unit')} allowClear />
      </div>
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
        prefix={t('cases.filter.reportedPrefix')}
        value={toRange(value.from, value.to)}
        allowEmpty={[true, true]}
        onChange={(r) => set({ from: r?.[0]?.format(DAY), to: r?.[1]?.format(DAY) })}
        disabledDate={future}
        presets={presets}
        className="fz-filter-range fz-cs-range"
        aria-label={t('cases.filter.period')}
        data-testid="case-filter-period"
        data-from={value.from ?? ''}
        data-to={value.to ?? ''}
      />
      <DatePicker.RangePicker
        prefix={t('cases.filter.solvedPrefix')}
        value={toRange(value.solvedFrom, value.solvedTo)}
        allowEmpty={[true, true]}
        onChange={(r) => set({ solvedFrom: r?.[0]?.format(DAY), solvedTo: r?.[1]?.format(DAY) })}
        disabledDate={future}
        presets={presets}
        className="fz-filter-range fz-cs-range"
        aria-label={t('cases.filter.solved')}
        data-testid="case-filter-solved"
        data-from={value.solvedFrom ?? ''}
        data-to={value.solvedTo ?? ''}
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
      {isFiltered(value) && (
        <Button
          type="link"
          icon={<ClearOutlined />}
          onClick={() => {
            setQ('');
            set({ status: 'open', orgCode: undefined, fraudType: undefined, q: '', from: undefined, to: undefined, solvedFrom: undefined, solvedTo: undefined });
          }}
          data-testid="case-filter-reset"
        >
          {t('cases.filter.reset')}
        </Button>
      )}
    </div>
  );
}
