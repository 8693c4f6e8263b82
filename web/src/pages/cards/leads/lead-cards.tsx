import { Card, Empty, Pagination, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n/lang-context.tsx';
import { Deadline } from '../shared/deadline.tsx';
import { useOrgName } from '../shared/orgs.ts';
import { HolderCell, IdentifierCell, LeadFlags, openedAtText } from './lead-cells.tsx';
import { LeadRowActions } from './lead-row-actions.tsx';
import type { LeadListProps } from './lead-table.tsx';

/** The queue on a phone: one tappable card per lead, its deadline first. */
export function LeadCards({ rows, total, page, pageSize, loading, onPage, onOutcome, onAssign }: LeadListProps) {
  const t = useT();
  const navigate = useNavigate();
  const orgName = useOrgName();
  if (!loading && rows.length === 0) return <Empty description={t('cards.leads.empty')} data-testid="lead-cards" />;
  return (
    <Spin spinning={loading}>
      <div className="fz-cd-cards" data-testid="lead-cards">
        {rows.map((l) => (
          <Card key={l.id} size="small" hoverable className="fz-cd-card" onClick={() => void navigate(`/cards/leads/${l.id}`)} data-testid={`lead-row-${l.id}`} data-lead-no={l.leadNo} data-status={l.status}>
            <div className="fz-cd-card-line">
              <Typography.Text strong className="fz-cd-mono">
                {l.leadNo}
              </Typography.Text>
              <Deadline dueAt={l.dueAt} overdue={l.overdue} closedAt={l.closedAt} />
            </div>
            <div className="fz-cd-card-line">
              <LeadFlags lead={l} />
            </div>
            <div className="fz-cd-card-line">
              <IdentifierCell lead={l} />
              <HolderCell lead={l} />
            </div>
            <Typography.Text type="secondary" className="fz-small">
              {t('cards.card.openedUnit', { opened: openedAtText(l, orgName, t('common.none')), unit: l.orgName })}
            </Typography.Text>
            <LeadRowActions lead={l} onOutcome={onOutcome} onAssign={onAssign} size="middle" everyStep />
          </Card>
        ))}
        {total > pageSize && <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} className="fz-cd-pager" />}
      </div>
    </Spin>
  );
}
