import { Tag } from 'antd';
import type { AlertDecision, AlertStatus, RuleSetStatus, TxDecision } from '../../../api/risk.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { alertStatusLabel, decisionLabel, ruleSetStatusLabel } from './labels.ts';

const STATUS_COLORS: Record<AlertStatus, string> = {
  open: 'gold',
  escalated: 'orange',
  confirmed_mule: 'red',
  false_positive: 'default',
  stop_payment_requested: 'purple',
};

const DECISION_COLORS: Record<TxDecision, string> = { allow: 'green', review: 'blue', hold: 'volcano', block: 'red' };

const RULE_SET_COLORS: Record<RuleSetStatus, string> = { draft: 'default', shadow: 'geekblue', live: 'green', retired: 'default' };

export function AlertStatusTag({ status }: { status: AlertStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} data-alert-status={status}>
      {alertStatusLabel(t, status)}
    </Tag>
  );
}

export function DecisionTag({ decision }: { decision: AlertDecision | TxDecision }) {
  const t = useT();
  return (
    <Tag color={DECISION_COLORS[decision]} variant={decision === 'review' ? 'outlined' : 'solid'} data-decision={decision}>
      {decisionLabel(t, decision)}
    </Tag>
  );
}

export function RuleSetStatusTag({ status }: { status: RuleSetStatus }) {
  const t = useT();
  return (
    <Tag color={RULE_SET_COLORS[status]} data-rule-set-status={status}>
      {ruleSetStatusLabel(t, status)}
    </Tag>
  );
}
