import { Input, Select } from 'antd';
import { ROLES, type Role } from '../../../../../src/lib/roles.ts';
import type { OrgDto } from '../../../api/orgs.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { roleLabel } from '../../../i18n/labels.ts';
import { OrgTreeSelect } from '../org-tree-select.tsx';

export interface UserFilter {
  q?: string | undefined;
  role?: Role | undefined;
  orgCode?: string | undefined;
  active?: 'true' | 'false' | undefined;
}

export function UserFilters({ value, onChange, orgs }: { value: UserFilter; onChange: (f: UserFilter) => void; orgs: readonly OrgDto[] }) {
  const t = useT();
  return (
    <div className="fz-filters" data-testid="user-filters">
      <Input.Search
        allowClear
        placeholder={t('users.search')}
        defaultValue={value.q}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        className="fz-filter-wide"
      />
      <Select<Role>
        allowClear
        placeholder={t('users.role')}
        value={value.role}
        onChange={(role) => onChange({ ...value, role })}
        options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
        className="fz-filter"
      />
      <div className="fz-filter-wide">
        <OrgTreeSelect orgs={orgs} allowClear placeholder={t('users.org')} value={value.orgCode} onChange={(orgCode) => onChange({ ...value, orgCode })} />
      </div>
      <Select<'true' | 'false'>
        allowClear
        placeholder={t('common.status')}
        value={value.active}
        onChange={(active) => onChange({ ...value, active })}
        options={[
          { value: 'true', label: t('common.active') },
          { value: 'false', label: t('common.inactive') },
        ]}
        className="fz-filter"
      />
    </div>
  );
}
