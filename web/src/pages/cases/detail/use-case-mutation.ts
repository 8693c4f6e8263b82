import { useQueryClient } from '@tanstack/react-query';
import type { CaseDetailDto } from '../../../api/cases.ts';
import { ApiError } from '../../../api/problem.ts';
import { BANK_FREEZES_KEY, BANK_REQUESTS_KEY, BANK_RETURNS_KEY, CASES_KEY, caseDetailKey, caseTraceKey } from '../shared/keys.ts';
import { storeAnswer } from '../../../lib/store-answer.ts';

/** After a step on the case: the new detail when the server sent one, and everything around it refetched. */
export function useCaseRefresh(id: number) {
  const queryClient = useQueryClient();
  return {
    apply: async (detail?: CaseDetailDto) => {
      if (detail) await storeAnswer(queryClient, caseDetailKey(id), detail);
      else await queryClient.invalidateQueries({ queryKey: caseDetailKey(id) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...CASES_KEY, 'list'] }),
        queryClient.invalidateQueries({ queryKey: caseTraceKey(id) }),
        queryClient.invalidateQueries({ queryKey: BANK_REQUESTS_KEY }),
        queryClient.invalidateQueries({ queryKey: BANK_FREEZES_KEY }),
        queryClient.invalidateQueries({ queryKey: BANK_RETURNS_KEY }),
      ]);
    },
    /** A 409: someone else moved first, so the page shows a state that is no longer true. */
    onConflict: (err: unknown) => {
      if (err instanceof ApiError && err.status === 409) void queryClient.invalidateQueries({ queryKey: caseDetailKey(id) });
    },
  };
}
