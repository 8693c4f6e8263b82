import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Descriptions, Form, Input, Modal, Radio, Row, Typography, type DescriptionsProps } from 'antd';
import { normalizeAccount } from '../../../../src/lib/bank-account.ts';
import { ApiError } from '../../api/problem.ts';
import { respondRequest, type BankRequestDto, type BankResult, type ResponseBody } from '../../api/funds.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { showError, showSuccess } from '../../lib/notify.ts';
import { placeFieldErrors } from '../cases/shared/field-errors.ts';
import { amountRules } from '../cases/shared/form-rules.ts';
import { BANK_REQUESTS_KEY } from '../cases/shared/keys.ts';
import { stopStatusLabel } from '../cases/shared/labels.ts';
import { yuan } from '../cases/shared/money.ts';
import { chinaTimeToIso, parseAmount } from '../cases/shared/paste.ts';
import { AccountText } from '../cases/shared/account-text.tsx';
import { FlowsEditor, isBlankFlow, type AnswerValues } from './flows-editor.tsx';
import { VictimTransfers } from './request-cells.tsx';

const RESULTS: readonly BankResult[] = ['stopped', 'mismatch', 'no_balance', 'rejected'];
const TOP_FIELDS = new Set(['result', 'stoppedAmount', 'balance', 'note']);
const FLOW_FIELDS = new Set(['fromAccount', 'toAccount', 'toBank', 'amount', 'at', 'channel']);

function toBody(v: AnswerValues): ResponseBody {
  const flows = (v.flows ?? []).filter((f) => !isBlankFlow(f));
  const money = (s: string | undefined) => (s?.trim() ? (parseAmount(s) ?? s.trim()) : undefined);
  return {
    result: v.result,
    ...(v.result === 'stopped' ? { stoppedAmount: money(v.stoppedAmount) } : {}),
    ...(money(v.balance) ? { balance: money(v.balance) } : {}),
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    ...(flows.length
      ? {
          flows: flows.map((f) => ({
            fromAccount: normalizeAccount(f.fromAccount ?? ''),
            toAccount: normalizeAccount(f.toAccount ?? ''),
            toBank: f.toBank?.trim() ?? '',
            amount: money(f.amount) ?? '',
            at: chinaTimeToIso(f.at ?? '') ?? (f.at ?? ''),
            channel: f.channel ?? 'transfer',
          })),
        }
      : {}),
  };
}

/**
 * A bank's answer to a stop-payment request (止付反馈), given once: the result, the amount stopped, the
 * balance, and where money had already gone on (onward flows), which turn into the next hop's requests.
 */
export function AnswerModal({ request: r, onClose }: { request: BankRequestDto; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AnswerValues>();
  const result = Form.useWatch('result', form);
  const save = useMutation({
    mutationFn: (v: AnswerValues) => respondRequest(r.id, toBody(v)),
    onSuccess: async (sp) => {
      showSuccess(t('funds.answer.saved', { result: stopStatusLabel(t, sp.status) }));
      await queryClient.invalidateQueries({ queryKey: BANK_REQUESTS_KEY });
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        // Answered already (by a colleague): the queue is out of date.
        void queryClient.invalidateQueries({ queryKey: BANK_REQUESTS_KEY });
        showError(err);
        onClose();
        return;
      }
      const rest = placeFieldErrors(form, err, t, (p) => {
        if (p.length === 1 && TOP_FIELDS.has(String(p[0]))) return p;
        if (p.length === 3 && p[0] === 'flows' && typeof p[1] === 'number' && FLOW_FIELDS.has(String(p[2]))) return p;
        return null;
      });
      if (rest === null || rest.length > 0) showError(err);
    },
    meta: { handlesError: true },
  });

  /** Amounts are shown the way they will be read once the field is left. */
  const tidy = (field: 'stoppedAmount' | 'balance') => () => {
    const raw: unknown = form.getFieldValue(field);
    const v = typeof raw === 'string' ? parseAmount(raw) : null;
    if (v) form.setFieldValue(field, v);
  };

  const submit = () => {
    const flows = form.getFieldValue('flows') as AnswerValues['flows'] | undefined;
    if (flows?.some(isBlankFlow)) form.setFieldValue('flows', flows.filter((f) => !isBlankFlow(f)));
    form.submit();
  };

  const info: DescriptionsProps['items'] = [
    { key: 'case', label: t('funds.field.caseNo'), children: r.caseNo },
    { key: 'account', label: t('funds.field.account'), children: <AccountText account={r.account} strong /> },
    { key: 'holder', label: t('funds.field.holderLabel'), children: r.accountName ?? t('cases.stops.noName') },
    { key: 'amount', label: t('funds.field.amount'), children: <Typography.Text strong>¥{yuan(r.amount)}</Typography.Text> },
    { key: 'transfers', label: t('funds.field.transfers'), children: <VictimTransfers r={r} /> },
  ];

  return (
    <Modal
      open
      width={1000}
      title={t('funds.answer.title', { account: r.account.slice(-4) })}
      okText={t('funds.answer.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'answer-submit' }}
      destroyOnHidden
    >
      <div
        data-testid="answer-modal"
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          if (e.ctrlKey || e.metaKey) {
            e.preventDefault();
            submit();
          } else if (e.target instanceof HTMLInputElement) e.preventDefault();
        }}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={info} className="fz-gap-bottom" bordered />
        <Form<AnswerValues> form={form} name="bank-answer" layout="vertical" initialValues={{ flows: [] }} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="result" label={t('funds.answer.result')} rules={[{ required: true, message: t('common.required') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={RESULTS.map((x) => ({ value: x, label: <span data-testid={`answer-result-${x}`}>{stopStatusLabel(t, x)}</span> }))} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={8}>
              <Form.Item
                name="stoppedAmount"
                label={t('funds.answer.stoppedAmount')}
                rules={result === 'stopped' ? amountRules(t) : []}
                extra={
                  result === 'stopped' && (
                    <Button type="link" size="small" className="fz-cs-link-button" onClick={() => form.setFieldValue('stoppedAmount', r.amount)}>
                      {t('funds.answer.useRequested', { amount: yuan(r.amount) })}
                    </Button>
                  )
                }
              >
                <Input prefix="¥" inputMode="decimal" maxLength={24} disabled={result !== 'stopped'} onBlur={tidy('stoppedAmount')} data-testid="answer-stopped-amount" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="balance" label={t('funds.answer.balance')} rules={amountRules(t, { required: false, positive: false })}>
                <Input prefix="¥" inputMode="decimal" maxLength={24} onBlur={tidy('balance')} data-testid="answer-balance" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="note" label={t('funds.answer.note')} rules={[{ max: 2000, message: t('money.err.tooLong', { n: 2000 }) }]}>
                <Input maxLength={2000} data-testid="answer-note" />
              </Form.Item>
            </Col>
          </Row>
          {result && result !== 'stopped' && <Alert type="info" showIcon className="fz-gap-bottom" title={t(`funds.answer.hint.${result}`)} />}
          <Typography.Title level={5} className="fz-cs-subtitle">
            {t('funds.flow.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="fz-small">
            {t('funds.flow.intro')}
          </Typography.Paragraph>
          <FlowsEditor form={form} account={r.account} />
        </Form>
      </div>
    </Modal>
  );
}
