import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { moduleAccess } from '../../layout/modules.ts';
import { PageHeader } from '../../layout/page-header.tsx';
import { hasStream } from '../cases/shared/access.ts';
import { BANK_REQUESTS_KEY, CASES_KEY } from '../cases/shared/keys.ts';
import { LiveBadge } from '../cases/shared/live-badge.tsx';
import { useMoneyStream } from '../cases/shared/use-money-stream.ts';
import { ForbiddenPage, NotFoundPage } from '../status-pages.tsx';
import { RequestsPage } from './requests-page.tsx';
import '../cases/cases.css';

/** The 资金 module: stop-payment requests, answered by the banks and watched by the center. */
export function FundsModule() {
  const me = useCurrentUser();
  if (!moduleAccess(me.role, 'funds')) return <ForbiddenPage />;
  return <Module />;
}

function Module() {
  const me = useCurrentUser();
  const t = useT();
  const queryClient = useQueryClient();
  const live = hasStream(me.role);
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: BANK_REQUESTS_KEY });
    void queryClient.invalidateQueries({ queryKey: CASES_KEY });
  }, [queryClient]);
  const stream = useMoneyStream(live, refresh, refresh);
  return (
    <div data-testid="module-funds" className="fz-cs fz-fd">
      <PageHeader title={t('funds.title')} intro={t(me.role === 'bank_liaison' ? 'funds.introBank' : 'funds.introPolice')} extra={<LiveBadge mode={live ? 'live' : 'poll'} connected={stream.connected} />} />
      <Routes>
        <Route index element={<RequestsPage live={live} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
