import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Table, Tooltip, Typography, type FormInstance, type TableColumnsType } from 'antd';
import type { FormListFieldData } from 'antd/es/form/FormList.js';
import type { FlowChannel } from '../../api/funds.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { accountRules, amountRules, requiredText, timeRules } from '../cases/shared/form-rules.ts';
import { channelLabel } from '../cases/shared/labels.ts';
import { formatChinaTime, parseAmount, parseChinaTime, parseFlows, type FlowField, type ParsedRow } from '../cases/shared/paste.ts';
import { PasteBox } from '../cases/shared/paste-box.tsx';

export const CHANNELS: readonly FlowChannel[] = ['transfer', 'cash_out', 'cash_in', 'card', 'wallet'];

export interface FlowRow {
  fromAccount?: string;
  toAccount?: string;
  toBank?: string;
  amount?: string;
  /** As typed, China time. */
  at?: string;
  channel?: FlowChannel;
}

export interface AnswerValues {
  result: 'stopped' | 'mismatch' | 'no_balance' | 'rejected';
  stoppedAmount?: string;
  balance?: string;
  note?: string;
  flows: FlowRow[];
}

/** A flow row with nothing typed past the account it left from (prefilled): not part of the answer. */
export function isBlankFlow(r: FlowRow | undefined): boolean {
  return !r || (['toAccount', 'toBank', 'amount', 'at'] as const).every((f) => !r[f]?.trim());
}

/**
 * Where the money went on from the stopped account (资金去向): pasted from the bank's statement or typed.
 * Each row is an onward transfer or a cash withdrawal; the police trace and propose next stops from them.
 */
export function FlowsEditor({ form, account }: { form: FormInstance<AnswerValues>; account: string }) {
  const t = useT();
  const label = (f: FlowField) => t(`funds.flow.${f}`);
  const rows = (): FlowRow[] => form.getFieldValue('flows') ?? [];

  const addPasted = (parsed: ParsedRow<FlowField>[]) => {
    const kept = rows().filter((r) => !isBlankFlow(r));
    const next: FlowRow[] = [...kept, ...parsed.map((p) => ({ channel: 'transfer' as const, ...p.values, fromAccount: p.values.fromAccount ?? account }) as FlowRow)];
    form.setFieldValue('flows', next);
    const names = parsed.flatMap((_p, i) => (['fromAccount', 'toAccount', 'toBank', 'amount', 'at'] as const).map((f) => ['flows', kept.length + i, f]));
    void form.validateFields(names, { recursive: false }).catch(() => undefined);
  };

  const tidy = (index: number, field: 'amount' | 'at') => () => {
    const raw: unknown = form.getFieldValue(['flows', index, field]);
    if (typeof raw !== 'string' || !raw.trim()) return;
    if (field === 'amount') {
      const v = parseAmount(raw);
      if (v) form.setFieldValue(['flows', index, 'amount'], v);
    } else {
      const ms = parseChinaTime(raw);
      if (ms !== null) form.setFieldValue(['flows', index, 'at'], formatChinaTime(ms));
    }
  };

  return (
    <Form.List name="flows">
      {(fields, { add, remove }) => {
        const columns: TableColumnsType<FormListFieldData> = [
          { key: 'n', title: '#', width: 36, render: (_v, _f, i) => <Typography.Text type="secondary">{i + 1}</Typography.Text> },
          {
            key: 'fromAccount',
            title: label('fromAccount'),
            width: 190,
            render: (_v, f) => (
              <Form.Item name={[f.name, 'fromAccount']} rules={accountRules(t)} className="fz-cs-cell">
                <Input inputMode="numeric" maxLength={40} data-testid={`flow-${f.name}-fromAccount`} />
              </Form.Item>
            ),
          },
          {
            key: 'toAccount',
            title: label('toAccount'),
            width: 200,
            render: (_v, f) => (
              <Form.Item name={[f.name, 'toAccount']} rules={accountRules(t)} className="fz-cs-cell">
                <Input inputMode="numeric" maxLength={40} data-testid={`flow-${f.name}-toAccount`} />
              </Form.Item>
            ),
          },
          {
            key: 'toBank',
            title: label('toBank'),
            width: 130,
            render: (_v, f) => (
              <Form.Item name={[f.name, 'toBank']} rules={requiredText(t, 60)} className="fz-cs-cell">
                <Input maxLength={60} data-testid={`flow-${f.name}-toBank`} />
              </Form.Item>
            ),
          },
          {
            key: 'amount',
            title: label('amount'),
            width: 120,
            render: (_v, f) => (
              <Form.Item name={[f.name, 'amount']} rules={amountRules(t)} className="fz-cs-cell">
                <Input prefix="¥" inputMode="decimal" maxLength={24} onBlur={tidy(f.name, 'amount')} data-testid={`flow-${f.name}-amount`} />
              </Form.Item>
            ),
          },
          {
            key: 'at',
            title: label('at'),
            width: 160,
            render: (_v, f) => (
              <Form.Item name={[f.name, 'at']} rules={timeRules(t)} className="fz-cs-cell">
                <Input placeholder={t('cases.transfer.atPlaceholder')} maxLength={40} onBlur={tidy(f.name, 'at')} data-testid={`flow-${f.name}-at`} />
              </Form.Item>
            ),
          },
          {
            key: 'channel',
            title: label('channel'),
            width: 120,
            render: (_v, f) => (
              <Form.Item name={[f.name, 'channel']} className="fz-cs-cell">
                <Select<FlowChannel> options={CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))} data-testid={`flow-${f.name}-channel`} />
              </Form.Item>
            ),
          },
          {
            key: 'remove',
            width: 44,
            render: (_v, f) => (
              <Tooltip title={t('funds.flow.remove')}>
                <Button type="text" icon={<DeleteOutlined />} tabIndex={-1} aria-label={t('funds.flow.remove')} onClick={() => remove(f.name)} />
              </Tooltip>
            ),
          },
        ];
        return (
          <div data-testid="flows-editor" data-rows={fields.length}>
            <div className="fz-cs-editor-bar">
              <PasteBox columns={t('funds.flow.pasteColumns')} example={t('funds.flow.pasteExample')} parse={parseFlows} fieldLabel={label} onRows={addPasted} testId="flow-paste" />
            </div>
            {fields.length > 0 && (
              <Table<FormListFieldData>
                rowKey="key"
                size="small"
                columns={columns}
                dataSource={fields}
                pagination={false}
                scroll={{ x: 1010 }}
                className="fz-cs-edit-table"
                data-testid="flow-table"
              />
            )}
            <Button type="dashed" block icon={<PlusOutlined />} className="fz-gap-top" onClick={() => add({ fromAccount: account, channel: 'transfer' })} data-testid="flow-add">
              {t('funds.flow.add')}
            </Button>
          </div>
        );
      }}
    </Form.List>
  );
}
