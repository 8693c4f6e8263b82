import { Col, Row } from 'antd';
import { useT } from '../../../../i18n/lang-context.tsx';
import { PageHeader } from '../../../../layout/page-header.tsx';
import { RuleSetsCard } from './rule-sets-card.tsx';
import { RuleStatsCard } from './rule-stats-table.tsx';

/** The administrator's side of transaction monitoring: rule set versions (create, shadow, live, retire) and how each rule performs. */
export function RiskAdminPage() {
  const t = useT();
  return (
    <div data-testid="page-risk">
      <PageHeader title={t('risk.admin.title')} intro={t('risk.admin.intro')} />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <RuleSetsCard manage />
        </Col>
        <Col span={24}>
          <RuleStatsCard />
        </Col>
      </Row>
    </div>
  );
}
