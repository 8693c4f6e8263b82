import { ArrowLeftOutlined, EyeOutlined, MessageOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Result, Row, Skeleton, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { acceptRestrictionAppeal, getRestriction, reviewRestrictionAppeal, type AppealDto, type LeadEventDto, type RestrictionDetailDto } from '../../../api/cards.ts';
import { ApiError } from '../../../api/problem.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import type { Translate } from '../../../i18n/lang.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { isCenterWorker, isPartner } from '../shared/access.ts';
import { AppealCard, isOpenAppeal } from '../shared/appeal-card.tsx';
import { cardsErrorText } from '../shared/errors.ts';
import { EventTimeline, str, type TimelineEntry } from '../shared/event-timeline.tsx';
import { restrictionDetailKey } from '../shared/keys.ts';
import { leadKindLabel, liftReasonLabel, restrictionEventLabel, restrictionMeasureLabel, restrictionStatusLabel } from '../shared/labels.ts';
import { RestrictionMeasureTag, RestrictionStatusTag } from '../shared/tags.tsx';
import type { ReportedState } from './restriction-report-page.tsx';
import { LiftModal, RestrictionAnswerModal, RestrictionAppealModal } from './restriction-modals.tsx';
import { useRestrictionStep } from './use-restriction-step.ts';

export function RestrictionDetailPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const t = useT();
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title={t('cards.restriction.notFound')} />;
  // Keyed by id: a revealed holder must not stay on screen when the user follows a link to another one.
  return <RestrictionDetail key={id} id={id} />;
}

const COLORS: Record<string, string> = { restricted: 'red', lifted: 'green', 'appeal.submitted': 'gold', 'appeal.accepted': 'blue', 'appeal.reviewing': 'blue', 'appeal.upheld': 'green', 'appeal.rejected': 'gray' };

function describeEvent(t: Translate, e: LeadEventDto): TimelineEntry {
  const d = e.detail;
  const lines: string[] = [];
  if (e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus) lines.push(`${restrictionStatusLabel(t, e.fromStatus)} → ${restrictionStatusLabel(t, e.toStatus)}`);
  const measure = str(d.measure);
  if (e.kind === 'restricted' && measure) lines.push(`${restrictionMeasureLabel(t, measure)} · ${formatDateTime(str(d.restrictedAt))}`);
  const appealId = str(d.appealId);
  if (appealId) lines.push(t('cards.appeal.no', { id: appealId }) + (d.by === 'partner' ? ` · ${t('cards.rappeal.byInstitution')}` : d.by === 'staff' ? ` · ${t('cards.rappeal.byCenter')}` : ''));
  const reason = str(d.reason);
  if (e.kind === 'lifted' && reason) lines.push(liftReasonLabel(t, reason));
  const text = str(d.answer) ?? str(d.note);
  if (text) lines.push(text);
  return { title: restrictionEventLabel(t, e.kind), color: COLORS[e.kind] ?? 'gray', lines };
}

/** The audited reveal of the holder; the unmasked fields stay in the page's state, never in the cache. */
function useHolderReveal(id: number) {
  const t = useT();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [revealed, setRevealed] = useState<Pick<RestrictionDetailDto, 'holderName' | 'holderIdNumber'> | null>(null);
  const reveal = useMutation({
    mutationFn: () => getRestriction(id, true),
    onSuccess: (r) => {
      setRevealed({ holderName: r.holderName, holderIdNumber: r.holderIdNumber });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  const ask = () =>
    modal.confirm({
      title: t('cards.reveal.title'),
      content: t('cards.reveal.body'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'restriction-reveal-confirm' },
      onOk: () => reveal.mutateAsync().catch(() => undefined),
    });
  return { revealed, ask, pending: reveal.isPending };
}

/** The institution's steps on an appeal against its restriction: accept, review, answer. The center reads. */
function RestrictionAppeal({ a }: { a: AppealDto }) {
  const me = useCurrentUser();
  const t = useT();
  const [answering, setAnswering] = useState(false);
  const accept = useRestrictionStep(acceptRestrictionAppeal, () => t('cards.appeal.acceptedDone', { id: a.id }));
  const review = useRestrictionStep(reviewRestrictionAppeal, () => t('cards.appeal.reviewDone', { id: a.id }));
  const partner = isPartner(me.role);
  return (
    <AppealCard a={a} subject="restriction">
      <Space size={8} wrap>
        {partner && a.status === 'submitted' && (
          <Button type="primary" loading={accept.isPending} onClick={() => accept.mutate(a.id)} data-testid={`rappeal-accept-${a.id}`}>
            {t('cards.appeal.accept')}
          </Button>
        )}
        {partner && a.status === 'accepted' && (
          <Button type="primary" loading={review.isPending} onClick={() => review.mutate(a.id)} data-testid={`rappeal-review-${a.id}`}>
            {t('cards.appeal.review')}
          </Button>
        )}
        {partner && a.status === 'reviewing' && (
          <Button type="primary" onClick={() => setAnswering(true)} data-testid={`rappeal-answer-open-${a.id}`}>
            {t('cards.appeal.answer')}
          </Button>
        )}
        {!partner && isOpenAppeal(a.status) && (
          <Typography.Text type="secondary" className="fz-small">
            {t('cards.rappeal.waitInstitution')}
          </Typography.Text>
        )}
      </Space>
      {answering && <RestrictionAnswerModal appeal={a} onClose={() => setAnswering(false)} />}
    </AppealCard>
  );
}

const WAITING_POLL_MS = 20_000;

type Dialog = 'lift' | 'appeal' | null;

function RestrictionDetail({ id }: { id: number }) {
  const me = useCurrentUser();
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  // An open appeal is moved by the institution (or answered for the center to see): asked again while it waits.
  const detail = useQuery({
    queryKey: restrictionDetailKey(id),
    queryFn: () => getRestriction(id),
    staleTime: 0,
    refetchOnWindowFocus: true,
    refetchInterval: (q) => (q.state.data?.appeals.some((a) => isOpenAppeal(a.status)) ? WAITING_POLL_MS : false),
    meta: { handlesError: true },
  });
  const reveal = useHolderReveal(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const reported = location.state as ReportedState | null;
  const back = () => (location.key !== 'default' && !reported ? void navigate(-1) : void navigate('/cards/restrictions'));
  const header = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={back} className="fz-cd-back" data-testid="restriction-back">
      {t('cards.restriction.back')}
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
    return <Result status={missing ? '404' : 'warning'} title={missing ? t('cards.restriction.notFound') : cardsErrorText(t, detail.error)} extra={header} />;
  }
  const r = detail.data;
  const holder = reveal.revealed ?? r;
  const partner = isPartner(me.role);
  const inForce = r.status === 'in_force';
  const openAppeal = r.appeals.some((a) => isOpenAppeal(a.status));
  const none = t('common.none');
  const hasHolder = !!(r.holderName || r.holderIdNumber);
  const items: DescriptionsProps['items'] = [
    { key: 'org', label: t(partner ? 'cards.restriction.unit' : 'cards.restriction.institution'), children: `${r.orgName}（${r.orgCode}）` },
    { key: 'external', label: t('cards.report.externalId'), children: r.externalId ? <span className="fz-cd-mono">{r.externalId}</span> : none },
    { key: 'kind', label: t('cards.field.kind'), children: leadKindLabel(t, r.kind) },
    { key: 'identifier', label: t('cards.field.identifier'), children: <span className="fz-cd-mono" data-testid="restriction-identifier">{r.identifier}</span> },
    {
      key: 'holder',
      label: t('cards.field.holder'),
      children: hasHolder ? (
        <Space size={8} wrap>
          <span data-testid="restriction-holder-name">{holder.holderName ?? none}</span>
          <span className="fz-cd-mono" data-testid="restriction-holder-id">
            {holder.holderIdNumber ?? none}
          </span>
          {reveal.revealed ? (
            <Tag color="orange">{t('cards.reveal.revealed')}</Tag>
          ) : (
            <Button size="small" icon={<EyeOutlined />} onClick={reveal.ask} loading={reveal.pending} data-testid="restriction-reveal">
              {t('cards.reveal.button')}
            </Button>
          )}
        </Space>
      ) : (
        none
      ),
    },
    { key: 'measure', label: t('cards.restriction.measure'), children: restrictionMeasureLabel(t, r.measure) },
    { key: 'at', label: t('cards.restriction.restrictedAt'), children: formatDateTime(r.restrictedAt) },
    { key: 'reason', label: t('cards.restriction.reason'), span: 'filled', children: <span className="fz-cd-pre" data-testid="restriction-reason">{r.reason}</span> },
  ];
  const appeals = [...r.appeals].reverse();
  return (
    <div className="fz-cd-detail" data-testid="restriction-detail" data-status={r.status} data-restriction-no={r.restrictionNo}>
      {header}
      <Card variant="borderless" size="small" className="fz-gap-bottom">
        <div className="fz-cd-detail-head">
          <Space size={8} wrap>
            <Typography.Title level={4} className="fz-cd-detail-title fz-cd-mono" data-testid="restriction-no">
              {r.restrictionNo}
            </Typography.Title>
            <RestrictionStatusTag status={r.status} />
            <RestrictionMeasureTag measure={r.measure} />
          </Space>
          <Space size={8} wrap>
            {inForce && !openAppeal && (partner || isCenterWorker(me.role)) && (
              <Button icon={<MessageOutlined />} onClick={() => setDialog('appeal')} data-testid="rappeal-open">
                {t(partner ? 'cards.rappeal.record' : 'cards.rappeal.forward')}
              </Button>
            )}
            {partner && inForce && (
              <Button danger icon={<UnlockOutlined />} onClick={() => setDialog('lift')} data-testid="lift-open">
                {t('cards.lift.open')}
              </Button>
            )}
          </Space>
        </div>
        {reported?.duplicate && <Alert type="info" showIcon className="fz-gap-top" data-testid="restriction-duplicate" title={t('cards.restriction.duplicate', { no: r.restrictionNo, ext: r.externalId ?? '' })} />}
        {r.liftedAt && (
          <Alert
            type="success"
            showIcon
            className="fz-gap-top"
            data-testid="restriction-lifted"
            title={t('cards.restriction.liftedLine', { at: formatDateTime(r.liftedAt), reason: liftReasonLabel(t, r.liftReason ?? '') })}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} className="fz-gap-top" />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card variant="borderless" size="small" title={t('cards.appeal.title', { n: r.appeals.length })} className="fz-gap-bottom" data-testid="rappeals-panel">
            {appeals.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(inForce ? 'cards.rappeal.none' : 'cards.appeal.noneClosed')} />
            ) : (
              <div className="fz-cd-appeals">
                {appeals.map((a) => (
                  <RestrictionAppeal key={a.id} a={a} />
                ))}
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card variant="borderless" size="small" title={t('cards.punishment.timeline')}>
            <EventTimeline events={r.events} describe={(e) => describeEvent(t, e)} testId="restriction-timeline" />
          </Card>
        </Col>
      </Row>
      {dialog === 'lift' && <LiftModal r={r} onClose={() => setDialog(null)} />}
      {dialog === 'appeal' && <RestrictionAppealModal r={r} forwarded={!partner} onClose={() => setDialog(null)} />}
    </div>
  );
}
