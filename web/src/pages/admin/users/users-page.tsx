import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { listUsers, revealUser, type UserDto } from '../../../api/users.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { PageHeader } from '../../../layout/page-header.tsx';
import { useOrgs } from '../use-orgs.ts';
import { PasswordModal } from './password-modal.tsx';
import { UserCreateModal } from './user-create-modal.tsx';
import { UserEditModal } from './user-edit-modal.tsx';
import { UserFilters, type UserFilter } from './user-filters.tsx';
import { UsersTable } from './users-table.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserDto } | { kind: 'password'; user: UserDto } | null;

export function UsersPage() {
  const t = useT();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const orgs = useOrgs();
  const [filter, setFilter] = useState<UserFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [revealed, setRevealed] = useState<Record<number, string>>({});

  const query = { ...filter, ...paging };
  const users = useQuery({ queryKey: ['users', query], queryFn: () => listUsers(query), placeholderData: keepPreviousData });

  const reveal = useMutation({
    mutationFn: (u: UserDto) => revealUser(u.id),
    onSuccess: (u) => {
      if (u.phone) setRevealed((r) => ({ ...r, [u.id]: u.phone ?? '' }));
      // The reveal wrote an audit entry.
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });

  const confirmReveal = (u: UserDto) => {
    modal.confirm({
      title: t('users.revealTitle'),
      content: t('users.revealBody'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'reveal-confirm' },
      onOk: () => reveal.mutateAsync(u).catch(() => undefined),
    });
  };

  const orgList = orgs.data ?? [];
  return (
    <div data-testid="page-users">
      <PageHeader
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} disabled={!orgs.data} data-testid="user-new">
            {t('users.new')}
          </Button>
        }
      />
      <Card variant="borderless" size="small">
        <UserFilters
          value={filter}
          orgs={orgList}
          onChange={(f) => {
            setFilter(f);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        <UsersTable
          rows={users.data?.items ?? []}
          total={users.data?.total ?? 0}
          page={paging.page}
          pageSize={paging.pageSize}
          loading={users.isFetching}
          revealed={revealed}
          onPage={(page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize })}
          onEdit={(user) => setDialog({ kind: 'edit', user })}
          onPassword={(user) => setDialog({ kind: 'password', user })}
          onReveal={confirmReveal}
        />
      </Card>
      {dialog?.kind === 'create' && <UserCreateModal orgs={orgList} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <UserEditModal user={dialog.user} orgs={orgList} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'password' && <PasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </div>
  );
}
