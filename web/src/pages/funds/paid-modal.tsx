import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Descriptions, Form, Input, Modal, Typography, type DescriptionsProps } from 'antd';
import { confirmReturnPaid, type BankReturnDto } from '../../api/funds.ts';
import { ApiError } from '../../api/problem.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { showError, showSuccess } from '../../lib/notify.ts';
import { AccountText } from '../cases/shared/account-text.tsx';
import { placeFieldErrors } from '../cases/shared/field-errors.ts';
import { BANK_FREEZES_KEY, BANK_RETURNS_KEY, CASES_KEY } from '../cases/shared/keys.ts';
import { returnMethodLabel } from '../cases/shared/labels.ts';
import { yuan } from '../cases/shared/money.ts';

/**
 * The bank paid an approved return to the victims: it confirms with its own transaction reference; the
 * freeze's returned amount grows by the return's total.
 */
export function PaidModal({ ret: r, onClose }: { ret: BankReturnDto; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reference: string }>();
  const save = useMutation({
    mutationFn: (v: { reference: string }) => confirmReturnPaid(r.id, v.reference.trim()),
    onSuccess: async (out) => {
      showSuccess(t('funds.return.paidSaved', { id: out.id, amount: yuan(out.totalAmount) }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: BANK_RETURNS_KEY }),
        queryClient.invalidateQueries({ queryKey: BANK_FREEZES_KEY }),
        queryClient.invalidateQueries({ queryKey: CASES_KEY }),
      ]);
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        void queryClient.invalidateQueries({ queryKey: BANK_RETURNS_KEY });
        showError(err);
        onClose();
        return;
      }
      const rest = placeFieldErrors(form, err, t, (p) => (p[0] === 'reference' ? ['reference'] : null));
      if (rest === null || rest.length > 0) showError(err);
    },
    meta: { handlesError: true },
  });
  const info: DescriptionsProps['items'] = [
    { key: 'no', label: t('cases.return.no'), children: `#${r.id}` },
    { key: 'case', label: t('funds.field.caseNo'), children: r.caseNo },
    { key: 'account', label: t('funds.return.fromAccount'), children: <AccountText account={r.account} strong /> },
    { key: 'method', label: t('cases.return.method'), children: returnMethodLabel(t, r.method) },
    { key: 'total', label: t('cases.return.total'), children: <Typography.Text strong>¥{yuan(r.totalAmount)}</Typography.Text> },
    {
      key: 'shares',
      label: t('cases.return.shares'),
      children: (
        <div className="fz-cs-stack">
          {r.shares.map((s) => (
            <span key={s.caseId}>
              {s.caseNo} <Typography.Text strong>¥{yuan(s.amount)}</Typography.Text>
            </span>
          ))}
        </div>
      ),
    },
  ];
  return (
    <Modal
      open
      width={620}
      title={t('funds.return.paidTitle', { id: r.id })}
      okText={t('funds.return.paidSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'paid-submit' }}
      destroyOnHidden
    >
      <div data-testid="paid-modal">
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={info} bordered styles={{ label: { whiteSpace: 'nowrap' } }} className="fz-gap-bottom" />
        <Alert type="info" showIcon className="fz-gap-bottom" title={t('funds.return.paidIntro')} />
        <Form<{ reference: string }> form={form} name="return-paid" layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item
            name="reference"
            label={t('funds.return.reference')}
            rules={[
              { required: true, whitespace: true, message: t('common.required') },
              { max: 100, message: t('money.err.tooLong', { n: 100 }) },
            ]}
          >
            <Input maxLength={100} data-testid="paid-reference" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
