import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useMemo } from 'react';
import { sendUnitNotice, type UnitNoticeDto, type UnitNoticeKind } from '../../../api/cards.ts';
import type { OrgDto } from '../../../api/orgs.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { OrgTreeSelect } from '../../admin/org-tree-select.tsx';
import { placeFieldErrors, showCardsError } from '../shared/errors.ts';
import { UNIT_NOTICES_KEY } from '../shared/keys.ts';
import { noticeKindLabel, UNIT_NOTICE_KINDS } from '../shared/labels.ts';
import { useActiveOrgs } from '../shared/orgs.ts';

/** ADDRESSEES in src/modules/cards/notices.ts: partners and member units, not police units. */
const ADDRESSEES: ReadonlySet<OrgDto['kind']> = new Set(['bank', 'bank_branch', 'operator', 'outlet', 'member_unit']);

interface Values {
  orgCode: string;
  kind: UnitNoticeKind;
  subject: string;
  body: string;
  replyDays: number;
}

/** The center sends a notice (提示函), a summons or a suspension proposal to a partner unit, with a reply deadline. */
export function SendNoticeModal({ onClose, onSent }: { onClose: () => void; onSent: (n: UnitNoticeDto) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const orgs = useActiveOrgs();
  const addressees = useMemo(() => (orgs.data ?? []).filter((o) => ADDRESSEES.has(o.kind)), [orgs.data]);
  const save = useMutation({
    mutationFn: (v: Values) => sendUnitNotice({ orgCode: v.orgCode, kind: v.kind, subject: v.subject.trim(), body: v.body.trim(), replyDays: v.replyDays }),
    onSuccess: async (n) => {
      showSuccess(t('cards.notice.sent', { no: n.noticeNo, org: n.toOrgName }));
      await queryClient.invalidateQueries({ queryKey: UNIT_NOTICES_KEY });
      onSent(n);
    },
    onError: (err) => {
      if (!placeFieldErrors(form, err, t, ['orgCode', 'kind', 'subject', 'body', 'replyDays'])) showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
  return (
    <Modal
      open
      width={640}
      title={t('cards.notice.sendTitle')}
      okText={t('cards.notice.send')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'notice-send-submit' }}
    >
      <Typography.Paragraph type="secondary">{t('cards.notice.sendIntro')}</Typography.Paragraph>
      <Form<Values> name="notice-send" form={form} layout="vertical" initialValues={{ kind: 'rectification', replyDays: 7 }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="orgCode" label={t('cards.notice.to')} extra={t('cards.notice.toHint')} rules={[{ required: true, message: t('common.required') }]}>
          <OrgTreeSelect orgs={addressees} testId="notice-send-org" />
        </Form.Item>
        <Form.Item name="kind" label={t('cards.notice.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={UNIT_NOTICE_KINDS.map((k) => ({ value: k, label: <span data-testid={`notice-send-kind-${k}`}>{noticeKindLabel(t, k)}</span> }))} />
        </Form.Item>
        <Form.Item name="subject" label={t('cards.notice.subject')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 2, message: t('cards.err.tooShort') }, { max: 200 }]}>
          <Input maxLength={200} placeholder={t('cards.notice.subjectPlaceholder')} data-testid="notice-send-subject" />
        </Form.Item>
        <Form.Item name="body" label={t('cards.notice.body')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 5, message: t('cards.appeal.groundsMin') }, { max: 20000 }]}>
          <Input.TextArea rows={6} maxLength={20000} data-testid="notice-send-body" />
        </Form.Item>
        <Form.Item name="replyDays" label={t('cards.notice.replyDays')} rules={[{ required: true, message: t('common.required') }, { type: 'integer', min: 1, max: 90 }]}>
          <InputNumber min={1} max={90} precision={0} suffix={t('cards.notice.days')} data-testid="notice-send-days" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
