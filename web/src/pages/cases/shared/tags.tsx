import { Tag } from 'antd';
import type { CaseStatus, FreezeStatus, ReturnStatus, StopPaymentStatus } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { caseStatusLabel, freezeStatusLabel, returnStatusLabel, stopStatusLabel } from './labels.ts';

const CASE_COLORS: Record<CaseStatus, string> = {
  accepted: 'blue',
  filed: 'geekblue',
  investigating: 'purple',
  solved: 'green',
  prosecuted: 'cyan',
  withdrawn: 'default',
};

export const STOP_COLORS: Record<StopPaymentStatus, string> = {
  proposed: 'orange',
  pending: 'gold',
  stopped: 'green',
  mismatch: 'magenta',
  no_balance: 'default',
  rejected: 'red',
  expired: 'volcano',
  released: 'cyan',
  withdrawn: 'default',
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const t = useT();
  return (
    <Tag color={CASE_COLORS[status]} data-case-status={status}>
      {caseStatusLabel(t, status)}
    </Tag>
  );
}

export function StopStatusTag({ status }: { status: StopPaymentStatus }) {
  const t = useT();
  return (
    <Tag color={STOP_COLORS[status]} data-stop-status={status}>
      {stopStatusLabel(t, status)}
    </Tag>
  );
}

export const FREEZE_COLORS: Record<FreezeStatus, string> = {
  requested: 'gold',
  frozen: 'blue',
  rejected: 'red',
  released: 'cyan',
  expired: 'volcano',
};

export const RETURN_COLORS: Record<ReturnStatus, string> = {
  noticed: 'orange',
  approved: 'geekblue',
  paid: 'green',
  cancelled: 'default',
};

export function FreezeStatusTag({ status }: { status: FreezeStatus }) {
  const t = useT();
  return (
    <Tag color={FREEZE_COLORS[status]} data-freeze-status={status}>
      {freezeStatusLabel(t, status)}
    </Tag>
  );
}

export function ReturnStatusTag({ status }: { status: ReturnStatus }) {
  const t = useT();
  return (
    <Tag color={RETURN_COLORS[status]} data-return-status={status}>
      {returnStatusLabel(t, status)}
    </Tag>
  );
}
