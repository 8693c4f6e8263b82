import { Select } from 'antd';
import type { OrgKind, Role } from '../../../../../src/lib/roles.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { roleLabel } from '../../../i18n/labels.ts';
import { rolesForKind } from '../../../lib/roles-for-kind.ts';

interface Props {
  kind: OrgKind | undefined;
  value?: Role | undefined;
  onChange?: (role: Role) => void;
  testId?: string;
}

/** Roles allowed for the chosen organisation's kind; disabled until an organisation is chosen. */
export function RoleSelect({ kind, value, onChange, testId }: Props) {
  const t = useT();
  return (
    <Select<Role>
      value={value}
      onChange={onChange}
      disabled={!kind}
      placeholder={kind ? undefined : t('users.pickOrgFirst')}
      options={rolesForKind(kind).map((r) => ({ value: r, label: roleLabel(t, r) }))}
      data-testid={testId}
    />
  );
}
