import { Badge, Tooltip } from 'antd';
import { useT } from '../../../i18n/lang-context.tsx';

/** Whether changes arrive by themselves: live over the stream, or by a regular refresh where it is closed. */
export function LiveBadge({ mode, connected }: { mode: 'live' | 'poll'; connected: boolean }) {
  const t = useT();
  if (mode === 'poll') {
    return (
      <Tooltip title={t('money.live.pollHint')}>
        <span data-testid="live-status" data-connected="poll">
          <Badge status="processing" text={t('money.live.poll')} />
        </span>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={connected ? undefined : t('money.live.off')}>
      <span data-testid="live-status" data-connected={String(connected)}>
        <Badge status={connected ? 'processing' : 'default'} text={t('money.live.on')} />
      </span>
    </Tooltip>
  );
}
