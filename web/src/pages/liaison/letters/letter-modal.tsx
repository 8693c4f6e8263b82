import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { FieldError } from '../../../../../src/server/errors.ts';
import { putLetter, type LetterItem } from '../../../api/liaison.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useLiaisonT } from '../i18n/use-liaison-t.ts';
import { placeErrors, serverMessage, showLiaisonError } from '../shared/errors.ts';
import { LIAISON_KEY } from '../shared/keys.ts';
import type { LetterRow } from './letter-rows.ts';
import { letterTemplate } from './letter-templates.ts';

interface Values {
  title: string;
  items: Partial<LetterItem>[];
}

const FIELDS = ['title', 'items'] as const;
const MAX_ITEMS = 50;

/** Sends a unit its letter of the year, or changes one not yet signed (the server refuses a signed one). */
export function LetterModal({ row, year, onClose }: { row: LetterRow; year: number; onClose: () => void }) {
  const t = useT();
  const lt = useLiaisonT();
  const phone = usePhone();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const editing = row.letter !== null;
  const initial: Values = row.letter ? { title: row.letter.title, items: row.letter.items } : { title: lt('liaison.letter.defaultTitle', { year }), items: letterTemplate(row.kind) };
  const save = useMutation({
    mutationFn: (v: Values) => putLetter({ orgCode: row.code, year, title: v.title.trim(), items: v.items.map((x) => ({ item: (x.item ?? '').trim(), measure: (x.measure ?? '').trim() })) }),
    onSuccess: async () => {
      showSuccess(lt('liaison.letter.issued', { unit: row.name, year }));
      await queryClient.invalidateQueries({ queryKey: LIAISON_KEY });
      onClose();
    },
    onError: (err) => {
      const rest = placeErrors(form, err, lt, FIELDS);
      if (rest === null) {
        showLiaisonError(lt, err);
        return;
      }
      setUnplaced(rest);
      if (rest.length) showLiaisonError(lt, err);
    },
    meta: { handlesError: true },
  });
  return (
    <Modal
      open
      width={phone ? '100%' : 760}
      title={lt(editing ? 'liaison.letter.editTitle' : 'liaison.letter.issueTitle', { year, unit: row.name })}
      okText={lt('liaison.letter.issueSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'letter-issue-submit' }}
    >
      <div data-testid="letter-issue" data-unit={row.code}>
        {unplaced.length > 0 && (
          <Alert
            type="error"
            showIcon
            className="fz-gap-bottom"
            title={lt('liaison.serverProblems')}
            description={
              <ul className="fz-lx-list">
                {unplaced.map((e) => (
                  <li key={`${e.path}-${e.message}`}>
                    {e.path}: {serverMessage(lt, e.message)}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Form<Values>
          name="liaison-letter"
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(v) => {
            setUnplaced([]);
            save.mutate(v);
          }}
        >
          <Form.Item
            name="title"
            label={lt('liaison.letter.titleLabel')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 4, message: lt('liaison.err.tooShort') }, { max: 200, message: lt('liaison.err.tooLong') }]}
          >
            <Input maxLength={200} data-testid="letter-title" />
          </Form.Item>
          <Typography.Text strong>{lt('liaison.letter.items')}</Typography.Text>
          <Form.List name="items" rules={[{ validator: async (_r, v: unknown[] | undefined) => (v?.length ? undefined : Promise.reject(new Error(lt('liaison.err.noItems')))) }]}>
            {(rows, { add, remove }, { errors }) => (
              <div className="fz-gap-top" data-testid="letter-items" data-count={rows.length}>
                {rows.map((r, i) => (
                  <div key={r.key} className="fz-lx-item-row">
                    <Form.Item name={[r.name, 'item']} rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 2, message: lt('liaison.err.tooShort') }, { max: 500, message: lt('liaison.err.tooLong') }]}>
                      <Input maxLength={500} placeholder={lt('liaison.letter.item')} aria-label={lt('liaison.letter.item')} data-testid={`letter-item-${i}`} />
                    </Form.Item>
                    <Form.Item name={[r.name, 'measure']} rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 2, message: lt('liaison.err.tooShort') }, { max: 2000, message: lt('liaison.err.tooLong') }]}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} placeholder={lt('liaison.letter.measure')} aria-label={lt('liaison.letter.measure')} data-testid={`letter-measure-${i}`} />
                    </Form.Item>
                    <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(r.name)} aria-label={lt('liaison.letter.removeItem')} data-testid={`letter-item-remove-${i}`} />
                  </div>
                ))}
                <Form.ErrorList errors={errors} />
                {rows.length < MAX_ITEMS && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="letter-item-add">
                    {lt('liaison.letter.addItem')}
                  </Button>
                )}
              </div>
            )}
          </Form.List>
        </Form>
      </div>
    </Modal>
  );
}
