import { useMutation } from '@tanstack/react-query';
import { DatePicker, Form, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { assignLead, type LeadDto } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { serverDayjs } from '../../../lib/server-time.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { OrgTreeSelect } from '../../admin/org-tree-select.tsx';
import { placeFieldErrors, showCardsError } from '../shared/errors.ts';
import { useVerifyingOrgs } from '../shared/orgs.ts';
import { useLeadRefresh } from './use-lead-step.ts';

interface Values {
  orgCode: string;
  dueAt?: Dayjs | null;
}

/** The center hands a lead to another county, station or township, with a new deadline (the default period when left empty). */
export function AssignModal({ lead, onClose }: { lead: LeadDto; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const orgs = useVerifyingOrgs();
  const refresh = useLeadRefresh();
  const save = useMutation({
    mutationFn: (v: Values) => assignLead(lead.id, { orgCode: v.orgCode, dueAt: v.dueAt ? v.dueAt.endOf('day').format() : undefined }),
    onSuccess: async (detail) => {
      showSuccess(t('cards.assign.done', { no: detail.leadNo, org: detail.orgName }));
      await refresh.apply(detail);
      onClose();
    },
    onError: (err) => {
      refresh.onConflict(err);
      if (!placeFieldErrors(form, err, t, ['orgCode', 'dueAt'])) showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
  const today = serverDayjs().startOf('day');
  return (
    <Modal
      open
      title={t('cards.assign.title', { no: lead.leadNo })}
      okText={t('cards.assign.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'lead-assign-submit' }}
    >
      <Form<Values> name="lead-assign" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Typography.Paragraph type="secondary">{t('cards.assign.current', { org: lead.orgName })}</Typography.Paragraph>
        <Form.Item name="orgCode" label={t('cards.assign.org')} extra={t('cards.assign.orgHint')} rules={[{ required: true, message: t('common.required') }]}>
          <OrgTreeSelect orgs={orgs.units} testId="lead-assign-org" />
        </Form.Item>
        <Form.Item name="dueAt" label={t('cards.assign.due')} extra={t('cards.assign.dueHint')}>
          <DatePicker className="fz-full-width" disabledDate={(d) => d.isBefore(today)} data-testid="lead-assign-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
