import { CheckOutlined, FileDoneOutlined, PhoneOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { canApply } from '../../../../../src/modules/warnings/warning-workflow.ts';
import { acknowledgeWarning, type WarningDetailDto } from '../../../api/warnings.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { canDispatch, canHandle } from '../shared/access.ts';
import { DispatchModal } from '../shared/dispatch-modal.tsx';
import { AttemptModal } from './attempt-modal.tsx';
import { OutcomeModal } from './outcome-modal.tsx';
import { useApplyDetail, useRefreshOnConflict } from './use-apply-detail.ts';

type Dialog = 'attempt' | 'outcome' | 'dispatch' | null;

/**
 * The workflow's next steps as buttons, each enabled only when the transition table of the server
 * (shared as warning-workflow.ts) allows it from the current status. A step someone else took first
 * still answers 409, whose detail the global error message shows.
 */
export function DetailActions({ warning }: { warning: WarningDetailDto }) {
  const me = useCurrentUser();
  const t = useT();
  const apply = useApplyDetail();
  const refresh = useRefreshOnConflict(warning.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const ack = useMutation({
    mutationFn: () => acknowledgeWarning(warning.id),
    onSuccess: async (detail) => {
      showSuccess(t('warnings.action.acknowledged'));
      await apply(detail);
    },
    onError: refresh,
  });
  const handle = canHandle(me.role);
  const dispatch = canDispatch(me.role);
  if (!handle && !dispatch) return null;
  const s = warning.status;
  return (
    <div className="fz-wn-actions" data-testid="warning-actions">
      {handle && (
        <Button type="primary" icon={<CheckOutlined />} disabled={!canApply('acknowledge', s)} loading={ack.isPending} onClick={() => ack.mutate()} data-testid="action-acknowledge">
          {t('warnings.action.acknowledge')}
        </Button>
      )}
      {handle && (
        <Button icon={<PhoneOutlined />} disabled={!canApply('attempt', s)} onClick={() => setDialog('attempt')} data-testid="action-attempt">
          {t('warnings.action.attempt')}
        </Button>
      )}
      {handle && (
        <Button icon={<FileDoneOutlined />} disabled={!canApply('outcome', s)} onClick={() => setDialog('outcome')} data-testid="action-outcome">
          {t('warnings.action.outcome')}
        </Button>
      )}
      {dispatch && canApply('dispatch', s) && (
        <Button icon={<SendOutlined />} onClick={() => setDialog('dispatch')} data-testid="action-dispatch">
          {t('warnings.action.dispatch')}
        </Button>
      )}
      {dialog === 'attempt' && <AttemptModal warning={warning} onClose={() => setDialog(null)} />}
      {dialog === 'outcome' && <OutcomeModal warning={warning} onClose={() => setDialog(null)} />}
      {dialog === 'dispatch' && <DispatchModal warning={warning} onClose={() => setDialog(null)} />}
    </div>
  );
}
