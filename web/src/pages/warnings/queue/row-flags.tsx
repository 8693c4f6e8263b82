import { Tag } from 'antd';
import type { WarningSummaryDto } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { StatusTag } from '../shared/tags.tsx';

/** Status plus what needs attention: a required visit, an escalation, a repeat victim. */
export function StatusFlags({ w }: { w: WarningSummaryDto }) {
  const t = useT();
  return (
    <span className="fz-wn-flags">
      <StatusTag status={w.status} />
      {w.visitRequired && (
        <Tag color="volcano" data-testid={`visit-required-${w.id}`}>
          {t('warnings.queue.visitRequired')}
        </Tag>
      )}
      {w.escalationLevel > 0 && <Tag color="red">{t('warnings.event.escalated')}</Tag>}
      {w.repeatOfId !== null && <Tag>{t('warnings.field.repeatOf')}</Tag>}
    </span>
  );
}
