import { Tabs } from 'antd';
import { Route, Routes, useLocation } from 'react-router-dom';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { moduleAccess } from '../../layout/modules.ts';
import { PageHeader } from '../../layout/page-header.tsx';
import { ForbiddenPage, NotFoundPage } from '../status-pages.tsx';
import { usePhone } from '../warnings/shared/use-phone.ts';
import { ActivitiesPage } from './activities/activities-page.tsx';
import { CoveragePage } from './coverage/coverage-page.tsx';
import { DirectivesPage } from './directives/directives-page.tsx';
import { useOutreachT } from './i18n/use-outreach-t.ts';
import type { OutreachKey } from './i18n/outreach-zh.ts';
import { answersDirectives } from './shared/access.ts';
import { TabArea, useTabSwitch } from '../../layout/tab-switch.tsx';
import './outreach.css';

type Tab = 'activities' | 'directives' | 'coverage';
const TABS: readonly Tab[] = ['activities', 'directives', 'coverage'];
const TAB_PATHS: Record<Tab, string> = { activities: '/outreach', directives: '/outreach/directives', coverage: '/outreach/coverage' };

/**
 * The 宣传 module: outreach activities of the units, directives (日常/精准宣防指令) from the center with each
 * unit's feedback and the precision ones proposed from the statistics, and the coverage per unit (people
 * reached, the vulnerable register reached, the app registration rate).
 */
export function OutreachModule() {
  const me = useCurrentUser();
  if (!moduleAccess(me.role, 'outreach')) return <ForbiddenPage />;
  return <Module />;
}

function Module() {
  const me = useCurrentUser();
  const ot = useOutreachT();
  const phone = usePhone();
  const tabSwitch = useTabSwitch();
  const { pathname } = useLocation();
  const part = pathname.split('/')[2] ?? '';
  const tab: Tab = (TABS as readonly string[]).includes(part) ? (part as Tab) : 'activities';
  const intro: OutreachKey = answersDirectives(me.role) ? 'outreach.introUnit' : 'outreach.intro';
  return (
    <div data-testid="module-outreach" className="fz-or">
      {/* On a phone the tabs and the work come first; the module's introduction is for the desk. */}
      <PageHeader title={ot('outreach.title')} intro={phone ? undefined : ot(intro)} />
      <Tabs
        className="fz-or-tabs"
        activeKey={tab}
        onChange={(key) => tabSwitch.go(TAB_PATHS[key as Tab])}
        items={TABS.map((x) => ({ key: x, label: <span data-testid={`outreach-tab-${x}`}>{ot(`outreach.tab.${x}`)}</span> }))}
      />
      <TabArea switching={tabSwitch.switching}>
        <Routes>
          <Route index element={<ActivitiesPage />} />
          <Route path="directives" element={<DirectivesPage />} />
          <Route path="coverage" element={<CoveragePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </TabArea>
    </div>
  );
}
