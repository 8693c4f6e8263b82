import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import type { Findings, Ground } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { GROUNDS, groundLabel } from '../shared/labels.ts';

/** THRESHOLD in src/modules/cards/punishment-rules.ts: 3 cards, 3 times or 3 counterparties. */
export const THRESHOLD = 3;

/** The grounds the findings meet, as the server will judge them (grounds() in punishment-rules.ts). */
export function groundsMet(f: Partial<Findings>): Ground[] {
  const out: Ground[] = [];
  if ((f.cards ?? 0) >= THRESHOLD) out.push('cards');
  if ((f.times ?? 0) >= THRESHOLD) out.push('times');
  if ((f.counterparties ?? 0) >= THRESHOLD) out.push('counterparties');
  if (f.convicted) out.push('convicted');
  return out;
}

/**
 * The rule of joint punishment next to the findings: each threshold ticked as it is met, and the period
 * that follows (2 years on the police's findings, 3 after a conviction). Red when none is met, as the
 * server's 400 on `findings` would say.
 */
export function ThresholdRule({ findings, refused }: { findings: Partial<Findings>; refused?: boolean }) {
  const t = useT();
  const met = groundsMet(findings);
  const none = met.length === 0;
  return (
    <Alert
      type={none ? (refused ? 'error' : 'info') : 'success'}
      showIcon={false}
      className="fz-cd-rule"
      data-testid="threshold-rule"
      data-met={met.join(',')}
      title={<Typography.Text strong>{none ? t('cards.rule.none') : t('cards.rule.met', { years: findings.convicted ? 3 : 2 })}</Typography.Text>}
      description={
        <ul className="fz-cd-rule-list">
          {GROUNDS.map((g) => (
            <li key={g} data-ground={g} data-met={String(met.includes(g))}>
              {met.includes(g) ? <CheckCircleFilled className="fz-cd-ok" /> : <MinusCircleOutlined className="fz-cd-muted" />} {groundLabel(t, g)}
            </li>
          ))}
          <li className="fz-cd-rule-note">{t('cards.rule.note')}</li>
        </ul>
      }
    />
  );
}
