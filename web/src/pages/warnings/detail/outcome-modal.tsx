import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { OUTCOMES, type Outcome } from '../../../../../src/modules/warnings/warning-workflow.ts';
import { recordOutcome, type OutcomeBody, type WarningDetailDto } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { useApplyDetail, useRefreshOnConflict } from './use-apply-detail.ts';

interface Values {
  outcome: Outcome;
  note?: string;
  lossAmount?: string;
}

const FIELDS = ['outcome', 'note', 'lossAmount'] as const;
/** The server refuses these before any attempt was recorded (NEEDS_ATTEMPT in warnings.service.ts). */
const NEEDS_ATTEMPT: readonly Outcome[] = ['dissuaded', 'unreachable', 'refused'];

export function OutcomeModal({ warning, onClose }: { warning: WarningDetailDto; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const apply = useApplyDetail();
  const refresh = useRefreshOnConflict(warning.id);
  const save = useMutation({
    mutationFn: (body: OutcomeBody) => recordOutcome(warning.id, body),
    onSuccess: async (detail) => {
      // A refusal without a visit does not close: the server answers 200 with a visit to make.
      if (detail.status !== 'closed' && detail.visitRequired) void message.warning(t('warnings.action.visitRequired'), 8);
      else showSuccess(t('warnings.action.closed'));
      await apply(detail);
      onClose();
    },
    onError: (err) => {
      refresh(err);
      if (!applyFieldErrors(form, err, FIELDS)) showError(err);
    },
    meta: { handlesError: true },
  });
  const attempts = warning.attempts;
  const outcome = Form.useWatch('outcome', form);
  const visited = attempts.some((a) => a.channel === 'visit');
  const noAttempt = attempts.length === 0;
  return (
    <Modal
      open
      title={t('warnings.outcome.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'outcome-submit' }}
    >
      <Form<Values>
        name="warning-outcome"
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate({ outcome: v.outcome, note: v.note?.trim() || undefined, lossAmount: v.outcome === 'defrauded' && v.lossAmount?.trim() ? v.lossAmount.trim() : undefined })
        }
      >
        {noAttempt && <Alert type="info" showIcon className="fz-gap-bottom" title={t('warnings.outcome.needsAttempt')} />}
        <Form.Item name="outcome" label={t('warnings.outcome.label')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="outcome-choice"
            options={OUTCOMES.map((o) => ({ value: o, label: t(`warnings.outcome.${o}`), disabled: noAttempt && NEEDS_ATTEMPT.includes(o) }))}
          />
        </Form.Item>
        {outcome === 'refused' && !visited && <Alert type="warning" showIcon className="fz-gap-bottom" title={t('warnings.outcome.refusedHint')} data-testid="refused-hint" />}
        {outcome === 'defrauded' && (
          <Form.Item name="lossAmount" label={t('warnings.outcome.loss')} rules={[{ pattern: /^\d{1,14}(\.\d{1,2})?$/, message: t('warnings.outcome.lossRule') }]}>
            <Input inputMode="decimal" maxLength={17} placeholder="1234.56" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('warnings.outcome.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
