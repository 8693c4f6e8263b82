import { Typography } from 'antd';
import type { RestrictionSummaryDto } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { leadKindLabel } from '../shared/labels.ts';

/** The account or phone number with its kind above it. */
export function RestrictedItem({ r }: { r: Pick<RestrictionSummaryDto, 'kind' | 'identifier'> }) {
  const t = useT();
  return (
    <span className="fz-cd-stack">
      <span className="fz-cd-mono">{r.identifier}</span>
      <Typography.Text type="secondary" className="fz-small">
        {leadKindLabel(t, r.kind)}
      </Typography.Text>
    </span>
  );
}

/** The holder as the list has it (masked), or a dash when the institution named none. */
export function RestrictionHolder({ r }: { r: Pick<RestrictionSummaryDto, 'holderName' | 'holderIdNumber'> }) {
  const t = useT();
  if (!r.holderName && !r.holderIdNumber) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <span className="fz-cd-stack">
      <span>{r.holderName ?? t('common.none')}</span>
      {r.holderIdNumber && (
        <Typography.Text type="secondary" className="fz-small fz-cd-mono">
          {r.holderIdNumber}
        </Typography.Text>
      )}
    </span>
  );
}
