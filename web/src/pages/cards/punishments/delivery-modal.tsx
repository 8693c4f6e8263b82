import { useMutation } from '@tanstack/react-query';
import { DatePicker, Form, Modal, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { recordDelivery, type DeliveryMethod, type PunishmentDetailDto } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { serverDayjs } from '../../../lib/server-time.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { placeFieldErrors, showCardsError } from '../shared/errors.ts';
import { DELIVERY_METHODS, deliveryLabel } from '../shared/labels.ts';
import { usePunishmentRefresh } from './use-punishment-step.ts';

interface Values {
  method: DeliveryMethod;
  at: Dayjs;
}

/** How and when the written notice reached the person (送达). */
export function DeliveryModal({ p, onClose }: { p: PunishmentDetailDto; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const refresh = usePunishmentRefresh();
  const now = serverDayjs();
  const save = useMutation({
    mutationFn: (v: Values) => recordDelivery(p.id, { method: v.method, at: v.at.second(0).millisecond(0).format() }),
    onSuccess: async (detail) => {
      showSuccess(t('cards.delivery.saved', { no: detail.noticeNo }));
      await refresh.apply(detail);
      onClose();
    },
    onError: (err) => {
      refresh.onConflict(err);
      if (!placeFieldErrors(form, err, t, ['method', 'at'])) showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
  return (
    <Modal
      open
      title={t('cards.delivery.title', { no: p.noticeNo })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'delivery-submit' }}
    >
      <Typography.Paragraph type="secondary">{t('cards.delivery.intro')}</Typography.Paragraph>
      <Form<Values> name="punishment-delivery" form={form} layout="vertical" initialValues={{ method: 'in_person', at: now }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="method" label={t('cards.delivery.method')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={DELIVERY_METHODS.map((m) => ({ value: m, label: <span data-testid={`delivery-method-${m}`}>{deliveryLabel(t, m)}</span> }))} />
        </Form.Item>
        <Form.Item name="at" label={t('cards.delivery.at')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="fz-full-width" disabledDate={(d) => d.isAfter(now.endOf('day'))} data-testid="delivery-at" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
