import { Tabs } from 'antd';
import { Route, Routes, useLocation } from 'react-router-dom';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { moduleAccess } from '../../layout/modules.ts';
import { PageHeader } from '../../layout/page-header.tsx';
import { ForbiddenPage, NotFoundPage } from '../status-pages.tsx';
import { usePhone } from '../warnings/shared/use-phone.ts';
import { BulletinPage } from './bulletins/bulletin-page.tsx';
import { BulletinsPage } from './bulletins/bulletins-page.tsx';
import { DashboardPage } from './dashboard/dashboard-page.tsx';
import { FiguresPage } from './figures/figures-page.tsx';
import { useStatsT } from './i18n/use-stats-t.ts';
import { ReportsPage } from './reports/reports-page.tsx';
import { seesFigures } from './shared/access.ts';
import { TabArea, useTabSwitch } from '../../layout/tab-switch.tsx';
import './stats.css';

type Tab = 'dashboard' | 'reports' | 'bulletins' | 'figures';
const TAB_PATHS: Record<Tab, string> = { dashboard: '/stats', reports: '/stats/reports', bulletins: '/stats/bulletins', figures: '/stats/figures' };

/**
 * The 统计研判 module: the leadership dashboard of the caller's jurisdiction, the weekly, monthly and custom
 * reports, the 警情通报 bulletins (drafted, edited and published by the center, read by the units below) and
 * the reference figures the rates read.
 */
export function StatsModule() {
  const me = useCurrentUser();
  if (!moduleAccess(me.role, 'stats')) return <ForbiddenPage />;
  return <Module />;
}

function Module() {
  const me = useCurrentUser();
  const st = useStatsT();
  const phone = usePhone();
  const tabSwitch = useTabSwitch();
  const { pathname } = useLocation();
  const tabs: Tab[] = ['dashboard', 'reports', 'bulletins', ...(seesFigures(me.role) ? (['figures'] as const) : [])];
  const part = pathname.split('/')[2] ?? '';
  const tab: Tab = (tabs as readonly string[]).includes(part) ? (part as Tab) : 'dashboard';
  return (
    <div data-testid="module-stats" className="fz-st">
      {/* On a phone the figures come first; the introduction is for the desk. */}
      <PageHeader title={st('stats.title')} intro={phone ? undefined : st('stats.intro')} />
      <Tabs
        className="fz-st-tabs"
        activeKey={tab}
        onChange={(key) => tabSwitch.go(TAB_PATHS[key as Tab])}
        items={tabs.map((x) => ({ key: x, label: <span data-testid={`stats-tab-${x}`}>{st(`stats.tab.${x}`)}</span> }))}
      />
      <TabArea switching={tabSwitch.switching}>
        <Routes>
          <Route index element={<DashboardPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="bulletins" element={<BulletinsPage />} />
          <Route path="bulletins/:id" element={<BulletinPage />} />
          {seesFigures(me.role) && <Route path="figures" element={<FiguresPage />} />}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </TabArea>
    </div>
  );
}
