import { FormOutlined, LeftOutlined, RightOutlined, RollbackOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Select, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { FreezeDto, FreezeStatus } from '../../api/cases.ts';
import { listBankFreezes, listBankReturns, type BankReturnDto, type FreezeQuery } from '../../api/funds.ts';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { AccountText } from '../cases/shared/account-text.tsx';
import { canAnswer } from '../cases/shared/access.ts';
import { ExpiryCountdown } from '../cases/shared/expiry-countdown.tsx';
import { bankFreezesKey, bankReturnsKey } from '../cases/shared/keys.ts';
import { freezeStatusLabel } from '../cases/shared/labels.ts';
import { yuan } from '../cases/shared/money.ts';
import { rowAttrs } from '../cases/shared/row-attrs.ts';
import { FreezeStatusTag } from '../cases/shared/tags.tsx';
import { FreezeAnswerModal, freezeTerms } from './freeze-answer-modal.tsx';
import { PaidModal } from './paid-modal.tsx';
import { Waiting } from './request-cells.tsx';

/**
 * The stream announces stop-payments, not freezes or returns: their lists ask again this often while the
 * page is open.
 */
export const FREEZE_POLL_MS = 10_000;
const PAGE_SIZE = 50;
const FREEZE_WARN_MS = 7 * 86_400_000;

type BankTab = 'requested' | 'frozen' | 'all';
const POLICE_FILTERS: readonly (FreezeStatus | 'all')[] = ['all', 'requested', 'frozen', 'rejected', 'released', 'expired'];

/** The server gives no total: a full page may have a next one, a shorter page is the last. */
function Pager({ page, full, onPage }: { page: number; full: boolean; onPage: (p: number) => void }) {
  const t = useT();
  if (page === 1 && !full) return null;
  return (
    <Space className="fz-fd-pager">
      <Button size="small" icon={<LeftOutlined />} disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label={t('funds.pager.prev')} />
      <Typography.Text type="secondary">{t('funds.pager.page', { n: page })}</Typography.Text>
      <Button size="small" icon={<RightOutlined />} disabled={!full} onClick={() => onPage(page + 1)} aria-label={t('funds.pager.next')} />
    </Space>
  );
}

/**
 * Freezes (冻结): a bank carries out the police's freeze requests (document number, full or limited) and
 * pays back approved returns from the accounts it froze; the police watch their cases' freezes.
 */
export function FreezesPage() {
  const me = useCurrentUser();
  const t = useT();
  const bank = canAnswer(me.role);
  const [params, setParams] = useSearchParams();
  const [answering, setAnswering] = useState<FreezeDto | null>(null);
  const [paying, setPaying] = useState<BankReturnDto | null>(null);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const rawTab = params.get('tab');
  const bankTab: BankTab = rawTab === 'frozen' || rawTab === 'all' ? rawTab : 'requested';
  // The police start with what waits for a bank, as on the stop-payment queue.
  const rawStatus = params.get('status') ?? 'requested';
  const policeStatus = (POLICE_FILTERS as readonly string[]).includes(rawStatus) ? (rawStatus as FreezeStatus | 'all') : 'all';
  const status: FreezeStatus | undefined = bank ? (bankTab === 'all' ? undefined : bankTab) : policeStatus === 'all' ? undefined : policeStatus;
  const query: FreezeQuery = { status, page, pageSize: PAGE_SIZE };

  const list = useQuery({ queryKey: bankFreezesKey(query), queryFn: () => listBankFreezes(query), placeholderData: keepPreviousData, refetchInterval: FREEZE_POLL_MS });
  const waitingQuery: FreezeQuery = { status: 'requested', page: 1, pageSize: PAGE_SIZE };
  const waiting = useQuery({ queryKey: bankFreezesKey(waitingQuery), queryFn: () => listBankFreezes(waitingQuery), enabled: bank, refetchInterval: FREEZE_POLL_MS });
  // Approved returns wait for the bank's payment: offered on the freeze they are paid from.
  const toPay = useQuery({ queryKey: bankReturnsKey('approved'), queryFn: () => listBankReturns({ status: 'approved', limit: 500 }), enabled: bank, refetchInterval: FREEZE_POLL_MS });
  const payable = (f: FreezeDto) => (toPay.data?.items ?? []).filter((r) => r.freezeId === f.id);

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  const rows = list.data?.items ?? [];
  const columns: TableColumnsType<FreezeDto> = [
    {
      key: 'requested',
      title: t('funds.field.requestedAt'),
      render: (_v, f) => (
        <div className="fz-cs-stack">
          <span className="fz-nowrap">{formatDateTime(f.requestedAt)}</span>
          {f.status === 'requested' && <Waiting since={f.requestedAt} />}
        </div>
      ),
    },
    {
      key: 'case',
      title: t('funds.field.caseNo'),
      render: (_v, f) =>
        bank ? (
          <Typography.Text className="fz-nowrap">{f.caseNo}</Typography.Text>
        ) : (
          <Link to={`/cases/${f.caseId}?tab=freezes`} className="fz-nowrap">
            {f.caseNo}
          </Link>
        ),
    },
    {
      key: 'account',
      title: t('funds.freeze.account'),
      render: (_v, f) => (
        <div className="fz-cs-stack">
          <AccountText account={f.account} strong />
          {!bank && (
            <Typography.Text type="secondary" className="fz-small">
              {f.bank}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { key: 'document', title: t('cases.freeze.documentNo'), render: (_v, f) => <Typography.Text copyable={{ text: f.documentNo }}>{f.documentNo}</Typography.Text> },
    { key: 'terms', title: t('cases.freeze.kind'), render: (_v, f) => freezeTerms(t, f) },
    {
      key: 'status',
      title: t('cases.stops.status'),
      render: (_v, f) => (
        <div className="fz-cs-stack">
          <FreezeStatusTag status={f.status} />
          {f.status === 'frozen' && f.expiresAt && <ExpiryCountdown expiresAt={f.expiresAt} warnMs={FREEZE_WARN_MS} />}
        </div>
      ),
    },
    // What waits to be frozen has nothing frozen or returned yet.
    ...(status === 'requested'
      ? []
      : [
          {
            key: 'frozen',
            title: t('cases.freeze.frozenAmount'),
            align: 'right' as const,
            render: (_v: unknown, f: FreezeDto) =>
              f.frozenAmount !== null ? (
                <div className="fz-cs-stack">
                  <Typography.Text type="success" strong className="fz-cs-amount">
                    {yuan(f.frozenAmount)}
                  </Typography.Text>
                  {f.frozenAt && (
                    <Typography.Text type="secondary" className="fz-small">
                      {t('cases.freeze.frozenAt', { at: formatDateTime(f.frozenAt) })}
                    </Typography.Text>
                  )}
                </div>
              ) : (
                <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
              ),
          },
          { key: 'returned', title: t('cases.freeze.returnedAmount'), align: 'right' as const, render: (_v: unknown, f: FreezeDto) => <span className="fz-cs-amount">{yuan(f.returnedAmount)}</span> },
        ]),
    ...(bank
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: 'end' as const,
            render: (_v: unknown, f: FreezeDto) => {
              if (f.status === 'requested') {
                return (
                  <Button type="primary" size="small" icon={<FormOutlined />} onClick={() => setAnswering(f)} data-testid={`freeze-answer-${f.id}`}>
                    {t('funds.answer.button')}
                  </Button>
                );
              }
              const due = payable(f);
              return due.length > 0 ? (
                <Space size={4} wrap>
                  {due.map((r) => (
                    <Button key={r.id} size="small" icon={<RollbackOutlined />} onClick={() => setPaying(r)} data-testid={`freeze-pay-${r.id}`}>
                      {t('funds.return.payButton', { id: r.id, amount: yuan(r.totalAmount) })}
                    </Button>
                  ))}
                </Space>
              ) : null;
            },
          },
        ]
      : []),
  ];

  const waitingCount = waiting.data?.items.length ?? 0;
  return (
    <Card variant="borderless" size="small" data-testid="funds-freezes">
      {bank ? (
        <Tabs
          activeKey={bankTab}
          onChange={(key) => set({ tab: key === 'requested' ? undefined : key, page: undefined })}
          items={[
            {
              key: 'requested',
              label: (
                <span data-testid="freezes-tab-requested">
                  {t('funds.freeze.tab.requested')} <Badge count={waitingCount} overflowCount={PAGE_SIZE - 1} size="small" />
                </span>
              ),
            },
            { key: 'frozen', label: <span data-testid="freezes-tab-frozen">{t('funds.freeze.tab.frozen')}</span> },
            { key: 'all', label: <span data-testid="freezes-tab-all">{t('funds.freeze.tab.all')}</span> },
          ]}
        />
      ) : (
        <div className="fz-filters">
          <Select<FreezeStatus | 'all'>
            aria-label={t('funds.filter.status')}
            value={policeStatus}
            onChange={(v) => set({ status: v === 'requested' ? undefined : v, page: undefined })}
            options={POLICE_FILTERS.map((s) => ({ value: s, label: s === 'all' ? t('funds.freeze.all') : freezeStatusLabel(t, s) }))}
            className="fz-filter"
            data-testid="freezes-filter-status"
          />
        </div>
      )}
      <Table<FreezeDto>
        data-testid="freeze-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching && !list.data}
        className="fz-nowrap-table fz-fd-table"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t(bank && bankTab === 'requested' ? 'funds.freeze.emptyRequested' : 'funds.freeze.empty') }}
        onRow={(f) => rowAttrs({ 'data-testid': `freeze-row-${f.id}`, 'data-case-no': f.caseNo, 'data-status': f.status, 'data-account': f.account })}
        pagination={false}
      />
      <Pager page={page} full={rows.length >= PAGE_SIZE} onPage={(p) => set({ page: p > 1 ? String(p) : undefined })} />
      {answering && <FreezeAnswerModal freeze={answering} onClose={() => setAnswering(null)} />}
      {paying && <PaidModal ret={paying} onClose={() => setPaying(null)} />}
    </Card>
  );
}
