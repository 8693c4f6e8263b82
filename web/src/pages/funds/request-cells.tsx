import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { BankRequestDto } from '../../api/funds.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { yuan } from '../cases/shared/money.ts';
import { formatDuration } from '../warnings/shared/duration.ts';
import { useNow } from '../warnings/shared/use-now.ts';

/** What the bank checks the request against: the victim's payments into the account, amount and time. */
export function VictimTransfers({ r }: { r: BankRequestDto }) {
  const t = useT();
  if (r.transfers.length === 0) {
    // Next hops: the money came from another mule account, not from the victim.
    return <Typography.Text type="secondary">{t('funds.field.nextHop', { n: r.hop })}</Typography.Text>;
  }
  return (
    <div className="fz-cs-stack" data-testid={`request-transfers-${r.id}`}>
      {r.transfers.map((tr, i) => (
        <span key={`${tr.at}-${i}`} className="fz-nowrap">
          <Typography.Text strong>¥{yuan(tr.amount)}</Typography.Text>
          <Typography.Text type="secondary"> · {formatDateTime(tr.at)}</Typography.Text>
        </span>
      ))}
    </div>
  );
}

/** How long a pending request has waited: every minute lets the money move on. */
export function Waiting({ since }: { since: string }) {
  const t = useT();
  const now = useNow();
  const ms = Math.max(0, now - new Date(since).getTime());
  return (
    <Typography.Text type={ms > 3_600_000 ? 'danger' : ms > 15 * 60_000 ? 'warning' : 'secondary'} className="fz-small fz-nowrap">
      {t('funds.field.waiting', { time: formatDuration(t, ms) })}
    </Typography.Text>
  );
}

/** The case number: a link for the police, plain text for a bank (case files are not theirs to open). */
export function CaseNo({ r, bank }: { r: BankRequestDto; bank: boolean }) {
  return bank ? (
    <Typography.Text className="fz-nowrap">{r.caseNo}</Typography.Text>
  ) : (
    <Link to={`/cases/${r.caseId}?tab=stops`} onClick={(e) => e.stopPropagation()} className="fz-nowrap">
      {r.caseNo}
    </Link>
  );
}
