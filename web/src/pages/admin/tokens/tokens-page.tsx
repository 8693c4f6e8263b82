import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { listTokens, revokeToken, type TokenDto } from '../../../api/tokens.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { PageHeader } from '../../../layout/page-header.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { useOrgs } from '../use-orgs.ts';
import { TokenCreateModal } from './token-create-modal.tsx';
import { TokenShownModal } from './token-shown-modal.tsx';
import { TOKENS_KEY } from './tokens-key.ts';
import { TokensTable } from './tokens-table.tsx';

export function TokensPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const orgs = useOrgs();
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: listTokens });
  const [creating, setCreating] = useState(false);
  // Held only while the dialog is open; never cached or stored anywhere else.
  const [shown, setShown] = useState<string | null>(null);

  const revoke = useMutation({
    mutationFn: (tok: TokenDto) => revokeToken(tok.id),
    onSuccess: async () => {
      showSuccess(t('tokens.revoked'));
      await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });

  return (
    <div data-testid="page-tokens">
      <PageHeader
        title={t('tokens.title')}
        intro={t('tokens.intro')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void tokens.refetch()} loading={tokens.isFetching} aria-label={t('common.refresh')} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!orgs.data} data-testid="token-new">
              {t('tokens.new')}
            </Button>
          </Space>
        }
      />
      <Card variant="borderless" size="small">
        <TokensTable rows={tokens.data ?? []} loading={tokens.isPending} onRevoke={(tok) => revoke.mutate(tok)} />
      </Card>
      {creating && (
        <TokenCreateModal
          orgs={orgs.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreating(false);
            setShown(token);
          }}
        />
      )}
      {shown && <TokenShownModal token={shown} onClose={() => setShown(null)} />}
    </div>
  );
}
