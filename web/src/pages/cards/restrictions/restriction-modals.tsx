import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { answerRestrictionAppeal, getRestriction, liftRestriction, submitRestrictionAppeal, type AppealDto, type RestrictionDetailDto, type RestrictionLiftReason } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { placeFieldErrors, showCardsError } from '../shared/errors.ts';
import { LIFT_REASONS, liftReasonLabel } from '../shared/labels.ts';
import { useRestrictionRefresh } from './use-restriction-step.ts';

interface LiftValues {
  reason: RestrictionLiftReason;
  note?: string;
}

/** The institution lifts its restriction: re-verified, placed in error, or another reason written out. */
export function LiftModal({ r, onClose }: { r: RestrictionDetailDto; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<LiftValues>();
  const reason = Form.useWatch('reason', form);
  const refresh = useRestrictionRefresh();
  const save = useMutation({
    mutationFn: (v: LiftValues) => liftRestriction(r.id, { reason: v.reason, note: v.note?.trim() || undefined }),
    onSuccess: async (detail) => {
      showSuccess(t('cards.restriction.liftedDone', { no: detail.restrictionNo }));
      await refresh.apply(detail);
      onClose();
    },
    onError: (err) => {
      refresh.onConflict(err);
      if (!placeFieldErrors(form, err, t, ['reason', 'note'])) showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
  return (
    <Modal
      open
      title={t('cards.lift.title', { no: r.restrictionNo })}
      okText={t('cards.lift.submit')}
      okButtonProps={{ danger: true, 'data-testid': 'lift-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('cards.lift.intro')}</Typography.Paragraph>
      <Form<LiftValues> name="restriction-lift" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="reason" label={t('cards.lift.reason')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group className="fz-cd-radios" data-testid="lift-reason">
            {LIFT_REASONS.map((x) => (
              <Radio key={x} value={x} data-testid={`lift-reason-${x}`}>
                <span>{liftReasonLabel(t, x)}</span>
                <Typography.Text type="secondary" className="fz-small fz-cd-radio-hint">
                  {t(`cards.liftHint.${x}`)}
                </Typography.Text>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('cards.lift.note')} rules={[...(reason === 'other' ? [{ required: true, whitespace: true, message: t('cards.lift.noteRequired') }] : []), { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="lift-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * A person's appeal against the restriction: recorded by the institution that received it, or forwarded by
 * the center when the person brought it to the police (the institution is told and answers it).
 */
export function RestrictionAppealModal({ r, forwarded, onClose }: { r: RestrictionDetailDto; forwarded: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ grounds: string }>();
  const refresh = useRestrictionRefresh();
  const save = useMutation({
    // The answer names the appeal only: the restriction is fetched again to show it in its panel.
    mutationFn: async (grounds: string) => {
      const a = await submitRestrictionAppeal(r.id, grounds);
      return { appealId: a.id, detail: await getRestriction(r.id) };
    },
    onSuccess: async ({ appealId, detail }) => {
      showSuccess(t(forwarded ? 'cards.rappeal.forwarded' : 'cards.rappeal.recorded', { id: appealId }));
      await refresh.apply(detail);
      onClose();
    },
    onError: (err) => {
      refresh.onConflict(err);
      if (!placeFieldErrors(form, err, t, ['grounds'])) showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
  return (
    <Modal
      open
      title={t(forwarded ? 'cards.rappeal.forwardTitle' : 'cards.rappeal.recordTitle', { no: r.restrictionNo })}
      okText={t('cards.appeal.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'rappeal-submit' }}
    >
      <Typography.Paragraph type="secondary">{t(forwarded ? 'cards.rappeal.forwardIntro' : 'cards.rappeal.recordIntro')}</Typography.Paragraph>
      <Form name="restriction-appeal" form={form} layout="vertical" onFinish={(v) => save.mutate(v.grounds.trim())}>
        <Form.Item name="grounds" label={t('cards.appeal.grounds')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 5, message: t('cards.appeal.groundsMin') }, { max: 5000 }]}>
          <Input.TextArea rows={4} maxLength={5000} placeholder={t('cards.partner.groundsHint')} data-testid="rappeal-grounds" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AnswerValues {
  upheld: boolean;
  answer: string;
}

/** The institution answers a reviewed appeal; upheld lifts the restriction at once (art. 32). */
export function RestrictionAnswerModal({ appeal, onClose }: { appeal: AppealDto; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<AnswerValues>();
  const upheld = Form.useWatch('upheld', form);
  const refresh = useRestrictionRefresh();
  const save = useMutation({
    mutationFn: (v: AnswerValues) => answerRestrictionAppeal(appeal.id, { upheld: v.upheld, answer: v.answer.trim() }),
    onSuccess: async (detail) => {
      showSuccess(t(detail.status === 'lifted' ? 'cards.rappeal.liftedDone' : 'cards.rappeal.answered', { no: detail.restrictionNo }));
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
      okButtonProps={{ 'data-testid': 'rappeal-answer-submit' }}
    >
      <Typography.Paragraph>
        <Typography.Text type="secondary">
          {t('cards.appeal.grounds')}
          {t('cards.colon')}
        </Typography.Text>
        {appeal.grounds}
      </Typography.Paragraph>
      <Form<AnswerValues> name="restriction-appeal-answer" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="upheld" label={t('cards.appeal.verdict')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: <span data-testid="rappeal-upheld">{t('cards.appealStatus.upheld')}</span> },
              { value: false, label: <span data-testid="rappeal-rejected">{t('cards.appealStatus.rejected')}</span> },
            ]}
          />
        </Form.Item>
        {upheld === true && <Alert type="warning" showIcon className="fz-gap-bottom" title={t('cards.rappeal.upheldHint')} />}
        <Form.Item name="answer" label={t('cards.appeal.answerText')} extra={t('cards.rappeal.answerHint')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 5, message: t('cards.appeal.groundsMin') }, { max: 5000 }]}>
          <Input.TextArea rows={4} maxLength={5000} data-testid="rappeal-answer-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
