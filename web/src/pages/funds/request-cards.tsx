import { FormOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Pagination, Spin, Tag, Typography } from 'antd';
import { useT } from '../../i18n/lang-context.tsx';
import { AccountText } from '../cases/shared/account-text.tsx';
import { yuan } from '../cases/shared/money.ts';
import { StopStatusTag } from '../cases/shared/tags.tsx';
import { CaseNo, VictimTransfers, Waiting } from './request-cells.tsx';
import type { RequestListProps } from './request-table.tsx';

/** The queue on a phone: a card per request, the account and amount first. */
export function RequestCards({ rows, total, page, pageSize, loading, fresh, bank, onPage, onAnswer }: RequestListProps) {
  const t = useT();
  if (!loading && rows.length === 0) return <Empty description={t('funds.empty')} data-testid="request-cards" />;
  return (
    <Spin spinning={loading}>
      <div className="fz-cs-cards" data-testid="request-cards">
        {rows.map((r) => (
          <Card key={r.id} size="small" className={fresh.has(r.id) ? 'fz-cs-card fz-cs-fresh' : 'fz-cs-card'} data-testid={`request-row-${r.id}`}>
            <div className="fz-cs-card-line">
              <span>
                <StopStatusTag status={r.status} />
                {fresh.has(r.id) && <Tag color="magenta">{t('funds.new')}</Tag>}
              </span>
              {r.status === 'pending' ? <Waiting since={r.requestedAt} /> : <CaseNo r={r} bank={bank} />}
            </div>
            <div className="fz-cs-card-line">
              <AccountText account={r.account} strong />
              <Typography.Text strong>¥{yuan(r.amount)}</Typography.Text>
            </div>
            <div className="fz-cs-card-line">
              <Typography.Text type="secondary">{r.accountName ?? t('cases.stops.noName')}</Typography.Text>
              <VictimTransfers r={r} />
            </div>
            {onAnswer && r.status === 'pending' && (
              <Button type="primary" block icon={<FormOutlined />} onClick={() => onAnswer(r)} data-testid={`request-answer-${r.id}`}>
                {t('funds.answer.button')}
              </Button>
            )}
          </Card>
        ))}
        {total > pageSize && <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} className="fz-cs-pager" />}
      </div>
    </Spin>
  );
}
