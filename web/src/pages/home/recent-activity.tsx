import { Card, Empty, Skeleton, Timeline, Typography } from 'antd';
import type { HomeDto } from '../../api/home.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { actionLabel, targetLabel } from '../../i18n/labels.ts';
import { formatDateTime } from '../../lib/format.ts';

export function RecentActivity({ items, loading }: { items: HomeDto['recentActivity'] | undefined; loading: boolean }) {
  const t = useT();
  return (
    <Card title={t('home.recent')} variant="borderless" size="small" data-testid="recent-activity">
      {loading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : !items?.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.recentEmpty')} />
      ) : (
        <Timeline
          className="fz-recent"
          items={items.map((a, i) => ({
            key: `${a.at}-${i}`,
            content: (
              <div>
                <div>
                  {actionLabel(t, a.action)}
                  {a.targetType && (
                    <Typography.Text type="secondary">
                      {' · '}
                      {targetLabel(t, a.targetType)} {a.targetId}
                    </Typography.Text>
                  )}
                </div>
                <Typography.Text type="secondary" className="fz-small">
                  {formatDateTime(a.at)}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
