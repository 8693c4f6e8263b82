import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { recordLeadOutcome, type LeadDetailDto, type LeadDto, type LeadOutcome } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { placeFieldErrors, showCardsError } from '../shared/errors.ts';
import { LEAD_OUTCOMES, outcomeLabel } from '../shared/labels.ts';
import { useLeadRefresh } from './use-lead-step.ts';

interface Values {
  outcome: LeadOutcome;
  note?: string;
}

/** Closes a lead with the verification's outcome; 核减 (struck off) needs the reason. */
export function OutcomeModal({ lead, onClose, onDone }: { lead: LeadDto; onClose: () => void; onDone?: (detail: LeadDetailDto) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const refresh = useLeadRefresh();
  const outcome = Form.useWatch('outcome', form);
  const save = useMutation({
    mutationFn: (v: Values) => recordLeadOutcome(lead.id, { outcome: v.outcome, note: v.note?.trim() || undefined }),
    onSuccess: async (detail) => {
      showSuccess(t('cards.outcome.done', { no: detail.leadNo, outcome: outcomeLabel(t, detail.outcome ?? '') }));
      await refresh.apply(detail);
      onClose();
      onDone?.(detail);
    },
    onError: (err) => {
      refresh.onConflict(err);
      if (!placeFieldErrors(form, err, t, ['outcome', 'note'])) showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
  return (
    <Modal
      open
      title={t('cards.outcome.title', { no: lead.leadNo })}
      okText={t('cards.outcome.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'lead-outcome-submit' }}
    >
      <Form<Values> name="lead-outcome" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Typography.Paragraph type="secondary">{t('cards.outcome.intro')}</Typography.Paragraph>
        <Form.Item name="outcome" label={t('cards.outcome.label')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group className="fz-cd-radios" data-testid="lead-outcome-choice">
            {LEAD_OUTCOMES.map((o) => (
              <Radio key={o} value={o} data-testid={`lead-outcome-${o}`}>
                <span>{outcomeLabel(t, o)}</span>
                <Typography.Text type="secondary" className="fz-small fz-cd-radio-hint">
                  {t(`cards.outcomeHint.${o}`)}
                </Typography.Text>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {outcome === 'punishment_proposal' && <Alert type="info" showIcon className="fz-gap-bottom" title={t('cards.outcome.proposalHint')} />}
        <Form.Item
          name="note"
          label={outcome === 'struck_off' ? t('cards.outcome.reason') : t('cards.outcome.note')}
          rules={[...(outcome === 'struck_off' ? [{ required: true, whitespace: true, message: t('cards.err.struckOffNote') }] : []), { max: 2000 }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('cards.outcome.notePlaceholder')} data-testid="lead-outcome-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
