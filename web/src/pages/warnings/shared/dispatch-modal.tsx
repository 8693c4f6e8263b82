import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { ApiError } from '../../../api/problem.ts';
import { dispatchWarning, type WarningSummaryDto } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { OrgTreeSelect } from '../../admin/org-tree-select.tsx';
import { WARNINGS_KEY, warningDetailKey } from './keys.ts';
import { useUnitOrgs } from './use-jurisdiction-orgs.ts';
import { storeAnswer } from '../../../lib/store-answer.ts';

interface Values {
  orgCode: string;
  note?: string;
}

const FIELDS = ['orgCode', 'note'] as const;

/** Sends a warning from the center's triage (or re-assigns it) to a county, station, township or grid. */
export function DispatchModal({ warning, onClose }: { warning: Pick<WarningSummaryDto, 'id'>; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const orgs = useUnitOrgs();
  const save = useMutation({
    mutationFn: (v: Values) => dispatchWarning(warning.id, { orgCode: v.orgCode, note: v.note?.trim() || undefined }),
    onSuccess: async (detail) => {
      await storeAnswer(queryClient, warningDetailKey(detail.id), detail);
      showSuccess(t('warnings.dispatch.done', { org: detail.assignedOrgName }));
      await queryClient.invalidateQueries({ queryKey: WARNINGS_KEY });
      onClose();
    },
    // A 409 (someone else acted first) has no field: its detail goes to the message, and the lists
    // are fetched again so they show where the warning really is.
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) void queryClient.invalidateQueries({ queryKey: WARNINGS_KEY });
      if (!applyFieldErrors(form, err, FIELDS)) showError(err);
    },
    meta: { handlesError: true },
  });
  return (
    <Modal
      open
      title={t('warnings.dispatch.title', { id: warning.id })}
      okText={t('warnings.action.dispatch')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'dispatch-submit' }}
    >
      <Form<Values> name="warning-dispatch" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="orgCode" label={t('warnings.dispatch.org')} extra={t('warnings.dispatch.orgHint')} rules={[{ required: true, message: t('common.required') }]}>
          <OrgTreeSelect orgs={orgs.data ?? []} testId="dispatch-org" />
        </Form.Item>
        <Form.Item name="note" label={t('warnings.dispatch.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
