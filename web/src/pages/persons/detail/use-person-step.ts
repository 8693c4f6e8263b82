import { useQueryClient } from '@tanstack/react-query';
import type { PersonDetailDto } from '../../../api/persons.ts';
import { ApiError } from '../../../api/problem.ts';
import { personDetailKey, PERSONS_KEY } from '../shared/keys.ts';
import { storeAnswer } from '../../../lib/store-answer.ts';

/** After a step on the file: the server's new detail in place, the lists and the reduction rate refetched. */
export function usePersonRefresh(id: number) {
  const queryClient = useQueryClient();
  return {
    apply: async (detail: PersonDetailDto) => {
      await storeAnswer(queryClient, personDetailKey(id), detail);
      await queryClient.invalidateQueries({ queryKey: PERSONS_KEY, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
    /** A 409: someone else moved first, so the page shows a state that is no longer true. */
    isConflict: (err: unknown): boolean => {
      if (!(err instanceof ApiError) || err.status !== 409) return false;
      void queryClient.invalidateQueries({ queryKey: personDetailKey(id) });
      return true;
    },
  };
}
