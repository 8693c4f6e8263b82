import { CheckCircleOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Select, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ReturnStatus } from '../../api/cases.ts';
import { listBankReturns, type BankReturnDto } from '../../api/funds.ts';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { AccountText } from '../cases/shared/account-text.tsx';
import { canAnswer } from '../cases/shared/access.ts';
import { bankReturnsKey } from '../cases/shared/keys.ts';
import { returnMethodLabel, returnStatusLabel } from '../cases/shared/labels.ts';
import { yuan } from '../cases/shared/money.ts';
import { rowAttrs } from '../cases/shared/row-attrs.ts';
import { ReturnStatusTag } from '../cases/shared/tags.tsx';
import { FREEZE_POLL_MS } from './freezes-page.tsx';
import { PaidModal } from './paid-modal.tsx';

/** The list has no paging: the newest this many. */
const LIMIT = 200;
type BankTab = 'approved' | 'paid';
const POLICE_FILTERS: readonly (ReturnStatus | 'all')[] = ['all', 'noticed', 'approved', 'paid', 'cancelled'];

/**
 * Returns (返还) of frozen money: a bank pays the approved ones to the victims and confirms each with its
 * transaction reference; the police follow theirs from the notice to the payment.
 */
export function ReturnsPage() {
  const me = useCurrentUser();
  const t = useT();
  const bank = canAnswer(me.role);
  const [params, setParams] = useSearchParams();
  const [paying, setPaying] = useState<BankReturnDto | null>(null);
  const bankTab: BankTab = params.get('tab') === 'paid' ? 'paid' : 'approved';
  const rawStatus = params.get('status') ?? 'all';
  const policeStatus = (POLICE_FILTERS as readonly string[]).includes(rawStatus) ? (rawStatus as ReturnStatus | 'all') : 'all';
  const status: ReturnStatus | undefined = bank ? bankTab : policeStatus === 'all' ? undefined : policeStatus;
  const list = useQuery({
    queryKey: bankReturnsKey(status),
    queryFn: () => listBankReturns({ status, limit: LIMIT }),
    placeholderData: keepPreviousData,
    refetchInterval: FREEZE_POLL_MS,
  });
  const toPay = useQuery({ queryKey: bankReturnsKey('approved'), queryFn: () => listBankReturns({ status: 'approved', limit: LIMIT }), enabled: bank, refetchInterval: FREEZE_POLL_MS });
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  const rows = list.data?.items ?? [];
  const columns: TableColumnsType<BankReturnDto> = [
    {
      key: 'no',
      title: t('cases.return.no'),
      render: (_v, r) => (
        <Typography.Text strong className="fz-nowrap">
          #{r.id}
        </Typography.Text>
      ),
    },
    {
      key: 'case',
      title: t('funds.field.caseNo'),
      render: (_v, r) => {
        const own = r.shares.find((s) => s.caseNo === r.caseNo);
        return bank || !own ? (
          <Typography.Text className="fz-nowrap">{r.caseNo}</Typography.Text>
        ) : (
          <Link to={`/cases/${own.caseId}?tab=freezes`} className="fz-nowrap">
            {r.caseNo}
          </Link>
        );
      },
    },
    {
      key: 'account',
      title: t('funds.return.fromAccount'),
      render: (_v, r) => (
        <div className="fz-cs-stack">
          <AccountText account={r.account} strong />
          {!bank && (
            <Typography.Text type="secondary" className="fz-small">
              {r.bank}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { key: 'method', title: t('cases.return.method'), render: (_v, r) => <Tag color={r.method === 'traced' ? 'blue' : 'purple'}>{returnMethodLabel(t, r.method)}</Tag> },
    { key: 'total', title: t('cases.return.total'), align: 'right', render: (_v, r) => <Typography.Text strong className="fz-cs-amount">{yuan(r.totalAmount)}</Typography.Text> },
    {
      key: 'shares',
      title: t('cases.return.shares'),
      render: (_v, r) => (
        <div className="fz-cs-stack">
          {r.shares.map((s) => (
            <span key={s.caseId} className="fz-nowrap">
              {s.caseNo} <Typography.Text strong>¥{yuan(s.amount)}</Typography.Text>
            </span>
          ))}
        </div>
      ),
    },
    { key: 'status', title: t('cases.stops.status'), render: (_v, r) => <ReturnStatusTag status={r.status} /> },
    {
      key: 'times',
      title: t('cases.stops.times'),
      render: (_v, r) => (
        <div className="fz-cs-stack fz-small">
          {r.noticeUntil && r.status === 'noticed' && <span>{t('cases.return.noticeUntil', { at: formatDateTime(r.noticeUntil) })}</span>}
          {r.approvedAt && <span>{t('cases.return.approvedAt', { at: formatDateTime(r.approvedAt) })}</span>}
          {r.paidAt && <span>{t('cases.return.paidAt', { at: formatDateTime(r.paidAt) })}</span>}
          {r.bankReference && (
            <Typography.Text type="secondary" className="fz-small">
              {t('cases.return.reference', { ref: r.bankReference })}
            </Typography.Text>
          )}
        </div>
      ),
    },
    ...(bank
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: 'end' as const,
            render: (_v: unknown, r: BankReturnDto) =>
              r.status === 'approved' ? (
                <Button type="primary" size="small" icon={<CheckCircleOutlined />} onClick={() => setPaying(r)} data-testid={`return-pay-${r.id}`}>
                  {t('funds.return.paidButton')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Card variant="borderless" size="small" data-testid="funds-returns">
      {bank ? (
        <Tabs
          activeKey={bankTab}
          onChange={(key) => set({ tab: key === 'approved' ? undefined : key })}
          items={[
            {
              key: 'approved',
              label: (
                <span data-testid="returns-tab-approved">
                  {t('funds.return.tab.approved')} <Badge count={toPay.data?.items.length ?? 0} size="small" />
                </span>
              ),
            },
            { key: 'paid', label: <span data-testid="returns-tab-paid">{t('funds.return.tab.paid')}</span> },
          ]}
        />
      ) : (
        <div className="fz-filters">
          <Select<ReturnStatus | 'all'>
            aria-label={t('funds.filter.status')}
            value={policeStatus}
            onChange={(v) => set({ status: v === 'all' ? undefined : v })}
            options={POLICE_FILTERS.map((s) => ({ value: s, label: s === 'all' ? t('funds.return.all') : returnStatusLabel(t, s) }))}
            className="fz-filter"
            data-testid="returns-filter-status"
          />
        </div>
      )}
      <Table<BankReturnDto>
        data-testid="return-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching && !list.data}
        className="fz-nowrap-table fz-fd-table"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t(bank && bankTab === 'approved' ? 'funds.return.emptyApproved' : 'funds.return.empty') }}
        onRow={(r) => rowAttrs({ 'data-testid': `bank-return-row-${r.id}`, 'data-case-no': r.caseNo, 'data-status': r.status })}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      />
      {rows.length >= LIMIT && (
        <Typography.Text type="secondary" className="fz-small">
          {t('funds.return.limited', { n: LIMIT })}
        </Typography.Text>
      )}
      {paying && <PaidModal ret={paying} onClose={() => setPaying(null)} />}
    </Card>
  );
}
