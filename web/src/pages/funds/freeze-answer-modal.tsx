import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Descriptions, Form, Input, Modal, Radio, Row, Typography, type DescriptionsProps } from 'antd';
import type { FreezeDto } from '../../api/cases.ts';
import { respondFreeze, type FreezeAnswerBody } from '../../api/funds.ts';
import { ApiError } from '../../api/problem.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { AccountText } from '../cases/shared/account-text.tsx';
import { placeFieldErrors } from '../cases/shared/field-errors.ts';
import { amountRules } from '../cases/shared/form-rules.ts';
import { BANK_FREEZES_KEY, CASES_KEY } from '../cases/shared/keys.ts';
import { freezeStatusLabel } from '../cases/shared/labels.ts';
import { yuan } from '../cases/shared/money.ts';
import { parseAmount } from '../cases/shared/paste.ts';

interface Values {
  result: FreezeAnswerBody['result'];
  frozenAmount?: string;
  note?: string;
}

const FIELDS = new Set(['result', 'frozenAmount', 'note']);

/** A freeze's terms in words: full, or limited to an amount, for so many months. */
export function freezeTerms(t: ReturnType<typeof useT>, f: FreezeDto): string {
  const kind = f.kind === 'limited' ? t('cases.freeze.limitedTo', { amount: yuan(f.limitAmount) }) : t('cases.freeze.kind.full');
  return `${kind} · ${t('cases.freeze.monthsN', { n: f.months })}`;
}

/**
 * A bank's answer to a freeze (冻结反馈), given once: frozen with the amount actually frozen, or refused
 * with the reason. A freeze in force replaces the stop-payment on the account.
 */
export function FreezeAnswerModal({ freeze: f, onClose }: { freeze: FreezeDto; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const result = Form.useWatch('result', form);
  const save = useMutation({
    mutationFn: (v: Values) =>
      respondFreeze(f.id, {
        result: v.result,
        ...(v.result === 'frozen' && v.frozenAmount ? { frozenAmount: parseAmount(v.frozenAmount) ?? v.frozenAmount.trim() } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: async (out) => {
      showSuccess(t('funds.freeze.saved', { result: freezeStatusLabel(t, out.status) }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: BANK_FREEZES_KEY }), queryClient.invalidateQueries({ queryKey: CASES_KEY })]);
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        // Answered already (by a colleague): the list is out of date.
        void queryClient.invalidateQueries({ queryKey: BANK_FREEZES_KEY });
        showError(err);
        onClose();
        return;
      }
      const rest = placeFieldErrors(form, err, t, (p) => (p.length === 1 && FIELDS.has(String(p[0])) ? p : null));
      if (rest === null || rest.length > 0) showError(err);
    },
    meta: { handlesError: true },
  });
  const tidy = () => {
    const raw: unknown = form.getFieldValue('frozenAmount');
    const v = typeof raw === 'string' ? parseAmount(raw) : null;
    if (v) form.setFieldValue('frozenAmount', v);
  };
  const info: DescriptionsProps['items'] = [
    { key: 'case', label: t('funds.field.caseNo'), children: f.caseNo },
    { key: 'account', label: t('funds.freeze.account'), children: <AccountText account={f.account} strong /> },
    { key: 'document', label: t('cases.freeze.documentNo'), children: <Typography.Text copyable>{f.documentNo}</Typography.Text> },
    { key: 'terms', label: t('cases.freeze.kind'), children: freezeTerms(t, f) },
    { key: 'requested', label: t('funds.field.requestedAt'), children: formatDateTime(f.requestedAt) },
  ];
  return (
    <Modal
      open
      width={680}
      title={t('funds.freeze.answerTitle', { tail: f.account.slice(-4) })}
      okText={t('funds.answer.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'freeze-answer-submit' }}
      destroyOnHidden
    >
      <div data-testid="freeze-answer-modal">
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={info} bordered styles={{ label: { whiteSpace: 'nowrap' } }} className="fz-gap-bottom" />
        <Form<Values> form={form} name="freeze-answer" layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="result" label={t('funds.freeze.result')} rules={[{ required: true, message: t('common.required') }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={(['frozen', 'rejected'] as const).map((r) => ({ value: r, label: <span data-testid={`freeze-answer-result-${r}`}>{t(`funds.freeze.result.${r}`)}</span> }))}
            />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={10}>
              <Form.Item
                name="frozenAmount"
                label={t('funds.freeze.frozenAmount')}
                rules={result === 'frozen' ? amountRules(t) : []}
                extra={
                  result === 'frozen' &&
                  f.kind === 'limited' &&
                  f.limitAmount && (
                    <Button type="link" size="small" className="fz-cs-link-button" onClick={() => form.setFieldValue('frozenAmount', f.limitAmount)}>
                      {t('funds.freeze.useLimit', { amount: yuan(f.limitAmount) })}
                    </Button>
                  )
                }
              >
                <Input prefix="¥" inputMode="decimal" maxLength={24} disabled={result !== 'frozen'} onBlur={tidy} data-testid="freeze-answer-amount" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={14}>
              <Form.Item
                name="note"
                label={t('funds.answer.note')}
                rules={[...(result === 'rejected' ? [{ required: true, whitespace: true, message: t('funds.freeze.reasonRequired') }] : []), { max: 2000, message: t('money.err.tooLong', { n: 2000 }) }]}
              >
                <Input maxLength={2000} data-testid="freeze-answer-note" />
              </Form.Item>
            </Col>
          </Row>
          {result && <Alert type="info" showIcon title={t(`funds.freeze.hint.${result}`)} />}
        </Form>
      </div>
    </Modal>
  );
}
