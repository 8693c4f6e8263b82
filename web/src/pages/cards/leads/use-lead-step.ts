import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LeadDetailDto } from '../../../api/cards.ts';
import { ApiError } from '../../../api/problem.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { showCardsError } from '../shared/errors.ts';
import { ACCOUNTABILITY_KEY, LEADS_KEY, leadDetailKey } from '../shared/keys.ts';
import { storeAnswer } from '../../../lib/store-answer.ts';

/** After a step on a lead: the new detail in the cache, the lists and the ranking fetched again. */
export function useLeadRefresh() {
  const queryClient = useQueryClient();
  return {
    apply: async (detail: LeadDetailDto) => {
      await storeAnswer(queryClient, leadDetailKey(detail.id), detail);
      await Promise.all([queryClient.invalidateQueries({ queryKey: [...LEADS_KEY, 'list'] }), queryClient.invalidateQueries({ queryKey: ACCOUNTABILITY_KEY })]);
    },
    /** A 404 or 409: someone else moved first, so the page shows a state that is no longer true. */
    onConflict: (err: unknown) => {
      if (err instanceof ApiError && (err.status === 409 || err.status === 404)) void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
    },
  };
}

/** 落地核查 begins, from the queue or the lead's page. */
export function useStartVerification(run: (id: number) => Promise<LeadDetailDto>) {
  const t = useT();
  const refresh = useLeadRefresh();
  return useMutation({
    mutationFn: run,
    onSuccess: async (detail) => {
      showSuccess(t('cards.lead.verifyStarted', { no: detail.leadNo }));
      await refresh.apply(detail);
    },
    onError: (err) => {
      refresh.onConflict(err);
      showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
}
