import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/problem.ts';
import { showError } from './notify.ts';

declare module '@tanstack/react-query' {
  interface Register {
    /** handlesError: the caller shows the error itself (inline on a form), so no global message. */
    mutationMeta: { handlesError?: boolean };
    queryMeta: { handlesError?: boolean };
  }
}

/** Client errors will not improve on a retry; network blips and 5xx might. */
function shouldRetry(failures: number, err: unknown): boolean {
  if (err instanceof ApiError && err.status >= 400 && err.status < 500) return false;
  return failures < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (err, query) => {
        if (!query.meta?.handlesError) showError(err);
      },
    }),
    mutationCache: new MutationCache({
      onError: (err, _vars, _ctx, mutation) => {
        if (!mutation.meta?.handlesError) showError(err);
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
