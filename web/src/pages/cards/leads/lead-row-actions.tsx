import { CheckCircleOutlined, SendOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { startVerification, type LeadDto } from '../../../api/cards.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { canWork, isCenterWorker } from '../shared/access.ts';
import { useStartVerification } from './use-lead-step.ts';

export interface LeadActionHandlers {
  onOutcome: (lead: LeadDto) => void;
  onAssign: (lead: LeadDto) => void;
}

/** The steps a lead allows the caller: start verifying, record the outcome, hand it to another unit. */
export function LeadRowActions({ lead, onOutcome, onAssign, size = 'small', everyStep = false }: LeadActionHandlers & { lead: LeadDto; size?: 'small' | 'middle'; everyStep?: boolean }) {
  const me = useCurrentUser();
  const t = useT();
  const verify = useStartVerification(startVerification);
  if (lead.status === 'closed') return null;
  // In the table the center hands leads on and the stations verify them (the table stays readable); the
  // center's own verification steps are on the lead's page, and on a phone's cards.
  const center = isCenterWorker(me.role);
  const worker = canWork(me.role) && (!center || everyStep);
  if (!worker && !center) return null;
  return (
    // The row itself opens the lead; the buttons must not trigger that too.
    <Space size={4} wrap onClick={(e) => e.stopPropagation()}>
      {worker && lead.status === 'assigned' && (
        <Button size={size} icon={<SearchOutlined />} loading={verify.isPending} onClick={() => verify.mutate(lead.id)} data-testid={`lead-verify-${lead.id}`}>
          {t('cards.action.verify')}
        </Button>
      )}
      {worker && (
        <Button size={size} type={lead.status === 'verifying' ? 'primary' : 'default'} icon={<CheckCircleOutlined />} onClick={() => onOutcome(lead)} data-testid={`lead-outcome-${lead.id}`}>
          {t('cards.action.outcome')}
        </Button>
      )}
      {center && (
        <Button size={size} type="text" icon={<SendOutlined />} onClick={() => onAssign(lead)} data-testid={`lead-assign-${lead.id}`}>
          {t('cards.action.assign')}
        </Button>
      )}
    </Space>
  );
}
