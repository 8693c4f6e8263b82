import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RestrictionDetailDto } from '../../../api/cards.ts';
import { ApiError } from '../../../api/problem.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { showCardsError } from '../shared/errors.ts';
import { APPEALS_KEY, RESTRICTIONS_KEY, restrictionDetailKey } from '../shared/keys.ts';
import { storeAnswer } from '../../../lib/store-answer.ts';

/** After a step on a restriction: the new detail in the cache, the list and the appeals queue fetched again. */
export function useRestrictionRefresh() {
  const queryClient = useQueryClient();
  return {
    apply: async (detail: RestrictionDetailDto) => {
      // A report's answer carries `duplicate`; the cache keeps the detail's own shape.
      const { duplicate: _d, ...plain } = detail as RestrictionDetailDto & { duplicate?: boolean };
      await storeAnswer(queryClient, restrictionDetailKey(detail.id), plain);
      await Promise.all([queryClient.invalidateQueries({ queryKey: [...RESTRICTIONS_KEY, 'list'] }), queryClient.invalidateQueries({ queryKey: APPEALS_KEY })]);
    },
    /** A 404 or 409: someone else moved first; fetch the truth. */
    onConflict: (err: unknown) => {
      if (err instanceof ApiError && (err.status === 409 || err.status === 404)) void queryClient.invalidateQueries({ queryKey: RESTRICTIONS_KEY });
    },
  };
}

/** A one-click step (accept or review an appeal) with its success message. */
export function useRestrictionStep<V>(run: (v: V) => Promise<RestrictionDetailDto>, success: (d: RestrictionDetailDto) => string) {
  const t = useT();
  const refresh = useRestrictionRefresh();
  return useMutation({
    mutationFn: run,
    onSuccess: async (detail) => {
      showSuccess(success(detail));
      await refresh.apply(detail);
    },
    onError: (err) => {
      refresh.onConflict(err);
      showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
}
