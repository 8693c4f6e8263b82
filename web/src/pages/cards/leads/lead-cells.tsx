import { Space, Tag, Typography } from 'antd';
import type { LeadDto } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { leadSourceLabel } from '../shared/labels.ts';
import { KindTag, LeadStatusTag, OutcomeTag, OverdueTag } from '../shared/tags.tsx';

/** Status, overdue and outcome together: what a unit needs to see at a glance. */
export function LeadFlags({ lead }: { lead: LeadDto }) {
  return (
    <span className="fz-cd-flags">
      <LeadStatusTag status={lead.status} />
      {lead.overdue && <OverdueTag />}
      {lead.outcome && <OutcomeTag outcome={lead.outcome} />}
    </span>
  );
}

export function IdentifierCell({ lead }: { lead: LeadDto }) {
  return (
    <Space size={4}>
      <KindTag kind={lead.kind} />
      <span className="fz-cd-mono">{lead.identifier}</span>
    </Space>
  );
}

export function HolderCell({ lead }: { lead: LeadDto }) {
  const t = useT();
  if (!lead.holderName && !lead.holderIdNumber) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <span className="fz-cd-stack">
      <span>{lead.holderName ?? t('common.none')}</span>
      {lead.holderIdNumber && (
        <Typography.Text type="secondary" className="fz-small fz-cd-mono">
          {lead.holderIdNumber}
        </Typography.Text>
      )}
    </span>
  );
}

export function SourceTag({ lead }: { lead: LeadDto }) {
  const t = useT();
  const color = lead.source === 'ministry' ? 'geekblue' : lead.source === 'case' ? 'purple' : 'default';
  return (
    <Tag color={color} className="fz-cd-tag-small" data-source={lead.source}>
      {leadSourceLabel(t, lead.source)}
    </Tag>
  );
}

/** Where the card was opened: the branch or outlet by name when the caller can see it, else as reported. */
export function openedAtText(lead: LeadDto, orgName: (code: string | null) => string | null, none: string): string {
  if (lead.openedAtOrgCode) return orgName(lead.openedAtOrgCode) ?? lead.openedAtOrgCode;
  return lead.openedAtName ?? none;
}
