import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { getWarning } from '../../../api/warnings.ts';
import { listOrgs } from '../../../api/orgs.ts';
import { ApiError } from '../../../api/problem.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { errorText } from '../../../lib/notify.ts';
import { canDispatch, canHandle } from '../shared/access.ts';
import { Countdown } from '../shared/countdown.tsx';
import { ORGS_ACTIVE_KEY, warningDetailKey } from '../shared/keys.ts';
import { LevelTag } from '../shared/tags.tsx';
import { StatusFlags } from '../queue/row-flags.tsx';
import { AttemptsList } from './attempts-list.tsx';
import { DetailActions } from './detail-actions.tsx';
import { PersonFields, WarningFields } from './detail-fields.tsx';
import { EventTimeline } from './event-timeline.tsx';
import { usePersonReveal } from './use-person-reveal.ts';

export function DetailPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const t = useT();
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title={t('warnings.detail.notFound')} />;
  // Keyed by id: a revealed person must not stay on screen when the user follows a link to another warning.
  return <WarningDetail key={id} id={id} />;
}

function WarningDetail({ id }: { id: number }) {
  const me = useCurrentUser();
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const detail = useQuery({ queryKey: warningDetailKey(id), queryFn: () => getWarning(id), meta: { handlesError: true } });
  const orgs = useQuery({ queryKey: ORGS_ACTIVE_KEY, queryFn: () => listOrgs(false), staleTime: 5 * 60_000 });
  const orgName = (code: string) => orgs.data?.find((o) => o.code === code)?.name ?? code;

  const reveal = usePersonReveal(id);

  // Back to the filtered queue the user came from, or to the queue when the page was opened directly.
  const back = () => (location.key !== 'default' ? void navigate(-1) : void navigate('/warnings'));
  const header = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={back} className="fz-wn-back" data-testid="warning-back">
      {t('warnings.detail.back')}
    </Button>
  );

  if (detail.isPending) return <Card variant="borderless">{header}<Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 403);
    return <Result status={missing ? '404' : 'warning'} title={missing ? t('warnings.detail.notFound') : errorText(detail.error)} extra={header} />;
  }
  const w = reveal.revealed ? { ...detail.data, ...reveal.revealed } : detail.data;
  const readOnly = !canHandle(me.role) && !canDispatch(me.role);
  return (
    <div className="fz-wn-detail" data-testid="warning-detail" data-status={w.status}>
      {header}
      <Card variant="borderless" size="small" className="fz-gap-bottom">
        <div className="fz-wn-detail-head">
          <Space size={8} wrap>
            <Typography.Title level={4} className="fz-wn-detail-title">
              {t('warnings.detail.title', { id: w.id })}
            </Typography.Title>
            <LevelTag level={w.level} />
            <StatusFlags w={w} />
          </Space>
          <Countdown dueAt={w.dueAt} overdue={w.overdue} closed={w.status === 'closed'} />
        </div>
        {w.visitRequired && w.status !== 'closed' && (
          <Alert type="warning" showIcon className="fz-gap-top" title={t('warnings.detail.visitRequired')} description={t('warnings.detail.visitRequiredBody')} data-testid="visit-required" />
        )}
        {readOnly ? (
          <Typography.Paragraph type="secondary" className="fz-gap-top">
            {t('warnings.detail.readOnly')}
          </Typography.Paragraph>
        ) : (
          <DetailActions warning={detail.data} />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} className="fz-full-width">
            <Card
              variant="borderless"
              size="small"
              title={t('warnings.detail.person')}
              extra={
                reveal.revealed ? (
                  <Tag color="orange">{t('warnings.detail.revealed')}</Tag>
                ) : (
                  <Button size="small" icon={<EyeOutlined />} onClick={reveal.ask} loading={reveal.pending} data-testid="warning-reveal">
                    {t('warnings.detail.reveal')}
                  </Button>
                )
              }
            >
              <PersonFields w={w} />
            </Card>
            <Card variant="borderless" size="small" title={t('warnings.detail.basic')}>
              <WarningFields w={w} orgName={orgName} />
            </Card>
            <Card variant="borderless" size="small" title={t('warnings.detail.attempts')}>
              <AttemptsList attempts={w.attempts} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Card variant="borderless" size="small" title={t('warnings.detail.timeline')}>
            <EventTimeline events={w.events} orgName={orgName} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
