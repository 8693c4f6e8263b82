import { Drawer, Layout, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useCurrentUser } from '../auth/current-user.tsx';
import { useT } from '../i18n/lang-context.tsx';
import { HeaderBar } from './header-bar.tsx';
import { NavMenu } from './nav-menu.tsx';
import { useNarrow } from './use-narrow.ts';

function Brand({ collapsed }: { collapsed: boolean }) {
  const t = useT();
  return (
    <Link to="/" className="fz-brand">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!collapsed && (
        <span className="fz-brand-text">
          <Typography.Text strong className="fz-brand-name">
            {t('app.brand')}
          </Typography.Text>
        </span>
      )}
    </Link>
  );
}

export function AppLayout() {
  const me = useCurrentUser();
  const narrow = useNarrow();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();

  // A tap on a menu entry navigates; the drawer should get out of the way then.
  useEffect(() => setDrawerOpen(false), [pathname]);

  return (
    <Layout className="fz-shell">
      {narrow ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={264}
          closable={false}
          className="fz-nav-drawer"
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand collapsed={false} />
          <NavMenu role={me.role} />
        </Drawer>
      ) : (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={224} className="fz-sider">
          <Brand collapsed={collapsed} />
          <NavMenu role={me.role} collapsed={collapsed} />
        </Layout.Sider>
      )}
      <Layout>
        <HeaderBar narrow={narrow} onOpenMenu={() => setDrawerOpen(true)} />
        <Layout.Content className={narrow ? 'fz-content fz-content-narrow' : 'fz-content'}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
