import { Tag, Typography } from 'antd';
import type { AlertDto } from '../../../api/risk.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { ruleLabel } from './labels.ts';

/** The strongest reason (the engine sorts them), with its rule by name; the count of the others. */
export function FirstReason({ a }: { a: AlertDto }) {
  const t = useT();
  const first = a.reasons[0];
  if (!first) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <span className="fz-risk-reason" data-testid="alert-first-reason" data-rule={first.rule}>
      <Typography.Text strong>{ruleLabel(t, first.rule)}</Typography.Text>
      <Typography.Text type="secondary" className="fz-risk-reason-text">
        {first.reason}
      </Typography.Text>
      {a.reasons.length > 1 && (
        <Typography.Text type="secondary" className="fz-small">
          {t('risk.moreReasons', { n: a.reasons.length - 1 })}
        </Typography.Text>
      )}
    </span>
  );
}

export function NewTag() {
  const t = useT();
  return (
    <Tag color="magenta" className="fz-cs-inline-tag">
      {t('risk.new')}
    </Tag>
  );
}

export function ShadowTag() {
  const t = useT();
  return (
    <Tag color="geekblue" variant="outlined" data-shadow="true">
      {t('risk.shadow')}
    </Tag>
  );
}
