import { useMutation } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Segmented } from 'antd';
import type { Dayjs } from 'dayjs';
import { addPersonEvent, type EventKind } from '../../../api/persons.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { required } from '../../../lib/rules.ts';
import { serverDayjs } from '../../../lib/server-time.ts';
import { placeErrors } from '../shared/errors.ts';
import { EVENT_KINDS, eventLabel } from '../shared/labels.ts';
import { usePersonRefresh } from './use-person-step.ts';

interface Values {
  kind: EventKind;
  at: Dayjs;
  text: string;
}

/** A contact, a movement, family work or a note, at the time it happened (now unless changed; never later). */
export function EventForm({ personId }: { personId: number }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { apply } = usePersonRefresh(personId);
  const add = useMutation({
    mutationFn: (v: Values) => addPersonEvent(personId, { kind: v.kind, at: v.at.format(), text: v.text.trim() }),
    onSuccess: async (detail) => {
      showSuccess(t('persons.event.added'));
      form.resetFields(['text']);
      form.setFieldValue('at', serverDayjs());
      await apply(detail);
    },
    onError: (err) => {
      const rest = placeErrors(form, err, t, ['kind', 'at', 'text']);
      if (rest === null || rest.length) showError(err);
    },
    meta: { handlesError: true },
  });
  return (
    <Form<Values>
      form={form}
      name="person-event"
      layout="vertical"
      initialValues={{ kind: 'contact', at: serverDayjs() }}
      onFinish={(v) => add.mutate(v)}
      data-testid="person-event-form"
    >
      <Form.Item name="kind" label={t('persons.event.kind')} rules={[{ required: true, message: t('common.required') }]}>
        <Segmented<EventKind> block options={EVENT_KINDS.map((k) => ({ value: k, label: eventLabel(t, k) }))} data-testid="person-event-kind" />
      </Form.Item>
      <Form.Item name="at" label={t('persons.event.at')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          allowClear={false}
          className="fz-full-width"
          disabledDate={(d) => d.isAfter(serverDayjs().endOf('day'))}
          data-testid="person-event-at"
        />
      </Form.Item>
      <Form.Item name="text" label={t('persons.event.text')} rules={[required(t), { max: 5000, message: t('persons.err.tooLong', { n: 5000 }) }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} placeholder={t('persons.event.textPlaceholder')} data-testid="person-event-text" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="person-event-submit">
        {t('persons.event.submit')}
      </Button>
    </Form>
  );
}
