import { useQueryClient } from '@tanstack/react-query';
import { Segmented } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { moduleAccess } from '../../layout/modules.ts';
import { PageHeader } from '../../layout/page-header.tsx';
import { hasStream } from '../cases/shared/access.ts';
import { BANK_FREEZES_KEY, BANK_REQUESTS_KEY, BANK_RETURNS_KEY, CASES_KEY } from '../cases/shared/keys.ts';
import { LiveBadge } from '../cases/shared/live-badge.tsx';
import { useMoneyStream } from '../cases/shared/use-money-stream.ts';
import { ForbiddenPage, NotFoundPage } from '../status-pages.tsx';
import { FreezesPage } from './freezes-page.tsx';
import { MoneyTotals } from './money-totals.tsx';
import { RISK_KEY } from './monitoring/keys.ts';
import { MonitoringPage } from './monitoring/monitoring-page.tsx';
import { RequestsPage } from './requests-page.tsx';
import { ReturnsPage } from './returns-page.tsx';
import '../cases/cases.css';

type Section = 'requests' | 'freezes' | 'returns' | 'monitoring';
const SECTIONS: readonly Section[] = ['requests', 'freezes', 'returns', 'monitoring'];
/** A bank's batch can raise alerts many times a minute: one refetch per burst is enough. */
const RISK_BURST_MS = 500;

/**
 * The 资金 module: stop-payment requests, freezes and returns, worked by the banks and watched by the center, and
 * the transaction monitoring's alerts (交易监测).
 */
export function FundsModule() {
  const me = useCurrentUser();
  if (!moduleAccess(me.role, 'funds')) return <ForbiddenPage />;
  return <Module />;
}

function Module() {
  const me = useCurrentUser();
  const t = useT();
  const queryClient = useQueryClient();
  const location = useLocation();
  const navigate = useNavigate();
  const live = hasStream(me.role);
  const onEvent = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: BANK_REQUESTS_KEY });
    void queryClient.invalidateQueries({ queryKey: CASES_KEY });
  }, [queryClient]);
  // Back after a gap: anything may have changed, freezes and returns included.
  const onReconnect = useCallback(() => {
    for (const key of [BANK_REQUESTS_KEY, BANK_FREEZES_KEY, BANK_RETURNS_KEY, CASES_KEY, RISK_KEY]) void queryClient.invalidateQueries({ queryKey: key });
  }, [queryClient]);
  const riskTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onRisk = useCallback(() => {
    riskTimer.current ??= setTimeout(() => {
      riskTimer.current = null;
      void queryClient.invalidateQueries({ queryKey: RISK_KEY });
    }, RISK_BURST_MS);
  }, [queryClient]);
  useEffect(
    () => () => {
      if (riskTimer.current) clearTimeout(riskTimer.current);
    },
    [],
  );
  const stream = useMoneyStream(live, onEvent, onReconnect, onRisk);
  const section: Section = SECTIONS.find((s) => location.pathname.startsWith(`/funds/${s}`)) ?? 'requests';
  const bank = me.role === 'bank_liaison';
  return (
    <div data-testid="module-funds" className="fz-cs fz-fd">
      <PageHeader
        title={t('funds.title')}
        intro={section === 'monitoring' ? t(bank ? 'risk.introBank' : 'risk.introCenter') : t(bank ? 'funds.introBank' : 'funds.introPolice')}
        extra={<LiveBadge mode={live ? 'live' : 'poll'} connected={stream.connected} />}
      />
      {!bank && <MoneyTotals />}
      <Segmented<Section>
        className="fz-fd-nav"
        value={section}
        onChange={(s) => void navigate(s === 'requests' ? '/funds' : `/funds/${s}`)}
        options={SECTIONS.map((s) => ({ value: s, label: <span data-testid={`funds-nav-${s}`}>{t(`funds.nav.${s}`)}</span> }))}
      />
      <Routes>
        {/* Polls while the stream is down, and slowly while it is up (the expiry sweeper is not announced). */}
        <Route index element={<RequestsPage live={live && stream.connected} />} />
        <Route path="freezes" element={<FreezesPage />} />
        <Route path="returns" element={<ReturnsPage />} />
        <Route path="monitoring/*" element={<MonitoringPage live={live && stream.connected} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
