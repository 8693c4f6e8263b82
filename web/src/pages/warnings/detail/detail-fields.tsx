import { Descriptions, Typography, type DescriptionsProps } from 'antd';
import { Link } from 'react-router-dom';
import type { WarningDetailDto } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { outcomeLabel, viaLabel } from '../shared/labels.ts';

const COLUMNS = { xs: 1, sm: 2, xl: 3 } as const;

/** Personal fields come from the audited reveal once the user asked for it, masked otherwise. */
export function PersonFields({ w }: { w: WarningDetailDto }) {
  const t = useT();
  const none = t('common.none');
  const cp = w.counterparty ?? {};
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('warnings.field.victimName'), children: <span data-testid="victim-name">{w.victimName ?? none}</span> },
    { key: 'phone', label: t('warnings.field.victimPhone'), children: <span data-testid="victim-phone">{w.victimPhone}</span> },
    { key: 'id', label: t('warnings.field.victimIdNumber'), children: w.victimIdNumber ?? none },
    { key: 'address', label: t('warnings.field.address'), children: w.address ?? none },
    { key: 'region', label: t('warnings.field.regionCode'), children: w.regionCode ?? none },
    { key: 'cpPhone', label: t('warnings.field.counterpartyPhone'), children: cp.phone ?? none },
    { key: 'cpAccount', label: t('warnings.field.counterpartyAccount'), children: cp.account ?? none },
    { key: 'cpUrl', label: t('warnings.field.counterpartyUrl'), children: cp.url ? <Typography.Text className="fz-break">{cp.url}</Typography.Text> : none },
  ];
  return <Descriptions size="small" column={COLUMNS} items={items} data-testid="warning-person" />;
}

export function WarningFields({ w, orgName }: { w: WarningDetailDto; orgName: (code: string) => string }) {
  const t = useT();
  const none = t('common.none');
  const items: DescriptionsProps['items'] = [
    { key: 'externalId', label: t('warnings.field.externalId'), children: <Typography.Text copyable>{w.externalId}</Typography.Text> },
    { key: 'source', label: t('warnings.field.source'), children: w.source },
    { key: 'fraudType', label: t('warnings.field.fraudType'), children: w.fraudType ?? none },
    { key: 'detectedAt', label: t('warnings.field.detectedAt'), children: formatDateTime(w.detectedAt) },
    { key: 'receivedAt', label: t('warnings.field.receivedAt'), children: formatDateTime(w.receivedAt) },
    { key: 'dueAt', label: t('warnings.field.dueAt'), children: formatDateTime(w.dueAt) },
    { key: 'unit', label: t('warnings.field.unit'), children: w.assignedOrgName },
    { key: 'via', label: t('warnings.field.routedVia'), children: viaLabel(t, w.routedVia) },
    {
      key: 'escalation',
      label: t('warnings.field.escalation'),
      children: w.escalationLevel > 0 && w.escalatedOrgCode ? t('warnings.escalatedTo', { n: w.escalationLevel, org: orgName(w.escalatedOrgCode) }) : none,
    },
    { key: 'ack', label: t('warnings.field.acknowledgedAt'), children: w.acknowledgedAt ? formatDateTime(w.acknowledgedAt) : none },
    { key: 'closed', label: t('warnings.field.closedAt'), children: w.closedAt ? formatDateTime(w.closedAt) : none },
    {
      key: 'repeat',
      label: t('warnings.field.repeatOf'),
      children: w.repeatOfId ? <Link to={`/warnings/${w.repeatOfId}`}>{t('warnings.repeatOfLink', { id: w.repeatOfId })}</Link> : none,
    },
    ...(w.outcome
      ? [
          { key: 'outcome', label: t('warnings.field.outcome'), children: <span data-testid="warning-outcome">{outcomeLabel(t, w.outcome)}</span> },
          { key: 'outcomeNote', label: t('warnings.field.outcomeNote'), children: w.outcomeNote ?? none },
          ...(w.lossAmount ? [{ key: 'loss', label: t('warnings.field.lossAmount'), children: w.lossAmount }] : []),
          ...(w.case
            ? [{ key: 'case', label: t('warnings.field.case'), children: <Link to={`/cases/${w.case.id}`} data-testid="warning-case">{w.case.caseNo}</Link> }]
            : []),
        ]
      : []),
    ...(w.note ? [{ key: 'note', label: t('warnings.field.note'), children: w.note, span: 'filled' as const }] : []),
  ];
  return <Descriptions size="small" column={COLUMNS} items={items} data-testid="warning-fields" />;
}
