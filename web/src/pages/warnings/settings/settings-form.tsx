import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { saveWarningSettings, type WarningSettingsDto } from '../../../api/warnings.ts';
import { ApiError } from '../../../api/problem.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { SETTINGS_KEY } from '../shared/keys.ts';
import { storeAnswer } from '../../../lib/store-answer.ts';

interface Values {
  emergency: number;
  high: number;
  normal: number;
  repeatWindowDays: number;
}

const LEVELS = ['emergency', 'high', 'normal'] as const;

export function SettingsForm({ value }: { value: WarningSettingsDto }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [orderError, setOrderError] = useState(false);
  const watched = Form.useWatch((v: Values) => v, form);
  const save = useMutation({
    mutationFn: (v: Values) => saveWarningSettings({ deadlines: { emergency: v.emergency, high: v.high, normal: v.normal }, repeatWindowDays: v.repeatWindowDays }),
    onSuccess: async (saved) => {
      await storeAnswer(queryClient, SETTINGS_KEY, saved);
      showSuccess(t('common.saved'));
    },
    // The server's one cross-field rule ("deadlines": emergency ≤ high ≤ normal) has no single field.
    onError: (err) => {
      if (err instanceof ApiError && err.errors.some((e) => e.path.endsWith('deadlines'))) setOrderError(true);
      else showError(err);
    },
    meta: { handlesError: true },
  });
  const submit = (v: Values) => {
    const ordered = v.emergency <= v.high && v.high <= v.normal;
    setOrderError(!ordered);
    if (ordered) save.mutate(v);
  };
  return (
    <Form<Values>
      name="warning-settings"
      form={form}
      layout="vertical"
      initialValues={{ ...value.deadlines, repeatWindowDays: value.repeatWindowDays }}
      onFinish={submit}
      onValuesChange={() => setOrderError(false)}
    >
      <Typography.Paragraph type="secondary">{t('warnings.settings.intro')}</Typography.Paragraph>
      {LEVELS.map((l) => {
        const minutes = watched?.[l];
        return (
          <Form.Item
            key={l}
            name={l}
            label={t(`warnings.settings.${l}`)}
            extra={typeof minutes === 'number' ? t('warnings.settings.hours', { h: Math.round((minutes / 60) * 10) / 10 }) : undefined}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={5} max={43_200} step={30} precision={0} className="fz-full-width" data-testid={`settings-${l}`} />
          </Form.Item>
        );
      })}
      <Form.Item name="repeatWindowDays" label={t('warnings.settings.repeatWindowDays')} rules={[{ required: true, message: t('common.required') }]}>
        <InputNumber min={1} max={365} precision={0} className="fz-full-width" data-testid="settings-repeat" />
      </Form.Item>
      {orderError && <Alert type="error" showIcon className="fz-gap-bottom" title={t('warnings.settings.order')} />}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}
