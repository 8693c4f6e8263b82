import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Skeleton } from 'antd';
import { fetchHome } from '../../api/home.ts';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { errorText } from '../../lib/notify.ts';
import { Greeting } from './greeting.tsx';
import { breakdowns, headlineStats } from './home-stats.ts';
import { RecentActivity } from './recent-activity.tsx';
import { Shortcuts } from './shortcuts.tsx';
import { BreakdownCard, StatCards } from './stat-cards.tsx';

export function HomePage() {
  const me = useCurrentUser();
  const t = useT();
  const home = useQuery({ queryKey: ['home'], queryFn: fetchHome, meta: { handlesError: true } });
  const data = home.data;
  const extra = data ? breakdowns(me.role, data, t) : [];
  return (
    <div data-testid={`home-${me.role}`} className="fz-home">
      <Greeting me={me} home={data} />
      {home.isError && <Alert type="error" showIcon title={t('home.loadFailed')} description={errorText(home.error)} />}
      {home.isPending && (
        <Card variant="borderless">
          <Skeleton active title={false} paragraph={{ rows: 2 }} />
        </Card>
      )}
      {data && <StatCards stats={headlineStats(me.role, data, t)} />}
      {extra.length > 0 && (
        <Row gutter={[16, 16]}>
          {extra.map((b) => (
            <Col key={b.key} xs={24} lg={12}>
              <BreakdownCard title={b.title} stats={b.stats} />
            </Col>
          ))}
        </Row>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Shortcuts role={me.role} />
        </Col>
        <Col xs={24} lg={10}>
          <RecentActivity items={data?.recentActivity} loading={home.isPending} />
        </Col>
      </Row>
    </div>
  );
}
