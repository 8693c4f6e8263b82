import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { fetchMe, logout } from '../api/auth.ts';
import { useT } from '../i18n/lang-context.tsx';
import { showSuccess } from '../lib/notify.ts';
import { hasSessionHint, setSessionHint } from './session-hint.ts';

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, enabled: hasSessionHint(), staleTime: 5 * 60_000 });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const t = useT();
  return useMutation({
    mutationFn: logout,
    // Leave locally even when the server call fails: the user asked to go.
    onSettled: () => {
      setSessionHint(false);
      void navigate('/login', { replace: true });
      queryClient.clear();
      showSuccess(t('header.loggedOut'));
    },
    meta: { handlesError: true },
  });
}
