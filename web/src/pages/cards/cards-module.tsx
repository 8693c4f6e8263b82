import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { moduleAccess } from '../../layout/modules.ts';
import { PageHeader } from '../../layout/page-header.tsx';
import { ForbiddenPage, NotFoundPage } from '../status-pages.tsx';
import { usePhone } from '../warnings/shared/use-phone.ts';
import { AccountabilityPage } from './accountability/accountability-page.tsx';
import { AppealsPage } from './appeals/appeals-page.tsx';
import { ImportPage } from './import/import-page.tsx';
import { LeadDetailPage } from './leads/lead-detail-page.tsx';
import { LeadsPage } from './leads/leads-page.tsx';
import { NoticesPage } from './notices/notices-page.tsx';
import { PartnerPage } from './partner/partner-page.tsx';
import { ProposePage } from './punishments/propose-page.tsx';
import { PunishmentDetailPage } from './punishments/punishment-detail-page.tsx';
import { PunishmentsPage } from './punishments/punishments-page.tsx';
import { RestrictionDetailPage } from './restrictions/restriction-detail-page.tsx';
import { RestrictionReportPage } from './restrictions/restriction-report-page.tsx';
import { RestrictionsPage } from './restrictions/restrictions-page.tsx';
import { canWork, isPartner, TAB_PATHS, TABS, tabsFor, type CardsTab } from './shared/access.ts';
import { TabArea, useTabSwitch } from '../../layout/tab-switch.tsx';
import './cards.css';

/** Which tab a path belongs to: a lead's page sits under the queue, a punishment's under punishments, and so on. */
function tabOf(pathname: string): CardsTab {
  const part = pathname.split('/')[2] ?? '';
  return part !== 'leads' && (TABS as readonly string[]).includes(part) ? (part as CardsTab) : 'leads';
}

/**
 * The 断卡 module: two-card leads to verify, joint punishment, partners' restrictions and the appeals against
 * both, the opener ranking with the notices issued from it, partner checks.
 */
export function CardsModule() {
  const me = useCurrentUser();
  const tabs = tabsFor(me.role);
  if (!moduleAccess(me.role, 'cards') || tabs.length === 0) return <ForbiddenPage />;
  return <Module tabs={tabs} />;
}

function Module({ tabs }: { tabs: CardsTab[] }) {
  const me = useCurrentUser();
  const t = useT();
  const tabSwitch = useTabSwitch();
  const { pathname } = useLocation();
  const allowed = (tab: CardsTab, element: ReactNode) => (tabs.includes(tab) ? element : <ForbiddenPage />);
  const first = tabs[0] ?? 'leads';
  const phone = usePhone();
  const intro = isPartner(me.role) ? 'cards.introPartner' : me.role === 'member_contact' ? 'cards.introMember' : 'cards.introPolice';
  return (
    <div data-testid="module-cards" className="fz-cd">
      {/* On a phone the tabs and the work come first; the module's introduction is for the desk. */}
      <PageHeader title={t('cards.title')} intro={phone ? undefined : t(intro)} />
      {tabs.length > 1 && (
        <Tabs
          className="fz-cd-tabs"
          activeKey={tabOf(pathname)}
          onChange={(key) => tabSwitch.go(TAB_PATHS[key as CardsTab])}
          items={tabs.map((tab) => ({ key: tab, label: <span data-testid={`cards-tab-${tab}`}>{t(`cards.tab.${tab}`)}</span> }))}
        />
      )}
      <TabArea switching={tabSwitch.switching}>
        <Routes>
          <Route index element={tabs.includes('leads') ? <LeadsPage /> : <Navigate to={TAB_PATHS[first]} replace />} />
          <Route path="leads/:id" element={allowed('leads', <LeadDetailPage />)} />
          <Route path="import" element={allowed('import', <ImportPage />)} />
          <Route path="punishments" element={allowed('punishments', <PunishmentsPage />)} />
          <Route path="punishments/new" element={tabs.includes('punishments') && canWork(me.role) ? <ProposePage /> : <ForbiddenPage />} />
          <Route path="punishments/:id" element={allowed('punishments', <PunishmentDetailPage />)} />
          <Route path="accountability" element={allowed('accountability', <AccountabilityPage />)} />
          <Route path="partner" element={allowed('partner', <PartnerPage />)} />
          <Route path="restrictions" element={allowed('restrictions', <RestrictionsPage />)} />
          <Route path="restrictions/new" element={tabs.includes('restrictions') && isPartner(me.role) ? <RestrictionReportPage /> : <ForbiddenPage />} />
          <Route path="restrictions/:id" element={allowed('restrictions', <RestrictionDetailPage />)} />
          <Route path="appeals" element={allowed('appeals', <AppealsPage />)} />
          <Route path="notices" element={allowed('notices', <NoticesPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </TabArea>
    </div>
  );
}
