import { useMutation } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ATTEMPT_CHANNELS, ATTEMPT_RESULTS, type AttemptChannel, type AttemptResult } from '../../../../../src/modules/warnings/warning-workflow.ts';
import { recordAttempt, type AttemptBody, type WarningDetailDto } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { serverDayjs } from '../../../lib/server-time.ts';
import { useApplyDetail, useRefreshOnConflict } from './use-apply-detail.ts';

interface Values {
  channel: AttemptChannel;
  result: AttemptResult;
  at: Dayjs;
  note?: string;
}

const FIELDS = ['channel', 'result', 'at', 'note'] as const;

export function AttemptModal({ warning, onClose }: { warning: WarningDetailDto; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const apply = useApplyDetail();
  const refresh = useRefreshOnConflict(warning.id);
  const save = useMutation({
    mutationFn: (body: AttemptBody) => recordAttempt(warning.id, body),
    onSuccess: async (detail) => {
      showSuccess(t('warnings.action.attemptSaved'));
      await apply(detail);
      onClose();
    },
    onError: (err) => {
      refresh(err);
      if (!applyFieldErrors(form, err, FIELDS)) showError(err);
    },
    meta: { handlesError: true },
  });
  const received = dayjs(warning.receivedAt);
  return (
    <Modal
      open
      title={t('warnings.attempt.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'attempt-submit' }}
    >
      <Form<Values>
        name="warning-attempt"
        form={form}
        layout="vertical"
        // A required visit is what the unit most likely records next.
        initialValues={{ channel: warning.visitRequired ? 'visit' : 'call', result: 'reached', at: serverDayjs() }}
        // The server wants an ISO time with the offset; dayjs's default format is exactly that.
        onFinish={(v) => save.mutate({ channel: v.channel, result: v.result, at: v.at.format(), note: v.note?.trim() || undefined })}
      >
        <Form.Item name="channel" label={t('warnings.attempt.channel')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="attempt-channel" options={ATTEMPT_CHANNELS.map((c) => ({ value: c, label: t(`warnings.channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="result" label={t('warnings.attempt.result')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="attempt-result" options={ATTEMPT_RESULTS.map((r) => ({ value: r, label: t(`warnings.result.${r}`) }))} />
        </Form.Item>
        <Form.Item name="at" label={t('warnings.attempt.at')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            className="fz-full-width"
            inputReadOnly
            // Neither before the warning arrived nor in the future (the server refuses both).
            disabledDate={(d) => d.isBefore(received, 'day') || d.isAfter(serverDayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item name="note" label={t('warnings.attempt.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="attempt-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
