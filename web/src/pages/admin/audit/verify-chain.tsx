import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { verifyAudit, type VerifyResult } from '../../../api/audit.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import type { Translate } from '../../../i18n/lang.ts';

function describe(r: VerifyResult, t: Translate): string {
  if (r.ok || !r.broken) return t('audit.verifyOk', { checked: r.checked, lastId: r.lastId ?? '—' });
  return t('audit.verifyBroken', { id: r.broken.id, reason: t(`audit.reason.${r.broken.reason}`), checked: r.checked });
}

export function useVerifyChain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyAudit,
    // The verification itself is audited: show the new entry.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['audit'] }),
  });
}

export function VerifyButton({ verify }: { verify: ReturnType<typeof useVerifyChain> }) {
  const t = useT();
  return (
    <Button icon={<SafetyCertificateOutlined />} onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
      {t('audit.verify')}
    </Button>
  );
}

export function VerifyResultAlert({ result, onClose }: { result: VerifyResult; onClose: () => void }) {
  const t = useT();
  return (
    <Alert
      type={result.ok ? 'success' : 'error'}
      showIcon
      title={t(result.ok ? 'audit.verifyTitleOk' : 'audit.verifyTitleBroken')}
      description={describe(result, t)}
      closable={{ onClose }}
      className="fz-gap-bottom"
      data-testid="audit-verify-result"
      data-ok={String(result.ok)}
    />
  );
}
