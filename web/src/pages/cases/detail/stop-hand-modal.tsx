import { useMutation } from '@tanstack/react-query';
import { Alert, Col, Form, Input, Modal, Row } from 'antd';
import { normalizeAccount } from '../../../../../src/lib/bank-account.ts';
import { requestStop } from '../../../api/cases.ts';
import { ApiError } from '../../../api/problem.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { placeFieldErrors } from '../shared/field-errors.ts';
import { accountRules, amountRules, requiredText } from '../shared/form-rules.ts';
import { parseAmount } from '../shared/paste.ts';
import { useCaseRefresh } from './use-case-mutation.ts';

export interface StopHandValues {
  account: string;
  bank: string;
  amount: string;
  accountName?: string;
}

const FIELDS = new Set(['account', 'bank', 'amount', 'accountName']);

/**
 * 手动止付: a stop-payment on an account the trace suggests below the proposal threshold, or one found
 * outside it; pending at once, sent to its bank. An account already asked for in the case is refused.
 */
export function StopHandModal({ caseId, initial, onClose }: { caseId: number; initial?: Partial<StopHandValues> | undefined; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<StopHandValues>();
  const { apply, onConflict } = useCaseRefresh(caseId);
  const save = useMutation({
    mutationFn: (v: StopHandValues) =>
      requestStop(caseId, {
        account: normalizeAccount(v.account),
        bank: v.bank.trim(),
        amount: parseAmount(v.amount) ?? v.amount.trim(),
        ...(v.accountName?.trim() ? { accountName: v.accountName.trim() } : {}),
      }),
    onSuccess: async (out) => {
      showSuccess(t('cases.stops.handSent', { n: out.stopPayments.length }));
      await apply();
      onClose();
    },
    onError: (err) => {
      onConflict(err);
      if (err instanceof ApiError && err.status === 409) {
        form.setFields([{ name: 'account', errors: [t('cases.stops.handConflict')] }]);
        return;
      }
      const rest = placeFieldErrors(form, err, t, (p) => (p.length === 1 && FIELDS.has(String(p[0])) ? p : null));
      if (rest === null || rest.length > 0) showError(err);
    },
    meta: { handlesError: true },
  });
  return (
    <Modal
      open
      width={600}
      title={t('cases.stops.handTitle')}
      okText={t('cases.stops.handSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'stop-hand-submit' }}
      destroyOnHidden
    >
      <Alert type="info" showIcon className="fz-gap-bottom" title={t('cases.stops.handIntro')} />
      <Form<StopHandValues> form={form} name="stop-hand" layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Row gutter={12}>
          <Col xs={24} sm={14}>
            <Form.Item name="account" label={t('cases.stops.account')} rules={accountRules(t)}>
              <Input inputMode="numeric" maxLength={40} data-testid="stop-hand-account" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="bank" label={t('cases.stops.bank')} rules={requiredText(t, 60)}>
              <Input maxLength={60} data-testid="stop-hand-bank" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="amount" label={t('cases.stops.amount')} rules={amountRules(t)}>
              <Input prefix="¥" inputMode="decimal" maxLength={24} data-testid="stop-hand-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="accountName" label={t('cases.transfer.toName')} rules={[{ max: 60, message: t('money.err.tooLong', { n: 60 }) }]}>
              <Input maxLength={60} data-testid="stop-hand-name" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
