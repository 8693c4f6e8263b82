import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Table, Tooltip, Typography, type FormInstance, type FormRule, type TableColumnsType } from 'antd';
import type { FormListFieldData } from 'antd/es/form/FormList.js';
import type { KeyboardEvent } from 'react';
import { normalizeAccount } from '../../../../../src/lib/bank-account.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { accountRules, amountRules, requiredText, timeRules } from '../shared/form-rules.ts';
import { formatChinaTime, parseAmount, parseChinaTime, parseTransfers, type ParsedRow, type TransferField } from '../shared/paste.ts';
import { PasteBox } from '../shared/paste-box.tsx';
import { isBlankTransfer, type IntakeValues, type TransferRow } from './intake-values.ts';

export const FORM_NAME = 'case-intake';

/** The DOM id antd gives a list field's input: `${form}_${list}_${index}_${field}`. */
const inputId = (index: number, field: TransferField) => `${FORM_NAME}_transfers_${index}_${field}`;

function focusLater(id: string) {
  // After React has rendered the new row.
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/**
 * The victim's transfers: one row per payment, typed or pasted. Enter in a row goes on to the next row
 * (a new one after the last, with the victim's account and bank carried over, since it is usually the
 * same card), so a list read out on the phone is typed without touching the mouse.
 */
export function TransfersEditor({ form }: { form: FormInstance<IntakeValues> }) {
  const t = useT();
  const label = (f: TransferField) => t(`cases.transfer.${f}`);

  const rows = (): TransferRow[] => form.getFieldValue('transfers') ?? [];

  /** Money "to the fraudster" that lands on one of the victim's own accounts is a typo (the server refuses it too). */
  const notOwnAccount: FormRule = {
    validator: async (_r, v: unknown) => {
      const to = normalizeAccount(typeof v === 'string' ? v : '');
      if (to && rows().some((r) => normalizeAccount(r.fromAccount ?? '') === to)) throw new Error(t('money.err.ownAccount'));
    },
  };

  const onEnter = (index: number, add: (row: TransferRow) => void) => (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const list = rows();
    if (index < list.length - 1) {
      focusLater(inputId(index + 1, 'toAccount'));
      return;
    }
    const current = list[index];
    add({ fromAccount: current?.fromAccount, fromBank: current?.fromBank });
    focusLater(inputId(index + 1, current?.fromAccount ? 'toAccount' : 'fromAccount'));
  };

  const addPasted = (parsed: ParsedRow<TransferField>[]) => {
    const kept = rows().filter((r) => !isBlankTransfer(r));
    const next = [...kept, ...parsed.map((p) => ({ ...p.values }))];
    form.setFieldValue('transfers', next);
    // Show the pasted cells' problems at once.
    const names = parsed.flatMap((_p, i) => (['fromAccount', 'fromBank', 'toAccount', 'toBank', 'amount', 'at'] as const).map((f) => ['transfers', kept.length + i, f]));
    void form.validateFields(names, { recursive: false }).catch(() => undefined);
  };

  /** Amounts and times are shown the way they will be read once the field is left. */
  const tidy = (index: number, field: 'amount' | 'at') => () => {
    const raw: unknown = form.getFieldValue(['transfers', index, field]);
    if (typeof raw !== 'string' || !raw.trim()) return;
    if (field === 'amount') {
      const v = parseAmount(raw);
      if (v) form.setFieldValue(['transfers', index, 'amount'], v);
    } else {
      const ms = parseChinaTime(raw);
      if (ms !== null) form.setFieldValue(['transfers', index, 'at'], formatChinaTime(ms));
    }
  };

  return (
    <Form.List name="transfers">
      {(fields, { add, remove }) => {
        const columns: TableColumnsType<FormListFieldData> = [
          { key: 'n', title: '#', width: 36, render: (_v, _f, i) => <Typography.Text type="secondary">{i + 1}</Typography.Text> },
          {
            key: 'from',
            title: t('cases.transfer.from'),
            render: (_v, f) => (
              <div className="fz-cs-cell-stack">
                <Form.Item name={[f.name, 'fromAccount']} rules={accountRules(t)} className="fz-cs-cell">
                  <Input placeholder={label('fromAccount')} inputMode="numeric" maxLength={40} onPressEnter={onEnter(f.name, add)} data-testid={`transfer-${f.name}-fromAccount`} />
                </Form.Item>
                <Form.Item name={[f.name, 'fromBank']} rules={requiredText(t, 60)} className="fz-cs-cell">
                  <Input placeholder={label('fromBank')} maxLength={60} onPressEnter={onEnter(f.name, add)} data-testid={`transfer-${f.name}-fromBank`} />
                </Form.Item>
              </div>
            ),
          },
          {
            key: 'to',
            title: t('cases.transfer.to'),
            render: (_v, f) => (
              <div className="fz-cs-cell-stack">
                <Form.Item name={[f.name, 'toAccount']} rules={[...accountRules(t), notOwnAccount]} className="fz-cs-cell">
                  <Input placeholder={label('toAccount')} inputMode="numeric" maxLength={40} onPressEnter={onEnter(f.name, add)} data-testid={`transfer-${f.name}-toAccount`} />
                </Form.Item>
                <div className="fz-cs-cell-pair">
                  <Form.Item name={[f.name, 'toBank']} rules={requiredText(t, 60)} className="fz-cs-cell">
                    <Input placeholder={label('toBank')} maxLength={60} onPressEnter={onEnter(f.name, add)} data-testid={`transfer-${f.name}-toBank`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'toName']} rules={[{ max: 60, message: t('money.err.tooLong', { n: 60 }) }]} className="fz-cs-cell">
                    <Input placeholder={label('toName')} maxLength={60} onPressEnter={onEnter(f.name, add)} data-testid={`transfer-${f.name}-toName`} />
                  </Form.Item>
                </div>
              </div>
            ),
          },
          {
            key: 'amount',
            title: t('cases.transfer.amount'),
            width: 150,
            render: (_v, f) => (
              <Form.Item name={[f.name, 'amount']} rules={amountRules(t)} className="fz-cs-cell">
                <Input prefix="¥" placeholder="0.00" inputMode="decimal" maxLength={24} onBlur={tidy(f.name, 'amount')} onPressEnter={onEnter(f.name, add)} data-testid={`transfer-${f.name}-amount`} />
              </Form.Item>
            ),
          },
          {
            key: 'at',
            title: t('cases.transfer.at'),
            width: 190,
            render: (_v, f) => (
              <Form.Item name={[f.name, 'at']} rules={timeRules(t)} className="fz-cs-cell">
                <Input placeholder={t('cases.transfer.atPlaceholder')} maxLength={40} onBlur={tidy(f.name, 'at')} onPressEnter={onEnter(f.name, add)} data-testid={`transfer-${f.name}-at`} />
              </Form.Item>
            ),
          },
          {
            key: 'remove',
            width: 44,
            render: (_v, f) => (
              <Tooltip title={t('cases.transfer.remove')}>
                <Button type="text" icon={<DeleteOutlined />} tabIndex={-1} aria-label={t('cases.transfer.remove')} onClick={() => remove(f.name)} data-testid={`transfer-${f.name}-remove`} />
              </Tooltip>
            ),
          },
        ];
        return (
          <div className="fz-cs-transfers" data-testid="transfers-editor">
            <div className="fz-cs-editor-bar">
              <PasteBox
                columns={t('cases.transfer.pasteColumns')}
                example={t('cases.transfer.pasteExample')}
                parse={parseTransfers}
                fieldLabel={label}
                onRows={addPasted}
                testId="transfer-paste"
              />
            </div>
            <Table<FormListFieldData>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={fields}
              pagination={false}
              scroll={{ x: 860 }}
              className="fz-cs-edit-table"
              locale={{ emptyText: t('cases.transfer.none') }}
              data-testid="transfer-table"
            />
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              className="fz-gap-top"
              onClick={() => {
                const last = rows()[fields.length - 1];
                add({ fromAccount: last?.fromAccount, fromBank: last?.fromBank });
                focusLater(inputId(fields.length, last?.fromAccount ? 'toAccount' : 'fromAccount'));
              }}
              data-testid="transfer-add"
            >
              {t('cases.transfer.add')}
            </Button>
          </div>
        );
      }}
    </Form.List>
  );
}
