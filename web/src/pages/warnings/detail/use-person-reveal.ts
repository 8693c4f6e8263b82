import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { getWarning, type WarningDetailDto } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';

export type Personal = Pick<WarningDetailDto, 'victimName' | 'victimPhone' | 'victimIdNumber' | 'counterparty'>;

/**
 * The audited reveal of the person's full details: asks first, then keeps the unmasked fields in the
 * page's state only (not in the query cache, so a list or a refetch never shows them).
 */
export function usePersonReveal(id: number) {
  const t = useT();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [revealed, setRevealed] = useState<Personal | null>(null);
  const reveal = useMutation({
    mutationFn: () => getWarning(id, true),
    onSuccess: (w) => {
      setRevealed({ victimName: w.victimName, victimPhone: w.victimPhone, victimIdNumber: w.victimIdNumber, counterparty: w.counterparty });
      // The reveal wrote an audit entry.
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  const ask = () =>
    modal.confirm({
      title: t('warnings.detail.revealTitle'),
      content: t('warnings.detail.revealBody'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'reveal-confirm' },
      onOk: () => reveal.mutateAsync().catch(() => undefined),
    });
  return { revealed, ask, pending: reveal.isPending };
}
