import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiError } from '../api/problem.ts';
import { useT } from '../i18n/lang-context.tsx';
import { errorText } from '../lib/notify.ts';
import { CurrentUserContext } from './current-user.tsx';
import { hasSessionHint } from './session-hint.ts';
import { useMe } from './use-session.ts';

export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useMe();
  const t = useT();
  if (!hasSessionHint()) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.isPending) {
    return (
      <div className="fz-center-screen">
        <Spin size="large" description={t('common.loading')} />
      </div>
    );
  }
  // A lost session: the API client's handler is already on its way to /login; do not flash an error.
  if (me.isError && me.error instanceof ApiError && me.error.status === 401) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.isError) {
    return (
      <Result
        status="warning"
        title={errorText(me.error)}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
}
