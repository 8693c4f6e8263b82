import { Card, Tabs } from 'antd';
import { Route, Routes, useLocation } from 'react-router-dom';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { ForbiddenPage, NotFoundPage } from '../../status-pages.tsx';
import { readsAlerts, readsAllowList, readsRules } from './access.ts';
import { AlertsPage } from './alerts-page.tsx';
import { AllowListPage } from './allow-list-page.tsx';
import { RulesPage } from './rules/rules-page.tsx';
import { TabArea, useTabSwitch } from '../../../layout/tab-switch.tsx';
import './monitoring.css';

type Tab = 'alerts' | 'allow-list' | 'rules';
const TAB_KEYS: Record<Tab, 'risk.nav.alerts' | 'risk.nav.allow' | 'risk.nav.rules'> = { alerts: 'risk.nav.alerts', 'allow-list': 'risk.nav.allow', rules: 'risk.nav.rules' };

/**
 * 交易监测 inside 资金: the alert queue for every reader, the allow-list for those who keep it, and the rules'
 * performance (read-only) for the center's analysts and leaders.
 */
export function MonitoringPage({ live }: { live: boolean }) {
  const me = useCurrentUser();
  const t = useT();
  const location = useLocation();
  const tabSwitch = useTabSwitch();
  if (!readsAlerts(me.role)) return <ForbiddenPage />;
  const tabs: Tab[] = ['alerts', ...(readsAllowList(me.role) ? (['allow-list'] as const) : []), ...(readsRules(me.role) ? (['rules'] as const) : [])];
  const current: Tab = tabs.find((tab) => tab !== 'alerts' && location.pathname.startsWith(`/funds/monitoring/${tab}`)) ?? 'alerts';
  return (
    <Card variant="borderless" size="small" data-testid="risk-monitoring">
      <Tabs
        activeKey={current}
        onChange={(key) => tabSwitch.go(key === 'alerts' ? '/funds/monitoring' : `/funds/monitoring/${key}`)}
        items={tabs.map((tab) => ({ key: tab, label: <span data-testid={`monitoring-nav-${tab}`}>{t(TAB_KEYS[tab])}</span> }))}
      />
      <TabArea switching={tabSwitch.switching}>
        <Routes>
          <Route index element={<AlertsPage live={live} />} />
          <Route path="allow-list" element={readsAllowList(me.role) ? <AllowListPage /> : <ForbiddenPage />} />
          <Route path="rules" element={readsRules(me.role) ? <RulesPage /> : <ForbiddenPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </TabArea>
    </Card>
  );
}
