import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { createSerial, type ClusterCaseDto, type SharedIdentifierDto } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { placeFieldErrors } from '../shared/field-errors.ts';
import { identifierLabel } from '../shared/labels.ts';
import { CASES_KEY } from '../shared/keys.ts';
import { yuan } from '../shared/money.ts';

interface Values {
  name: string;
  caseIds: number[];
}

/**
 * 并案: the cases of a cluster become a serial case under a name; every case keeps its own record. The
 * server checks that each case shares an identifier with the others.
 */
export function SerialModal({ cases, shared, onClose }: { cases: ClusterCaseDto[]; shared: SharedIdentifierDto[]; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const first = shared[0];
  const suggested = first ? t('cases.serial.suggestedName', { kind: identifierLabel(t, first.kind), value: first.value }) : '';
  const save = useMutation({
    mutationFn: (v: Values) => createSerial({ name: v.name.trim(), caseIds: v.caseIds }),
    onSuccess: async (s) => {
      showSuccess(t('cases.serial.created', { no: s.serialNo, n: s.cases.length }));
      await queryClient.invalidateQueries({ queryKey: CASES_KEY });
      onClose();
      void navigate(`/cases/serials/${s.id}`);
    },
    onError: (err) => {
      // "caseIds.2" names one of the cases: the error goes on the list.
      const rest = placeFieldErrors(form, err, t, (p) => (p[0] === 'name' ? ['name'] : p[0] === 'caseIds' ? ['caseIds'] : null));
      if (rest === null || rest.length > 0) showError(err);
    },
    meta: { handlesError: true },
  });
  return (
    <Modal
      open
      width={600}
      title={t('cases.serial.mergeTitle')}
      okText={t('cases.serial.merge')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'serial-submit' }}
      destroyOnHidden
    >
      <Alert type="info" showIcon className="fz-gap-bottom" title={t('cases.serial.intro')} />
      <Form<Values> form={form} name="serial-create" layout="vertical" initialValues={{ name: suggested, caseIds: cases.map((c) => c.id) }} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="name"
          label={t('cases.serial.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { min: 2, max: 100, message: t('cases.serial.nameLength') },
          ]}
        >
          <Input maxLength={100} data-testid="serial-name" />
        </Form.Item>
        <Form.Item name="caseIds" label={t('cases.serial.cases')} rules={[{ required: true, type: 'array', min: 2, message: t('cases.serial.atLeastTwo') }]}>
          <Checkbox.Group className="fz-cs-stack">
            {cases.map((c) => (
              <Checkbox key={c.id} value={c.id} data-testid={`serial-case-${c.id}`}>
                <span className="fz-cs-no">{c.caseNo}</span>
                <Typography.Text type="secondary" className="fz-small">
                  {' '}
                  ¥{yuan(c.lossAmount)}
                  {c.serialNo ? ` · ${t('cases.serial.already', { no: c.serialNo })}` : ''}
                </Typography.Text>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
