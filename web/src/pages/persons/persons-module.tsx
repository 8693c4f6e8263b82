import { Tabs } from 'antd';
import { Route, Routes, useLocation } from 'react-router-dom';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { moduleAccess } from '../../layout/modules.ts';
import { PageHeader } from '../../layout/page-header.tsx';
import { ForbiddenPage, NotFoundPage } from '../status-pages.tsx';
import { DetailPage } from './detail/detail-page.tsx';
import { ListPage } from './list/list-page.tsx';
import { NewPage } from './new/new-page.tsx';
import { ReductionPage } from './reduction/reduction-page.tsx';
import { canWritePersons } from './shared/access.ts';
import { TabArea, useTabSwitch } from '../../layout/tab-switch.tsx';
import './persons.css';

type Tab = 'list' | 'reduction';

/** The 重点人员 module: one file per person, the stranded-abroad return flow and the 核减率 per county. */
export function PersonsModule() {
  const me = useCurrentUser();
  if (!moduleAccess(me.role, 'persons')) return <ForbiddenPage />;
  return <Module />;
}

function Module() {
  const me = useCurrentUser();
  const t = useT();
  const tabSwitch = useTabSwitch();
  const { pathname } = useLocation();
  const tab: Tab = pathname.split('/')[2] === 'reduction' ? 'reduction' : 'list';
  return (
    <div data-testid="module-persons" className="fz-ps">
      <PageHeader title={t('persons.title')} intro={t('persons.intro')} />
      <Tabs
        className="fz-ps-tabs"
        activeKey={tab}
        onChange={(key) => tabSwitch.go(key === 'reduction' ? '/persons/reduction' : '/persons')}
        items={[
          { key: 'list', label: <span data-testid="persons-tab-list">{t('persons.tab.list')}</span> },
          { key: 'reduction', label: <span data-testid="persons-tab-reduction">{t('persons.tab.reduction')}</span> },
        ]}
      />
      <TabArea switching={tabSwitch.switching}>
        <Routes>
          <Route index element={<ListPage />} />
          <Route path="reduction" element={<ReductionPage />} />
          <Route path="new" element={canWritePersons(me.role) ? <NewPage /> : <ForbiddenPage />} />
          <Route path=":id" element={<DetailPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </TabArea>
    </div>
  );
}
