import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { getMoneyTotals } from '../../api/cases.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { yuan } from '../cases/shared/money.ts';

/** Under CASES_KEY, so the stream's stop-payment changes refresh it with the cases. */
const TOTALS_KEY = ['cases', 'money-totals'] as const;

/** Money stopped, frozen and returned over the caller's cases (the police's view; banks have their own lists). */
export function MoneyTotals() {
  const t = useT();
  const q = useQuery({ queryKey: TOTALS_KEY, queryFn: getMoneyTotals });
  const items = [
    { key: 'stopped', title: t('cases.money.stopped'), value: q.data?.stopped },
    { key: 'frozen', title: t('cases.money.frozen'), value: q.data?.frozen },
    { key: 'returned', title: t('cases.money.returned'), value: q.data?.returned },
  ];
  return (
    <Card variant="borderless" size="small" className="fz-gap-bottom" data-testid="funds-totals">
      <Row gutter={[16, 8]}>
        {items.map((i) => (
          <Col key={i.key} xs={8} md={6}>
            <Statistic title={i.title} prefix="¥" value={i.value ? yuan(i.value) : '—'} loading={q.isPending} data-testid={`funds-total-${i.key}`} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
