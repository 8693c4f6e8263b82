import { useMutation } from '@tanstack/react-query';
import { Alert, Descriptions, Form, Input, Modal, Select, type DescriptionsProps } from 'antd';
import { releaseFreeze, renewFreeze, type FreezeDto } from '../../../api/cases.ts';
import { ApiError } from '../../../api/problem.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { AccountText } from '../shared/account-text.tsx';
import { placeFieldErrors } from '../shared/field-errors.ts';
import { fromFen, toFen, yuan } from '../shared/money.ts';
import { documentRules } from './freeze-modal.tsx';
import { useCaseRefresh } from './use-case-mutation.ts';

interface Values {
  documentNo: string;
  months?: number;
  note?: string;
}

const FIELDS = new Set(['documentNo', 'months', 'note']);
const MONTHS = Array.from({ length: 12 }, (_v, i) => i + 1);

/**
 * 续冻 (another period from the current end, with the new document) or 解冻 (with the release document):
 * both only for a freeze in force.
 */
export function FreezeDocModal({ caseId, freeze: f, mode, onClose }: { caseId: number; freeze: FreezeDto; mode: 'renew' | 'release'; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { apply, onConflict } = useCaseRefresh(caseId);
  const save = useMutation({
    mutationFn: (v: Values) =>
      mode === 'renew'
        ? renewFreeze(f.id, { documentNo: v.documentNo.trim(), months: v.months })
        : releaseFreeze(f.id, { documentNo: v.documentNo.trim(), ...(v.note?.trim() ? { note: v.note.trim() } : {}) }),
    onSuccess: async (out) => {
      showSuccess(mode === 'renew' ? t('cases.freeze.renewed', { until: formatDateTime(out.expiresAt) }) : t('cases.freeze.released'));
      await apply();
      onClose();
    },
    onError: (err) => {
      onConflict(err);
      if (err instanceof ApiError && err.status === 409) {
        showError(err);
        onClose();
        return;
      }
      const rest = placeFieldErrors(form, err, t, (p) => (p.length === 1 && FIELDS.has(String(p[0])) ? p : null));
      if (rest === null || rest.length > 0) showError(err);
    },
    meta: { handlesError: true },
  });
  const held = f.frozenAmount ? fromFen(Math.max(0, toFen(f.frozenAmount) - toFen(f.returnedAmount))) : '0';
  const info: DescriptionsProps['items'] = [
    { key: 'account', label: t('cases.freeze.account'), children: <AccountText account={f.account} /> },
    { key: 'bank', label: t('cases.freeze.bank'), children: f.bank },
    { key: 'doc', label: t('cases.freeze.currentDocument'), children: f.documentNo },
    { key: 'frozen', label: t('cases.freeze.frozenAmount'), children: `¥${yuan(f.frozenAmount ?? '0')}` },
    { key: 'expires', label: t('cases.freeze.expiresAt'), children: formatDateTime(f.expiresAt) || t('common.none') },
    { key: 'renewals', label: t('cases.freeze.renewalsLabel'), children: t('cases.freeze.renewalsN', { n: f.renewals }) },
  ];
  const testId = mode === 'renew' ? 'freeze-renew' : 'freeze-release';
  return (
    <Modal
      open
      width={600}
      title={t(mode === 'renew' ? 'cases.freeze.renewTitle' : 'cases.freeze.releaseTitle', { tail: f.account.slice(-4) })}
      okText={t(mode === 'renew' ? 'cases.freeze.renew' : 'cases.freeze.release')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ danger: mode === 'release', 'data-testid': `${testId}-ok` }}
      destroyOnHidden
    >
      <Descriptions size="small" column={2} items={info} bordered styles={{ label: { whiteSpace: 'nowrap' } }} className="fz-gap-bottom" />
      {mode === 'release' && Number(held) > 0 && <Alert type="warning" showIcon className="fz-gap-bottom" title={t('cases.freeze.releaseWarn', { amount: yuan(held) })} />}
      <Form<Values> form={form} name={testId} layout="vertical" initialValues={{ months: f.months }} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="documentNo"
          label={t(mode === 'renew' ? 'cases.freeze.renewDocument' : 'cases.freeze.releaseDocument')}
          rules={documentRules(t)}
          extra={mode === 'renew' ? t('cases.freeze.renewHelp') : undefined}
        >
          <Input maxLength={60} placeholder={t('cases.freeze.documentPlaceholder')} data-testid={`${testId}-document`} />
        </Form.Item>
        {mode === 'renew' ? (
          <Form.Item name="months" label={t('cases.freeze.months')} rules={[{ required: true, message: t('common.required') }]}>
            <Select<number> options={MONTHS.map((m) => ({ value: m, label: t('cases.freeze.monthsN', { n: m }) }))} data-testid="freeze-renew-months" />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={t('cases.action.note')} rules={[{ max: 2000, message: t('money.err.tooLong', { n: 2000 }) }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="freeze-release-note" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
