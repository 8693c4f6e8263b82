import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Space, Tag, Typography } from 'antd';
import { useCurrentUser } from '../auth/current-user.tsx';
import { useLogout } from '../auth/use-session.ts';
import { useT } from '../i18n/lang-context.tsx';
import { roleLabel } from '../i18n/labels.ts';
import { NotificationBell } from '../pages/warnings/notifications/notification-bell.tsx';
import { LangSwitch } from './lang-switch.tsx';
import { displayNameOf, UserBadge } from './user-badge.tsx';

export function HeaderBar({ narrow, onOpenMenu }: { narrow: boolean; onOpenMenu: () => void }) {
  const me = useCurrentUser();
  const t = useT();
  const logout = useLogout();

  if (narrow) {
    return (
      <Layout.Header className="fz-header fz-header-narrow">
        <Button type="text" icon={<MenuOutlined />} aria-label={t('header.openMenu')} onClick={onOpenMenu} data-testid="open-menu" />
        <Typography.Text strong className="fz-header-title">
          {t('app.name')}
        </Typography.Text>
        <Space size={8}>
          <NotificationBell />
          <LangSwitch />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'who',
                  disabled: true,
                  label: (
                    <div className="fz-account-card">
                      <Typography.Text strong>{displayNameOf(me)}</Typography.Text>
                      <div>
                        <Tag color="blue" variant="filled">
                          {roleLabel(t, me.role)}
                        </Tag>
                      </div>
                      <Typography.Text type="secondary">{me.orgName}</Typography.Text>
                    </div>
                  ),
                },
                { type: 'divider' },
                {
                  key: 'logout',
                  icon: <LogoutOutlined />,
                  label: <span data-testid="logout">{t('header.logout')}</span>,
                  onClick: () => logout.mutate(),
                },
              ],
            }}
          >
            <Button type="text" aria-label={t('header.account')} data-testid="account-menu">
              <UserBadge me={me} compact />
            </Button>
          </Dropdown>
        </Space>
      </Layout.Header>
    );
  }

  return (
    <Layout.Header className="fz-header">
      <UserBadge me={me} />
      <Space size={16}>
        <NotificationBell />
        <LangSwitch />
        <Button icon={<LogoutOutlined />} onClick={() => logout.mutate()} loading={logout.isPending} data-testid="logout">
          {t('header.logout')}
        </Button>
      </Space>
    </Layout.Header>
  );
}
