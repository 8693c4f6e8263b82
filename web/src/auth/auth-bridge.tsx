import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { setUnauthenticatedHandler } from '../api/client.ts';
import { useT } from '../i18n/lang-context.tsx';
import { setMessageApi } from '../lib/notify.ts';
import { setSessionHint } from './session-hint.ts';

/**
 * Connects code outside React to the app: the API client's 401 handler (back to /login, keeping the
 * page to return to) and the antd message instance for global error messages.
 */
export function AuthBridge() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const t = useT();

  useEffect(() => {
    setMessageApi(message);
    return () => setMessageApi(null);
  }, [message]);

  const from = location.pathname + location.search;
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setSessionHint(false);
      if (from === '/login') return;
      void message.warning(t('error.sessionExpired'));
      void navigate('/login', { replace: true, state: { from } });
      // After the protected pages have unmounted, so their queries do not refetch into more 401s.
      setTimeout(() => queryClient.clear(), 0);
    });
  }, [from, message, navigate, queryClient, t]);

  return null;
}
