import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { moduleAccess } from '../../layout/modules.ts';
import { PageHeader } from '../../layout/page-header.tsx';
import { ForbiddenPage, NotFoundPage } from '../status-pages.tsx';
import { ClustersPage } from './clusters/clusters-page.tsx';
import { SerialPage } from './clusters/serial-page.tsx';
import { DetailPage } from './detail/detail-page.tsx';
import { IntakePage } from './intake/intake-page.tsx';
import { ListPage } from './list/list-page.tsx';
import { canWriteCases, hasStream } from './shared/access.ts';
import { BANK_REQUESTS_KEY, CASES_KEY, caseDetailKey, caseTraceKey } from './shared/keys.ts';
import { LiveBadge } from './shared/live-badge.tsx';
import { useMoneyStream, type MoneyEvent } from './shared/use-money-stream.ts';
import './cases.css';

/** The 案件 module: the case list, the hotline intake and the case file, kept fresh by the event stream. */
export function CasesModule() {
  const me = useCurrentUser();
  if (!moduleAccess(me.role, 'cases')) return <ForbiddenPage />;
  return <Module />;
}

function Module() {
  const me = useCurrentUser();
  const t = useT();
  const queryClient = useQueryClient();
  const onEvent = useCallback(
    (e: MoneyEvent) => {
      // A bank's answer changes its case (stop-payments, proposals, trace); a new request changes the case it was sent for.
      const caseId = e.type === 'stop_payment.answered' ? e.caseId : e.id;
      if (caseId !== undefined) {
        void queryClient.invalidateQueries({ queryKey: caseDetailKey(caseId) });
        void queryClient.invalidateQueries({ queryKey: caseTraceKey(caseId) });
      }
      void queryClient.invalidateQueries({ queryKey: [...CASES_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: BANK_REQUESTS_KEY });
    },
    [queryClient],
  );
  const onReconnect = useCallback(() => void queryClient.invalidateQueries({ queryKey: CASES_KEY }), [queryClient]);
  const live = useMoneyStream(hasStream(me.role), onEvent, onReconnect);
  const writer = canWriteCases(me.role);
  return (
    <div data-testid="module-cases" className="fz-cs">
      <PageHeader title={t('cases.title')} extra={<LiveBadge mode="live" connected={live.connected} />} />
      <Routes>
        <Route index element={<ListPage />} />
        <Route path="new" element={writer ? <IntakePage /> : <ForbiddenPage />} />
        <Route path="clusters" element={<ClustersPage />} />
        <Route path="serials/:id" element={<SerialPage />} />
        <Route path=":id" element={<DetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
