import { EyeOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Pagination, Spin, Typography } from 'antd';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { AccountText } from '../../cases/shared/account-text.tsx';
import { FirstReason, NewTag, ShadowTag } from './alert-cells.tsx';
import type { AlertListProps } from './alert-table.tsx';
import { score, typologyLabel } from './labels.ts';
import { AlertStatusTag, DecisionTag } from './tags.tsx';

/** The queue on a phone: a card per alert, the account and its risk first. */
export function AlertCards({ rows, total, page, pageSize, loading, fresh, showOrg, emptyText, onPage, onOpen }: AlertListProps) {
  const t = useT();
  if (!loading && rows.length === 0) return <Empty description={emptyText} data-testid="alert-cards" />;
  return (
    <Spin spinning={loading}>
      <div className="fz-cs-cards" data-testid="alert-cards">
        {rows.map((a) => (
          <Card key={a.id} size="small" className={fresh.has(a.id) ? 'fz-cs-card fz-cs-fresh' : 'fz-cs-card'} data-testid={`alert-row-${a.id}`} data-status={a.status} data-account={a.account}>
            <div className="fz-cs-card-line">
              <span>
                <AlertStatusTag status={a.status} />
                <DecisionTag decision={a.decision} />
                {a.shadow && <ShadowTag />}
                {fresh.has(a.id) && <NewTag />}
              </span>
              <Typography.Text type="secondary" className="fz-small">
                {formatDateTime(a.raisedAt)}
              </Typography.Text>
            </div>
            <div className="fz-cs-card-line">
              <AccountText account={a.account} strong />
              <Typography.Text strong>{score(a.score)}</Typography.Text>
            </div>
            <div className="fz-cs-card-line">
              <Typography.Text type="secondary">{showOrg ? `${a.orgName} · ${a.bank}` : a.bank}</Typography.Text>
              <Typography.Text>{typologyLabel(t, a.typology)}</Typography.Text>
            </div>
            <div className="fz-risk-card-reason">
              <FirstReason a={a} />
            </div>
            <Button block icon={<EyeOutlined />} onClick={() => onOpen(a)} data-testid={`alert-open-${a.id}`}>
              {t('risk.open')}
            </Button>
          </Card>
        ))}
        {total > pageSize && <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} className="fz-cs-pager" />}
      </div>
    </Spin>
  );
}
