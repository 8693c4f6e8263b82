import { Empty, Tag, Typography } from 'antd';
import type { WarningDetailDto } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { channelLabel, resultLabel } from '../shared/labels.ts';

const RESULT_COLORS: Record<string, string> = { reached: 'green', unreachable: 'default', refused: 'red' };

/** Dissuasion attempts, oldest first: how and when the unit tried to reach the person. */
export function AttemptsList({ attempts }: { attempts: WarningDetailDto['attempts'] }) {
  const t = useT();
  if (attempts.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('warnings.detail.attemptsEmpty')} />;
  return (
    <div className="fz-wn-attempts" data-testid="warning-attempts">
      {attempts.map((a) => (
        <div key={a.id} className="fz-wn-attempt" data-testid={`attempt-${a.id}`}>
          <div>
            <Tag color="blue">{channelLabel(t, a.channel)}</Tag>
            <Tag color={RESULT_COLORS[a.result] ?? 'default'}>{resultLabel(t, a.result)}</Tag>
            <Typography.Text type="secondary" className="fz-small">
              {formatDateTime(a.at)}
              {a.actorName ? ` · ${a.actorName}` : ''}
            </Typography.Text>
          </div>
          {a.note && <Typography.Paragraph className="fz-wn-attempt-note">{a.note}</Typography.Paragraph>}
        </div>
      ))}
    </div>
  );
}
