import { Col, Row } from 'antd';
import { useState } from 'react';
import { AppealForward } from './appeal-forward.tsx';
import { MatchCheck } from './match-check.tsx';

/**
 * A bank's or an operator's part in joint punishment: check customers against the measures in force (before
 * opening an account or a card, or across the book), and forward a customer's appeal to the center.
 */
export function PartnerPage() {
  const [appealFor, setAppealFor] = useState<{ idNumber: string; key: number } | null>(null);
  return (
    <Row gutter={[16, 16]} data-testid="partner-page">
      <Col xs={24} xl={14}>
        <MatchCheck onAppeal={(idNumber) => setAppealFor({ idNumber, key: Date.now() })} />
      </Col>
      <Col xs={24} xl={10}>
        <AppealForward key={appealFor?.key ?? 0} initialIdNumber={appealFor?.idNumber} />
      </Col>
    </Row>
  );
}
