import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PunishmentDetailDto } from '../../../api/cards.ts';
import { ApiError } from '../../../api/problem.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { showCardsError } from '../shared/errors.ts';
import { ACCOUNTABILITY_KEY, APPEALS_KEY, PUNISHMENTS_KEY, punishmentDetailKey } from '../shared/keys.ts';
import { storeAnswer } from '../../../lib/store-answer.ts';

/** After a step on a punishment: the new detail in the cache, the lists (and the appeals queue) fetched again. */
export function usePunishmentRefresh() {
  const queryClient = useQueryClient();
  return {
    apply: async (detail: PunishmentDetailDto) => {
      await storeAnswer(queryClient, punishmentDetailKey(detail.id), detail);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...PUNISHMENTS_KEY, 'list'] }),
        queryClient.invalidateQueries({ queryKey: ACCOUNTABILITY_KEY }),
        queryClient.invalidateQueries({ queryKey: APPEALS_KEY }),
      ]);
    },
    /** A 404 or 409: someone else moved first; fetch the truth. */
    onConflict: (err: unknown) => {
      if (err instanceof ApiError && (err.status === 409 || err.status === 404)) void queryClient.invalidateQueries({ queryKey: PUNISHMENTS_KEY });
    },
  };
}

/** A one-click step (accept or review an appeal) with its success message. */
export function usePunishmentStep<V>(run: (v: V) => Promise<PunishmentDetailDto>, success: (d: PunishmentDetailDto) => string) {
  const t = useT();
  const refresh = usePunishmentRefresh();
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
