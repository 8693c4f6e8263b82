import { DatePicker, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../i18n/lang-context.tsx';
import { actionLabel } from '../../../i18n/labels.ts';

/** Action codes the server writes today; the filter also accepts any other code typed in. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'auth.login_rate_limited',
  'org.create',
  'org.update',
  'user.create',
  'user.update',
  'user.password_reset',
  'user.reveal',
  'token.create',
  'token.revoke',
  'audit.verify',
] as const;

export interface AuditFilter {
  action?: string | undefined;
  actor?: string | undefined;
  range?: [Dayjs, Dayjs] | undefined;
}

export function AuditFilters({ value, onChange }: { value: AuditFilter; onChange: (f: AuditFilter) => void }) {
  const t = useT();
  return (
    <div className="fz-filters" data-testid="audit-filters">
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.action')}
        value={value.action}
        onChange={(action) => onChange({ ...value, action })}
        options={AUDIT_ACTIONS.map((a) => ({ value: a, label: `${actionLabel(t, a)} (${a})` }))}
        className="fz-filter-wide"
      />
      <Input.Search
        allowClear
        placeholder={t('audit.actorPlaceholder')}
        defaultValue={value.actor}
        onSearch={(actor) => onChange({ ...value, actor: actor.trim() || undefined })}
        className="fz-filter"
      />
      <DatePicker.RangePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={value.range}
        onChange={(range) => onChange({ ...value, range: range?.[0] && range[1] ? [range[0], range[1]] : undefined })}
        className="fz-filter-range"
      />
    </div>
  );
}
