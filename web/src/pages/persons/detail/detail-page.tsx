import { ArrowLeftOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Result, Row, Skeleton, Space, Steps, Tag, Typography, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { getPerson, type PersonDetailDto, type PersonStatus } from '../../../api/persons.ts';
import { ApiError } from '../../../api/problem.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import type { Translate } from '../../../i18n/lang.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../lib/notify.ts';
import { serverNow } from '../../../lib/server-time.ts';
import { canAddEvent, canWritePersons } from '../shared/access.ts';
import { personDetailKey } from '../shared/keys.ts';
import { statusLabel } from '../shared/labels.ts';
import { CategoryTag, PersonStatusTag } from '../shared/tags.tsx';
import { EditDrawer } from './edit-drawer.tsx';
import { EventForm } from './event-form.tsx';
import { PersonTimeline } from './person-timeline.tsx';
import { StatusActions } from './status-actions.tsx';
import { usePersonReveal } from './use-person-reveal.ts';

export function DetailPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const t = useT();
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title={t('persons.detail.notFound')} />;
  // Keyed by id: a revealed person must not stay on screen when the user follows a link to another file.
  return <PersonDetail key={id} id={id} />;
}

/** Where a stranded-abroad person stands in the return flow (返回 and 投案 share one step). */
const FLOW_STEP: Record<PersonStatus, number> = { stranded: 0, contacted: 1, returning: 2, returned: 3, surrendered: 3, under_control: 4, released: 5 };

function Flow({ status }: { status: PersonStatus }) {
  const t = useT();
  const arrived = status === 'returned' || status === 'surrendered' ? statusLabel(t, status) : `${statusLabel(t, 'returned')} / ${statusLabel(t, 'surrendered')}`;
  const current = FLOW_STEP[status];
  return (
    <Steps
      size="small"
      className="fz-ps-steps"
      current={current}
      status={status === 'released' ? 'finish' : 'process'}
      data-testid="person-flow"
      items={(['stranded', 'contacted', 'returning', null, 'under_control', 'released'] as const).map((s, i) => ({ key: String(i), title: s ? statusLabel(t, s) : arrived }))}
    />
  );
}

function ControlEnd({ until, released, overdue, t }: { until: string | null; released: boolean; overdue: boolean; t: Translate }) {
  if (!until) return <>{t('common.none')}</>;
  if (released) return <span data-testid="person-control-until">{formatDateTime(until).slice(0, 10)}</span>;
  const days = Math.ceil((Date.parse(until) - serverNow()) / 86_400_000);
  return (
    <span data-testid="person-control-until" data-overdue={overdue ? 'true' : undefined}>
      {formatDateTime(until).slice(0, 10)}{' '}
      {overdue ? (
        <Tag color="red">{t('persons.detail.overdue')}</Tag>
      ) : days > 0 ? (
        <Tag color={days <= 30 ? 'orange' : 'blue'}>{t('persons.detail.daysLeft', { n: days })}</Tag>
      ) : (
        <Tag>{t('persons.detail.ended')}</Tag>
      )}
    </span>
  );
}

function PersonDetail({ id }: { id: number }) {
  const me = useCurrentUser();
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const detail = useQuery({ queryKey: personDetailKey(id), queryFn: () => getPerson(id), meta: { handlesError: true } });
  const reveal = usePersonReveal(id);
  const [editing, setEditing] = useState(false);
  const back = () => (location.key !== 'default' ? void navigate(-1) : void navigate('/persons'));
  const header = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={back} className="fz-ps-back" data-testid="person-back">
      {t('persons.detail.back')}
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
    return <Result status={missing ? '404' : 'warning'} title={missing ? t('persons.detail.notFound') : errorText(detail.error)} extra={header} />;
  }
  // The reveal's unmasked fields, as long as this page shows the person.
  const p: PersonDetailDto = reveal.revealed ? { ...detail.data, ...reveal.revealed } : detail.data;
  const none = t('common.none');
  const writer = canWritePersons(me.role);
  const stranded = p.category === 'stranded_abroad';

  const personItems: DescriptionsProps['items'] = [
    { key: 'name', label: t('persons.field.name'), children: <span data-testid="person-name">{p.name}</span> },
    { key: 'id', label: t('persons.field.idNumber'), children: <span data-testid="person-id-number">{p.idNumber}</span> },
    { key: 'phone', label: t('persons.field.phone'), children: <span data-testid="person-phone">{p.phone ?? none}</span> },
    { key: 'unit', label: t('persons.field.unit'), children: p.orgName },
    { key: 'listed', label: t('persons.field.listedAt'), children: formatDateTime(p.listedAt) },
  ];
  const controlItems: DescriptionsProps['items'] = [
    { key: 'status', label: t('persons.field.status'), children: <PersonStatusTag status={p.status} /> },
    {
      key: 'officer',
      label: t('persons.field.officer'),
      children: <span data-testid="person-officer">{p.officerName ?? <Typography.Text type="secondary">{t('persons.detail.noOfficer')}</Typography.Text>}</span>,
    },
    ...(p.returnedAt || stranded ? [{ key: 'returned', label: t('persons.field.returnedAt'), children: p.returnedAt ? formatDateTime(p.returnedAt) : none }] : []),
    { key: 'until', label: t('persons.field.controlUntil'), children: <ControlEnd until={p.controlUntil} released={p.status === 'released'} overdue={p.controlOverdue} t={t} /> },
    {
      key: 'measures',
      label: t('persons.field.measures'),
      children: p.measures.length ? (
        <ul className="fz-ps-list" data-testid="person-measures">
          {p.measures.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary">{t('persons.detail.noMeasures')}</Typography.Text>
      ),
    },
  ];
  const revealButton = reveal.revealed ? (
    <Tag color="orange">{t('persons.reveal.revealed')}</Tag>
  ) : (
    <Button size="small" icon={<EyeOutlined />} onClick={reveal.ask} loading={reveal.pending} data-testid="person-reveal">
      {t('persons.reveal.button')}
    </Button>
  );

  return (
    <div data-testid="person-detail" data-status={p.status} data-category={p.category}>
      {header}
      <Card variant="borderless" size="small" className="fz-gap-bottom">
        <div className="fz-ps-head">
          <Space size={8} wrap>
            <Typography.Title level={4} data-testid="person-title">
              {p.name}
            </Typography.Title>
            <CategoryTag category={p.category} />
            <PersonStatusTag status={p.status} />
          </Space>
          {writer ? (
            <div className="fz-ps-actions">
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="person-edit">
                {t('persons.edit.open')}
              </Button>
              <StatusActions p={p} />
            </div>
          ) : (
            <Typography.Text type="secondary" data-testid="person-read-only">
              {canAddEvent(me.role) ? t('persons.detail.logOnly') : t('persons.detail.readOnly')}
            </Typography.Text>
          )}
        </div>
        {stranded && <Flow status={p.status} />}
      </Card>
      <Row gutter={[16, 16]} className="fz-gap-bottom">
        <Col xs={24} md={12} xl={8}>
          <Card variant="borderless" size="small" title={t('persons.detail.person')} extra={revealButton} className="fz-ps-block">
            <Descriptions size="small" column={1} items={personItems} />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Card variant="borderless" size="small" title={t('persons.detail.control')} className="fz-ps-block">
            <Descriptions size="small" column={1} items={controlItems} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card variant="borderless" size="small" title={t('persons.detail.abroad')} className="fz-ps-block" data-testid="person-abroad-card">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'location', label: t('persons.field.abroadLocation'), children: p.abroadLocation ?? none },
                {
                  key: 'plan',
                  label: t('persons.field.returnPlan'),
                  children: p.returnPlan ? (
                    <Typography.Paragraph className="fz-ps-pre" ellipsis={{ rows: 6, expandable: 'collapsible' }} data-testid="person-return-plan">
                      {p.returnPlan}
                    </Typography.Paragraph>
                  ) : (
                    <Typography.Text type="secondary">{t('persons.detail.noPlan')}</Typography.Text>
                  ),
                },
                {
                  key: 'family',
                  label: t('persons.field.familyContacts'),
                  children: p.familyContacts.length ? (
                    <ul className="fz-ps-list" data-testid="person-family">
                      {p.familyContacts.map((c, i) => (
                        <li key={i}>
                          {c.name} · {c.relation}{c.phone ? ` · ${c.phone}` : ''}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Typography.Text type="secondary">{t('persons.detail.noContacts')}</Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {writer && <EditDrawer open={editing} p={p} revealed={reveal.revealed} onReveal={reveal.ask} onRevealedSaved={reveal.patch} onClose={() => setEditing(false)} />}
      <Row gutter={[16, 16]}>
        {canAddEvent(me.role) && (
          <Col xs={24} lg={10} xl={8}>
            <Card variant="borderless" size="small" title={t('persons.event.add')}>
              <EventForm personId={p.id} />
            </Card>
          </Col>
        )}
        <Col xs={24} lg={canAddEvent(me.role) ? 14 : 24} xl={canAddEvent(me.role) ? 16 : 24}>
          <Card variant="borderless" size="small" title={t('persons.detail.timeline')}>
            {p.events.length ? <PersonTimeline events={p.events} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('persons.event.empty')} />}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
