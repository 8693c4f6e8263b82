import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { getCase, type CaseDetailDto } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';

export type Revealed = Pick<CaseDetailDto, 'victim' | 'transfers'>;

/**
 * The audited reveal of the victim (and the victim's own account numbers): asks first, then keeps the
 * unmasked fields in the page's state only, never in the query cache, so lists and refetches stay masked.
 */
export function useCaseReveal(id: number) {
  const t = useT();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const reveal = useMutation({
    mutationFn: () => getCase(id, true),
    onSuccess: (c) => {
      setRevealed({ victim: c.victim, transfers: c.transfers });
      // The reveal wrote an audit entry.
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  const ask = () =>
    modal.confirm({
      title: t('cases.reveal.title'),
      content: t('cases.reveal.body'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'case-reveal-confirm' },
      onOk: () => reveal.mutateAsync().catch(() => undefined),
    });
  return { revealed, ask, pending: reveal.isPending };
}
