import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Checkbox, Form, Input, Modal, Switch } from 'antd';
import type { Role } from '../../../../../src/lib/roles.ts';
import type { OrgDto } from '../../../api/orgs.ts';
import { updateUser, type UserDto, type UserPatch } from '../../../api/users.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { rolesForKind } from '../../../lib/roles-for-kind.ts';
import { phoneRule, required } from '../../../lib/rules.ts';
import { OrgTreeSelect } from '../org-tree-select.tsx';
import { RoleSelect } from './role-select.tsx';

interface Values {
  displayName: string;
  orgCode: string;
  role: Role;
  phone?: string;
  clearPhone?: boolean;
  active: boolean;
  unlock?: boolean;
}

const FIELDS = ['displayName', 'orgCode', 'role', 'phone', 'active', 'unlock'] as const;

/** Only changed fields are sent, so the audit entry records what the admin actually changed. */
function diff(user: UserDto, v: Values): UserPatch {
  const patch: UserPatch = {};
  if (v.displayName.trim() !== user.displayName) patch.displayName = v.displayName.trim();
  if (v.orgCode !== user.orgCode) patch.orgCode = v.orgCode;
  if (v.role !== user.role) patch.role = v.role;
  if (v.clearPhone) patch.phone = null;
  else if (v.phone?.trim()) patch.phone = v.phone.trim();
  if (v.active !== user.active) patch.active = v.active;
  if (v.unlock) patch.unlock = true;
  return patch;
}

export function UserEditModal({ user, orgs, onClose }: { user: UserDto; orgs: readonly OrgDto[]; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const orgCode = Form.useWatch('orgCode', form) ?? user.orgCode;
  const clearPhone = Form.useWatch('clearPhone', form) ?? false;
  const kind = orgs.find((o) => o.code === orgCode)?.kind;

  const save = useMutation({
    mutationFn: (patch: UserPatch) => updateUser(user.id, patch),
    onSuccess: async () => {
      showSuccess(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, FIELDS)) showError(err);
    },
    meta: { handlesError: true },
  });

  const submit = (v: Values) => {
    const patch = diff(user, v);
    if (Object.keys(patch).length === 0) {
      showSuccess(t('users.noChanges'));
      onClose();
    } else save.mutate(patch);
  };

  return (
    <Modal
      open
      title={t('users.editTitle', { name: user.username })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values>
        name="user-edit"
        form={form}
        layout="vertical"
        initialValues={{ displayName: user.displayName, orgCode: user.orgCode, role: user.role, active: user.active }}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.orgCode !== undefined) {
            const allowed = rolesForKind(orgs.find((o) => o.code === changed.orgCode)?.kind);
            const role = form.getFieldValue('role') as Role | undefined;
            if (!role || !allowed.includes(role)) form.setFieldsValue({ role: allowed.length === 1 ? allowed[0] : undefined });
          }
        }}
      >
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required(t), { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="orgCode" label={t('users.org')} rules={[{ required: true, message: t('common.required') }]}>
          <OrgTreeSelect orgs={orgs} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('common.required') }]}>
          <RoleSelect kind={kind} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} extra={user.phone ? t('users.phoneKeep') : t('users.phoneHint')} rules={[phoneRule(t)]}>
          <Input inputMode="tel" maxLength={20} placeholder={user.phone ?? undefined} disabled={clearPhone} />
        </Form.Item>
        {user.phone && (
          <Form.Item name="clearPhone" valuePropName="checked" className="fz-tight">
            <Checkbox>{t('users.clearPhone')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="active" label={t('users.activeSwitch')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {user.locked && (
          <Form.Item name="unlock" valuePropName="checked">
            <Checkbox>{t('users.unlock')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
