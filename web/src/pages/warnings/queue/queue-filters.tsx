import { ClearOutlined } from '@ant-design/icons';
import { Button, Checkbox, Select } from 'antd';
import { WARNING_LEVELS, WARNING_STATUSES, type WarningLevel, type WarningStatus } from '../../../../../src/modules/warnings/warning-workflow.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import type { QueueFilter } from './queue-params.ts';

const STATUS_OPTIONS: readonly (WarningStatus | 'open')[] = ['open', ...WARNING_STATUSES];

export function QueueFilters({ value, onChange }: { value: QueueFilter; onChange: (f: QueueFilter) => void }) {
  const t = useT();
  // Any change of filter starts again at page 1.
  const set = (patch: Partial<QueueFilter>) => onChange({ ...value, ...patch, page: 1 });
  const dirty = value.status !== 'open' || value.level !== undefined || value.overdue !== undefined || value.dueSoon;
  return (
    <div className="fz-filters" data-testid="warning-filters">
      {value.view === 'all' && (
        <Select<WarningStatus | 'open'>
          aria-label={t('warnings.filter.status')}
          value={value.status}
          onChange={(status) => set({ status })}
          options={STATUS_OPTIONS.map((s) => ({ value: s, label: t(`warnings.status.${s}`) }))}
          className="fz-filter"
          data-testid="filter-status"
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
      <Checkbox checked={value.dueSoon} onChange={(e) => set({ dueSoon: e.target.checked })} className="fz-wn-check" data-testid="filter-due-soon">
        {t('warnings.filter.dueSoon')}
      </Checkbox>
      {dirty && (
        <Button type="link" icon={<ClearOutlined />} onClick={() => set({ status: 'open', level: undefined, overdue: undefined, dueSoon: false })}>
          {t('warnings.filter.reset')}
        </Button>
      )}
    </div>
  );
}
