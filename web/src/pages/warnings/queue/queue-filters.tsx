import { ClearOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { OUTCOMES, WARNING_LEVELS, WARNING_STATUSES, type Outcome, type WarningLevel } from '../../../../../src/modules/warnings/warning-workflow.ts';
import type { OrgDto } from '../../../api/orgs.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { serverDayjs } from '../../../lib/server-time.ts';
import { OrgTreeSelect } from '../../admin/org-tree-select.tsx';
import { useQueueT } from './queue-i18n.ts';
import { isFiltered, type QueueFilter, type QueueStatus } from './queue-params.ts';
import './queue.css';

const STATUS_OPTIONS: readonly QueueStatus[] = ['open', 'all', ...WARNING_STATUSES];
const DAY = 'YYYY-MM-DD';

interface Props {
  value: QueueFilter;
  onChange: (f: QueueFilter) => void;
  /** The units the caller may pick (the own unit and those inside it). */
  orgs: readonly OrgDto[];
}

export function QueueFilters({ value, onChange, orgs }: Props) {
  const t = useT();
  const qt = useQueueT();
  // Any change of filter starts again at page 1.
  const set = (patch: Partial<QueueFilter>) => onChange({ ...value, ...patch, page: 1 });
  const today = serverDayjs().startOf('day');
  const range: [Dayjs | null, Dayjs | null] | null = value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null;
  // A unit from the address that is not among the caller's units is not applied (the page says so).
  const orgKnown = value.orgCode !== undefined && orgs.some((o) => o.code === value.orgCode);
  return (
    <div className="fz-filters" data-testid="warning-filters">
      {value.view === 'all' && (
        <Select<QueueStatus>
          aria-label={t('warnings.filter.status')}
          value={value.status}
          onChange={(status) => set({ status })}
          options={STATUS_OPTIONS.map((s) => ({ value: s, label: s === 'all' ? qt('queue.filter.allStatuses') : t(`warnings.status.${s}`) }))}
          className="fz-filter"
          data-testid="filter-status"
          data-value={value.status}
        />
      )}
      <Select<WarningLevel>
        allowClear
        placeholder={t('warnings.filter.level')}
        value={value.level}
        onChange={(level) => set({ level })}
        options={WARNING_LEVELS.map((l) => ({ value: l, label: t(`warnings.level.${l}`) }))}
        className="fz-filter"
        data-testid="filter-level"
      />
      <Select<'true' | 'false'>
        allowClear
        placeholder={t('warnings.filter.overdue')}
        value={value.overdue}
        onChange={(overdue) => set({ overdue })}
        options={[
          { value: 'true', label: t('warnings.filter.overdueYes') },
          { value: 'false', label: t('warnings.filter.overdueNo') },
        ]}
        className="fz-filter"
        data-testid="filter-overdue"
      />
      <div className="fz-filter-wide" data-testid="filter-org" data-value={orgKnown ? value.orgCode : ''}>
        <OrgTreeSelect orgs={orgs} value={orgKnown ? value.orgCode : undefined} onChange={(orgCode) => set({ orgCode })} placeholder={qt('queue.filter.unit')} allowClear />
      </div>
      <DatePicker.RangePicker
        prefix={qt('queue.filter.receivedPrefix')}
        value={range}
        allowEmpty={[true, true]}
        onChange={(r) => set({ from: r?.[0]?.format(DAY), to: r?.[1]?.format(DAY) })}
        disabledDate={(d) => d.isAfter(today.endOf('day'))}
        presets={[
          { label: qt('queue.filter.today'), value: [today, today] },
          { label: qt('queue.filter.last7'), value: [today.subtract(6, 'day'), today] },
          { label: qt('queue.filter.last30'), value: [today.subtract(29, 'day'), today] },
          { label: qt('queue.filter.thisMonth'), value: [today.startOf('month'), today] },
        ]}
        className="fz-filter-range fz-wn-range"
        aria-label={qt('queue.filter.received')}
        data-testid="filter-received"
        data-from={value.from ?? ''}
        data-to={value.to ?? ''}
      />
      <Select<Outcome>
        allowClear
        placeholder={qt('queue.filter.outcome')}
        value={value.outcome}
        // An outcome means a closed warning: the open queue would show none, so it widens to every status.
        onChange={(outcome) => set({ outcome, ...(outcome && value.status === 'open' ? { status: 'all' as const } : {}) })}
        options={OUTCOMES.map((o) => ({ value: o, label: t(`warnings.outcome.${o}`) }))}
        className="fz-filter"
        data-testid="filter-outcome"
        data-value={value.outcome ?? ''}
      />
      <Checkbox checked={value.dueSoon} onChange={(e) => set({ dueSoon: e.target.checked })} className="fz-wn-check" data-testid="filter-due-soon">
        {t('warnings.filter.dueSoon')}
      </Checkbox>
      {isFiltered(value) && (
        <Button
          type="link"
          icon={<ClearOutlined />}
          onClick={() => set({ status: 'open', level: undefined, overdue: undefined, dueSoon: false, orgCode: undefined, from: undefined, to: undefined, outcome: undefined })}
          data-testid="filter-reset"
        >
          {t('warnings.filter.reset')}
        </Button>
      )}
    </div>
  );
}
