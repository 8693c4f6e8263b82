import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Drawer, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { FieldError } from '../../../../../src/server/errors.ts';
import { recordMeeting, type MeetingBody, type MeetingDto } from '../../../api/liaison.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { serverDayjs } from '../../../lib/server-time.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useLiaisonT } from '../i18n/use-liaison-t.ts';
import { placeErrors, serverMessage, showLiaisonError } from '../shared/errors.ts';
import { LIAISON_KEY } from '../shared/keys.ts';
import { useMemberUnits, useUnitOptions } from '../shared/units.ts';

interface DecisionValues {
  title?: string;
  ownerCode?: string;
  dueAt?: Dayjs | null;
  detail?: string;
}

interface Values {
  heldAt?: Dayjs;
  title?: string;
  attendeeCodes?: string[];
  minutes?: string;
  decisions?: DecisionValues[];
}

const FIELDS = ['heldAt', 'title', 'attendeeCodes', 'minutes', 'decisions'] as const;
const TIME = 'YYYY-MM-DD HH:mm';
const MAX_DECISIONS = 100;

/** A deadline two weeks on at 18:00, where a new decision starts. */
const defaultDue = (): Dayjs => serverDayjs().add(14, 'day').hour(18).minute(0).second(0).millisecond(0);

function toBody(v: Values): MeetingBody {
  return {
    heldAt: (v.heldAt ?? serverDayjs()).second(0).millisecond(0).format(),
    title: (v.title ?? '').trim(),
    attendeeCodes: v.attendeeCodes ?? [],
    minutes: (v.minutes ?? '').trim(),
    decisions: (v.decisions ?? []).map((d) => ({
      title: (d.title ?? '').trim(),
      ownerCode: d.ownerCode ?? '',
      dueAt: (d.dueAt ?? defaultDue()).second(0).millisecond(0).format(),
      ...(d.detail?.trim() ? { detail: d.detail.trim() } : {}),
    })),
  };
}

/**
 * Records a joint meeting: when, its title, the units that attended, the minutes, and its decisions, each
 * a task for an owner unit with a deadline. The server checks the units and times again; what it refuses
 * shows on the field it names.
 */
export function MeetingFormDrawer({ onClose, onSaved }: { onClose: () => void; onSaved: (m: MeetingDto) => void }) {
  const t = useT();
  const lt = useLiaisonT();
  const phone = usePhone();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const { units, loading } = useMemberUnits();
  const options = useUnitOptions(units);
  const today = serverDayjs().endOf('day');
  const todayStart = serverDayjs().startOf('day');

  const save = useMutation({
    mutationFn: (v: Values) => recordMeeting(toBody(v)),
    onSuccess: async (m) => {
      showSuccess(lt('liaison.form.saved', { no: m.meetingNo, n: m.tasks.length }));
      await queryClient.invalidateQueries({ queryKey: LIAISON_KEY });
      onSaved(m);
    },
    onError: (err) => {
      const rest = placeErrors(form, err, lt, FIELDS, ['attendeeCodes']);
      if (rest === null) {
        showLiaisonError(lt, err);
        return;
      }
      setUnplaced(rest);
      if (rest.length) showLiaisonError(lt, err);
      const first = form.getFieldsError().find((f) => f.errors.length > 0);
      if (first) form.scrollToField(first.name, { block: 'center' });
    },
    meta: { handlesError: true },
  });

  return (
    // Minutes and decisions take a while to type: neither Escape (often meant for a date picker that already
    // closed) nor a click beside the drawer throws them away; the close button and 取消 still do.
    <Drawer
      open
      onClose={onClose}
      keyboard={false}
      maskClosable={false}
      size={phone ? '100%' : 760}
      title={lt('liaison.form.title')}
      data-testid="meeting-form"
      footer={
        <div className="fz-lx-drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="meeting-submit">
            {lt('liaison.form.submit')}
          </Button>
        </div>
      }
    >
      <Form<Values>
        form={form}
        name="liaison-meeting"
        layout="vertical"
        requiredMark
        scrollToFirstError={{ block: 'center' }}
        initialValues={{ heldAt: serverDayjs().second(0).millisecond(0), attendeeCodes: [], decisions: [{ dueAt: defaultDue() }] }}
        onFinish={(v) => {
          setUnplaced([]);
          save.mutate(v);
        }}
      >
        {unplaced.length > 0 && (
          <Alert
            type="error"
            showIcon
            className="fz-gap-bottom"
            title={lt('liaison.serverProblems')}
            description={
              <ul className="fz-lx-list">
                {unplaced.map((e) => (
                  <li key={`${e.path}-${e.message}`}>
                    {e.path}: {serverMessage(lt, e.message)}
                  </li>
                ))}
              </ul>
            }
            data-testid="meeting-problems"
          />
        )}
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item name="heldAt" label={lt('liaison.form.heldAt')} rules={[{ required: true, message: t('common.required') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format={TIME} allowClear={false} disabledDate={(d) => d.isAfter(today)} className="fz-full-width" data-testid="meeting-held-at" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="title"
              label={lt('liaison.form.name')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 4, message: lt('liaison.err.tooShort') }, { max: 200, message: lt('liaison.err.tooLong') }]}
            >
              <Input maxLength={200} placeholder={lt('liaison.form.namePlaceholder')} data-testid="meeting-title" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="attendeeCodes" label={lt('liaison.form.attendees')}>
          <Select<string[]>
            mode="multiple"
            allowClear
            loading={loading}
            placeholder={lt('liaison.form.attendeesPlaceholder')}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="meeting-attendees"
          />
        </Form.Item>
        <Form.Item
          name="minutes"
          label={lt('liaison.form.minutes')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 10, message: lt('liaison.err.tooShort') }, { max: 50_000, message: lt('liaison.err.tooLong') }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={50_000} placeholder={lt('liaison.form.minutesPlaceholder')} data-testid="meeting-minutes-input" />
        </Form.Item>
        <Typography.Text strong>{lt('liaison.form.decisions')}</Typography.Text>
        <Form.List name="decisions">
          {(rows, { add, remove }) => (
            <div className="fz-gap-top" data-testid="meeting-decisions" data-count={rows.length}>
              {rows.length === 0 && (
                <Typography.Paragraph type="secondary" className="fz-small">
                  {lt('liaison.form.noDecisions')}
                </Typography.Paragraph>
              )}
              {rows.map((row, i) => (
                <Card
                  key={row.key}
                  size="small"
                  className="fz-lx-decision"
                  title={lt('liaison.form.decision', { n: i + 1 })}
                  data-testid={`decision-${i}`}
                  extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={lt('liaison.form.removeDecision')} data-testid={`decision-remove-${i}`} />}
                >
                  <Form.Item
                    name={[row.name, 'title']}
                    label={lt('liaison.form.decisionTitle')}
                    rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 4, message: lt('liaison.err.tooShort') }, { max: 300, message: lt('liaison.err.tooLong') }]}
                  >
                    <Input maxLength={300} placeholder={lt('liaison.form.decisionTitlePlaceholder')} data-testid={`decision-title-${i}`} />
                  </Form.Item>
                  <Row gutter={12}>
                    <Col xs={24} sm={14}>
                      <Form.Item name={[row.name, 'ownerCode']} label={lt('liaison.form.owner')} rules={[{ required: true, message: t('common.required') }]}>
                        <Select<string> showSearch={{ optionFilterProp: 'label' }} loading={loading} placeholder={lt('liaison.form.ownerPlaceholder')} options={options} data-testid={`decision-owner-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={10}>
                      <Form.Item name={[row.name, 'dueAt']} label={lt('liaison.form.dueAt')} rules={[{ required: true, message: t('common.required') }]}>
                        {/* Whole past days are refused here; a past hour of today is left to the server, which knows the time. */}
                        <DatePicker showTime={{ format: 'HH:mm' }} format={TIME} allowClear={false} disabledDate={(d) => d.isBefore(todayStart)} className="fz-full-width" data-testid={`decision-due-${i}`} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item name={[row.name, 'detail']} label={lt('liaison.form.detail')} rules={[{ max: 5000, message: lt('liaison.err.tooLong') }]}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} data-testid={`decision-detail-${i}`} />
                  </Form.Item>
                </Card>
              ))}
              {rows.length < MAX_DECISIONS && (
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ dueAt: defaultDue() })} data-testid="decision-add">
                  {lt('liaison.form.addDecision')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
        <Typography.Paragraph type="secondary" className="fz-small fz-gap-top">
          {lt('liaison.form.notifyHint')}
        </Typography.Paragraph>
      </Form>
    </Drawer>
  );
}
