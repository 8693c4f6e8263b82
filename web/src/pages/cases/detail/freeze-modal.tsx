import { useMutation } from '@tanstack/react-query';
import { Alert, AutoComplete, Col, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { normalizeAccount } from '../../../../../src/lib/bank-account.ts';
import { requestFreeze, type CaseDetailDto, type FreezeKind, type StopPaymentDto } from '../../../api/cases.ts';
import { ApiError } from '../../../api/problem.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { placeFieldErrors } from '../shared/field-errors.ts';
import { accountRules, amountRules } from '../shared/form-rules.ts';
import { stopStatusLabel } from '../shared/labels.ts';
import { yuan } from '../shared/money.ts';
import { parseAmount } from '../shared/paste.ts';
import { useCaseRefresh } from './use-case-mutation.ts';

export interface FreezeValues {
  account: string;
  bank?: string;
  documentNo: string;
  kind: FreezeKind;
  limitAmount?: string;
  months: number;
}

const FIELDS = new Set(['account', 'bank', 'documentNo', 'kind', 'limitAmount', 'months']);
const MONTHS = Array.from({ length: 12 }, (_v, i) => i + 1);
/** A freeze lasts 6 months unless the document says otherwise (DEFAULT_FREEZE_MONTHS on the server). */
export const DEFAULT_MONTHS = 6;
export const documentRules = (t: ReturnType<typeof useT>) => [
  { required: true, whitespace: true, message: t('common.required') },
  { min: 3, max: 60, message: t('cases.freeze.documentLength') },
];

/** The case's accounts a freeze usually follows: the ones a stop-payment was sent for, stops in force first. */
function stopAccounts(c: CaseDetailDto): StopPaymentDto[] {
  const seen = new Map<string, StopPaymentDto>();
  const rank = (s: StopPaymentDto) => (s.status === 'stopped' ? 0 : s.status === 'pending' ? 1 : 2);
  for (const s of c.stopPayments) {
    if (s.status === 'proposed' || s.status === 'withdrawn') continue;
    const had = seen.get(s.account);
    if (!had || rank(s) < rank(had)) seen.set(s.account, s);
  }
  return [...seen.values()].sort((a, b) => rank(a) - rank(b) || a.hop - b.hop);
}

/**
 * 申请冻结: an account of the case (picked from its stop-payments or typed), its bank, the legal document
 * number, full or limited to an amount, and for how many months. A freeze in force releases the stop.
 */
export function FreezeModal({ c, initial, onClose }: { c: CaseDetailDto; initial?: Partial<FreezeValues> | undefined; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<FreezeValues>();
  const { apply, onConflict } = useCaseRefresh(c.id);
  const kind = Form.useWatch('kind', form) ?? initial?.kind ?? 'full';
  const account = Form.useWatch('account', form) ?? initial?.account ?? '';
  const stops = useMemo(() => stopAccounts(c), [c]);
  const stop = stops.find((s) => s.account === normalizeAccount(account));
  /** The bank filled in from a stop: replaced when another stop's account is picked, kept when typed. */
  const autoBank = useRef<string | undefined>(initial?.bank);

  const save = useMutation({
    mutationFn: (v: FreezeValues) => {
      const limit = v.kind === 'limited' && v.limitAmount ? (parseAmount(v.limitAmount) ?? v.limitAmount.trim()) : undefined;
      return requestFreeze(c.id, {
        account: normalizeAccount(v.account),
        ...(v.bank?.trim() ? { bank: v.bank.trim() } : {}),
        documentNo: v.documentNo.trim(),
        kind: v.kind,
        ...(limit ? { limitAmount: limit } : {}),
        months: v.months,
      });
    },
    onSuccess: async (f) => {
      showSuccess(t('cases.freeze.requested', { bank: f.bank, tail: f.account.slice(-4) }));
      await apply();
      onClose();
    },
    onError: (err) => {
      onConflict(err);
      if (err instanceof ApiError && err.status === 409) {
        form.setFields([{ name: 'account', errors: [t('cases.freeze.conflict')] }]);
        return;
      }
      const rest = placeFieldErrors(form, err, t, (p) => (p.length === 1 && FIELDS.has(String(p[0])) ? p : null));
      if (rest === null || rest.length > 0) showError(err);
    },
    meta: { handlesError: true },
  });

  const options = stops.map((s) => ({
    value: s.account,
    label: (
      <div className="fz-cs-option" data-testid={`freeze-account-option-${s.account}`}>
        <span className="fz-cs-account">{s.account}</span>
        <Typography.Text type="secondary" className="fz-small">
          {s.bank} · {stopStatusLabel(t, s.status)}
          {s.stoppedAmount ? ` ¥${yuan(s.stoppedAmount)}` : ''}
        </Typography.Text>
      </div>
    ),
  }));

  const onAccount = (value: string) => {
    const hit = stops.find((s) => s.account === normalizeAccount(value));
    const bank: unknown = form.getFieldValue('bank');
    if (hit && (!bank || bank === autoBank.current)) {
      form.setFieldValue('bank', hit.bank);
      autoBank.current = hit.bank;
      if (form.getFieldValue('kind') === 'limited' && !form.getFieldValue('limitAmount') && hit.stoppedAmount) form.setFieldValue('limitAmount', hit.stoppedAmount);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('cases.freeze.requestTitle')}
      okText={t('cases.freeze.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'freeze-submit' }}
      destroyOnHidden
    >
      <div data-testid="freeze-modal">
        <Alert type="info" showIcon className="fz-gap-bottom" title={t('cases.freeze.intro')} />
        <Form<FreezeValues>
          form={form}
          name="freeze-request"
          layout="vertical"
          initialValues={{ kind: 'full', months: DEFAULT_MONTHS, ...initial }}
          onFinish={(v) => save.mutate(v)}
        >
          <Row gutter={12}>
            <Col xs={24} sm={14}>
              <Form.Item
                name="account"
                label={t('cases.freeze.account')}
                rules={accountRules(t)}
                extra={stop ? t('cases.freeze.fromStop', { status: stopStatusLabel(t, stop.status), amount: yuan(stop.stoppedAmount ?? stop.amount) }) : t('cases.freeze.accountHelp')}
              >
                <AutoComplete
                  options={options}
                  onChange={onAccount}
                  showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(normalizeAccount(input)) }}
                  data-testid="freeze-account"
                >
                  <Input inputMode="numeric" maxLength={40} placeholder={t('cases.freeze.accountPlaceholder')} data-testid="freeze-account-input" />
                </AutoComplete>
              </Form.Item>
            </Col>
            <Col xs={24} sm={10}>
              <Form.Item
                name="bank"
                label={t('cases.freeze.bank')}
                rules={[...(stop ? [] : [{ required: true, whitespace: true, message: t('cases.freeze.bankRequired') }]), { max: 60, message: t('money.err.tooLong', { n: 60 }) }]}
              >
                <Input maxLength={60} data-testid="freeze-bank" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="documentNo" label={t('cases.freeze.documentNo')} rules={documentRules(t)} extra={t('cases.freeze.documentHelp')}>
            <Input maxLength={60} placeholder={t('cases.freeze.documentPlaceholder')} data-testid="freeze-document" />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={10}>
              <Form.Item name="kind" label={t('cases.freeze.kind')} rules={[{ required: true, message: t('common.required') }]}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={(['full', 'limited'] as const).map((k) => ({ value: k, label: <span data-testid={`freeze-kind-${k}`}>{t(`cases.freeze.kind.${k}`)}</span> }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={7}>
              <Form.Item name="limitAmount" label={t('cases.freeze.limitAmount')} rules={kind === 'limited' ? amountRules(t) : []}>
                <Input prefix="¥" inputMode="decimal" maxLength={24} disabled={kind !== 'limited'} data-testid="freeze-limit" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={7}>
              <Form.Item name="months" label={t('cases.freeze.months')} rules={[{ required: true, message: t('common.required') }]}>
                <Select<number> options={MONTHS.map((m) => ({ value: m, label: t('cases.freeze.monthsN', { n: m }) }))} data-testid="freeze-months" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </div>
    </Modal>
  );
}
