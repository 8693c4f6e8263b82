import { Card, Col, Progress, Row, Statistic, Tooltip, Typography } from 'antd';
import type { CaseDetailDto } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { toFen, yuan } from '../shared/money.ts';

function fenOf(v: string): number {
  try {
    return toFen(v);
  } catch {
    return 0;
  }
}

/**
 * What became of the victim's money: the loss, what banks stopped (止付), froze (冻结) and what was paid
 * back (返还). The server's sums: stopped counts every stop ever answered with an amount, frozen every
 * freeze carried out, returned the victims' shares of paid returns.
 */
export function MoneySummary({ c }: { c: CaseDetailDto }) {
  const t = useT();
  const loss = fenOf(c.lossAmount);
  const returned = fenOf(c.money.returned);
  const percent = loss > 0 ? Math.min(100, Math.round((returned / loss) * 1000) / 10) : 0;
  const items = [
    { key: 'loss', title: t('cases.money.loss'), value: c.lossAmount, hint: undefined },
    { key: 'stopped', title: t('cases.money.stopped'), value: c.money.stopped, hint: t('cases.money.stoppedHint') },
    { key: 'frozen', title: t('cases.money.frozen'), value: c.money.frozen, hint: t('cases.money.frozenHint') },
    { key: 'returned', title: t('cases.money.returned'), value: c.money.returned, hint: t('cases.money.returnedHint') },
  ];
  return (
    <Card variant="borderless" size="small" className="fz-gap-bottom" data-testid="case-money">
      <Row gutter={[16, 12]} align="middle">
        {items.map((i) => (
          <Col key={i.key} xs={12} md={6} lg={5}>
            <div data-testid={`money-${i.key}`} data-amount={i.value}>
              <Statistic
                title={
                  i.hint ? (
                    <Tooltip title={i.hint}>
                      <span className="fz-cs-help">{i.title}</span>
                    </Tooltip>
                  ) : (
                    i.title
                  )
                }
                value={yuan(i.value)}
                prefix="¥"
              />
            </div>
          </Col>
        ))}
        <Col xs={24} lg={4}>
          <Typography.Text type="secondary" className="fz-small">
            {t('cases.money.returnedShare')}
          </Typography.Text>
          <Progress percent={percent} size="small" status={percent >= 100 ? 'success' : 'normal'} data-testid="money-returned-share" />
        </Col>
      </Row>
    </Card>
  );
}
