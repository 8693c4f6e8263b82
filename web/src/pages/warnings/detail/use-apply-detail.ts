import { useQueryClient } from '@tanstack/react-query';
import type { WarningDetailDto } from '../../../api/warnings.ts';
import { ApiError } from '../../../api/problem.ts';
import { WARNINGS_KEY, warningDetailKey } from '../shared/keys.ts';
import { storeAnswer } from '../../../lib/store-answer.ts';

/** After a workflow step: the answer is the new detail; queues and the board refetch behind it. */
export function useApplyDetail(): (detail: WarningDetailDto) => Promise<void> {
  const queryClient = useQueryClient();
  return async (detail) => {
    await storeAnswer(queryClient, warningDetailKey(detail.id), detail);
    await queryClient.invalidateQueries({ queryKey: WARNINGS_KEY, predicate: (q) => q.queryKey[1] !== 'detail' });
  };
}

/**
 * A 409 means someone else moved the warning first (ILLEGAL_TRANSITION): the page shows a status that
 * is no longer true, so it is fetched again and the buttons follow the real one.
 */
export function useRefreshOnConflict(id: number): (err: unknown) => void {
  const queryClient = useQueryClient();
  return (err) => {
    if (err instanceof ApiError && err.status === 409) void queryClient.invalidateQueries({ queryKey: warningDetailKey(id) });
  };
}
