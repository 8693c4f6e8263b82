import { Card, Col, Row, Statistic } from 'antd';
import type { Stat } from './home-stats.ts';

export function StatCards({ stats }: { stats: Stat[] }) {
  // Spread the headline numbers over the row: four across on a desktop, two on a phone.
  const span = stats.length >= 4 ? 6 : stats.length === 3 ? 8 : 12;
  return (
    <Row gutter={[16, 16]}>
      {stats.map((s) => (
        <Col key={s.key} xs={stats.length === 1 ? 24 : 12} md={span}>
          <Card variant="borderless" className="fz-stat-card" data-testid={`stat-${s.key}`}>
            <Statistic title={s.label} value={s.value} styles={typeof s.value === 'string' ? { content: { fontSize: 18 } } : undefined} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function BreakdownCard({ title, stats }: { title: string; stats: Stat[] }) {
  return (
    <Card title={title} variant="borderless" size="small" className="fz-breakdown">
      <div className="fz-breakdown-grid">
        {stats.map((s) => (
          <div key={s.key} className="fz-breakdown-item">
            <span className="fz-breakdown-label">{s.label}</span>
            <span className="fz-breakdown-value">{s.value}</span>
          </div>
        ))}
      </div>
    </Card>
  );
}
