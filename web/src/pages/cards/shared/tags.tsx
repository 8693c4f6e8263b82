import { Tag } from 'antd';
import type { AppealStatus, AppealSubject, LeadOutcome, LeadStatus, PunishmentStatus, RestrictionMeasure, RestrictionStatus, UnitNoticeKind } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { appealStatusLabel, appealSubjectLabel, leadKindLabel, leadStatusLabel, noticeKindLabel, outcomeLabel, punishmentStatusLabel, restrictionMeasureLabel, restrictionStatusLabel } from './labels.ts';

const LEAD_COLORS: Record<LeadStatus, string> = { assigned: 'gold', verifying: 'blue', closed: 'green' };
const OUTCOME_COLORS: Record<LeadOutcome, string> = { criminal: 'red', administrative: 'volcano', education: 'cyan', punishment_proposal: 'purple', struck_off: 'default' };
const PUNISHMENT_COLORS: Record<PunishmentStatus, string> = { proposed: 'orange', active: 'red', rejected: 'default', lifted: 'green', expired: 'cyan' };
const APPEAL_COLORS: Record<AppealStatus, string> = { submitted: 'gold', accepted: 'blue', reviewing: 'geekblue', upheld: 'green', rejected: 'default' };
const RESTRICTION_COLORS: Record<RestrictionStatus, string> = { in_force: 'red', lifted: 'green' };
const RMEASURE_COLORS: Record<RestrictionMeasure, string> = { limit: 'orange', suspend: 'volcano', close: 'magenta' };
const NOTICE_COLORS: Record<UnitNoticeKind, string> = { rectification: 'blue', summons: 'orange', suspension_proposal: 'red' };
const SUBJECT_COLORS: Record<AppealSubject, string> = { punishment: 'purple', restriction: 'cyan' };

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

export function RestrictionStatusTag({ status }: { status: RestrictionStatus }) {
  const t = useT();
  return (
    <Tag color={RESTRICTION_COLORS[status]} data-restriction-status={status}>
      {restrictionStatusLabel(t, status)}
    </Tag>
  );
}

export function RestrictionMeasureTag({ measure }: { measure: RestrictionMeasure }) {
  const t = useT();
  return (
    <Tag color={RMEASURE_COLORS[measure]} variant="outlined" className="fz-cd-tag-small">
      {restrictionMeasureLabel(t, measure)}
    </Tag>
  );
}

export function NoticeKindTag({ kind }: { kind: UnitNoticeKind }) {
  const t = useT();
  return (
    <Tag color={NOTICE_COLORS[kind]} className="fz-cd-tag-small" data-notice-kind={kind}>
      {noticeKindLabel(t, kind)}
    </Tag>
  );
}

export function AppealSubjectTag({ subject }: { subject: AppealSubject }) {
  const t = useT();
  return (
    <Tag color={SUBJECT_COLORS[subject]} className="fz-cd-tag-small">
      {appealSubjectLabel(t, subject)}
    </Tag>
  );
}

/** An appeal or a notice past a deadline was raised once with the unit above (督办). */
export function EscalatedTag() {
  const t = useT();
  return (
    <Tag color="volcano" className="fz-cd-tag-small" data-escalated="true">
      {t('cards.escalated')}
    </Tag>
  );
}
