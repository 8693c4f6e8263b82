import { ClockCircleOutlined, LockOutlined, PlusOutlined, SendOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { releaseStop, renewStop, sendProposals, type CaseDetailDto, type StopPaymentDto, type StopPaymentStatus } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { AccountText } from '../shared/account-text.tsx';
import { ExpiryCountdown } from '../shared/expiry-countdown.tsx';
import { yuan } from '../shared/money.ts';
import { rowAttrs } from '../shared/row-attrs.ts';
import { StopStatusTag } from '../shared/tags.tsx';
import { useMoneySettings } from '../shared/use-money-settings.ts';
import { FreezeModal } from './freeze-modal.tsx';
import { isLive } from './freeze-money.ts';
import { NoteModal } from './note-modal.tsx';
import { StopHandModal } from './stop-hand-modal.tsx';
import { useCaseRefresh } from './use-case-mutation.ts';

/** Answered results with figures worth showing next to the status. */
const ANSWERED: readonly StopPaymentStatus[] = ['stopped', 'mismatch', 'no_balance', 'rejected', 'expired', 'released'];

/**
 * The case's stop-payment requests (紧急止付): first hop from the intake, next hops proposed from what
 * banks reported. Proposals wait for one click; stops in force count down to their expiry and can be
 * renewed (twice) or released.
 */
export function StopPayments({ c, writer }: { c: CaseDetailDto; writer: boolean }) {
  const t = useT();
  const { apply, onConflict } = useCaseRefresh(c.id);
  const [selected, setSelected] = useState<number[]>([]);
  const [releasing, setReleasing] = useState<StopPaymentDto | null>(null);
  const [freezing, setFreezing] = useState<StopPaymentDto | null>(null);
  const [byHand, setByHand] = useState(false);
  const rows = c.stopPayments;
  const proposals = rows.filter((s) => s.status === 'proposed');
  const chosen = selected.filter((id) => proposals.some((p) => p.id === id));
  const byId = new Map(rows.map((s) => [s.id, s]));
  const maxRenewals = useMoneySettings().maxRenewals;

  const send = useMutation({
    mutationFn: (ids: number[] | undefined) => sendProposals(c.id, ids),
    onSuccess: async ({ sent }) => {
      showSuccess(t('cases.stops.sent', { n: sent.length }));
      setSelected([]);
      await apply();
    },
    onError: onConflict,
  });
  const renew = useMutation({
    mutationFn: (id: number) => renewStop(id),
    onSuccess: async (sp) => {
      showSuccess(t('cases.stops.renewed', { until: formatDateTime(sp.expiresAt) }));
      await apply();
    },
    onError: onConflict,
  });
  const release = useMutation({
    mutationFn: ({ id, note }: { id: number; note?: string | undefined }) => releaseStop(id, note),
    onSuccess: async () => {
      showSuccess(t('cases.stops.released'));
      setReleasing(null);
      await apply();
    },
    onError: onConflict,
  });

  const columns: TableColumnsType<StopPaymentDto> = [
    {
      key: 'account',
      title: t('cases.stops.account'),
      render: (_v, s) => {
        const parent = s.parentId ? byId.get(s.parentId) : undefined;
        return (
          <div className="fz-cs-stack">
            <span className="fz-nowrap">
              <Tag color={s.hop === 1 ? 'blue' : 'purple'} className="fz-cs-hop">
                {t('cases.stops.hopN', { n: s.hop })}
              </Tag>
              <AccountText account={s.account} />
            </span>
            <Typography.Text type="secondary" className="fz-small">
              {s.accountName ?? t('cases.stops.noName')}
              {parent && ` · ${t('cases.stops.from', { account: parent.account.slice(-4) })}`}
            </Typography.Text>
          </div>
        );
      },
    },
    {
      key: 'bank',
      title: t('cases.stops.bank'),
      render: (_v, s) => (
        <div className="fz-cs-stack">
          <span>{s.bank}</span>
          {s.bankOrgCode ? (
            <Typography.Text type="secondary" className="fz-small">
              {s.bankOrgCode}
            </Typography.Text>
          ) : (
            <Tooltip title={t('cases.stops.unaddressedHint')}>
              <Tag color="warning" className="fz-cs-tag-small">
                {t('cases.stops.unaddressed')}
              </Tag>
            </Tooltip>
          )}
        </div>
      ),
    },
    { key: 'amount', title: t('cases.stops.amount'), align: 'right', render: (_v, s) => <span className="fz-cs-amount">{yuan(s.amount)}</span> },
    {
      key: 'status',
      title: t('cases.stops.status'),
      render: (_v, s) => (
        <div className="fz-cs-stack">
          <StopStatusTag status={s.status} />
          {s.status === 'stopped' && s.expiresAt && (
            <>
              <ExpiryCountdown expiresAt={s.expiresAt} />
              <Typography.Text type="secondary" className="fz-small">
                {t('cases.stops.renewals', { n: s.renewals, max: maxRenewals })}
              </Typography.Text>
            </>
          )}
        </div>
      ),
    },
    {
      key: 'result',
      title: t('cases.stops.result'),
      render: (_v, s) =>
        ANSWERED.includes(s.status) ? (
          <div className="fz-cs-stack">
            {s.stoppedAmount !== null && (
              <Typography.Text type="success" data-testid={`stop-stopped-${s.id}`}>
                {t('cases.stops.stoppedAmount', { amount: yuan(s.stoppedAmount) })}
              </Typography.Text>
            )}
            {s.balance !== null && <Typography.Text type="secondary">{t('cases.stops.balance', { amount: yuan(s.balance) })}</Typography.Text>}
            {s.responseNote && (
              <Typography.Text type="secondary" className="fz-small fz-cs-note" ellipsis={{ tooltip: s.responseNote }}>
                {s.responseNote}
              </Typography.Text>
            )}
          </div>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      key: 'times',
      title: t('cases.stops.times'),
      render: (_v, s) => (
        <div className="fz-cs-stack fz-small">
          <span>{s.status === 'proposed' ? t('cases.stops.proposedAt', { at: formatDateTime(s.requestedAt) }) : t('cases.stops.requestedAt', { at: formatDateTime(s.requestedAt) })}</span>
          {s.respondedAt && (
            <Typography.Text type="secondary" className="fz-small">
              {t('cases.stops.respondedAt', { at: formatDateTime(s.respondedAt) })}
            </Typography.Text>
          )}
        </div>
      ),
    },
    ...(writer
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: 'end' as const,
            render: (_v: unknown, s: StopPaymentDto) =>
              s.status === 'stopped' ? (
                <Space size={0}>
                  {c.freezes.some((f) => f.account === s.account && isLive(f)) ? (
                    <Tag color="blue" className="fz-cs-tag-small">
                      {t('cases.stops.freezeAsked')}
                    </Tag>
                  ) : (
                    <Button type="link" size="small" icon={<LockOutlined />} onClick={() => setFreezing(s)} data-testid={`stop-freeze-${s.id}`}>
                      {t('cases.stops.freeze')}
                    </Button>
                  )}
                  <Popconfirm
                    title={t('cases.stops.renewConfirm', { n: s.renewals + 1, max: maxRenewals })}
                    okText={t('cases.stops.renew')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => renew.mutateAsync(s.id).catch(() => undefined)}
                    disabled={s.renewals >= maxRenewals}
                  >
                    <Tooltip title={s.renewals >= maxRenewals ? t('cases.stops.renewLimit') : undefined}>
                      <Button type="link" size="small" icon={<ClockCircleOutlined />} disabled={s.renewals >= maxRenewals} data-testid={`stop-renew-${s.id}`}>
                        {t('cases.stops.renew')}
                      </Button>
                    </Tooltip>
                  </Popconfirm>
                  <Button type="link" size="small" danger icon={<UnlockOutlined />} onClick={() => setReleasing(s)} data-testid={`stop-release-${s.id}`}>
                    {t('cases.stops.release')}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <div data-testid="case-stops" data-proposed={proposals.length}>
      {proposals.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="fz-gap-bottom"
          data-testid="stops-proposals"
          title={t('cases.stops.proposalsTitle', { n: proposals.length })}
          description={writer ? t('cases.stops.proposalsBody') : t('cases.stops.proposalsReadOnly')}
          action={
            writer && (
              <Button type="primary" icon={<SendOutlined />} loading={send.isPending} onClick={() => send.mutate(chosen.length ? chosen : undefined)} data-testid="stops-send">
                {chosen.length ? t('cases.stops.sendSelected', { n: chosen.length }) : t('cases.stops.sendAll', { n: proposals.length })}
              </Button>
            )
          }
        />
      )}
      {writer && (
        <div className="fz-cs-tab-bar">
          <Button icon={<PlusOutlined />} onClick={() => setByHand(true)} data-testid="stops-by-hand">
            {t('cases.stops.byHand')}
          </Button>
        </div>
      )}
      <Table<StopPaymentDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        className="fz-nowrap-table fz-cs-stops-table"
        locale={{ emptyText: t('cases.stops.none') }}
        rowClassName={(s) => (s.status === 'proposed' ? 'fz-cs-proposed' : '')}
        onRow={(s) => rowAttrs({ 'data-testid': `stop-row-${s.id}`, 'data-status': s.status, 'data-hop': s.hop })}
        rowSelection={
          writer && proposals.length > 0
            ? {
                selectedRowKeys: chosen,
                onChange: (keys) => setSelected(keys.map(Number)),
                getCheckboxProps: (s) => ({ disabled: s.status !== 'proposed' }),
              }
            : undefined
        }
      />
      {freezing && <FreezeModal c={c} initial={{ account: freezing.account, bank: freezing.bank }} onClose={() => setFreezing(null)} />}
      {byHand && <StopHandModal caseId={c.id} onClose={() => setByHand(false)} />}
      {releasing && (
        <NoteModal
          title={t('cases.stops.releaseTitle', { account: releasing.account })}
          intro={t('cases.stops.releaseIntro')}
          okText={t('cases.stops.release')}
          danger
          noteRequired
          pending={release.isPending}
          onOk={(note) => release.mutate({ id: releasing.id, note })}
          onClose={() => setReleasing(null)}
          testId="stop-release"
        />
      )}
    </div>
  );
}
