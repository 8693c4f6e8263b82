import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, EyeOutlined, MessageOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { getPunishment, noticeUrl, type LeadEventDto, type PunishmentDetailDto } from '../../../api/cards.ts';
import { ApiError } from '../../../api/problem.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import type { Translate } from '../../../i18n/lang.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { canWork, isLeader } from '../shared/access.ts';
import { cardsErrorText } from '../shared/errors.ts';
import { EventTimeline, str, type TimelineEntry } from '../shared/event-timeline.tsx';
import { punishmentDetailKey } from '../shared/keys.ts';
import { deliveryLabel, groundLabel, liftReasonLabel, measureLabel, punishmentEventLabel, punishmentStatusLabel } from '../shared/labels.ts';
import { PunishmentStatusTag } from '../shared/tags.tsx';
import { AppealsPanel } from './appeals-panel.tsx';
import { StaffAppealModal } from './appeal-modals.tsx';
import { DecisionModal } from './decision-modal.tsx';
import { DeliveryModal } from './delivery-modal.tsx';
import { DeliveryCell, PeriodText } from './punishment-cells.tsx';

export function PunishmentDetailPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const t = useT();
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title={t('cards.punishment.notFound')} />;
  // Keyed by id: a revealed person must not stay on screen when the user follows a link to another one.
  return <PunishmentDetail key={id} id={id} />;
}

const COLORS: Record<string, string> = { proposed: 'blue', approved: 'red', rejected: 'gray', delivered: 'cyan', lifted: 'green', expired: 'green', 'appeal.upheld': 'green', 'appeal.rejected': 'gray' };

function describeEvent(t: Translate, e: LeadEventDto): TimelineEntry {
  const d = e.detail;
  const lines: string[] = [];
  if (e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus) lines.push(`${punishmentStatusLabel(t, e.fromStatus)} → ${punishmentStatusLabel(t, e.toStatus)}`);
  if (Array.isArray(d.grounds)) lines.push(d.grounds.map((g) => groundLabel(t, String(g))).join(t('cards.sep')));
  const ends = str(d.endsAt);
  if (e.kind === 'approved' && ends) lines.push(t('cards.timeline.until', { at: formatDateTime(ends) }));
  const method = str(d.method);
  if (e.kind === 'delivered' && method) lines.push(`${deliveryLabel(t, method)} · ${formatDateTime(str(d.at))}`);
  const appealId = str(d.appealId);
  if (appealId && e.kind.startsWith('appeal.')) lines.push(t('cards.appeal.no', { id: appealId }) + (d.by === 'partner' ? ` · ${t('cards.appeal.byPartner')}` : d.by === 'staff' ? ` · ${t('cards.appeal.byStaff')}` : ''));
  const reason = str(d.reason);
  if (reason) lines.push(liftReasonLabel(t, reason));
  const text = str(d.answer) ?? str(d.note);
  if (text) lines.push(text);
  return { title: punishmentEventLabel(t, e.kind), color: COLORS[e.kind] ?? 'gray', lines };
}

/** The audited reveal of the person; the unmasked fields stay in the page's state, never in the cache. */
function usePersonReveal(id: number) {
  const t = useT();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [revealed, setRevealed] = useState<Pick<PunishmentDetailDto, 'personName' | 'personIdNumber'> | null>(null);
  const reveal = useMutation({
    mutationFn: () => getPunishment(id, true),
    onSuccess: (p) => {
      setRevealed({ personName: p.personName, personIdNumber: p.personIdNumber });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  const ask = () =>
    modal.confirm({
      title: t('cards.reveal.personTitle'),
      content: t('cards.reveal.body'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'person-reveal-confirm' },
      onOk: () => reveal.mutateAsync().catch(() => undefined),
    });
  return { revealed, ask, pending: reveal.isPending };
}

const WAITING_POLL_MS = 20_000;

/** A proposal waits for a leader, an open appeal for the center: others move it, not this page. */
function waiting(p: PunishmentDetailDto | undefined): boolean {
  return !!p && (p.status === 'proposed' || p.appeals.some((a) => a.status === 'submitted' || a.status === 'accepted' || a.status === 'reviewing'));
}

type Dialog = 'approve' | 'reject' | 'delivery' | 'appeal' | null;

function PunishmentDetail({ id }: { id: number }) {
  const me = useCurrentUser();
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  // Always fetched on opening, and asked again while it waits on someone else (a decision, an appeal's step):
  // nothing announces those changes.
  const detail = useQuery({
    queryKey: punishmentDetailKey(id),
    queryFn: () => getPunishment(id),
    staleTime: 0,
    refetchOnWindowFocus: true,
    refetchInterval: (q) => (waiting(q.state.data) ? WAITING_POLL_MS : false),
    meta: { handlesError: true },
  });
  const reveal = usePersonReveal(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const back = () => (location.key !== 'default' ? void navigate(-1) : void navigate('/cards/punishments'));
  const header = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={back} className="fz-cd-back" data-testid="punishment-back">
      {t('cards.punishment.back')}
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
    return <Result status={missing ? '404' : 'warning'} title={missing ? t('cards.punishment.notFound') : cardsErrorText(t, detail.error)} extra={header} />;
  }
  const p = detail.data;
  const person = reveal.revealed ?? p;
  const worker = canWork(me.role);
  const leader = isLeader(me.role);
  const hasNotice = p.status === 'active' || p.status === 'lifted' || p.status === 'expired';
  const openAppeal = p.appeals.some((a) => a.status === 'submitted' || a.status === 'accepted' || a.status === 'reviewing');
  const f = p.findings;
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  const items: DescriptionsProps['items'] = [
    {
      key: 'person',
      label: t('cards.field.person'),
      children: (
        <Space size={8} wrap>
          <span data-testid="punishment-person">{person.personName}</span>
          <span className="fz-cd-mono" data-testid="punishment-id-number">
            {person.personIdNumber}
          </span>
          {reveal.revealed ? (
            <Tag color="orange">{t('cards.reveal.revealed')}</Tag>
          ) : (
            <Button size="small" icon={<EyeOutlined />} onClick={reveal.ask} loading={reveal.pending} data-testid="person-reveal">
              {t('cards.reveal.button')}
            </Button>
          )}
        </Space>
      ),
    },
    { key: 'unit', label: t('cards.field.proposedBy'), children: p.orgName },
    { key: 'proposed', label: t('cards.field.proposedAt'), children: formatDateTime(p.proposedAt) },
    {
      key: 'findings',
      label: t('cards.field.findings'),
      children: t('cards.punishment.findingsLine', { cards: num(f.cards), times: num(f.times), counterparties: num(f.counterparties), convicted: f.convicted === true ? t('cards.punishment.convictedYes') : t('cards.punishment.convictedNo') }),
    },
    { key: 'grounds', label: t('cards.field.grounds'), children: p.grounds.map((g) => groundLabel(t, g)).join(t('cards.sep')) },
    { key: 'period', label: t('cards.field.period'), children: <span data-testid="punishment-period"><PeriodText p={p} /> {p.startsAt && t('cards.punishment.years', { n: p.years })}</span> },
    { key: 'delivery', label: t('cards.field.delivery'), children: <span data-testid="punishment-delivery"><DeliveryCell p={p} />{p.deliveredAt && formatDateTime(p.deliveredAt)}</span> },
    ...(p.approvedAt ? [{ key: 'approved', label: t('cards.field.approvedAt'), children: formatDateTime(p.approvedAt) }] : []),
    ...(p.leadIds.length
      ? [
          {
            key: 'leads',
            label: t('cards.field.leads'),
            children: (
              <Space size={4} wrap>
                {p.leadIds.map((l) => (
                  <Link key={l} to={`/cards/leads/${l}`}>
                    {t('cards.punishment.leadLink', { id: l })}
                  </Link>
                ))}
              </Space>
            ),
          },
        ]
      : []),
    {
      key: 'measures',
      label: t('cards.field.measures'),
      span: 'filled',
      children: (
        <ul className="fz-cd-measures">
          {p.measures.map((m) => (
            <li key={m}>{measureLabel(t, m)}</li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <div className="fz-cd-detail" data-testid="punishment-detail" data-status={p.status} data-notice-no={p.noticeNo}>
      {header}
      <Card variant="borderless" size="small" className="fz-gap-bottom">
        <div className="fz-cd-detail-head">
          <Space size={8} wrap>
            <Typography.Title level={4} className="fz-cd-detail-title fz-cd-mono" data-testid="notice-no">
              {p.noticeNo}
            </Typography.Title>
            <PunishmentStatusTag status={p.status} />
          </Space>
          <Space size={8} wrap>
            {leader && p.status === 'proposed' && (
              <>
                <Button type="primary" icon={<CheckOutlined />} onClick={() => setDialog('approve')} data-testid="decision-approve">
                  {t('cards.decision.approve')}
                </Button>
                <Button danger icon={<CloseOutlined />} onClick={() => setDialog('reject')} data-testid="decision-reject">
                  {t('cards.decision.reject')}
                </Button>
              </>
            )}
            {hasNotice && (
              // The notice is a page of its own, printed from the browser; opened in a new tab it keeps this one.
              <Button icon={<PrinterOutlined />} href={noticeUrl(p.id)} target="_blank" rel="noopener" data-testid="notice-open">
                {t('cards.notice.open')}
              </Button>
            )}
            {worker && p.status === 'active' && (
              <Button type={p.deliveredAt ? 'default' : 'primary'} icon={<SendOutlined />} onClick={() => setDialog('delivery')} data-testid="delivery-open">
                {t(p.deliveredAt ? 'cards.delivery.change' : 'cards.delivery.record')}
              </Button>
            )}
            {worker && p.status === 'active' && !openAppeal && (
              <Button icon={<MessageOutlined />} onClick={() => setDialog('appeal')} data-testid="staff-appeal-open">
                {t('cards.appeal.staff')}
              </Button>
            )}
          </Space>
        </div>
        {p.status === 'proposed' && !leader && <Alert type="info" showIcon className="fz-gap-top" title={t('cards.punishment.waitLeader')} />}
        {p.status === 'active' && !p.deliveredAt && <Alert type="warning" showIcon className="fz-gap-top" title={t('cards.punishment.deliverHint')} data-testid="deliver-hint" />}
        {p.liftedAt && (
          <Alert
            type="success"
            showIcon
            className="fz-gap-top"
            data-testid="punishment-lifted"
            title={t(p.status === 'expired' ? 'cards.punishment.expiredLine' : 'cards.punishment.liftedLine', { at: formatDateTime(p.liftedAt), reason: liftReasonLabel(t, p.liftReason ?? '') })}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} className="fz-gap-top" />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <AppealsPanel p={p} />
        </Col>
        <Col xs={24} xl={10}>
          <Card variant="borderless" size="small" title={t('cards.punishment.timeline')}>
            <EventTimeline events={p.events} describe={(e) => describeEvent(t, e)} testId="punishment-timeline" />
          </Card>
        </Col>
      </Row>
      {(dialog === 'approve' || dialog === 'reject') && <DecisionModal p={p} approve={dialog === 'approve'} onClose={() => setDialog(null)} />}
      {dialog === 'delivery' && <DeliveryModal p={p} onClose={() => setDialog(null)} />}
      {dialog === 'appeal' && <StaffAppealModal p={p} onClose={() => setDialog(null)} />}
    </div>
  );
}
