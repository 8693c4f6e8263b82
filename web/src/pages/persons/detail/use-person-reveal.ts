import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { getPerson, type PersonDetailDto } from '../../../api/persons.ts';
import { useT } from '../../../i18n/lang-context.tsx';

export type Revealed = Pick<PersonDetailDto, 'idNumber' | 'name' | 'phone' | 'familyContacts'>;

/**
 * The audited reveal of the person's ID number, name, phone and family contacts: asks first, then keeps
 * the unmasked fields in the page's state only, never in the query cache, so lists and refetches stay masked.
 */
export function usePersonReveal(id: number) {
  const t = useT();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const reveal = useMutation({
    mutationFn: () => getPerson(id, true),
    onSuccess: (p) => {
      setRevealed({ idNumber: p.idNumber, name: p.name, phone: p.phone, familyContacts: p.familyContacts });
      // The reveal wrote an audit entry.
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  const ask = () =>
    modal.confirm({
      title: t('persons.reveal.title'),
      content: t('persons.reveal.body'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'person-reveal-confirm' },
      onOk: () => reveal.mutateAsync().catch(() => undefined),
    });
  /** After an edit of shown fields: the page keeps showing what was saved, without another (audited) reveal. */
  const patch = (values: Partial<Omit<Revealed, 'idNumber' | 'name'>>) => setRevealed((r) => (r ? { ...r, ...values } : r));
  return { revealed, ask, patch, pending: reveal.isPending };
}
