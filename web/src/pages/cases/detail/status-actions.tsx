import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { moveCaseStatus, type CaseDetailDto, type CaseStatus } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { caseStatusLabel } from '../shared/labels.ts';
import { NoteModal } from './note-modal.tsx';
import { useCaseRefresh } from './use-case-mutation.ts';

/** The next steps the server allows from the current status (nextStatuses), each confirmed with a note. */
export function StatusActions({ c }: { c: CaseDetailDto }) {
  const t = useT();
  const [target, setTarget] = useState<CaseStatus | null>(null);
  const { apply, onConflict } = useCaseRefresh(c.id);
  const move = useMutation({
    mutationFn: ({ to, note }: { to: CaseStatus; note?: string | undefined }) => moveCaseStatus(c.id, to, note),
    onSuccess: async (detail, { to }) => {
      showSuccess(t('cases.action.moved', { status: caseStatusLabel(t, to) }));
      setTarget(null);
      await apply(detail);
    },
    onError: onConflict,
  });
  if (c.nextStatuses.length === 0) return null;
  return (
    <div className="fz-cs-actions" data-testid="case-actions">
      {c.nextStatuses.map((to) => (
        <Button key={to} type={to === 'withdrawn' ? 'default' : 'primary'} danger={to === 'withdrawn'} onClick={() => setTarget(to)} data-testid={`case-action-${to}`}>
          {t(`cases.action.to.${to}`)}
        </Button>
      ))}
      {target && (
        <NoteModal
          title={t('cases.action.confirm', { action: t(`cases.action.to.${target}`) })}
          intro={t(target === 'withdrawn' ? 'cases.action.withdrawIntro' : 'cases.action.moveIntro', { from: caseStatusLabel(t, c.status), to: caseStatusLabel(t, target) })}
          okText={t(`cases.action.to.${target}`)}
          danger={target === 'withdrawn'}
          noteRequired={target === 'withdrawn'}
          pending={move.isPending}
          onOk={(note) => move.mutate({ to: target, note })}
          onClose={() => setTarget(null)}
          testId="case-status"
        />
      )}
    </div>
  );
}
