import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { resetPassword, type UserDto } from '../../../api/users.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { passwordRule, required } from '../../../lib/rules.ts';

interface Values {
  password: string;
  confirm: string;
}

export function PasswordModal({ user, onClose }: { user: UserDto; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const reset = useMutation({
    mutationFn: (v: Values) => resetPassword(user.id, v.password),
    onSuccess: () => {
      showSuccess(t('users.resetDone'));
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, ['password'])) showError(err);
    },
    meta: { handlesError: true },
  });
  return (
    <Modal
      open
      title={t('users.resetTitle', { name: user.username })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values> name="password-reset" form={form} layout="vertical" onFinish={(v) => reset.mutate(v)}>
        <Form.Item name="password" label={t('users.newPassword')} extra={t('users.passwordHint')} rules={[required(t), passwordRule(t)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('users.confirmPassword')}
          dependencies={['password']}
          rules={[
            required(t),
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                if (value && value !== getFieldValue('password')) throw new Error(t('users.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
