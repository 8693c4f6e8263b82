import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { getLead, type LeadDto } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';

export type Holder = Pick<LeadDto, 'holderName' | 'holderIdNumber' | 'holderPhone'>;

/**
 * The audited reveal of a lead's holder: asks first, then keeps the unmasked fields in the page's state
 * only, never in the query cache, so the queue and refetches stay masked.
 */
export function useHolderReveal(id: number) {
  const t = useT();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [revealed, setRevealed] = useState<Holder | null>(null);
  const reveal = useMutation({
    mutationFn: () => getLead(id, true),
    onSuccess: (l) => {
      setRevealed({ holderName: l.holderName, holderIdNumber: l.holderIdNumber, holderPhone: l.holderPhone });
      // The reveal wrote an audit entry.
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  const ask = () =>
    modal.confirm({
      title: t('cards.reveal.title'),
      content: t('cards.reveal.body'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'lead-reveal-confirm' },
      onOk: () => reveal.mutateAsync().catch(() => undefined),
    });
  return { revealed, ask, pending: reveal.isPending };
}
