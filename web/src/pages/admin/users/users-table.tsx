import { EditOutlined, EyeOutlined, KeyOutlined, LockOutlined } from '@ant-design/icons';
import { Badge, Button, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { UserDto } from '../../../api/users.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { roleLabel } from '../../../i18n/labels.ts';
import { useNarrow } from '../../../layout/use-narrow.ts';
import { formatDateTime } from '../../../lib/format.ts';

interface Props {
  rows: UserDto[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  revealed: Record<number, string>;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (u: UserDto) => void;
  onPassword: (u: UserDto) => void;
  onReveal: (u: UserDto) => void;
}

export function UsersTable({ rows, total, page, pageSize, loading, revealed, onPage, onEdit, onPassword, onReveal }: Props) {
  const t = useT();
  const narrow = useNarrow();
  const columns: TableColumnsType<UserDto> = [
    {
      key: 'username',
      title: t('users.username'),
      dataIndex: 'username',
      render: (_v, u) => (
        <Space size={4}>
          <Typography.Text code>{u.username}</Typography.Text>
          {u.locked && (
            <Tooltip title={t('users.locked')}>
              <LockOutlined className="fz-danger-icon" />
            </Tooltip>
          )}
        </Space>
      ),
    },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
    { key: 'role', title: t('users.role'), dataIndex: 'role', render: (_v, u) => <Tag color="blue">{roleLabel(t, u.role)}</Tag> },
    {
      key: 'org',
      title: t('users.org'),
      dataIndex: 'orgName',
      render: (_v, u) => (
        <Tooltip title={u.orgCode}>
          <span>{u.orgName}</span>
        </Tooltip>
      ),
    },
    {
      key: 'phone',
      title: t('users.phone'),
      dataIndex: 'phone',
      render: (_v, u) => {
        if (!u.phone) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
        const shown = revealed[u.id];
        return shown ? (
          <Typography.Text copyable data-testid={`phone-revealed-${u.id}`}>
            {shown}
          </Typography.Text>
        ) : (
          <Space size={2}>
            <span>{u.phone}</span>
            <Tooltip title={t('users.reveal')}>
              <Button type="text" size="small" icon={<EyeOutlined />} aria-label={t('users.reveal')} onClick={() => onReveal(u)} data-testid={`reveal-${u.id}`} />
            </Tooltip>
          </Space>
        );
      },
    },
    {
      key: 'status',
      title: t('common.status'),
      dataIndex: 'active',
      render: (_v, u) => (
        <Space size={4}>
          <Badge status={u.active ? 'success' : 'default'} text={t(u.active ? 'common.active' : 'common.inactive')} />
          {u.locked && <Tag color="red">{t('users.locked')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'lastLogin',
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (_v, u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : <Typography.Text type="secondary">{t('common.never')}</Typography.Text>),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      // A pinned column would cover half of a phone screen; there the actions shrink to icons instead.
      fixed: narrow ? undefined : 'end',
      render: (_v, u) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(u)} aria-label={t('users.edit')} data-testid={`user-edit-${u.id}`}>
            {narrow ? null : t('users.edit')}
          </Button>
          <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => onPassword(u)} aria-label={t('users.resetPassword')}>
            {narrow ? null : t('users.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Table<UserDto>
      data-testid="users-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      className="fz-nowrap-table"
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (n) => t('common.total', { n }),
        onChange: onPage,
      }}
    />
  );
}
