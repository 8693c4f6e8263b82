import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Result, Space, Spin, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { getAlertDetail, type AlertDetailDto } from '../../../api/risk.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../lib/notify.ts';
import { moduleAccess } from '../../../layout/modules.ts';
import { AccountText } from '../../cases/shared/account-text.tsx';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { decidesAlerts, outcomesFor } from './access.ts';
import { ShadowTag } from './alert-cells.tsx';
import { AlertReasons, AlertTimeline, AlertTransactions } from './alert-evidence.tsx';
import { alertKey } from './keys.ts';
import { score, typologyLabel } from './labels.ts';
import { OutcomeForm } from './outcome-form.tsx';
import { AlertStatusTag, DecisionTag } from './tags.tsx';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Typography.Title level={5} className="fz-risk-section">
        {title}
      </Typography.Title>
      {children}
    </>
  );
}

function Body({ alert }: { alert: AlertDetailDto }) {
  const me = useCurrentUser();
  const t = useT();
  const phone = usePhone();
  const outcomes = outcomesFor(me.role, alert);
  // A case number links to the case file for those who work the cases module (not a bank).
  const caseLink = alert.caseId !== null && moduleAccess(me.role, 'cases') !== null;
  const items: DescriptionsProps['items'] = [
    { key: 'account', label: t('risk.col.account'), children: <AccountText account={alert.account} strong /> },
    { key: 'bank', label: t('risk.col.bank'), children: alert.bank },
    ...(me.role === 'bank_liaison' ? [] : [{ key: 'org', label: t('risk.col.org'), children: alert.orgName }]),
    { key: 'raised', label: t('risk.col.raisedAt'), children: formatDateTime(alert.raisedAt) },
    { key: 'score', label: t('risk.col.score'), children: <Typography.Text strong>{score(alert.score)}</Typography.Text> },
    { key: 'typology', label: t('risk.col.typology'), children: typologyLabel(t, alert.typology) },
    { key: 'tx', label: t('risk.detail.txId'), children: <Typography.Text className="fz-risk-mono">{alert.txId}</Typography.Text> },
    { key: 'version', label: t('risk.detail.version'), children: alert.rulesVersion },
    ...(alert.decidedAt
      ? [
          { key: 'decidedAt', label: t('risk.detail.decidedAt'), children: formatDateTime(alert.decidedAt) },
          { key: 'decidedBy', label: t('risk.detail.decidedBy'), children: alert.decidedBy ?? t('common.none') },
        ]
      : []),
    ...(alert.outcomeNote ? [{ key: 'note', label: t('risk.detail.note'), span: 'filled' as const, children: <span className="fz-risk-pre">{alert.outcomeNote}</span> }] : []),
    ...(alert.caseId !== null
      ? [{ key: 'case', label: t('risk.detail.case'), children: caseLink ? <Link to={`/cases/${alert.caseId}`} data-testid="alert-case-link">#{alert.caseId}</Link> : `#${alert.caseId}` }]
      : []),
    ...(alert.stopPaymentId !== null ? [{ key: 'stop', label: t('risk.detail.stopPayment'), children: <span data-testid="alert-stop-payment">{t('risk.detail.stopPaymentNo', { id: alert.stopPaymentId })}</span> }] : []),
  ];
  const notice = alert.shadow ? 'risk.detail.shadowNote' : !decidesAlerts(me.role) ? 'risk.detail.readOnly' : outcomes.length === 0 ? 'risk.detail.final' : null;
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} bordered className="fz-gap-bottom" />
      <Section title={t('risk.detail.reasons')}>
        <AlertReasons alert={alert} />
      </Section>
      <Section title={t('risk.outcome.title')}>
        {notice ? <Alert type={alert.shadow ? 'warning' : 'info'} showIcon title={t(notice)} data-testid="alert-no-actions" /> : <OutcomeForm key={alert.status} alert={alert} outcomes={outcomes} />}
      </Section>
      <Section title={t('risk.detail.transactions')}>
        <AlertTransactions alert={alert} phone={phone} />
      </Section>
      <Section title={t('risk.detail.timeline')}>
        <AlertTimeline alert={alert} />
      </Section>
    </>
  );
}

/** One alert: what it is about, why it was raised, what the caller may do with it, the evidence and the history. */
export function AlertDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const phone = usePhone();
  const detail = useQuery({ queryKey: alertKey(id), queryFn: () => getAlertDetail(id), meta: { handlesError: true } });
  const a = detail.data;
  return (
    <Drawer
      open
      onClose={onClose}
      size={phone ? '100%' : 860}
      title={
        <Space size={8} wrap>
          <span>{t('risk.detail.title', { id })}</span>
          {a && <AlertStatusTag status={a.status} />}
          {a && <DecisionTag decision={a.decision} />}
          {a?.shadow && <ShadowTag />}
        </Space>
      }
      data-testid="alert-drawer"
      data-alert-id={id}
      data-status={a?.status ?? ''}
    >
      {a ? (
        <Body alert={a} />
      ) : detail.isError ? (
        <Result status="warning" title={errorText(detail.error)} />
      ) : (
        <Spin className="fz-page-spin" />
      )}
    </Drawer>
  );
}
