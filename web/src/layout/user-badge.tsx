import { Avatar, Tag, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import type { Me } from '../api/auth.ts';
import { useT } from '../i18n/lang-context.tsx';
import { roleLabel } from '../i18n/labels.ts';

export function displayNameOf(me: Me): string {
  return me.displayName ?? me.username;
}

/** Who is signed in: name, role and organisation; compact for the phone header. */
export function UserBadge({ me, compact = false }: { me: Me; compact?: boolean }) {
  const t = useT();
  if (compact) return <Avatar size="small" icon={<UserOutlined />} aria-label={displayNameOf(me)} />;
  return (
    <span className="fz-user-badge" data-testid="user-badge">
      <Avatar size="small" icon={<UserOutlined />} />
      <Typography.Text strong>{displayNameOf(me)}</Typography.Text>
      <Tag color="blue" variant="filled" data-testid="user-role">
        {roleLabel(t, me.role)}
      </Tag>
      <Typography.Text type="secondary" ellipsis className="fz-user-org">
        {me.orgName}
      </Typography.Text>
    </span>
  );
}
