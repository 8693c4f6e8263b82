import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Role } from '../../../../../src/lib/roles.ts';
import type { OrgDto } from '../../../api/orgs.ts';
import { createToken } from '../../../api/tokens.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { showError } from '../../../lib/notify.ts';
import { rolesForKind } from '../../../lib/roles-for-kind.ts';
import { required } from '../../../lib/rules.ts';
import { OrgTreeSelect } from '../org-tree-select.tsx';
import { RoleSelect } from '../users/role-select.tsx';
import { TOKENS_KEY } from './tokens-key.ts';

interface Values {
  name: string;
  orgCode: string;
  role: Role;
  expiresAt?: Dayjs | null;
}

export function TokenCreateModal({ orgs, onClose, onCreated }: { orgs: readonly OrgDto[]; onClose: () => void; onCreated: (token: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const orgCode = Form.useWatch('orgCode', form);
  const kind = orgs.find((o) => o.code === orgCode)?.kind;

  const create = useMutation({
    mutationFn: (v: Values) =>
      createToken({
        name: v.name.trim(),
        orgCode: v.orgCode,
        role: v.role,
        // The end of the chosen day in the user's time zone, sent with its offset.
        ...(v.expiresAt ? { expiresAt: v.expiresAt.endOf('day').format() } : {}),
      }),
    onSuccess: async (out) => {
      await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
      onCreated(out.token);
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, ['name', 'orgCode', 'role', 'expiresAt'])) showError(err);
    },
    meta: { handlesError: true },
  });

  return (
    <Modal
      open
      title={t('tokens.createTitle')}
      okText={t('tokens.new')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'token-create-submit' }}
    >
      <Form<Values>
        name="token-create"
        form={form}
        layout="vertical"
        onFinish={(v) => create.mutate(v)}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.orgCode !== undefined) {
            // Partner institutions have exactly one fitting role: pick it.
            const allowed = rolesForKind(orgs.find((o) => o.code === changed.orgCode)?.kind);
            const role = form.getFieldValue('role') as Role | undefined;
            if (!role || !allowed.includes(role)) form.setFieldsValue({ role: allowed.length === 1 ? allowed[0] : undefined });
          }
        }}
      >
        <Form.Item name="name" label={t('tokens.name')} rules={[required(t), { max: 100 }]}>
          <Input placeholder={t('tokens.namePlaceholder')} maxLength={100} data-testid="token-name" />
        </Form.Item>
        <Form.Item name="orgCode" label={t('tokens.org')} rules={[{ required: true, message: t('common.required') }]}>
          <OrgTreeSelect orgs={orgs} testId="token-org" />
        </Form.Item>
        <Form.Item name="role" label={t('tokens.role')} rules={[{ required: true, message: t('common.required') }]}>
          <RoleSelect kind={kind} testId="token-role" />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('tokens.expiresAt')} extra={t('tokens.noExpiryHint')}>
          <DatePicker className="fz-full-width" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
