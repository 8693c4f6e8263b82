import { ClearOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Select } from 'antd';
import { useState } from 'react';
import type { PersonCategory, PersonStatus } from '../../../api/persons.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { OrgTreeSelect } from '../../admin/org-tree-select.tsx';
import { canBeOfficer } from '../shared/access.ts';
import { CATEGORIES, categoryLabel, STATUSES, statusLabel } from '../shared/labels.ts';
import { useKeepingUnits } from '../shared/person-fields.tsx';
import { isFiltered, type PersonFilter } from './list-params.ts';

/** Search, category, status, unit (when there is more than one), "mine" for officers, and overdue control. */
export function ListFilters({ value, onChange }: { value: PersonFilter; onChange: (f: PersonFilter) => void }) {
  const me = useCurrentUser();
  const t = useT();
  const { units } = useKeepingUnits();
  const [q, setQ] = useState(value.q ?? '');
  // Any change of filter starts again at page 1.
  const set = (patch: Partial<PersonFilter>) => onChange({ ...value, ...patch, page: 1 });
  return (
    <div className="fz-filters" data-testid="person-filters">
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          if (e.target.value === '' && value.q) set({ q: undefined });
        }}
        onSearch={(v) => set({ q: v.trim() || undefined })}
        placeholder={t('persons.filter.search')}
        aria-label={t('persons.filter.search')}
        maxLength={50}
        className="fz-ps-search"
        data-testid="person-filter-q"
      />
      <Select<PersonCategory>
        allowClear
        placeholder={t('persons.filter.allCategories')}
        aria-label={t('persons.filter.category')}
        value={value.category}
        onChange={(category) => set({ category })}
        options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
        className="fz-filter"
        data-testid="person-filter-category"
      />
      <Select<PersonStatus>
        allowClear
        placeholder={t('persons.filter.allStatuses')}
        aria-label={t('persons.filter.status')}
        value={value.status}
        onChange={(status) => set({ status })}
        options={STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
        className="fz-filter"
        data-testid="person-filter-status"
      />
      {units.length > 1 && (
        <div className="fz-filter fz-filter-wide">
          <OrgTreeSelect orgs={units} value={value.orgCode} onChange={(orgCode) => set({ orgCode })} placeholder={t('persons.filter.allUnits')} allowClear testId="person-filter-org" />
        </div>
      )}
      {canBeOfficer(me.role) && (
        <Checkbox checked={value.mine ?? false} onChange={(e) => set({ mine: e.target.checked || undefined })} className="fz-ps-check" data-testid="person-filter-mine">
          {t('persons.filter.mine')}
        </Checkbox>
      )}
      <Checkbox checked={value.overdue ?? false} onChange={(e) => set({ overdue: e.target.checked || undefined })} className="fz-ps-check" data-testid="person-filter-overdue">
        {t('persons.filter.overdue')}
      </Checkbox>
      {isFiltered(value) && (
        <Button
          type="link"
          icon={<ClearOutlined />}
          onClick={() => {
            setQ('');
            onChange({ page: 1 });
          }}
          data-testid="person-filter-reset"
        >
          {t('persons.filter.reset')}
        </Button>
      )}
    </div>
  );
}
