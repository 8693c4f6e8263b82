import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { movePersonStatus, type PersonDetailDto, type PersonStatus } from '../../../api/persons.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import type { MessageKey } from '../../../i18n/zh.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { statusLabel } from '../shared/labels.ts';
import { usePersonRefresh } from './use-person-step.ts';

/** Steps back in the flow (a contact lost, control resumed) look different from steps forward. */
const BACK: ReadonlySet<string> = new Set(['contacted>stranded', 'returning>contacted', 'released>under_control']);

/** The next steps the server allows from the current status (nextStatuses), each confirmed with an optional note. */
export function StatusActions({ p }: { p: PersonDetailDto }) {
  const t = useT();
  const [target, setTarget] = useState<PersonStatus | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  const { apply, isConflict } = usePersonRefresh(p.id);
  const move = useMutation({
    mutationFn: ({ to, note }: { to: PersonStatus; note?: string | undefined }) => movePersonStatus(p.id, to, note),
    onSuccess: async (detail, { to }) => {
      showSuccess(t('persons.action.moved', { status: statusLabel(t, to) }));
      setTarget(null);
      await apply(detail);
    },
    onError: (err) => {
      if (isConflict(err)) {
        setTarget(null);
        showError(new Error(t('persons.action.conflict')));
      } else showError(err);
    },
    meta: { handlesError: true },
  });
  if (p.nextStatuses.length === 0) return null;
  const action = (to: PersonStatus) => t(`persons.action.to.${to}` as MessageKey);
  return (
    <div className="fz-ps-actions" data-testid="person-actions">
      {p.nextStatuses.map((to) => {
        const back = BACK.has(`${p.status}>${to}`);
        return (
          <Button key={to} type={back ? 'default' : 'primary'} onClick={() => setTarget(to)} data-testid={`person-action-${to}`}>
            {action(to)}
          </Button>
        );
      })}
      <Modal
        open={target !== null}
        title={target ? t('persons.action.confirm', { action: action(target) }) : null}
        okText={target ? action(target) : t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'person-status-ok' }}
        confirmLoading={move.isPending}
        onOk={() => form.submit()}
        onCancel={() => setTarget(null)}
        afterClose={() => form.resetFields()}
        forceRender
      >
        {target && (
          <Typography.Paragraph type="secondary">
            {t(target === 'under_control' ? 'persons.action.controlIntro' : 'persons.action.intro', { from: statusLabel(t, p.status), to: statusLabel(t, target) })}
          </Typography.Paragraph>
        )}
        <Form form={form} layout="vertical" name="person-status" onFinish={(v) => target && move.mutate({ to: target, note: v.note?.trim() || undefined })}>
          <Form.Item name="note" label={t('persons.action.note')} rules={[{ max: 2000, message: t('persons.err.tooLong', { n: 2000 }) }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="person-status-note" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
