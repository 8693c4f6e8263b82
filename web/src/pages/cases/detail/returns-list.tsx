import { CheckOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Popconfirm, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { approveReturn, type ReturnDto } from '../../../api/cases.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { formatDuration } from '../../warnings/shared/duration.ts';
import { useNow } from '../../warnings/shared/use-now.ts';
import { canApproveReturn } from '../shared/access.ts';
import { returnMethodLabel } from '../shared/labels.ts';
import { yuan } from '../shared/money.ts';
import { rowAttrs } from '../shared/row-attrs.ts';
import { ReturnStatusTag } from '../shared/tags.tsx';
import { useCaseRefresh } from './use-case-mutation.ts';

/** The 30-day notice of a pro-rata return, ticking; others whose money is in the account may claim meanwhile. */
function NoticeCountdown({ until }: { until: string }) {
  const t = useT();
  const now = useNow();
  const left = new Date(until).getTime() - now;
  return (
    <Tooltip title={t('cases.return.noticeUntil', { at: formatDateTime(until) })}>
      {left > 0 ? (
        <Typography.Text type="warning" className="fz-small fz-nowrap" data-notice="running">
          {t('cases.return.noticeLeft', { time: formatDuration(t, left) })}
        </Typography.Text>
      ) : (
        <Typography.Text type="success" className="fz-small fz-nowrap" data-notice="over">
          {t('cases.return.noticeOver')}
        </Typography.Text>
      )}
    </Tooltip>
  );
}

/** The returns planned from one freeze: who gets what, where each stands, and the center's approval. */
export function ReturnsList({ caseId, returns }: { caseId: number; returns: ReturnDto[] }) {
  const t = useT();
  const me = useCurrentUser();
  const now = useNow();
  const { apply, onConflict } = useCaseRefresh(caseId);
  const approve = useMutation({
    mutationFn: (id: number) => approveReturn(id),
    onSuccess: async (r) => {
      showSuccess(t('cases.return.approved', { id: r.id }));
      await apply();
    },
    onError: onConflict,
  });
  const approver = canApproveReturn(me.role);

  const columns: TableColumnsType<ReturnDto> = [
    {
      key: 'no',
      title: t('cases.return.no'),
      render: (_v, r) => (
        <Tooltip title={t('cases.return.noHint')}>
          <Typography.Text strong copyable={{ text: String(r.id) }} className="fz-nowrap" data-testid={`return-no-${r.id}`}>
            #{r.id}
          </Typography.Text>
        </Tooltip>
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
              {s.caseId === caseId ? <Typography.Text>{s.caseNo}</Typography.Text> : <Link to={`/cases/${s.caseId}?tab=freezes`}>{s.caseNo}</Link>}
              <Typography.Text strong> ¥{yuan(s.amount)}</Typography.Text>
              <Typography.Text type="secondary" className="fz-small">
                {' '}
                {t('cases.return.basis', { amount: yuan(s.basis) })}
              </Typography.Text>
            </span>
          ))}
        </div>
      ),
    },
    {
      key: 'status',
      title: t('cases.stops.status'),
      render: (_v, r) => (
        <div className="fz-cs-stack">
          <ReturnStatusTag status={r.status} />
          {r.status === 'noticed' && r.noticeUntil && <NoticeCountdown until={r.noticeUntil} />}
          {r.status === 'approved' && (
            <Typography.Text type="secondary" className="fz-small">
              {t('cases.return.waitingBank')}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      key: 'times',
      title: t('cases.stops.times'),
      render: (_v, r) => (
        <div className="fz-cs-stack fz-small">
          {r.approvedAt && <span>{t('cases.return.approvedAt', { at: formatDateTime(r.approvedAt) })}</span>}
          {r.paidAt && <span>{t('cases.return.paidAt', { at: formatDateTime(r.paidAt) })}</span>}
          {r.bankReference && (
            <Typography.Text type="secondary" className="fz-small" copyable={{ text: r.bankReference }}>
              {t('cases.return.reference', { ref: r.bankReference })}
            </Typography.Text>
          )}
          {!r.approvedAt && !r.paidAt && <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
        </div>
      ),
    },
    ...(approver
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_v: unknown, r: ReturnDto) => {
              if (r.status !== 'noticed') return null;
              const running = r.noticeUntil !== null && new Date(r.noticeUntil).getTime() > now;
              return (
                <Popconfirm
                  title={t('cases.return.approveConfirm', { amount: yuan(r.totalAmount) })}
                  okText={t('cases.return.approve')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => approve.mutateAsync(r.id).catch(() => undefined)}
                  disabled={running}
                >
                  <Tooltip title={running ? t('cases.return.approveWait') : undefined}>
                    <Button type="link" size="small" icon={<CheckOutlined />} disabled={running} loading={approve.isPending && approve.variables === r.id} data-testid={`return-approve-${r.id}`}>
                      {t('cases.return.approve')}
                    </Button>
                  </Tooltip>
                </Popconfirm>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <Table<ReturnDto>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={returns}
      pagination={false}
      scroll={{ x: 'max-content' }}
      className="fz-nowrap-table fz-cs-returns-table"
      locale={{ emptyText: t('cases.return.none') }}
      onRow={(r) => rowAttrs({ 'data-testid': `return-row-${r.id}`, 'data-status': r.status, 'data-method': r.method })}
    />
  );
}
