import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { updateOrg, type OrgDto, type OrgUpdateInput } from '../../../api/orgs.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { REGION_LENGTH } from '../../../lib/org-tree.ts';
import { regionCodeRule, required } from '../../../lib/rules.ts';
import { ORGS_KEY } from '../use-orgs.ts';

interface Values {
  name: string;
  regionCode?: string;
}

export function OrgEditModal({ org, onClose }: { org: OrgDto; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();

  const save = useMutation({
    mutationFn: (patch: OrgUpdateInput) => updateOrg(org.code, patch),
    onSuccess: async () => {
      showSuccess(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ORGS_KEY });
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, ['name', 'regionCode'])) showError(err);
    },
    meta: { handlesError: true },
  });

  // Only what changed goes to the server, so the audit entry shows the actual change.
  const submit = (v: Values) => {
    const patch: OrgUpdateInput = {};
    const name = v.name.trim();
    const region = v.regionCode?.trim() || null;
    if (name !== org.name) patch.name = name;
    if (region !== org.regionCode) patch.regionCode = region;
    if (Object.keys(patch).length === 0) onClose();
    else save.mutate(patch);
  };

  return (
    <Modal
      open
      title={t('orgs.editTitle', { name: org.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values> name="org-edit" form={form} layout="vertical" initialValues={{ name: org.name, regionCode: org.regionCode ?? '' }} onFinish={submit}>
        <Form.Item name="name" label={t('orgs.name')} rules={[required(t), { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('orgs.region')} extra={
            <>
              {t('orgs.regionHint')}
              <br />
              {t('orgs.regionClear')}
            </>
          } rules={[regionCodeRule(t, REGION_LENGTH[org.kind])]}>
          <Input maxLength={12} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
