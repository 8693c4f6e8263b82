import { ClearOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import { useState } from 'react';
import type { LeadOutcome } from '../../../api/cards.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { OrgTreeSelect } from '../../admin/org-tree-select.tsx';
import { isCenterWorker, isLeader } from '../shared/access.ts';
import { LEAD_OUTCOMES, outcomeLabel } from '../shared/labels.ts';
import { useVerifyingOrgs } from '../shared/orgs.ts';
import type { LeadFilter } from './lead-params.ts';

export function LeadFilters({ value, onChange }: { value: LeadFilter; onChange: (f: LeadFilter) => void }) {
  const me = useCurrentUser();
  const t = useT();
  const [q, setQ] = useState(value.q);
  // The center picks among all units; a station has only itself.
  const center = isCenterWorker(me.role) || isLeader(me.role) || me.role === 'viewer';
  const orgs = useVerifyingOrgs(center);
  const set = (patch: Partial<LeadFilter>) => onChange({ ...value, ...patch, page: 1 });
  // The status is the row of buttons above; these narrow it down.
  const dirty = value.outcome !== undefined || value.orgCode !== undefined || value.q !== '';
  const closedOnly = value.status === 'closed' || value.status === 'all';
  return (
    <div className="fz-filters" data-testid="lead-filters">
      {closedOnly && (
        <Select<LeadOutcome>
          allowClear
          placeholder={t('cards.filter.outcome')}
          value={value.outcome}
          onChange={(outcome) => set({ outcome })}
          options={LEAD_OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(t, o) }))}
          className="fz-filter"
          data-testid="lead-filter-outcome"
        />
      )}
      {center && (
        <div className="fz-filter-wide">
          <OrgTreeSelect orgs={orgs.units} value={value.orgCode} onChange={(orgCode) => set({ orgCode })} placeholder={t('cards.filter.unit')} allowClear testId="lead-filter-org" />
        </div>
      )}
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          if (e.target.value === '' && value.q !== '') set({ q: '' });
        }}
        onSearch={(v) => set({ q: v.trim() })}
        placeholder={t('cards.filter.search')}
        maxLength={40}
        className="fz-cd-search"
        data-testid="lead-filter-q"
      />
      {dirty && (
        <Button
          type="link"
          icon={<ClearOutlined />}
          onClick={() => {
            setQ('');
            set({ outcome: undefined, orgCode: undefined, q: '' });
          }}
        >
          {t('cards.filter.reset')}
        </Button>
      )}
    </div>
  );
}
