import { ArrowLeftOutlined, EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { getLead, startVerification, type LeadDetailDto, type LeadEventDto } from '../../../api/cards.ts';
import { ApiError } from '../../../api/problem.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import type { Translate } from '../../../i18n/lang.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { canWork, isCenterWorker } from '../shared/access.ts';
import { Deadline } from '../shared/deadline.tsx';
import { cardsErrorText } from '../shared/errors.ts';
import { leadDetailKey } from '../shared/keys.ts';
import { EventTimeline, str, type TimelineEntry } from '../shared/event-timeline.tsx';
import { leadEventLabel, leadKindLabel, leadSourceLabel, leadStatusLabel, outcomeLabel } from '../shared/labels.ts';
import { useOrgName } from '../shared/orgs.ts';
import { AssignModal } from './assign-modal.tsx';
import { LeadFlags, openedAtText } from './lead-cells.tsx';
import { OutcomeModal } from './outcome-modal.tsx';
import type { ProposeState } from '../punishments/propose-page.tsx';
import { useHolderReveal, type Holder } from './use-holder-reveal.ts';
import { useStartVerification } from './use-lead-step.ts';

/** Outcomes after which a joint punishment may follow (a proposal, or findings a court or the police made). */
const PUNISHABLE = ['punishment_proposal', 'criminal', 'administrative'];

export function LeadDetailPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const t = useT();
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title={t('cards.lead.notFound')} />;
  // Keyed by id: a revealed holder must not stay on screen when the user follows a link to another lead.
  return <LeadDetail key={id} id={id} />;
}

function describeEvent(t: Translate, e: LeadEventDto, orgName: (code: string | null) => string | null): TimelineEntry {
  const d = e.detail;
  const lines: string[] = [];
  if (e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus) lines.push(`${leadStatusLabel(t, e.fromStatus)} → ${leadStatusLabel(t, e.toStatus)}`);
  const source = str(d.source);
  if (e.kind === 'assigned' && source) lines.push(t('cards.timeline.source', { source: leadSourceLabel(t, source) }));
  const caseId = str(d.caseId);
  if (caseId) lines.push(t('cards.timeline.case', { id: caseId }));
  const org = str(d.orgCode);
  if (e.kind === 'reassigned' && org) lines.push(t('cards.timeline.reassigned', { org: orgName(org) ?? org, at: formatDateTime(str(d.dueAt)) }));
  const outcome = str(d.outcome);
  if (outcome) lines.push(outcomeLabel(t, outcome));
  const note = str(d.note);
  if (note) lines.push(note);
  const colors: Record<string, string> = { assigned: 'blue', reassigned: 'purple', verifying: 'cyan', closed: 'green' };
  return { title: leadEventLabel(t, e.kind), color: colors[e.kind] ?? 'gray', lines };
}

function HolderCard({ lead, revealed, onReveal, revealing }: { lead: LeadDetailDto; revealed: Holder | null; onReveal: () => void; revealing: boolean }) {
  const t = useT();
  const h = revealed ?? lead;
  const none = t('common.none');
  const empty = !lead.holderName && !lead.holderIdNumber && !lead.holderPhone;
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('cards.holder.name'), children: <span data-testid="lead-holder-name">{h.holderName ?? none}</span> },
    { key: 'id', label: t('cards.holder.idNumber'), children: <span className="fz-cd-mono" data-testid="lead-holder-id">{h.holderIdNumber ?? none}</span> },
    { key: 'phone', label: t('cards.holder.phone'), children: <span className="fz-cd-mono">{h.holderPhone ?? none}</span> },
  ];
  return (
    <Card
      variant="borderless"
      size="small"
      title={t('cards.lead.holder')}
      className="fz-cd-block"
      extra={
        empty ? null : revealed ? (
          <Tag color="orange">{t('cards.reveal.revealed')}</Tag>
        ) : (
          <Button size="small" icon={<EyeOutlined />} onClick={onReveal} loading={revealing} data-testid="lead-reveal">
            {t('cards.reveal.button')}
          </Button>
        )
      }
    >
      <Descriptions size="small" column={1} items={items} data-testid="lead-holder" />
    </Card>
  );
}

function LeadDetail({ id }: { id: number }) {
  const me = useCurrentUser();
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const orgName = useOrgName();
  // Always fetched on opening: another unit may have moved the lead since it was last seen.
  const detail = useQuery({ queryKey: leadDetailKey(id), queryFn: () => getLead(id), staleTime: 0, refetchOnWindowFocus: true, meta: { handlesError: true } });
  const reveal = useHolderReveal(id);
  const verify = useStartVerification(startVerification);
  const [modal, setModal] = useState<'outcome' | 'assign' | null>(null);
  const back = () => (location.key !== 'default' ? void navigate(-1) : void navigate('/cards'));
  const header = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={back} className="fz-cd-back" data-testid="lead-back">
      {t('cards.lead.back')}
    </Button>
  );
  if (detail.isPending) {
    return (
      <Card variant="borderless">
        {header}
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 403);
    return <Result status={missing ? '404' : 'warning'} title={missing ? t('cards.lead.notFound') : cardsErrorText(t, detail.error)} extra={header} />;
  }
  const l = detail.data;
  const none = t('common.none');
  const worker = canWork(me.role);
  const open = l.status !== 'closed';
  const canPropose = worker && l.status === 'closed' && l.outcome !== null && PUNISHABLE.includes(l.outcome);
  const propose = () => {
    const state: ProposeState = { leadId: l.id, leadNo: l.leadNo, personName: reveal.revealed?.holderName ?? undefined, personIdNumber: reveal.revealed?.holderIdNumber ?? undefined };
    void navigate(`/cards/punishments/new?lead=${l.id}`, { state });
  };
  const meta: DescriptionsProps['items'] = [
    { key: 'source', label: t('cards.field.source'), children: leadSourceLabel(t, l.source) },
    ...(l.externalId ? [{ key: 'external', label: t('cards.field.externalId'), children: <span className="fz-cd-mono">{l.externalId}</span> }] : []),
    { key: 'kind', label: t('cards.field.kind'), children: leadKindLabel(t, l.kind) },
    { key: 'identifier', label: t('cards.field.identifier'), children: <span className="fz-cd-mono" data-testid="lead-identifier">{l.identifier}</span> },
    { key: 'opened', label: t('cards.field.openedAt'), children: openedAtText(l, orgName, none) },
    { key: 'unit', label: t('cards.field.unit'), children: l.orgName },
    { key: 'deadline', label: t('cards.field.deadline'), children: <Deadline dueAt={l.dueAt} overdue={l.overdue} closedAt={l.closedAt} testId="lead-deadline" /> },
    { key: 'created', label: t('cards.field.createdAt'), children: formatDateTime(l.createdAt) },
    ...(l.caseId ? [{ key: 'case', label: t('cards.field.case'), children: <Link to={`/cases/${l.caseId}`}>{t('cards.lead.openCase', { id: l.caseId })}</Link> }] : []),
    ...(l.outcome ? [{ key: 'outcome', label: t('cards.field.outcome'), children: <span data-testid="lead-outcome">{outcomeLabel(t, l.outcome)}</span> }] : []),
    ...(l.outcomeNote ? [{ key: 'note', label: t('cards.field.outcomeNote'), children: l.outcomeNote }] : []),
  ];
  return (
    <div className="fz-cd-detail" data-testid="lead-detail" data-status={l.status} data-lead-no={l.leadNo}>
      {header}
      <Card variant="borderless" size="small" className="fz-gap-bottom">
        <div className="fz-cd-detail-head">
          <Space size={8} wrap>
            <Typography.Title level={4} className="fz-cd-detail-title fz-cd-mono" data-testid="lead-no">
              {l.leadNo}
            </Typography.Title>
            <LeadFlags lead={l} />
          </Space>
          <Space size={8} wrap>
            {worker && l.status === 'assigned' && (
              <Button loading={verify.isPending} onClick={() => verify.mutate(l.id)} data-testid="lead-verify">
                {t('cards.action.verify')}
              </Button>
            )}
            {worker && open && (
              <Button type={l.status === 'verifying' ? 'primary' : 'default'} onClick={() => setModal('outcome')} data-testid="lead-outcome-open">
                {t('cards.action.outcome')}
              </Button>
            )}
            {isCenterWorker(me.role) && open && (
              <Button onClick={() => setModal('assign')} data-testid="lead-assign">
                {t('cards.action.assign')}
              </Button>
            )}
            {canPropose && (
              <Button type={l.outcome === 'punishment_proposal' ? 'primary' : 'default'} icon={<SafetyCertificateOutlined />} onClick={propose} data-testid="lead-propose">
                {t('cards.action.propose')}
              </Button>
            )}
            {!worker && !isCenterWorker(me.role) && <Typography.Text type="secondary">{t('cards.readOnly')}</Typography.Text>}
          </Space>
        </div>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={meta} className="fz-gap-top" />
        {canPropose && !reveal.revealed && l.holderIdNumber && (
          <Typography.Paragraph type="secondary" className="fz-small fz-gap-top">
            {t('cards.lead.proposeHint')}
          </Typography.Paragraph>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <HolderCard lead={l} revealed={reveal.revealed} onReveal={reveal.ask} revealing={reveal.pending} />
        </Col>
        <Col xs={24} lg={14}>
          <Card variant="borderless" size="small" title={t('cards.lead.timeline')}>
            <EventTimeline events={l.events} describe={(e) => describeEvent(t, e, orgName)} testId="lead-timeline" />
          </Card>
        </Col>
      </Row>
      {modal === 'outcome' && <OutcomeModal lead={l} onClose={() => setModal(null)} />}
      {modal === 'assign' && <AssignModal lead={l} onClose={() => setModal(null)} />}
    </div>
  );
}
