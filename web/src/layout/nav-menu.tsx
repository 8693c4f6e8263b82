import { HomeOutlined, SettingOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import type { Role } from '../../../src/lib/roles.ts';
import { useT } from '../i18n/lang-context.tsx';
import type { Translate } from '../i18n/lang.ts';
import { ADMIN_ICONS, MODULE_ICONS } from './module-icons.tsx';
import { ADMIN_PAGES, isAdmin, MODULE_PATHS, modulesFor } from './modules.ts';

type Item = Required<MenuProps>['items'][number];

// data-nav-top marks the modules (not the admin sub-pages) so the smoke test can compare the menu
// of each role with what that role should see.
function navItems(role: Role, t: Translate): Item[] {
  const items: Item[] = [
    {
      key: '/',
      icon: <HomeOutlined />,
      label: (
        <Link to="/" data-testid="nav-home" data-nav-top="">
          {t('nav.home')}
        </Link>
      ),
    },
  ];
  for (const m of modulesFor(role)) {
    items.push({
      key: MODULE_PATHS[m],
      icon: MODULE_ICONS[m],
      label: (
        <Link to={MODULE_PATHS[m]} data-testid={`nav-${m}`} data-nav-top="">
          {t(`nav.${m}`)}
        </Link>
      ),
    });
  }
  if (isAdmin(role)) {
    items.push({
      key: 'admin',
      icon: <SettingOutlined />,
      label: (
        <span data-testid="nav-admin" data-nav-top="">
          {t('nav.admin')}
        </span>
      ),
      children: ADMIN_PAGES.map((p) => ({
        key: `/admin/${p}`,
        icon: ADMIN_ICONS[p],
        label: (
          <Link to={`/admin/${p}`} data-testid={`nav-admin-${p}`}>
            {t(`nav.admin.${p}`)}
          </Link>
        ),
      })),
    });
  }
  return items;
}

export function NavMenu({ role, collapsed = false }: { role: Role; collapsed?: boolean }) {
  const t = useT();
  const { pathname } = useLocation();
  const selected = pathname.startsWith('/admin/') ? pathname.split('/').slice(0, 3).join('/') : `/${pathname.split('/')[1] ?? ''}`;
  return (
    <Menu
      theme="dark"
      mode="inline"
      data-testid="nav-menu"
      selectedKeys={[selected]}
      defaultOpenKeys={collapsed || !pathname.startsWith('/admin') ? [] : ['admin']}
      items={navItems(role, t)}
    />
  );
}
