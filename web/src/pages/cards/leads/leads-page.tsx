import { CloudUploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Segmented } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { listLeads, type LeadDto } from '../../../api/cards.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { isCenterWorker } from '../shared/access.ts';
import { leadListKey } from '../shared/keys.ts';
import { AssignModal } from './assign-modal.tsx';
import { LeadCards } from './lead-cards.tsx';
import { LeadFilters } from './lead-filters.tsx';
import { readFilter, toQuery, writeFilter, type LeadFilter } from './lead-params.ts';
import { LeadTable } from './lead-table.tsx';
import { OutcomeModal } from './outcome-modal.tsx';

type Quick = LeadFilter['status'] | 'overdue';

/** Overdue is a view of the open leads: past the deadline and not closed. */
function quickOf(f: LeadFilter): Quick {
  return f.overdue ? 'overdue' : f.status;
}

/** Leads of the caller's jurisdiction by deadline: the station's verification queue, the center's overview. */
export function LeadsPage() {
  const me = useCurrentUser();
  const t = useT();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const query = toQuery(filter);
  const [outcomeFor, setOutcomeFor] = useState<LeadDto | null>(null);
  const [assignFor, setAssignFor] = useState<LeadDto | null>(null);
  // Nothing announces new leads (a batch, a case's cards): a slow refetch keeps the queue honest.
  const list = useQuery({ queryKey: leadListKey(query), queryFn: () => listLeads(query), placeholderData: keepPreviousData, staleTime: 0, refetchInterval: 60_000 });
  const overdueQuery = { status: 'open' as const, overdue: 'true' as const, page: 1, pageSize: 1 };
  const overdue = useQuery({ queryKey: leadListKey(overdueQuery), queryFn: () => listLeads(overdueQuery), refetchInterval: 60_000 });
  const change = (f: LeadFilter) => setParams(writeFilter(f));
  const quick = quickOf(filter);
  const Body = phone ? LeadCards : LeadTable;
  const overdueCount = overdue.data?.total ?? 0;
  return (
    <Card
      variant="borderless"
      size="small"
      data-testid="lead-queue"
      title={t('cards.leads.title')}
      extra={
        isCenterWorker(me.role) && (
          <Link to="/cards/import">
            <Button type="primary" icon={<CloudUploadOutlined />} data-testid="lead-import-link">
              {phone ? t('cards.import.short') : t('cards.import.title')}
            </Button>
          </Link>
        )
      }
    >
      <Segmented<Quick>
        className="fz-gap-bottom fz-cd-quick"
        value={quick}
        onChange={(v) => change({ ...filter, status: v === 'overdue' ? 'open' : v, overdue: v === 'overdue', outcome: v === 'closed' || v === 'all' ? filter.outcome : undefined, page: 1 })}
        options={[
          { value: 'open', label: <span data-testid="lead-quick-open">{t('cards.filter.open')}</span> },
          { value: 'assigned', label: <span data-testid="lead-quick-assigned">{t('cards.leadStatus.assigned')}</span> },
          { value: 'verifying', label: <span data-testid="lead-quick-verifying">{t('cards.leadStatus.verifying')}</span> },
          {
            value: 'overdue',
            label: (
              <span data-testid="lead-quick-overdue">
                {t('cards.overdue')} <Badge count={overdueCount} overflowCount={999} size="small" />
              </span>
            ),
          },
          { value: 'closed', label: <span data-testid="lead-quick-closed">{t('cards.leadStatus.closed')}</span> },
          { value: 'all', label: <span data-testid="lead-quick-all">{t('cards.filter.all')}</span> },
        ]}
      />
      <LeadFilters key={filter.q} value={filter} onChange={change} />
      <Body
        rows={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={filter.page}
        pageSize={filter.pageSize}
        loading={list.isFetching && !list.data}
        onPage={(page, pageSize) => change({ ...filter, page: pageSize === filter.pageSize ? page : 1, pageSize })}
        onOutcome={setOutcomeFor}
        onAssign={setAssignFor}
      />
      {outcomeFor && <OutcomeModal lead={outcomeFor} onClose={() => setOutcomeFor(null)} />}
      {assignFor && <AssignModal lead={assignFor} onClose={() => setAssignFor(null)} />}
    </Card>
  );
}
