import { Progress, Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import type { AlertDetailDto, AlertStatus, AlertTxDto } from '../../../api/risk.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { AccountText } from '../../cases/shared/account-text.tsx';
import { channelLabel } from '../../cases/shared/labels.ts';
import { yuan } from '../../cases/shared/money.ts';
import { rowAttrs } from '../../cases/shared/row-attrs.ts';
import { alertStatusLabel, decisionLabel, ruleLabel, score } from './labels.ts';
import { DecisionTag } from './tags.tsx';

/** Why the engine raised the alert: each rule that fired, strongest first, with its strength and the engine's words. */
export function AlertReasons({ alert }: { alert: AlertDetailDto }) {
  const t = useT();
  return (
    <div data-testid="alert-reasons" data-count={alert.reasons.length} className="fz-risk-reasons">
      {alert.reasons.map((r, i) => (
        <div key={`${r.subRule}-${i}`} className="fz-risk-reason-row" data-testid="alert-reason" data-rule={r.rule}>
          <div className="fz-risk-reason-head">
            <Typography.Text strong>{ruleLabel(t, r.rule)}</Typography.Text>
            <Typography.Text type="secondary" className="fz-small fz-risk-mono">
              {r.subRule}
            </Typography.Text>
            <span className="fz-risk-strength" title={t('risk.detail.strength')}>
              <Progress percent={Math.round(r.strength * 100)} size="small" showInfo={false} strokeColor={r.strength >= 0.8 ? '#cf1322' : '#fa8c16'} />
              <Typography.Text className="fz-small">{score(r.strength)}</Typography.Text>
            </span>
          </div>
          <Typography.Text>{r.reason}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

const str = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

/**
 * The alert's history: raised by the engine, then every decision with who, when, the note and what it set in
 * motion (allow-list days, the case, the stop-payment request).
 */
export function AlertTimeline({ alert }: { alert: AlertDetailDto }) {
  const t = useT();
  const label = (s: string | null) => (s ? alertStatusLabel(t, s as AlertStatus) : t('common.none'));
  const raised = {
    key: 'raised',
    color: 'blue',
    content: (
      <div data-testid="alert-event-raised">
        <Typography.Text strong>{t('risk.event.raised', { decision: decisionLabel(t, alert.decision), score: score(alert.score), version: alert.rulesVersion })}</Typography.Text>
        <div>
          <Typography.Text type="secondary" className="fz-small">
            {formatDateTime(alert.raisedAt)} · {t('risk.event.system')}
          </Typography.Text>
        </div>
      </div>
    ),
  };
  const decided = alert.events.map((e, i) => {
    const note = str(e.detail.note);
    const days = str(e.detail.allowDays);
    const caseId = str(e.detail.caseId);
    const stop = str(e.detail.stopPaymentId);
    return {
      key: `${e.at}-${i}`,
      color: e.toStatus === 'false_positive' ? 'gray' : e.toStatus === 'escalated' ? 'orange' : 'red',
      content: (
        <div data-testid={`alert-event-${e.toStatus ?? e.kind}`}>
          <Typography.Text strong>{t('risk.event.outcome', { from: label(e.fromStatus), to: label(e.toStatus) })}</Typography.Text>
          {note && <div className="fz-risk-pre">{note}</div>}
          {days && <div>{t('risk.event.allowDays', { days })}</div>}
          {(caseId || stop) && <div>{[caseId && t('risk.event.case', { id: caseId }), stop && t('risk.event.stop', { id: stop })].filter(Boolean).join(' · ')}</div>}
          <div>
            <Typography.Text type="secondary" className="fz-small">
              {formatDateTime(e.at)} · {e.actorName ?? t('risk.event.system')}
            </Typography.Text>
          </div>
        </div>
      ),
    };
  });
  return <Timeline data-testid="alert-timeline" items={[raised, ...decided]} />;
}

/** The account's latest transactions (both directions), the one that raised the alert marked. */
export function AlertTransactions({ alert, phone }: { alert: AlertDetailDto; phone: boolean }) {
  const t = useT();
  const outgoing = (x: AlertTxDto) => x.fromAccount === alert.account;
  const columns: TableColumnsType<AlertTxDto> = [
    {
      key: 'at',
      title: t('risk.tx.at'),
      render: (_v, x) => (
        <span className="fz-nowrap">
          {formatDateTime(x.at)}
          {x.txId === alert.txId && (
            <Tag color="red" className="fz-cs-inline-tag">
              {t('risk.tx.trigger')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      key: 'direction',
      title: t('risk.tx.direction'),
      render: (_v, x) => <Tag color={outgoing(x) ? 'orange' : 'green'}>{t(outgoing(x) ? 'risk.tx.out' : 'risk.tx.in')}</Tag>,
    },
    {
      key: 'counterparty',
      title: t('risk.tx.counterparty'),
      render: (_v, x) => (
        <div className="fz-cs-stack">
          <AccountText account={outgoing(x) ? x.toAccount : x.fromAccount} />
          <Typography.Text type="secondary" className="fz-small">
            {outgoing(x) ? x.toBank : x.fromBank}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'amount', title: t('risk.tx.amount'), align: 'right', render: (_v, x) => <Typography.Text strong={x.txId === alert.txId}>{yuan(x.amount)}</Typography.Text> },
    { key: 'channel', title: t('risk.tx.channel'), render: (_v, x) => channelLabel(t, x.channel) },
    { key: 'decision', title: t('risk.tx.decision'), render: (_v, x) => (x.decision === 'allow' ? <Typography.Text type="secondary">{decisionLabel(t, x.decision)}</Typography.Text> : <DecisionTag decision={x.decision} />) },
  ];
  return (
    <Table<AlertTxDto>
      data-testid="alert-transactions"
      rowKey="txId"
      size="small"
      columns={phone ? columns.filter((c) => c.key !== 'channel' && c.key !== 'decision') : columns}
      dataSource={alert.transactions}
      pagination={false}
      scroll={{ x: 'max-content' }}
      className="fz-nowrap-table"
      locale={{ emptyText: t('risk.tx.empty') }}
      rowClassName={(x) => (x.txId === alert.txId ? 'fz-risk-trigger' : '')}
      onRow={(x) => rowAttrs({ 'data-testid': `alert-tx-${x.txId}`, 'data-direction': outgoing(x) ? 'out' : 'in' })}
    />
  );
}
