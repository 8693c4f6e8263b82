import { ClockCircleOutlined, LockOutlined, RollbackOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { CaseDetailDto, FreezeDto } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { AccountText } from '../shared/account-text.tsx';
import { ExpiryCountdown } from '../shared/expiry-countdown.tsx';
import { fromFen, yuan } from '../shared/money.ts';
import { rowAttrs } from '../shared/row-attrs.ts';
import { FreezeStatusTag } from '../shared/tags.tsx';
import { FreezeDocModal } from './freeze-doc-modal.tsx';
import { FreezeModal, type FreezeValues } from './freeze-modal.tsx';
import { availableFen, isLive, plannedFen } from './freeze-money.ts';
import { ReturnModal } from './return-modal.tsx';
import { ReturnsList } from './returns-list.tsx';

/** The sweeper warns a week before a freeze lapses (WARN_BEFORE_MS in freezes.service.ts): amber from then. */
const FREEZE_WARN_MS = 7 * 86_400_000;

/**
 * The case's freezes (冻结) with what each holds, when it lapses, and the returns (返还) planned from it.
 * Stops in force without a freeze yet are pointed out: a stop lasts days, a freeze months.
 */
export function FreezesTab({ c, writer }: { c: CaseDetailDto; writer: boolean }) {
  const t = useT();
  const [requesting, setRequesting] = useState<Partial<FreezeValues> | null>(null);
  const [doc, setDoc] = useState<{ freeze: FreezeDto; mode: 'renew' | 'release' } | null>(null);
  const [planning, setPlanning] = useState<FreezeDto | null>(null);
  const [toggled, setToggled] = useState<Record<number, boolean>>({});
  const rows = c.freezes;
  const returnsOf = (f: FreezeDto) => c.returns.filter((r) => r.freezeId === f.id);
  // Stops in force whose account has no live freeze: the money is held only until the stop lapses.
  const unfrozen = c.stopPayments.filter((s) => s.status === 'stopped' && !rows.some((f) => f.account === s.account && isLive(f)));
  const expanded = rows.filter((f) => toggled[f.id] ?? (f.status === 'frozen' || returnsOf(f).length > 0)).map((f) => f.id);

  const columns: TableColumnsType<FreezeDto> = [
    {
      key: 'account',
      title: t('cases.freeze.account'),
      render: (_v, f) => (
        <div className="fz-cs-stack">
          <AccountText account={f.account} />
          <Typography.Text type="secondary" className="fz-small">
            {f.bank}
            {f.bankOrgCode ? ` · ${f.bankOrgCode}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'document',
      title: t('cases.freeze.documentNo'),
      render: (_v, f) => (
        <div className="fz-cs-stack">
          <Typography.Text copyable={{ text: f.documentNo }} data-testid={`freeze-document-${f.id}`}>
            {f.documentNo}
          </Typography.Text>
          <Typography.Text type="secondary" className="fz-small">
            {t('cases.freeze.requestedAt', { at: formatDateTime(f.requestedAt) })}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('cases.freeze.kind'),
      render: (_v, f) => (
        <div className="fz-cs-stack">
          <span>{f.kind === 'limited' ? t('cases.freeze.limitedTo', { amount: yuan(f.limitAmount) }) : t('cases.freeze.kind.full')}</span>
          <Typography.Text type="secondary" className="fz-small">
            {t('cases.freeze.monthsN', { n: f.months })}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'status',
      title: t('cases.stops.status'),
      render: (_v, f) => (
        <div className="fz-cs-stack">
          <FreezeStatusTag status={f.status} />
          {f.status === 'frozen' && f.expiresAt && <ExpiryCountdown expiresAt={f.expiresAt} warnMs={FREEZE_WARN_MS} />}
          {f.status === 'requested' && (
            <Typography.Text type="secondary" className="fz-small">
              {t('cases.freeze.waitingBank')}
            </Typography.Text>
          )}
          {f.renewals > 0 && (
            <Typography.Text type="secondary" className="fz-small">
              {t('cases.freeze.renewalsN', { n: f.renewals })}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      key: 'frozen',
      title: t('cases.freeze.frozenAmount'),
      align: 'right',
      render: (_v, f) => (
        <div className="fz-cs-stack">
          {f.frozenAmount !== null ? (
            <Typography.Text type="success" strong className="fz-cs-amount" data-testid={`freeze-frozen-${f.id}`}>
              {yuan(f.frozenAmount)}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
          )}
          {f.frozenAt && (
            <Typography.Text type="secondary" className="fz-small">
              {t('cases.freeze.frozenAt', { at: formatDateTime(f.frozenAt) })}
            </Typography.Text>
          )}
          {f.responseNote && (
            <Typography.Text type="secondary" className="fz-small fz-cs-note" ellipsis={{ tooltip: f.responseNote }}>
              {f.responseNote}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      key: 'returned',
      title: t('cases.freeze.returnedAmount'),
      align: 'right',
      render: (_v, f) => {
        const planned = plannedFen(returnsOf(f));
        return (
          <div className="fz-cs-stack">
            <span className="fz-cs-amount" data-testid={`freeze-returned-${f.id}`}>
              {yuan(f.returnedAmount)}
            </span>
            {planned > 0 && (
              <Typography.Text type="warning" className="fz-small">
                {t('cases.freeze.planned', { amount: yuan(fromFen(planned)) })}
              </Typography.Text>
            )}
          </div>
        );
      },
    },
    ...(writer
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: 'end' as const,
            render: (_v: unknown, f: FreezeDto) =>
              f.status === 'frozen' ? (
                <Space size={0} wrap>
                  <Tooltip title={availableFen(f, c.returns) <= 0 ? t('cases.return.nothingLeft') : undefined}>
                    <Button
                      type="link"
                      size="small"
                      icon={<RollbackOutlined />}
                      disabled={availableFen(f, c.returns) <= 0}
                      onClick={() => setPlanning(f)}
                      data-testid={`freeze-return-${f.id}`}
                    >
                      {t('cases.return.plan')}
                    </Button>
                  </Tooltip>
                  <Button type="link" size="small" icon={<ClockCircleOutlined />} onClick={() => setDoc({ freeze: f, mode: 'renew' })} data-testid={`freeze-renew-${f.id}`}>
                    {t('cases.freeze.renew')}
                  </Button>
                  <Button type="link" size="small" danger icon={<UnlockOutlined />} onClick={() => setDoc({ freeze: f, mode: 'release' })} data-testid={`freeze-release-${f.id}`}>
                    {t('cases.freeze.release')}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <div data-testid="case-freezes" data-count={rows.length}>
      {unfrozen.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="fz-gap-bottom"
          data-testid="freezes-unfrozen"
          title={t('cases.freeze.unfrozenTitle', { n: unfrozen.length })}
          description={
            <div className="fz-cs-stack">
              <span>{writer ? t('cases.freeze.unfrozenBody') : t('cases.freeze.unfrozenReadOnly')}</span>
              <Space wrap size={[8, 4]}>
                {unfrozen.map((s) =>
                  writer ? (
                    <Button key={s.id} size="small" icon={<LockOutlined />} onClick={() => setRequesting({ account: s.account, bank: s.bank })} data-testid={`freeze-from-stop-${s.id}`}>
                      {t('cases.freeze.fromStopButton', { bank: s.bank, tail: s.account.slice(-4), amount: yuan(s.stoppedAmount ?? s.amount) })}
                    </Button>
                  ) : (
                    <Tag key={s.id}>{t('cases.freeze.fromStopButton', { bank: s.bank, tail: s.account.slice(-4), amount: yuan(s.stoppedAmount ?? s.amount) })}</Tag>
                  ),
                )}
              </Space>
            </div>
          }
        />
      )}
      {writer && (
        <div className="fz-cs-tab-bar">
          <Button type="primary" icon={<LockOutlined />} onClick={() => setRequesting({})} data-testid="freezes-request">
            {t('cases.freeze.request')}
          </Button>
        </div>
      )}
      <Table<FreezeDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        className="fz-nowrap-table fz-cs-freezes-table"
        locale={{ emptyText: t('cases.freeze.none') }}
        onRow={(f) => rowAttrs({ 'data-testid': `freeze-row-${f.id}`, 'data-status': f.status, 'data-account': f.account })}
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (open, f) => setToggled((s) => ({ ...s, [f.id]: open })),
          rowExpandable: (f) => f.status === 'frozen' || returnsOf(f).length > 0,
          expandedRowRender: (f) => (
            <div className="fz-cs-returns" data-testid={`returns-${f.id}`}>
              <Typography.Text strong>{t('cases.return.section')}</Typography.Text>
              <Typography.Text type="secondary" className="fz-small">
                {' '}
                {t('cases.return.availableLine', { amount: yuan(fromFen(availableFen(f, c.returns))) })}
              </Typography.Text>
              <ReturnsList caseId={c.id} returns={returnsOf(f)} />
            </div>
          ),
        }}
      />
      {requesting && <FreezeModal c={c} initial={requesting} onClose={() => setRequesting(null)} />}
      {doc && <FreezeDocModal caseId={c.id} freeze={doc.freeze} mode={doc.mode} onClose={() => setDoc(null)} />}
      {planning && <ReturnModal c={c} freeze={planning} onClose={() => setPlanning(null)} />}
    </div>
  );
}
