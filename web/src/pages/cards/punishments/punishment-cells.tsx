import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PunishmentSummaryDto } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { deliveryLabel, groundLabel } from '../shared/labels.ts';

export function PersonCell({ p }: { p: Pick<PunishmentSummaryDto, 'personName' | 'personIdNumber'> }) {
  return (
    <span className="fz-cd-stack">
      <span>{p.personName}</span>
      <Typography.Text type="secondary" className="fz-small fz-cd-mono">
        {p.personIdNumber}
      </Typography.Text>
    </span>
  );
}

export function GroundTags({ grounds }: { grounds: string[] }) {
  const t = useT();
  return (
    <span className="fz-cd-flags">
      {grounds.map((g) => (
        <Tag key={g} className="fz-cd-tag-small">
          {groundLabel(t, g)}
        </Tag>
      ))}
    </span>
  );
}

/** "2026-11-29 – 2028-11-29", or the years proposed before a decision. */
export function PeriodText({ p }: { p: Pick<PunishmentSummaryDto, 'years' | 'startsAt' | 'endsAt'> }) {
  const t = useT();
  if (!p.startsAt || !p.endsAt) return <span>{t('cards.punishment.years', { n: p.years })}</span>;
  return (
    <span className="fz-nowrap">
      {dayjs(p.startsAt).format('YYYY-MM-DD')} – {dayjs(p.endsAt).format('YYYY-MM-DD')}
    </span>
  );
}

/** Whether the written notice reached the person: only a measure in force needs it. */
export function DeliveryCell({ p }: { p: Pick<PunishmentSummaryDto, 'status' | 'deliveredAt' | 'deliveryMethod'> }) {
  const t = useT();
  if (p.deliveredAt) {
    return (
      <Tag color="green" className="fz-cd-tag-small" data-delivered="true">
        {t('cards.delivery.done', { method: deliveryLabel(t, p.deliveryMethod ?? '') })}
      </Tag>
    );
  }
  if (p.status !== 'active') return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Tag color="orange" className="fz-cd-tag-small" data-delivered="false">
      {t('cards.delivery.pending')}
    </Tag>
  );
}
