import { Tag } from 'antd';
import type { BulletinStatus } from '../../../api/stats.ts';
import { useStatsT } from '../i18n/use-stats-t.ts';

export function BulletinStatusTag({ status }: { status: BulletinStatus }) {
  const st = useStatsT();
  return (
    <Tag color={status === 'published' ? 'green' : 'gold'} data-testid="bulletin-status" data-status={status}>
      {st(`stats.bulletins.status.${status}`)}
    </Tag>
  );
}
