import { Tag } from 'antd';
import type { AppealStatus, LeadOutcome, LeadStatus, PunishmentStatus } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { appealStatusLabel, leadKindLabel, leadStatusLabel, outcomeLabel, punishmentStatusLabel } from './labels.ts';

const LEAD_COLORS: Record<LeadStatus, string> = { assigned: 'gold', verifying: 'blue', closed: 'green' };
const OUTCOME_COLORS: Record<LeadOutcome, string> = { criminal: 'red', administrative: 'volcano', education: 'cyan', punishment_proposal: 'purple', struck_off: 'default' };
const PUNISHMENT_COLORS: Record<PunishmentStatus, string> = { proposed: 'orange', active: 'red', rejected: 'default', lifted: 'green', expired: 'cyan' };
const APPEAL_COLORS: Record<AppealStatus, string> = { submitted: 'gold', accepted: 'blue', reviewing: 'geekblue', upheld: 'green', rejected: 'default' };

export function LeadStatusTag({ status }: { status: LeadStatus }) {
  const t = useT();
  return (
    <Tag color={LEAD_COLORS[status]} data-lead-status={status}>
      {leadStatusLabel(t, status)}
    </Tag>
  );
}

export function OverdueTag() {
  const t = useT();
  return (
    <Tag color="red" data-overdue="true">
      {t('cards.overdue')}
    </Tag>
  );
}

export function OutcomeTag({ outcome }: { outcome: LeadOutcome }) {
  const t = useT();
  return (
    <Tag color={OUTCOME_COLORS[outcome]} data-outcome={outcome}>
      {outcomeLabel(t, outcome)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: string }) {
  const t = useT();
  return <Tag variant="outlined">{leadKindLabel(t, kind)}</Tag>;
}

export function PunishmentStatusTag({ status }: { status: PunishmentStatus }) {
  const t = useT();
  return (
    <Tag color={PUNISHMENT_COLORS[status]} data-punishment-status={status}>
      {punishmentStatusLabel(t, status)}
    </Tag>
  );
}

export function AppealStatusTag({ status }: { status: AppealStatus }) {
  const t = useT();
  return (
    <Tag color={APPEAL_COLORS[status]} data-appeal-status={status}>
      {appealStatusLabel(t, status)}
    </Tag>
  );
}
