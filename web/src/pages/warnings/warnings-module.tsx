import { Badge, Tabs, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { PageHeader } from '../../layout/page-header.tsx';
import { ForbiddenPage, NotFoundPage } from '../status-pages.tsx';
import { BoardPage } from './board/board-page.tsx';
import { DetailPage } from './detail/detail-page.tsx';
import { ImportPage } from './import/import-page.tsx';
import { QueuePage } from './queue/queue-page.tsx';
import { TAB_PATHS, tabsFor, type WarningsTab } from './shared/access.ts';
import { LiveContext } from './shared/live-context.ts';
import { useWarningStream } from './shared/use-warning-stream.ts';
import { StatsPage } from './stats/stats-page.tsx';
import { TabArea, useTabSwitch } from '../../layout/tab-switch.tsx';
import './warnings.css';

/** Which tab a path belongs to: a warning's detail sits under the queue. */
function tabOf(pathname: string): WarningsTab {
  const part = pathname.split('/')[2] ?? '';
  return part === 'board' || part === 'stats' || part === 'import' ? part : 'queue';
}

/** The 预警劝阻 module: its tabs, its routes below /warnings, and the live stream they share. */
export function WarningsModule() {
  const me = useCurrentUser();
  const tabs = tabsFor(me.role);
  if (tabs.length === 0) return <ForbiddenPage />;
  return <Module tabs={tabs} />;
}

function Module({ tabs }: { tabs: WarningsTab[] }) {
  const t = useT();
  const tabSwitch = useTabSwitch();
  const { pathname } = useLocation();
  const live = useWarningStream();
  const allowed = (tab: WarningsTab, element: ReactNode) => (tabs.includes(tab) ? element : <ForbiddenPage />);
  const first = tabs[0] ?? 'queue';
  return (
    <LiveContext.Provider value={live}>
      <div data-testid="module-warnings" className="fz-wn">
        <PageHeader
          title={t('warnings.title')}
          extra={
            <Tooltip title={live.connected ? undefined : t('warnings.liveOff')}>
              <span data-testid="live-status" data-connected={String(live.connected)}>
                <Badge status={live.connected ? 'processing' : 'default'} text={t('warnings.live')} />
              </span>
            </Tooltip>
          }
        />
        {tabs.length > 1 && (
          <Tabs
            className="fz-wn-tabs"
            activeKey={tabOf(pathname)}
            onChange={(key) => tabSwitch.go(TAB_PATHS[key as WarningsTab])}
            items={tabs.map((tab) => ({ key: tab, label: <span data-testid={`warnings-tab-${tab}`}>{t(`warnings.tab.${tab}`)}</span> }))}
          />
        )}
        <TabArea switching={tabSwitch.switching}>
          <Routes>
            <Route index element={tabs.includes('queue') ? <QueuePage /> : <Navigate to={TAB_PATHS[first]} replace />} />
            <Route path="board" element={allowed('board', <BoardPage />)} />
            <Route path="stats" element={allowed('stats', <StatsPage />)} />
            <Route path="import" element={allowed('import', <ImportPage />)} />
            <Route path=":id" element={allowed('queue', <DetailPage />)} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </TabArea>
      </div>
    </LiveContext.Provider>
  );
}
