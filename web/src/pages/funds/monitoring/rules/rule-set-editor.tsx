import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { FieldError } from '../../../../../../src/server/errors.ts';
import { ApiError } from '../../../../api/problem.ts';
import { createRuleSetVersion, type RuleSetDto } from '../../../../api/risk.ts';
import { useT } from '../../../../i18n/lang-context.tsx';
import { showError, showSuccess } from '../../../../lib/notify.ts';
import { RULE_SETS_KEY } from '../keys.ts';

/** The next free "vN" after the highest one stored (v1, v2 … whatever else the versions are called). */
export function nextVersion(versions: readonly string[]): string {
  const numbers = versions.map((v) => /^v(\d+)$/.exec(v)?.[1]).filter((n): n is string => n !== undefined);
  const top = numbers.reduce((m, n) => Math.max(m, Number(n)), 0);
  return `v${top + 1}`;
}

/**
 * A new rule set version written as JSON, starting from a copy of another (the live one by default) under the
 * next free version. The server checks it whole; each problem is listed by its path (config.params.fan_in.minPayers).
 */
export function RuleSetEditor({ base, versions, onClose }: { base: RuleSetDto; versions: readonly string[]; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [text, setText] = useState(() => JSON.stringify({ ...base.config, version: nextVersion(versions) }, null, 2));
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FieldError[]>([]);
  const save = useMutation({
    mutationFn: (config: unknown) => createRuleSetVersion(config, note.trim() || undefined),
    onSuccess: async (created) => {
      showSuccess(t('risk.editor.created', { version: created.version }));
      await queryClient.invalidateQueries({ queryKey: RULE_SETS_KEY });
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.errors.length > 0) setProblems(err.errors);
      else showError(err);
    },
    meta: { handlesError: true },
  });
  const submit = () => {
    let config: unknown;
    try {
      config = JSON.parse(text);
    } catch (err) {
      setProblems([{ path: 'JSON', message: t('risk.editor.badJson', { message: err instanceof Error ? err.message : String(err) }) }]);
      return;
    }
    setProblems([]);
    save.mutate(config);
  };
  return (
    <Modal
      open
      width={920}
      title={t('risk.editor.title')}
      okText={t('risk.editor.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'rule-set-submit' }}
      destroyOnHidden
    >
      <div data-testid="rule-set-editor">
        <Typography.Paragraph type="secondary">{t('risk.editor.hint', { from: base.version })}</Typography.Paragraph>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            className="fz-gap-bottom"
            title={t('risk.editor.errors', { n: problems.length })}
            description={
              <ul className="fz-risk-problems" data-testid="rule-set-errors">
                {problems.map((p, i) => (
                  <li key={`${p.path}-${i}`} data-path={p.path}>
                    <Typography.Text code>{p.path}</Typography.Text> {p.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Typography.Text strong>{t('risk.editor.config')}</Typography.Text>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 16, maxRows: 28 }}
          spellCheck={false}
          className="fz-risk-json-edit"
          aria-label={t('risk.editor.config')}
          data-testid="rule-set-json"
        />
        <Typography.Text strong className="fz-risk-label">
          {t('risk.editor.note')}
        </Typography.Text>
        <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} aria-label={t('risk.editor.note')} data-testid="rule-set-note" />
      </div>
    </Modal>
  );
}
