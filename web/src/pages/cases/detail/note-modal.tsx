import { Form, Input, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/lang-context.tsx';

/** A confirmation with an optional (or required) note: status changes, releasing a stop. */
export function NoteModal({
  title,
  intro,
  okText,
  danger,
  noteRequired,
  pending,
  onOk,
  onClose,
  testId,
}: {
  title: ReactNode;
  intro?: ReactNode;
  okText: string;
  danger?: boolean;
  noteRequired?: boolean;
  pending: boolean;
  onOk: (note: string | undefined) => void;
  onClose: () => void;
  testId: string;
}) {
  const t = useT();
  const [form] = Form.useForm<{ note?: string }>();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, 'data-testid': `${testId}-ok` }}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
      <Form form={form} layout="vertical" name={testId} onFinish={(v) => onOk(v.note?.trim() || undefined)}>
        <Form.Item
          name="note"
          label={t('cases.action.note')}
          rules={[
            ...(noteRequired ? [{ required: true, whitespace: true, message: t('common.required') }] : []),
            { max: 2000, message: t('money.err.tooLong', { n: 2000 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid={`${testId}-note`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
