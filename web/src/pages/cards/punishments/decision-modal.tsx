import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { decidePunishment, type PunishmentDetailDto } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { showCardsError } from '../shared/errors.ts';
import { usePunishmentRefresh } from './use-punishment-step.ts';

/** A leader approves a proposal (the measure starts now) or declines it, with an optional note. */
export function DecisionModal({ p, approve, onClose }: { p: PunishmentDetailDto; approve: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ note?: string }>();
  const refresh = usePunishmentRefresh();
  const save = useMutation({
    mutationFn: (note: string | undefined) => decidePunishment(p.id, { approve, note }),
    onSuccess: async (detail) => {
      showSuccess(t(approve ? 'cards.decision.approved' : 'cards.decision.rejected', { no: detail.noticeNo }));
      await refresh.apply(detail);
      onClose();
    },
    onError: (err) => {
      refresh.onConflict(err);
      showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
  return (
    <Modal
      open
      title={t(approve ? 'cards.decision.approveTitle' : 'cards.decision.rejectTitle', { no: p.noticeNo })}
      okText={t(approve ? 'cards.decision.approve' : 'cards.decision.reject')}
      okButtonProps={{ danger: !approve, 'data-testid': 'decision-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {approve ? (
        <Alert type="warning" showIcon className="fz-gap-bottom" title={t('cards.decision.approveBody', { years: p.years })} description={t('cards.decision.fiveYears')} />
      ) : (
        <Typography.Paragraph type="secondary">{t('cards.decision.rejectBody')}</Typography.Paragraph>
      )}
      <Form name="punishment-decision" form={form} layout="vertical" onFinish={(v) => save.mutate(v.note?.trim() || undefined)}>
        <Form.Item name="note" label={t('cards.decision.note')} rules={[...(approve ? [] : [{ required: true, whitespace: true, message: t('cards.decision.reasonRequired') }]), { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="decision-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
