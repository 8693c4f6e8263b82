import { Card, Empty, Pagination, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { fraudTypeLabel } from '../shared/labels.ts';
import { yuan } from '../shared/money.ts';
import { CaseStatusTag } from '../shared/tags.tsx';
import type { CaseListProps } from './case-table.tsx';
import { StopCounts } from './stop-counts.tsx';

/** The list on a phone: one tappable card per case. */
export function CaseCards({ rows, total, page, pageSize, loading, onPage }: CaseListProps) {
  const t = useT();
  const navigate = useNavigate();
  if (!loading && rows.length === 0) return <Empty description={t('cases.list.empty')} data-testid="case-cards" />;
  return (
    <Spin spinning={loading}>
      <div className="fz-cs-cards" data-testid="case-cards">
        {rows.map((c) => (
          <Card key={c.id} size="small" hoverable className="fz-cs-card" onClick={() => void navigate(`/cases/${c.id}`)} data-testid={`case-row-${c.id}`}>
            <div className="fz-cs-card-line">
              <Typography.Text strong>{c.caseNo}</Typography.Text>
              <CaseStatusTag status={c.status} />
            </div>
            <div className="fz-cs-card-line">
              <span>
                {c.victimName ?? t('common.none')} · {c.fraudType ? fraudTypeLabel(t, c.fraudType) : t('cases.fraud.unclassified')}
              </span>
              <Typography.Text strong>¥{yuan(c.lossAmount)}</Typography.Text>
            </div>
            <div className="fz-cs-card-line">
              <StopCounts c={c} />
              <Typography.Text type="secondary" className="fz-small">
                {formatDateTime(c.reportedAt)}
              </Typography.Text>
            </div>
          </Card>
        ))}
        {total > pageSize && <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} className="fz-cs-pager" />}
      </div>
    </Spin>
  );
}
