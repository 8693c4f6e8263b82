import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Card, Select, Tabs } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { listBankRequests, listBankRequestsNewestFirst, type BankRequestDto, type RequestQuery, type RequestStatusFilter } from '../../api/funds.ts';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { canAnswer } from '../cases/shared/access.ts';
import { bankRequestsKey } from '../cases/shared/keys.ts';
import { stopStatusLabel } from '../cases/shared/labels.ts';
import { usePhone } from '../warnings/shared/use-phone.ts';
import { AnswerModal } from './answer-modal.tsx';
import { RequestCards } from './request-cards.tsx';
import { RequestTable } from './request-table.tsx';

/** While the stream is down (not yet connected, or lost), the queue asks again this often. */
const POLL_MS = 5_000;
/** With the stream, a slow refetch still catches what it cannot announce (the expiry sweeper). */
const SLOW_MS = 60_000;
const PAGE_SIZE = 20;

type BankTab = 'pending' | 'answered';
const POLICE_FILTERS: readonly (RequestStatusFilter | 'all')[] = ['all', 'pending', 'answered', 'stopped', 'mismatch', 'no_balance', 'rejected', 'expired', 'released'];

/**
 * Requests that arrived while the page was open, marked 新 until it closes: the first load is what was
 * already there, anything after it is new.
 */
function useFresh(items: BankRequestDto[] | undefined, track: boolean): ReadonlySet<number> {
  const seen = useRef<Set<number> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(() => new Set());
  useEffect(() => {
    if (!items || !track) return;
    if (seen.current === null) {
      seen.current = new Set(items.map((i) => i.id));
      return;
    }
    const known = seen.current;
    const arrived = items.filter((i) => !known.has(i.id)).map((i) => i.id);
    for (const id of arrived) known.add(id);
    if (arrived.length) setFresh((s) => new Set([...arrived, ...s]));
  }, [items, track]);
  return fresh;
}

export function RequestsPage({ live }: { live: boolean }) {
  const me = useCurrentUser();
  const t = useT();
  const phone = usePhone();
  const bank = canAnswer(me.role);
  const [params, setParams] = useSearchParams();
  const [answering, setAnswering] = useState<BankRequestDto | null>(null);
  const page = Math.max(1, Number(params.get('page')) || 1);

  // A bank works two lists, what waits for it and what it answered; the police filter by any status.
  const bankTab: BankTab = params.get('tab') === 'answered' ? 'answered' : 'pending';
  // The police start with what waits for a bank; the oldest request first, as the server orders them.
  const rawStatus = params.get('status') ?? 'pending';
  const policeStatus = (POLICE_FILTERS as readonly string[]).includes(rawStatus) ? (rawStatus as RequestStatusFilter | 'all') : 'all';
  const status: RequestStatusFilter | undefined = bank ? bankTab : policeStatus === 'all' ? undefined : policeStatus;
  const query: RequestQuery = { status, page, pageSize: PAGE_SIZE };

  // What waits for an answer, oldest first (it has waited longest); everything else newest first.
  const newestFirst = status !== 'pending';
  const list = useQuery({
    queryKey: [...bankRequestsKey(query), newestFirst ? 'newest' : 'oldest'],
    queryFn: () => (newestFirst ? listBankRequestsNewestFirst(query) : listBankRequests(query)),
    placeholderData: keepPreviousData,
    refetchInterval: live ? SLOW_MS : POLL_MS,
  });
  // The count on the pending tab, whichever tab is open.
  const pendingQuery: RequestQuery = { status: 'pending', page: 1, pageSize: 1 };
  const pendingCount = useQuery({ queryKey: bankRequestsKey(pendingQuery), queryFn: () => listBankRequests(pendingQuery), enabled: bank, refetchInterval: live ? SLOW_MS : POLL_MS });
  const fresh = useFresh(list.data?.items, status === 'pending' || status === undefined);

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const Body = phone ? RequestCards : RequestTable;
  const body = (
    <Body
      rows={list.data?.items ?? []}
      total={list.data?.total ?? 0}
      page={page}
      pageSize={PAGE_SIZE}
      loading={list.isFetching && !list.data}
      fresh={fresh}
      bank={bank}
      answered={bank ? bankTab === 'answered' : status !== 'pending'}
      onPage={(p) => set({ page: p > 1 ? String(p) : undefined })}
      onAnswer={bank ? setAnswering : undefined}
    />
  );
  return (
    <Card variant="borderless" size="small" data-testid="funds-requests">
      {bank ? (
        <Tabs
          activeKey={bankTab}
          onChange={(key) => set({ tab: key === 'pending' ? undefined : key, page: undefined })}
          items={[
            {
              key: 'pending',
              label: (
                <span data-testid="funds-tab-pending">
                  {t('funds.tab.pending')} <Badge count={pendingCount.data?.total ?? 0} overflowCount={999} size="small" />
                </span>
              ),
            },
            { key: 'answered', label: <span data-testid="funds-tab-answered">{t('funds.tab.answered')}</span> },
          ]}
        />
      ) : (
        <div className="fz-filters">
          <Select<RequestStatusFilter | 'all'>
            aria-label={t('funds.filter.status')}
            value={policeStatus}
            onChange={(v) => set({ status: v === 'pending' ? undefined : v, page: undefined })}
            options={POLICE_FILTERS.map((s) => ({ value: s, label: s === 'all' ? t('funds.filter.all') : s === 'answered' ? t('funds.filter.answered') : stopStatusLabel(t, s) }))}
            className="fz-filter"
            data-testid="funds-filter-status"
          />
        </div>
      )}
      {body}
      {answering && <AnswerModal request={answering} onClose={() => setAnswering(null)} />}
    </Card>
  );
}
