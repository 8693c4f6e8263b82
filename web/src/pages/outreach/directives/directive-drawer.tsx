import { EditOutlined, FormOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Empty, Form, Input, Space, Spin, Table, Tag, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { getDirective, sendFeedback, type DirectiveDetailDto, type DirectiveUnitDto } from '../../../api/outreach.ts';
import { ApiError } from '../../../api/problem.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { fraudTypeLabel } from '../../cases/shared/labels.ts';
import { rowAttrs } from '../../cards/shared/row-attrs.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useOutreachT } from '../i18n/use-outreach-t.ts';
import { answersDirectives, canRecord } from '../shared/access.ts';
import { outreachErrorText, placeErrors, showOutreachError } from '../shared/errors.ts';
import { directiveDetailKey, OUTREACH_KEY } from '../shared/keys.ts';
import { useAnsweringUnit } from '../shared/orgs.ts';
import { AudienceTag, DirectiveKindTag } from '../shared/tags.tsx';
import { readBasis } from './compose.ts';
import { DueCell, ProgressCell } from './directive-cells.tsx';

/** A unit addressed reports back in writing, once (an activity held for the directive does it too). */
function FeedbackForm({ d, onDone }: { d: DirectiveDetailDto; onDone: () => void }) {
  const t = useT();
  const ot = useOutreachT();
  const [form] = Form.useForm<{ note: string }>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (note: string) => sendFeedback(d.id, note),
    onSuccess: async (out) => {
      showSuccess(ot('outreach.feedback.sent', { no: out.directiveNo }));
      await queryClient.invalidateQueries({ queryKey: OUTREACH_KEY });
      onDone();
    },
    onError: (err) => {
      // Answered meanwhile (a colleague, an activity in another tab): the drawer shows it once fetched again.
      if (err instanceof ApiError && err.status === 409) void queryClient.invalidateQueries({ queryKey: OUTREACH_KEY });
      const rest = placeErrors(form, err, ot, ['note']);
      if (rest === null || rest.length) showOutreachError(ot, err);
    },
    meta: { handlesError: true },
  });
  return (
    <Form name="outreach-feedback" form={form} layout="vertical" onFinish={(v) => save.mutate(v.note.trim())} data-testid="directive-feedback-form">
      <Form.Item
        name="note"
        label={ot('outreach.feedback.note')}
        extra={ot('outreach.feedback.hint')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 4, message: ot('outreach.err.tooShort') }, { max: 5000, message: ot('outreach.err.tooLong') }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} data-testid="directive-feedback-note" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="directive-feedback-submit">
        {ot('outreach.feedback.submit')}
      </Button>
    </Form>
  );
}

/** What the caller's unit does about the directive: record an activity for it or report back in writing; or that it has. */
function MyPart({ d }: { d: DirectiveDetailDto }) {
  const me = useCurrentUser();
  const ot = useOutreachT();
  const navigate = useNavigate();
  const [writing, setWriting] = useState(false);
  const mine = useAnsweringUnit(d.units);
  if (!answersDirectives(me.role) || !mine) return null;
  if (mine.doneAt)
    return (
      <Alert
        type="success"
        showIcon
        className="fz-gap-bottom"
        data-testid="directive-mine-done"
        title={ot(mine.activityId ? 'outreach.mine.doneByActivity' : 'outreach.mine.done', { unit: mine.orgName, at: formatDateTime(mine.doneAt) })}
      />
    );
  return (
    <div className="fz-gap-bottom" data-testid="directive-mine">
      <Alert type={mine.overdue ? 'error' : 'warning'} showIcon className="fz-gap-bottom" title={ot(mine.overdue ? 'outreach.mine.overdue' : 'outreach.mine.open', { unit: mine.orgName, due: formatDateTime(d.dueAt) })} />
      {canRecord(me.role) && (
        <Space wrap>
          <Button type="primary" icon={<FormOutlined />} onClick={() => void navigate(`/outreach?new=1&directive=${d.id}`)} data-testid="directive-record-activity">
            {ot('outreach.mine.record')}
          </Button>
          <Button icon={<EditOutlined />} onClick={() => setWriting((w) => !w)} data-testid="directive-feedback-open">
            {ot('outreach.mine.feedback')}
          </Button>
        </Space>
      )}
      {writing && (
        <div className="fz-gap-top">
          <FeedbackForm d={d} onDone={() => setWriting(false)} />
        </div>
      )}
    </div>
  );
}

function UnitState({ u }: { u: DirectiveUnitDto }) {
  const ot = useOutreachT();
  if (u.doneAt) return <Tag color="green">{ot('outreach.unit.done')}</Tag>;
  return u.overdue ? <Tag color="red">{ot('outreach.unit.overdue')}</Tag> : <Tag>{ot('outreach.unit.open')}</Tag>;
}

/** Each unit addressed: whether and when it reported back, by an activity or in writing. */
function UnitsTable({ d }: { d: DirectiveDetailDto }) {
  const t = useT();
  const ot = useOutreachT();
  const how = (u: DirectiveUnitDto) => (u.doneAt ? (u.activityId ? ot('outreach.unit.byActivity', { id: u.activityId }) : ot('outreach.unit.byNote')) : t('common.none'));
  const columns: TableColumnsType<DirectiveUnitDto> = [
    { key: 'unit', title: ot('outreach.unit.name'), dataIndex: 'orgName' },
    { key: 'state', title: t('common.status'), render: (_v, u) => <UnitState u={u} /> },
    { key: 'at', title: ot('outreach.unit.doneAt'), render: (_v, u) => (u.doneAt ? formatDateTime(u.doneAt) : t('common.none')) },
    { key: 'how', title: ot('outreach.unit.how'), render: (_v, u) => how(u) },
    { key: 'note', title: ot('outreach.unit.note'), render: (_v, u) => (u.note ? <span className="fz-or-pre">{u.note}</span> : t('common.none')) },
  ];
  return (
    <Table<DirectiveUnitDto>
      data-testid="directive-units"
      rowKey="orgCode"
      size="small"
      columns={columns}
      dataSource={d.units}
      pagination={d.units.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      onRow={(u) => rowAttrs({ 'data-testid': `directive-unit-${u.orgCode}`, 'data-done': u.doneAt ? 'true' : 'false' })}
    />
  );
}

/** One directive: what it asks and on what figures, its deadline, each unit's feedback, and the caller's own part. */
export function DirectiveDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const ot = useOutreachT();
  const phone = usePhone();
  const data = useQuery({ queryKey: directiveDetailKey(id), queryFn: () => getDirective(id), meta: { handlesError: true }, staleTime: 0 });
  const d = data.data;
  const basis = d ? readBasis(d.basis) : null;
  const items: DescriptionsProps['items'] = d
    ? [
        { key: 'from', label: ot('outreach.directive.from'), children: d.fromOrgName },
        { key: 'issued', label: ot('outreach.directive.issuedAt'), children: formatDateTime(d.issuedAt) },
        { key: 'due', label: ot('outreach.directive.dueAt'), children: <DueCell d={d} /> },
        { key: 'progress', label: ot('outreach.directive.progress'), children: <ProgressCell d={d} /> },
        { key: 'type', label: ot('outreach.directive.fraudType'), children: d.fraudType ? fraudTypeLabel(t, d.fraudType) : ot('outreach.directive.any') },
        { key: 'audience', label: ot('outreach.directive.audience'), children: d.audience ? <AudienceTag audience={d.audience} /> : ot('outreach.directive.any') },
      ]
    : [];
  return (
    <Drawer
      open
      onClose={onClose}
      size={phone ? '100%' : 720}
      title={
        d ? (
          <Space size={8} wrap>
            <span className="fz-or-mono">{d.directiveNo}</span>
            <DirectiveKindTag kind={d.kind} />
          </Space>
        ) : (
          ot('outreach.directive.loading')
        )
      }
      data-testid="directive-drawer"
      data-directive-no={d?.directiveNo ?? ''}
      data-done={d?.done ?? ''}
      data-targets={d?.targets ?? ''}
    >
      {data.isError ? (
        <Alert type="error" showIcon title={outreachErrorText(ot, data.error)} />
      ) : !d ? (
        <Spin className="fz-page-spin" />
      ) : (
        <>
          <MyPart d={d} />
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} />
          <Typography.Title level={5} className="fz-gap-top" data-testid="directive-title-text">
            {d.title}
          </Typography.Title>
          <Typography.Paragraph className="fz-or-pre" data-testid="directive-body-text">
            {d.body}
          </Typography.Paragraph>
          {basis && (
            <Alert
              type="info"
              className="fz-gap-bottom"
              data-testid="directive-basis"
              title={ot('outreach.basis.line', { org: basis.orgName, type: fraudTypeLabel(t, basis.fraudType), recent: basis.recent, before: basis.before })}
            />
          )}
          <Typography.Title level={5}>{ot('outreach.directive.units')}</Typography.Title>
          {d.units.length ? <UnitsTable d={d} /> : <Empty description={ot('outreach.directive.noUnits')} />}
        </>
      )}
    </Drawer>
  );
}
