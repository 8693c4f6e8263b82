import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { isValidIdNumber } from '../../../../../src/lib/id-number.ts';
import { forwardAppeal, type AppealCreatedDto } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { placeFieldErrors, showCardsError } from '../shared/errors.ts';
import { APPEALS_KEY } from '../shared/keys.ts';

interface Values {
  idNumber: string;
  grounds: string;
}

/** A customer's appeal against a measure in force, forwarded by ID number to the center (answered within 15 days). */
export function AppealForward({ initialIdNumber }: { initialIdNumber?: string | undefined }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  // The appeals tab lists them too; what was forwarded here stays on screen for the session as a receipt.
  const [sent, setSent] = useState<(AppealCreatedDto & { idNumber: string })[]>([]);
  const save = useMutation({
    mutationFn: (v: Values) => forwardAppeal({ idNumber: v.idNumber.trim().toUpperCase(), grounds: v.grounds.trim() }),
    onSuccess: (a, v) => {
      showSuccess(t('cards.partner.forwarded', { id: a.id }));
      setSent((s) => [{ ...a, idNumber: v.idNumber.trim().toUpperCase() }, ...s]);
      void queryClient.invalidateQueries({ queryKey: APPEALS_KEY });
      // Cleared for the next customer (a reset would bring back the ID number the form was opened with).
      form.setFieldsValue({ idNumber: '', grounds: '' });
    },
    onError: (err) => {
      if (!placeFieldErrors(form, err, t, ['idNumber', 'grounds'])) showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
  return (
    <Card variant="borderless" size="small" title={t('cards.partner.appealTitle')} data-testid="partner-appeal">
      <Typography.Paragraph type="secondary" className="fz-small">
        {t('cards.partner.appealIntro')}
      </Typography.Paragraph>
      <Form<Values> name="partner-appeal" form={form} layout="vertical" initialValues={{ idNumber: initialIdNumber ?? '', grounds: '' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="idNumber"
          label={t('cards.partner.idNumber')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { validator: (_r, v: string | undefined) => (!v || isValidIdNumber(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(t('cards.err.idNumber')))) },
          ]}
        >
          <Input maxLength={18} autoComplete="off" className="fz-cd-mono" data-testid="appeal-id" />
        </Form.Item>
        <Form.Item name="grounds" label={t('cards.partner.grounds')} extra={t('cards.partner.groundsHint')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 5, message: t('cards.appeal.groundsMin') }, { max: 5000 }]}>
          <Input.TextArea rows={4} maxLength={5000} data-testid="appeal-grounds" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="appeal-submit">
          {t('cards.partner.forward')}
        </Button>
      </Form>
      {sent.length > 0 && (
        <>
          <Alert type="info" showIcon className="fz-gap-top" title={t('cards.partner.sentNote')} />
          <ul className="fz-cd-sent" data-testid="appeal-sent">
            {sent.map((a) => (
              <li key={a.id} data-testid={`appeal-sent-${a.id}`}>
                <span className="fz-cd-stack">
                  <Typography.Text strong>{t('cards.appeal.no', { id: a.id })}</Typography.Text>
                  <Typography.Text type="secondary" className="fz-small fz-cd-mono">
                    {a.idNumber}
                  </Typography.Text>
                </span>
                <Typography.Text type="secondary" className="fz-small">
                  {t('cards.partner.dueBy', { at: dayjs(a.dueAt).format('YYYY-MM-DD') })}
                </Typography.Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
