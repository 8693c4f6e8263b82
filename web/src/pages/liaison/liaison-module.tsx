import { Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { moduleAccess } from '../../layout/modules.ts';
import { PageHeader } from '../../layout/page-header.tsx';
import { ForbiddenPage, NotFoundPage } from '../status-pages.tsx';
import { usePhone } from '../warnings/shared/use-phone.ts';
import { useLiaisonT } from './i18n/use-liaison-t.ts';
import { LettersPage } from './letters/letters-page.tsx';
import { MeetingsPage } from './meetings/meetings-page.tsx';
import { OverviewPage } from './overview/overview-page.tsx';
import { isPartner, seesMeetings } from './shared/access.ts';
import { TasksPage } from './tasks/tasks-page.tsx';
import { TabArea, useTabSwitch } from '../../layout/tab-switch.tsx';
import './liaison.css';

type Tab = 'overview' | 'meetings' | 'tasks' | 'letters';
const TABS: readonly Tab[] = ['overview', 'meetings', 'tasks', 'letters'];
const TAB_PATHS: Record<Tab, string> = { overview: '/liaison', meetings: '/liaison/meetings', tasks: '/liaison/tasks', letters: '/liaison/letters' };

/**
 * The 联席办 module: the joint meetings of the member units with their decisions turned into tasks (owner
 * unit, deadline), the tasks' replies and overdue ones, the yearly responsibility letters (责任书), and an
 * overview per unit. Member units, banks and operators see their own tasks and letters, and no meetings.
 */
export function LiaisonModule() {
  const me = useCurrentUser();
  if (!moduleAccess(me.role, 'liaison')) return <ForbiddenPage />;
  return <Module />;
}

function Module() {
  const me = useCurrentUser();
  const lt = useLiaisonT();
  const phone = usePhone();
  const tabSwitch = useTabSwitch();
  const { pathname } = useLocation();
  const tabs = TABS.filter((x) => x !== 'meetings' || seesMeetings(me.role));
  const part = pathname.split('/')[2] ?? '';
  const tab: Tab = (tabs as readonly string[]).includes(part) ? (part as Tab) : 'overview';
  return (
    <div data-testid="module-liaison" className="fz-lx">
      <PageHeader title={lt('liaison.title')} intro={phone ? undefined : lt(isPartner(me.role) ? 'liaison.introUnit' : 'liaison.intro')} />
      <Tabs
        className="fz-lx-tabs"
        activeKey={tab}
        onChange={(key) => tabSwitch.go(TAB_PATHS[key as Tab])}
        items={tabs.map((x) => ({ key: x, label: <span data-testid={`liaison-tab-${x}`}>{lt(`liaison.tab.${x}`)}</span> }))}
      />
      <TabArea switching={tabSwitch.switching}>
        <Routes>
          <Route index element={<OverviewPage />} />
          <Route path="meetings" element={seesMeetings(me.role) ? <MeetingsPage /> : <Navigate to="/liaison/tasks" replace />} />
          <Route path="tasks" element={<TasksPage />} />
          <Route path="letters" element={<LettersPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </TabArea>
    </div>
  );
}
