import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import type { Role } from '../../../../../src/lib/roles.ts';
import type { OrgDto } from '../../../api/orgs.ts';
import { createUser } from '../../../api/users.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { rolesForKind } from '../../../lib/roles-for-kind.ts';
import { passwordRule, phoneRule, required, usernameRule } from '../../../lib/rules.ts';
import { OrgTreeSelect } from '../org-tree-select.tsx';
import { RoleSelect } from './role-select.tsx';

interface Values {
  username: string;
  displayName: string;
  password: string;
  orgCode: string;
  role: Role;
  phone?: string;
}

const FIELDS = ['username', 'displayName', 'password', 'orgCode', 'role', 'phone'] as const;

export function UserCreateModal({ orgs, onClose }: { orgs: readonly OrgDto[]; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const orgCode = Form.useWatch('orgCode', form);
  const kind = orgs.find((o) => o.code === orgCode)?.kind;

  const create = useMutation({
    mutationFn: (v: Values) =>
      createUser({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        password: v.password,
        orgCode: v.orgCode,
        role: v.role,
        ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
      }),
    onSuccess: async () => {
      showSuccess(t('common.created'));
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, FIELDS)) showError(err);
    },
    meta: { handlesError: true },
  });

  return (
    <Modal
      open
      title={t('users.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values>
        name="user-create"
        form={form}
        layout="vertical"
        onFinish={(v) => create.mutate(v)}
        onValuesChange={(changed: Partial<Values>) => {
          // A new organisation may not allow the role picked for the old one.
          if (changed.orgCode !== undefined) {
            const allowed = rolesForKind(orgs.find((o) => o.code === changed.orgCode)?.kind);
            const role = form.getFieldValue('role') as Role | undefined;
            if (!role || !allowed.includes(role)) form.setFieldsValue({ role: allowed.length === 1 ? allowed[0] : undefined });
          }
        }}
      >
        <Form.Item name="username" label={t('users.username')} extra={t('users.usernameHint')} rules={[required(t), usernameRule(t)]}>
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required(t), { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="password" label={t('users.password')} extra={t('users.passwordHint')} rules={[required(t), passwordRule(t)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="orgCode" label={t('users.org')} rules={[{ required: true, message: t('common.required') }]}>
          <OrgTreeSelect orgs={orgs} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('common.required') }]}>
          <RoleSelect kind={kind} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} extra={t('users.phoneHint')} rules={[phoneRule(t)]}>
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
