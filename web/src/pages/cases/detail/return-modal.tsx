import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Select, Tag, Typography, type DescriptionsProps } from 'antd';
import { planReturn, type CaseDetailDto, type FreezeDto, type ReturnMethod } from '../../../api/cases.ts';
import { ApiError } from '../../../api/problem.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { AccountText } from '../shared/account-text.tsx';
import { placeFieldErrors } from '../shared/field-errors.ts';
import { amountRules } from '../shared/form-rules.ts';
import { identifierLabel } from '../shared/labels.ts';
import { fromFen, toFen, yuan } from '../shared/money.ts';
import { parseAmount } from '../shared/paste.ts';
import { CaseStatusTag } from '../shared/tags.tsx';
import { availableFen } from './freeze-money.ts';
import { useCaseRefresh } from './use-case-mutation.ts';

interface Values {
  method: ReturnMethod;
  caseIds?: number[];
  amount?: string;
  note?: string;
}

const FIELDS = new Set(['method', 'caseIds', 'amount', 'note']);

/**
 * 制定返还方案 for a freeze in force. Traced (按溯源): to this case's victim, up to the victim money traced
 * into the account; approved at once for the bank to pay. Pro rata (按比例): the account holds several
 * cases' victims' money, shared in proportion to each case's money traced into it, after a 30-day notice.
 */
export function ReturnModal({ c, freeze: f, onClose }: { c: CaseDetailDto; freeze: FreezeDto; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { apply, onConflict } = useCaseRefresh(c.id);
  const method = Form.useWatch('method', form) ?? 'traced';
  const available = availableFen(f, c.returns);
  // Cases sharing this very account come first: their victims' money is the likeliest to be in it.
  const related = [...c.related].sort((a, b) => Number(sharesAccount(b, f.account)) - Number(sharesAccount(a, f.account)));

  const save = useMutation({
    mutationFn: (v: Values) => {
      const amount = v.amount?.trim() ? (parseAmount(v.amount) ?? v.amount.trim()) : undefined;
      return planReturn(f.id, {
        method: v.method,
        ...(v.method === 'pro_rata' ? { caseIds: v.caseIds ?? [] } : {}),
        ...(amount ? { amount } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
    },
    onSuccess: async (r) => {
      showSuccess(
        r.status === 'noticed'
          ? t('cases.return.plannedNoticed', { id: r.id, amount: yuan(r.totalAmount), until: formatDateTime(r.noticeUntil) })
          : t('cases.return.plannedApproved', { id: r.id, amount: yuan(r.totalAmount) }),
      );
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
      // "caseIds.1" names a case of the list: the error goes on the picker.
      const rest = placeFieldErrors(form, err, t, (p) => (FIELDS.has(String(p[0])) ? [p[0] ?? ''] : null));
      if (rest === null || rest.length > 0) showError(err);
    },
    meta: { handlesError: true },
  });

  const info: DescriptionsProps['items'] = [
    { key: 'account', label: t('cases.freeze.account'), children: <AccountText account={f.account} /> },
    { key: 'bank', label: t('cases.freeze.bank'), children: f.bank },
    { key: 'frozen', label: t('cases.freeze.frozenAmount'), children: `¥${yuan(f.frozenAmount ?? '0')}` },
    { key: 'returned', label: t('cases.freeze.returnedAmount'), children: `¥${yuan(f.returnedAmount)}` },
    {
      key: 'available',
      label: t('cases.return.available'),
      children: (
        <Typography.Text strong data-testid="return-available">
          ¥{yuan(fromFen(available))}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Modal
      open
      width={680}
      title={t('cases.return.title', { tail: f.account.slice(-4) })}
      okText={t('cases.return.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'return-submit', disabled: available <= 0 }}
      destroyOnHidden
    >
      <div data-testid="return-modal">
        <Descriptions size="small" column={2} items={info} bordered styles={{ label: { whiteSpace: 'nowrap' } }} className="fz-gap-bottom" />
        <Form<Values> form={form} name="return-plan" layout="vertical" initialValues={{ method: 'traced', caseIds: [] }} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="method" label={t('cases.return.method')} rules={[{ required: true, message: t('common.required') }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={(['traced', 'pro_rata'] as const).map((m) => ({ value: m, label: <span data-testid={`return-method-${m}`}>{t(`money.return.method.${m}`)}</span> }))}
            />
          </Form.Item>
          <Alert type="info" showIcon className="fz-gap-bottom" title={t(method === 'traced' ? 'cases.return.tracedHint' : 'cases.return.proRataHint')} />
          {method === 'pro_rata' && (
            <Form.Item
              name="caseIds"
              label={t('cases.return.cases')}
              rules={[{ required: true, type: 'array', min: 1, message: t('cases.return.casesRequired') }]}
              extra={related.length === 0 ? t('cases.return.noRelated') : t('cases.return.casesHelp', { no: c.caseNo })}
            >
              <Select<number[]>
                mode="multiple"
                showSearch={{ optionFilterProp: 'title' }}
                notFoundContent={t('cases.return.noRelated')}
                options={related.map((r) => ({
                  value: r.id,
                  title: r.caseNo,
                  label: (
                    <span className="fz-cs-option-line">
                      {r.caseNo}
                      <CaseStatusTag status={r.status} />
                      {sharesAccount(r, f.account) ? (
                        <Tag color="magenta">{t('cases.return.sameAccount')}</Tag>
                      ) : (
                        <Typography.Text type="secondary" className="fz-small">
                          {r.shared.map((s) => `${identifierLabel(t, s.kind)} ${s.value}`).join(t('cases.timeline.cueSep'))}
                        </Typography.Text>
                      )}
                    </span>
                  ),
                }))}
                data-testid="return-cases"
              />
            </Form.Item>
          )}
          <Form.Item
            name="amount"
            label={t('cases.return.amount')}
            rules={[
              ...amountRules(t, { required: false }),
              {
                validator: async (_r, v: unknown) => {
                  const s = typeof v === 'string' ? parseAmount(v) : null;
                  if (s && toFen(s) > available) throw new Error(t('cases.return.tooMuch', { amount: yuan(fromFen(available)) }));
                },
              },
            ]}
            extra={
              <Button type="link" size="small" className="fz-cs-link-button" onClick={() => form.setFieldValue('amount', fromFen(available))}>
                {t('cases.return.useAll', { amount: yuan(fromFen(available)) })}
              </Button>
            }
          >
            <Input prefix="¥" inputMode="decimal" maxLength={24} placeholder={t('cases.return.amountPlaceholder', { amount: yuan(fromFen(available)) })} data-testid="return-amount" />
          </Form.Item>
          <Form.Item name="note" label={t('cases.action.note')} rules={[{ max: 2000, message: t('money.err.tooLong', { n: 2000 }) }]}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="return-note" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

function sharesAccount(r: CaseDetailDto['related'][number], account: string): boolean {
  return r.shared.some((s) => s.kind === 'account' && s.value === account);
}
