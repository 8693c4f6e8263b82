import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Tabs, Tag, Typography, type DescriptionsProps } from 'antd';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { getCase, type CaseDetailDto } from '../../../api/cases.ts';
import { ApiError } from '../../../api/problem.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../lib/notify.ts';
import type { IntakeOutcome } from '../intake/intake-page.tsx';
import { canWriteCases } from '../shared/access.ts';
import { serverMessage } from '../shared/field-errors.ts';
import { caseDetailKey } from '../shared/keys.ts';
import { fraudTypeLabel, sourceLabel } from '../shared/labels.ts';
import { yuan } from '../shared/money.ts';
import { CaseStatusTag } from '../shared/tags.tsx';
import { AssignmentCard } from './assignment-card.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import { FreezesTab } from './freezes-tab.tsx';
import { MoneySummary } from './money-summary.tsx';
import { RelatedCard } from './related-card.tsx';
import { StatusActions } from './status-actions.tsx';
import { StopPayments } from './stop-payments.tsx';
import { TraceTab } from './trace-tab.tsx';
import { IdentifiersPanel, TransfersPanel } from './transfers-panel.tsx';
import { useCaseReveal } from './use-case-reveal.ts';
import { VictimCard } from './victim-card.tsx';

type DetailTab = 'stops' | 'freezes' | 'trace' | 'transfers' | 'identifiers';
const TABS: readonly DetailTab[] = ['stops', 'freezes', 'trace', 'transfers', 'identifiers'];
/**
 * The stream announces stop-payments only: while a freeze waits for its bank or a return for its payment,
 * the case asks again this often.
 */
const BANK_WAIT_POLL_MS = 5_000;

function waitsOnBank(c: CaseDetailDto | undefined): boolean {
  return !!c && (c.freezes.some((f) => f.status === 'requested') || c.returns.some((r) => r.status === 'approved'));
}

export function DetailPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const t = useT();
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title={t('cases.detail.notFound')} />;
  // Keyed by id: a revealed victim must not stay on screen when the user follows a link to another case.
  return <CaseDetail key={id} id={id} />;
}

/** Which transfer a server warning path ("transfers.0.toAccount") names, in words. */
function warningPlace(t: ReturnType<typeof useT>, path: string): string {
  const m = /^transfers\.(\d+)\.(\w+)$/.exec(path);
  if (!m) return path;
  const field = m[2] === 'fromAccount' ? t('cases.transfer.fromAccount') : m[2] === 'toAccount' ? t('cases.transfer.toAccount') : (m[2] ?? '');
  return t('cases.intake.warningPlace', { n: Number(m[1]) + 1, field });
}

function IntakeNotice({ outcome, c }: { outcome: IntakeOutcome; c: CaseDetailDto }) {
  const t = useT();
  const classified = outcome.fraudTypeSource === 'classified' && outcome.fraudType;
  return (
    <Space orientation="vertical" size={8} className="fz-full-width fz-gap-bottom">
      <Alert
        type={outcome.duplicate ? 'info' : 'success'}
        showIcon
        closable
        data-testid="intake-notice"
        title={outcome.duplicate ? t('cases.intake.duplicateNotice', { no: c.caseNo }) : t('cases.intake.createdNotice', { no: c.caseNo, n: outcome.stopPayments })}
        description={
          classified
            ? t('cases.intake.classifiedNotice', { type: fraudTypeLabel(t, outcome.fraudType ?? '') })
            : outcome.fraudTypeSource === 'unclassified'
              ? t('cases.intake.unclassifiedNotice')
              : undefined
        }
      />
      {outcome.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable
          data-testid="intake-warnings"
          title={t('cases.intake.warningsTitle', { n: outcome.warnings.length })}
          description={
            <ul className="fz-cs-paste-problems">
              {outcome.warnings.map((w) => (
                <li key={`${w.path}-${w.message}`}>
                  {t('cases.intake.warningLine', { place: warningPlace(t, w.path), message: serverMessage(t, w.message) })}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}

function CaseDetail({ id }: { id: number }) {
  const me = useCurrentUser();
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const detail = useQuery({
    queryKey: caseDetailKey(id),
    queryFn: () => getCase(id),
    meta: { handlesError: true },
    refetchInterval: (q) => (waitsOnBank(q.state.data) ? BANK_WAIT_POLL_MS : false),
  });
  const reveal = useCaseReveal(id);
  const tabParam = params.get('tab') as DetailTab | null;
  const tab: DetailTab = tabParam && TABS.includes(tabParam) ? tabParam : 'stops';
  const outcome = (location.state as { intake?: IntakeOutcome } | null)?.intake;

  const back = () => (location.key !== 'default' && !outcome ? void navigate(-1) : void navigate('/cases'));
  const header = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={back} className="fz-cs-back" data-testid="case-back">
      {t('cases.detail.back')}
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
    return <Result status={missing ? '404' : 'warning'} title={missing ? t('cases.detail.notFound') : errorText(detail.error)} extra={header} />;
  }
  const data = detail.data;
  // The reveal's victim and own accounts, as long as this page shows the case.
  const c: CaseDetailDto = reveal.revealed ? { ...data, victim: reveal.revealed.victim, transfers: data.transfers.map((tr) => reveal.revealed?.transfers.find((r) => r.id === tr.id) ?? tr) } : data;
  const writer = canWriteCases(me.role);
  const pending = c.stopPayments.filter((s) => s.status === 'pending').length;
  const proposed = c.stopPayments.filter((s) => s.status === 'proposed').length;
  const freezesWaiting = c.freezes.filter((f) => f.status === 'requested').length;
  const none = t('common.none');
  const meta: DescriptionsProps['items'] = [
    { key: 'reported', label: t('cases.field.reportedAt'), children: formatDateTime(c.reportedAt) },
    { key: 'loss', label: t('cases.field.loss'), children: <Typography.Text strong>¥{yuan(c.lossAmount)}</Typography.Text> },
    {
      key: 'fraud',
      label: t('cases.field.fraudType'),
      children: c.fraudType ? (
        <span data-testid="case-fraud-type">
          {fraudTypeLabel(t, c.fraudType)}
          {c.fraudTypeSource === 'classified' && (
            <Tag color="geekblue" className="fz-cs-inline-tag">
              {t('cases.fraud.classified')}
            </Tag>
          )}
        </span>
      ) : (
        t('cases.fraud.unclassified')
      ),
    },
    { key: 'unit', label: t('cases.field.unit'), children: c.orgName },
    { key: 'source', label: t('cases.field.source'), children: sourceLabel(t, c.source) },
    { key: 'region', label: t('cases.field.region'), children: c.regionCode ?? none },
    { key: 'received', label: t('cases.field.receivedAt'), children: formatDateTime(c.receivedAt) },
    ...(c.externalId && !c.externalId.startsWith('web-') && c.source !== 'warning' ? [{ key: 'external', label: t('cases.field.externalId'), children: c.externalId }] : []),
  ];
  return (
    <div className="fz-cs-detail" data-testid="case-detail" data-status={c.status} data-case-no={c.caseNo}>
      {header}
      {outcome && <IntakeNotice outcome={outcome} c={c} />}
      <Card variant="borderless" size="small" className="fz-gap-bottom">
        <div className="fz-cs-detail-head">
          <Space size={8} wrap>
            <Typography.Title level={4} className="fz-cs-detail-title" data-testid="case-no">
              {c.caseNo}
            </Typography.Title>
            <CaseStatusTag status={c.status} />
          </Space>
          {writer ? (
            <StatusActions c={c} />
          ) : (
            <Typography.Text type="secondary">{t('cases.detail.readOnly')}</Typography.Text>
          )}
        </div>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={meta} className="fz-gap-top" />
      </Card>
      <MoneySummary c={c} />
      <Row gutter={[16, 16]} className="fz-gap-bottom">
        <Col xs={24} md={12} xl={8}>
          <Card variant="borderless" size="small" title={t('cases.field.narrative')} className="fz-cs-block">
            <Typography.Paragraph className="fz-cs-narrative" ellipsis={{ rows: 8, expandable: 'collapsible' }} data-testid="case-narrative">
              {c.narrative}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <VictimCard victim={c.victim} revealed={reveal.revealed !== null} onReveal={reveal.ask} revealing={reveal.pending} />
        </Col>
        <Col xs={24} xl={8}>
          <AssignmentCard c={c} />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={16}>
          <Card variant="borderless" size="small">
            <Tabs
              activeKey={tab}
              onChange={(key) => {
                const next = new URLSearchParams(params);
                if (key === 'stops') next.delete('tab');
                else next.set('tab', key);
                setParams(next, { replace: true, state: location.state });
              }}
              items={[
                {
                  key: 'stops',
                  label: (
                    <span data-testid="case-tab-stops">
                      {t('cases.detail.tab.stops')} <Badge count={proposed || pending} color={proposed ? '#fa8c16' : '#faad14'} size="small" />
                    </span>
                  ),
                  children: <StopPayments c={c} writer={writer} />,
                },
                {
                  key: 'freezes',
                  label: (
                    <span data-testid="case-tab-freezes">
                      {t('cases.detail.tab.freezes', { n: c.freezes.length })} <Badge count={freezesWaiting} color="#faad14" size="small" />
                    </span>
                  ),
                  children: <FreezesTab c={c} writer={writer} />,
                },
                { key: 'trace', label: <span data-testid="case-tab-trace">{t('cases.detail.tab.trace')}</span>, children: <TraceTab caseId={c.id} writer={writer} />, destroyOnHidden: true },
                { key: 'transfers', label: <span data-testid="case-tab-transfers">{t('cases.detail.tab.transfers', { n: c.transfers.length })}</span>, children: <TransfersPanel transfers={c.transfers} /> },
                { key: 'identifiers', label: <span data-testid="case-tab-identifiers">{t('cases.detail.tab.identifiers', { n: c.identifiers.length })}</span>, children: <IdentifiersPanel identifiers={c.identifiers} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xxl={8}>
          <RelatedCard c={c} />
          <Card variant="borderless" size="small" title={t('cases.detail.timeline')}>
            <CaseTimeline c={c} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
