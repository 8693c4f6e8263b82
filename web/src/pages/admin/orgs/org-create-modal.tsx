import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import type { OrgKind } from '../../../../../src/lib/roles.ts';
import { createOrg, type OrgDto } from '../../../api/orgs.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { kindLabel } from '../../../i18n/labels.ts';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { childKinds, REGION_LENGTH, suggestRegionCode } from '../../../lib/org-tree.ts';
import { orgCodeRule, regionCodeRule, required } from '../../../lib/rules.ts';
import { ORGS_KEY } from '../use-orgs.ts';

interface Values {
  kind: OrgKind;
  code: string;
  name: string;
  regionCode?: string;
}

const FIELDS = ['kind', 'code', 'name', 'regionCode', 'parentCode'] as const;

export function OrgCreateModal({ parent, orgs, onClose, onCreated }: { parent: OrgDto; orgs: OrgDto[]; onClose: () => void; onCreated: (o: OrgDto) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const kinds = childKinds(parent.kind);
  const kind = Form.useWatch('kind', form);

  const create = useMutation({
    mutationFn: (v: Values) =>
      createOrg({ code: v.code.trim(), name: v.name.trim(), kind: v.kind, parentCode: parent.code, ...(v.regionCode ? { regionCode: v.regionCode.trim() } : {}) }),
    onSuccess: async (org) => {
      showSuccess(t('common.created'));
      await queryClient.invalidateQueries({ queryKey: ORGS_KEY });
      onCreated(org);
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, FIELDS)) showError(err);
    },
    meta: { handlesError: true },
  });

  // Jurisdiction units are usually coded by their region code: offer the next free one for both.
  const onKindChange = (k: OrgKind) => {
    const region = suggestRegionCode(parent, k, orgs);
    form.setFieldsValue({ regionCode: region, code: region ?? form.getFieldValue('code') });
  };

  const initialKind = kinds[0];
  const initialRegion = initialKind ? suggestRegionCode(parent, initialKind, orgs) : undefined;

  return (
    <Modal
      open
      title={t('orgs.createTitle', { parent: parent.name })}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values>
        name="org-create"
        form={form}
        layout="vertical"
        initialValues={{ kind: initialKind, regionCode: initialRegion, code: initialRegion }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="kind" label={t('orgs.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={kinds.map((k) => ({ value: k, label: kindLabel(t, k) }))} onChange={onKindChange} />
        </Form.Item>
        <Form.Item name="name" label={t('orgs.name')} rules={[required(t), { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="code" label={t('orgs.code')} extra={t('orgs.codeHint')} rules={[required(t), orgCodeRule(t)]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('orgs.region')} extra={t('orgs.regionHint')} rules={[regionCodeRule(t, kind ? REGION_LENGTH[kind] : undefined)]}>
          <Input maxLength={12} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
