import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Card, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { listOrgs, type OrgDto } from '../../../api/orgs.ts';
import { listWarnings, type WarningSummaryDto } from '../../../api/warnings.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { canDispatch, seesTriage } from '../shared/access.ts';
import { DispatchModal } from '../shared/dispatch-modal.tsx';
import { ORGS_ACTIVE_KEY, warningListKey } from '../shared/keys.ts';
import { useLive } from '../shared/live-context.ts';
import { usePhone } from '../shared/use-phone.ts';
import { QueueCards } from './queue-cards.tsx';
import { QueueFilters } from './queue-filters.tsx';
import { useQueueT } from './queue-i18n.ts';
import { readFilter, toQuery, writeFilter, type QueueFilter, type QueueView } from './queue-params.ts';
import { QueueTable } from './queue-table.tsx';

/** Units of the jurisdiction tree, the ones warnings are assigned to. */
const UNIT_KINDS: ReadonlySet<OrgDto['kind']> = new Set(['city', 'county', 'station', 'township', 'grid']);

/** Open warnings of the caller's scope by deadline; the center also sees its triage backlog. */
export function QueuePage() {
  const me = useCurrentUser();
  const t = useT();
  const qt = useQueueT();
  const phone = usePhone();
  const { fresh } = useLive();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const [dispatching, setDispatching] = useState<WarningSummaryDto | null>(null);
  const triage = seesTriage(me.role);

  const orgs = useQuery({ queryKey: ORGS_ACTIVE_KEY, queryFn: () => listOrgs(false), staleTime: 5 * 60_000 });
  const units = useMemo(() => (orgs.data ?? []).filter((o) => UNIT_KINDS.has(o.kind)), [orgs.data]);
  // A link may name a unit outside the reader's jurisdiction (the server would refuse it): it is checked
  // against the reader's units first and, if not among them, left out and said so.
  const outside = filter.orgCode !== undefined && orgs.isSuccess && !units.some((o) => o.code === filter.orgCode);
  const query = toQuery(filter, !outside);
  // The stream announces new warnings and changes, but not a warning dispatched *to* this unit from
  // elsewhere, nor the sweeper's escalations; a slow refetch covers those until the server does.
  const list = useQuery({
    queryKey: warningListKey(query),
    queryFn: () => listWarnings(query),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
    enabled: filter.orgCode === undefined || !orgs.isPending,
  });
  // The size of the triage backlog, for the badge on its tab.
  const triageQuery = { triage: 'true' as const, page: 1, pageSize: 1 };
  const backlog = useQuery({ queryKey: warningListKey(triageQuery), queryFn: () => listWarnings(triageQuery), enabled: triage });

  const change = (f: QueueFilter) => setParams(writeFilter(f));
  const Body = phone ? QueueCards : QueueTable;
  const settled = list.data !== undefined && !list.isPlaceholderData && !list.isFetching;
  return (
    <Card
      variant="borderless"
      size="small"
      data-testid="warning-queue"
      data-settled={String(settled)}
      data-total={settled ? list.data.total : ''}
      data-total-capped={settled ? String(list.data.totalCapped) : ''}
    >
      {triage && (
        <Segmented<QueueView>
          className="fz-gap-bottom"
          value={filter.view}
          onChange={(view) => change({ ...filter, view, page: 1 })}
          options={[
            { value: 'all', label: t('warnings.queue.all') },
            {
              value: 'triage',
              label: (
                <span data-testid="queue-view-triage">
                  {t('warnings.queue.triage')} <Badge count={backlog.data?.total ?? 0} overflowCount={999} size="small" />
                </span>
              ),
            },
          ]}
        />
      )}
      <QueueFilters value={filter} onChange={change} orgs={units} />
      {outside && <Alert type="warning" showIcon className="fz-gap-bottom" title={qt('queue.filter.orgOutside', { code: filter.orgCode ?? '' })} data-testid="warning-org-outside" />}
      <Body
        rows={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        totalCapped={list.data?.totalCapped ?? false}
        page={filter.page}
        pageSize={filter.pageSize}
        loading={list.isPending}
        fresh={fresh}
        onPage={(page, pageSize) => change({ ...filter, page: pageSize === filter.pageSize ? page : 1, pageSize })}
        onDispatch={canDispatch(me.role) ? setDispatching : undefined}
      />
      {dispatching && <DispatchModal warning={dispatching} onClose={() => setDispatching(null)} />}
    </Card>
  );
}
