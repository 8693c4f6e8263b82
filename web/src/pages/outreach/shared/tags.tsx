import { Progress, Tag, Typography } from 'antd';
import type { DirectiveKind, OutreachAudience } from '../../../api/outreach.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { fraudTypeLabel } from '../../cases/shared/labels.ts';
import { useOutreachT } from '../i18n/use-outreach-t.ts';
import { audienceLabel, directiveKindLabel, percent } from './labels.ts';

const AUDIENCE_COLORS: Record<OutreachAudience, string> = {
  elderly: 'orange',
  students: 'blue',
  workers: 'cyan',
  women: 'magenta',
  migrants: 'gold',
  business: 'purple',
  general: 'default',
};

export function AudienceTag({ audience }: { audience: OutreachAudience }) {
  const ot = useOutreachT();
  return (
    <Tag color={AUDIENCE_COLORS[audience] ?? 'default'} data-audience={audience}>
      {audienceLabel(ot, audience)}
    </Tag>
  );
}

export function DirectiveKindTag({ kind }: { kind: DirectiveKind }) {
  const ot = useOutreachT();
  return (
    <Tag color={kind === 'precision' ? 'volcano' : 'geekblue'} variant="outlined" data-kind={kind}>
      {directiveKindLabel(ot, kind)}
    </Tag>
  );
}

/** The topics (fraud types) an activity spoke about; a dash when none was given. */
export function FraudTypeTags({ types }: { types: readonly string[] }) {
  const t = useT();
  if (types.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <span className="fz-or-flags">
      {types.map((x) => (
        <Tag key={x} variant="outlined">
          {fraudTypeLabel(t, x)}
        </Tag>
      ))}
    </span>
  );
}

/** A rate as a small bar; null (nothing to divide by, no reference figures) as a dash. */
export function Rate({ rate, testId }: { rate: number | null; testId?: string | undefined }) {
  const t = useT();
  const text = percent(rate);
  if (text === null)
    return (
      <Typography.Text type="secondary" data-testid={testId} data-rate="">
        {t('common.none')}
      </Typography.Text>
    );
  const pct = Math.min(100, Math.round((rate ?? 0) * 1000) / 10);
  return (
    <span className="fz-or-rate" data-testid={testId} data-rate={text}>
      <Progress percent={pct} size="small" format={() => text} status="normal" />
    </span>
  );
}
