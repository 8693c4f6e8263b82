import { CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea.js';
import { useRef, useState } from 'react';
import { useT } from '../../../i18n/lang-context.tsx';
import { copyText } from '../../../lib/copy-text.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';

/** The new token, once: it cannot be fetched again, so the dialog only closes on purpose. */
export function TokenShownModal({ token, onClose }: { token: string; onClose: () => void }) {
  const t = useT();
  const area = useRef<TextAreaRef>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const ok = await copyText(token, area.current?.resizableTextArea?.textArea);
    setCopied(ok);
    if (ok) showSuccess(t('tokens.copied'));
    else showError(new Error(t('tokens.copy')));
  };
  return (
    <Modal
      open
      title={t('tokens.shownTitle')}
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-shown-close">
          {t('tokens.stored')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('tokens.shownWarning')} className="fz-gap-bottom" />
      <Input.TextArea ref={area} value={token} readOnly autoSize className="fz-token-text" data-testid="token-value" />
      <Button icon={<CopyOutlined />} onClick={() => void copy()} className="fz-gap-top" data-testid="token-copy">
        {copied ? t('tokens.copied') : t('tokens.copy')}
      </Button>
    </Modal>
  );
}
