import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { ApiError } from '../../../api/problem.ts';
import { decideAlert, type AlertDetailDto, type Outcome, type OutcomeBody } from '../../../api/risk.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { placeFieldErrors } from '../../cases/shared/field-errors.ts';
import { amountRules } from '../../cases/shared/form-rules.ts';
import { BANK_REQUESTS_KEY, CASES_KEY } from '../../cases/shared/keys.ts';
import { yuan } from '../../cases/shared/money.ts';
import { parseAmount } from '../../cases/shared/paste.ts';
import { CasePicker } from './case-picker.tsx';
import { alertKey, ALLOW_KEY, RISK_ALERTS_KEY } from './keys.ts';
import { alertStatusLabel, outcomeLabel } from './labels.ts';
import { storeAnswer } from '../../../lib/store-answer.ts';

interface Values {
  outcome: Outcome;
  note?: string | undefined;
  allowDays?: number | null | undefined;
  caseId?: number | undefined;
  amount?: string | undefined;
}

const FIELDS = new Set(['outcome', 'note', 'allowDays', 'caseId', 'amount']);

function toBody(v: Values): OutcomeBody {
  return {
    outcome: v.outcome,
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    ...(v.outcome === 'false_positive' && v.allowDays ? { allowDays: v.allowDays } : {}),
    ...(v.outcome === 'stop_payment_requested' ? { caseId: v.caseId, amount: v.amount ? (parseAmount(v.amount) ?? v.amount.trim()) : undefined } : {}),
  };
}

/**
 * Deciding an alert: the outcomes the caller's role may take from the alert's status, what each means, and the
 * fields it needs (allow-list days for a false positive; the case and amount for a stop-payment). The server's
 * field errors land on the fields.
 */
export function OutcomeForm({ alert, outcomes }: { alert: AlertDetailDto; outcomes: readonly Outcome[] }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  // The transaction that raised the alert: what a stop-payment asks for unless told otherwise.
  const trigger = alert.transactions.find((x) => x.txId === alert.txId);
  const save = useMutation({
    mutationFn: (v: Values) => decideAlert(alert.id, toBody(v)),
    onSuccess: async (out, v) => {
      await storeAnswer(queryClient, alertKey(alert.id), out);
      showSuccess(t('risk.outcome.saved', { id: out.id, status: alertStatusLabel(t, out.status) }));
      form.resetFields();
      const keys = [RISK_ALERTS_KEY, ['risk', 'rule-stats'], ...(v.allowDays ? [ALLOW_KEY] : []), ...(v.outcome === 'stop_payment_requested' ? [BANK_REQUESTS_KEY, CASES_KEY] : [])];
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        // Decided meanwhile (a colleague, another tab): show where it stands now.
        showError(new Error(t('risk.outcome.conflict')));
        void queryClient.invalidateQueries({ queryKey: alertKey(alert.id) });
        void queryClient.invalidateQueries({ queryKey: RISK_ALERTS_KEY });
        return;
      }
      const rest = placeFieldErrors(form, err, t, (p) => (p.length === 1 && FIELDS.has(String(p[0])) ? p : null));
      if (rest === null || rest.length > 0) showError(err);
    },
    meta: { handlesError: true },
  });
  const tidyAmount = () => {
    const raw: unknown = form.getFieldValue('amount');
    const v = typeof raw === 'string' ? parseAmount(raw) : null;
    if (v) form.setFieldValue('amount', v);
  };
  return (
    <Form<Values> form={form} name={`alert-outcome-${alert.id}`} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="outcome-form" className="fz-risk-outcome">
      <Form.Item name="outcome" label={t('risk.outcome.choose')} rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={outcomes.map((o) => ({ value: o, label: <span data-testid={`outcome-${o}`}>{outcomeLabel(t, o)}</span> }))}
        />
      </Form.Item>
      {outcome && <Alert type="info" showIcon className="fz-gap-bottom" title={t(`risk.outcome.hint.${outcome}`)} />}
      {outcome === 'stop_payment_requested' && (
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item name="caseId" label={t('risk.outcome.case')} rules={[{ required: true, message: t('common.required') }]}>
              <CasePicker testId="outcome-case" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="amount"
              label={t('risk.outcome.amount')}
              rules={amountRules(t)}
              extra={
                trigger && (
                  <Button type="link" size="small" className="fz-cs-link-button" onClick={() => form.setFieldValue('amount', trigger.amount)} data-testid="outcome-use-trigger">
                    {t('risk.outcome.useTrigger', { amount: yuan(trigger.amount) })}
                  </Button>
                )
              }
            >
              <Input prefix="¥" inputMode="decimal" maxLength={24} onBlur={tidyAmount} data-testid="outcome-amount" />
            </Form.Item>
          </Col>
        </Row>
      )}
      {outcome === 'false_positive' && (
        <Form.Item name="allowDays" label={t('risk.outcome.allowDays')} extra={t('risk.outcome.allowDaysHint')} rules={[{ type: 'integer', min: 1, max: 365, message: t('risk.outcome.daysRange') }]}>
          <InputNumber min={1} max={365} precision={0} className="fz-filter" data-testid="outcome-allow-days" />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('risk.outcome.note')} rules={[{ max: 2000, message: t('money.err.tooLong', { n: 2000 }) }]}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="outcome-note" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!outcome} data-testid="outcome-submit">
        {t('risk.outcome.submit')}
      </Button>
    </Form>
  );
}
