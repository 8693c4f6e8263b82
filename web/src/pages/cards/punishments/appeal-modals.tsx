import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { answerAppeal, submitStaffAppeal, type AppealDto, type PunishmentDetailDto } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { placeFieldErrors, showCardsError } from '../shared/errors.ts';
import { APPEALS_KEY, PUNISHMENTS_KEY } from '../shared/keys.ts';
import { usePunishmentRefresh } from './use-punishment-step.ts';

/** Staff submit the person's appeal (made in person or in writing at the station). */
export function StaffAppealModal({ p, onClose }: { p: PunishmentDetailDto; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ grounds: string }>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (grounds: string) => submitStaffAppeal(p.id, grounds),
    onSuccess: async (a) => {
      showSuccess(t('cards.appeal.submitted', { id: a.id }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: PUNISHMENTS_KEY }), queryClient.invalidateQueries({ queryKey: APPEALS_KEY })]);
      onClose();
    },
    onError: (err) => {
      if (!placeFieldErrors(form, err, t, ['grounds'])) showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
  return (
    <Modal
      open
      title={t('cards.appeal.staffTitle', { no: p.noticeNo })}
      okText={t('cards.appeal.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'staff-appeal-submit' }}
    >
      <Typography.Paragraph type="secondary">{t('cards.appeal.staffIntro')}</Typography.Paragraph>
      <Form name="staff-appeal" form={form} layout="vertical" onFinish={(v) => save.mutate(v.grounds.trim())}>
        <Form.Item name="grounds" label={t('cards.appeal.grounds')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 5, message: t('cards.appeal.groundsMin') }, { max: 5000 }]}>
          <Input.TextArea rows={4} maxLength={5000} data-testid="staff-appeal-grounds" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AnswerValues {
  upheld: boolean;
  answer: string;
}

/** A leader answers a reviewed appeal; upheld lifts the measure at once. */
export function AnswerModal({ appeal, onClose }: { appeal: AppealDto; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<AnswerValues>();
  const upheld = Form.useWatch('upheld', form);
  const refresh = usePunishmentRefresh();
  const save = useMutation({
    mutationFn: (v: AnswerValues) => answerAppeal(appeal.id, { upheld: v.upheld, answer: v.answer.trim() }),
    onSuccess: async (detail) => {
      showSuccess(t(detail.status === 'lifted' ? 'cards.appeal.liftedDone' : 'cards.appeal.answered', { no: detail.noticeNo }));
      await refresh.apply(detail);
      onClose();
    },
    onError: (err) => {
      refresh.onConflict(err);
      if (!placeFieldErrors(form, err, t, ['upheld', 'answer'])) showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
  return (
    <Modal
      open
      title={t('cards.appeal.answerTitle', { id: appeal.id })}
      okText={t('cards.appeal.answer')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'appeal-answer-submit' }}
    >
      <Typography.Paragraph>
        <Typography.Text type="secondary">{t('cards.appeal.grounds')}{t('cards.colon')}</Typography.Text>
        {appeal.grounds}
      </Typography.Paragraph>
      <Form<AnswerValues> name="appeal-answer" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="upheld" label={t('cards.appeal.verdict')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: <span data-testid="appeal-upheld">{t('cards.appealStatus.upheld')}</span> },
              { value: false, label: <span data-testid="appeal-rejected">{t('cards.appealStatus.rejected')}</span> },
            ]}
          />
        </Form.Item>
        {upheld === true && <Alert type="warning" showIcon className="fz-gap-bottom" title={t('cards.appeal.upheldHint')} />}
        <Form.Item name="answer" label={t('cards.appeal.answerText')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 5, message: t('cards.appeal.groundsMin') }, { max: 5000 }]}>
          <Input.TextArea rows={4} maxLength={5000} data-testid="appeal-answer-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
