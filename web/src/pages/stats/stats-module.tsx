import { Route, Routes } from 'react-router-dom';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { moduleAccess } from '../../layout/modules.ts';
import { PageHeader } from '../../layout/page-header.tsx';
import { ForbiddenPage, NotFoundPage } from '../status-pages.tsx';
import { usePhone } from '../warnings/shared/use-phone.ts';
import { DashboardPage } from './dashboard/dashboard-page.tsx';
import { useStatsT } from './i18n/use-stats-t.ts';
import './stats.css';

/** The 统计研判 module: the leadership dashboard of the caller's jurisdiction (read-only for every role). */
export function StatsModule() {
  const me = useCurrentUser();
  const st = useStatsT();
  const phone = usePhone();
  if (!moduleAccess(me.role, 'stats')) return <ForbiddenPage />;
  return (
    <div data-testid="module-stats" className="fz-st">
      {/* On a phone the figures come first; the introduction is for the desk. */}
      <PageHeader title={st('stats.title')} intro={phone ? undefined : st('stats.intro')} />
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
