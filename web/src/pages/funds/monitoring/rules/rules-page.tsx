import { Col, Row } from 'antd';
import { RuleStatsCard } from './rule-stats-table.tsx';
import { RuleSetsCard } from './rule-sets-card.tsx';

/** The rules' performance for the center's analysts and leaders, read-only: per-rule statistics and the versions. */
export function RulesPage() {
  return (
    <Row gutter={[16, 16]} data-testid="risk-rules">
      <Col span={24}>
        <RuleStatsCard />
      </Col>
      <Col span={24}>
        <RuleSetsCard manage={false} />
      </Col>
    </Row>
  );
}
