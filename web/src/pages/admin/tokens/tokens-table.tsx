import { StopOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { TokenDto } from '../../../api/tokens.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { roleLabel } from '../../../i18n/labels.ts';
import { useNarrow } from '../../../layout/use-narrow.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { tokenStatus } from './token-status.ts';

const STATUS_TAG = { active: 'green', revoked: 'red', expired: 'default' } as const;

export function TokensTable({ rows, loading, onRevoke }: { rows: TokenDto[]; loading: boolean; onRevoke: (tok: TokenDto) => void }) {
  const t = useT();
  const narrow = useNarrow();
  const never = <Typography.Text type="secondary">{t('common.never')}</Typography.Text>;
  const columns: TableColumnsType<TokenDto> = [
    { key: 'name', title: t('tokens.name'), dataIndex: 'name' },
    { key: 'prefix', title: t('tokens.prefix'), dataIndex: 'prefix', render: (_v, tok) => <Typography.Text code>{tok.prefix}…</Typography.Text> },
    { key: 'role', title: t('tokens.role'), dataIndex: 'role', render: (_v, tok) => <Tag color="blue">{roleLabel(t, tok.role)}</Tag> },
    {
      key: 'org',
      title: t('tokens.org'),
      dataIndex: 'orgName',
      render: (_v, tok) => (
        <Tooltip title={tok.orgCode}>
          <span>{tok.orgName}</span>
        </Tooltip>
      ),
    },
    { key: 'createdAt', title: t('tokens.createdAt'), dataIndex: 'createdAt', render: (_v, tok) => formatDateTime(tok.createdAt) },
    { key: 'createdBy', title: t('tokens.createdBy'), dataIndex: 'createdBy', render: (_v, tok) => tok.createdBy ?? t('common.none') },
    { key: 'lastUsed', title: t('tokens.lastUsed'), dataIndex: 'lastUsedAt', render: (_v, tok) => (tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : never) },
    { key: 'expiresAt', title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: (_v, tok) => (tok.expiresAt ? formatDateTime(tok.expiresAt) : t('tokens.noExpiry')) },
    {
      key: 'status',
      title: t('common.status'),
      render: (_v, tok) => {
        const s = tokenStatus(tok);
        const label = s === 'active' ? t('tokens.statusActive') : s === 'revoked' ? t('tokens.statusRevoked') : t('tokens.statusExpired');
        const tag = (
          <Tag color={STATUS_TAG[s]} data-testid={`token-status-${tok.id}`} data-status={s}>
            {label}
          </Tag>
        );
        return tok.revokedAt ? <Tooltip title={formatDateTime(tok.revokedAt)}>{tag}</Tooltip> : tag;
      },
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: narrow ? undefined : 'end',
      render: (_v, tok) =>
        tok.revokedAt ? null : (
          <Popconfirm
            title={t('tokens.revoke')}
            description={<div className="fz-popconfirm-text">{t('tokens.revokeConfirm', { name: tok.name })}</div>}
            okText={t('tokens.revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'token-revoke-confirm' }}
            onConfirm={() => onRevoke(tok)}
          >
            <Button type="link" danger size="small" icon={<StopOutlined />} data-testid={`token-revoke-${tok.id}`}>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <Table<TokenDto>
      data-testid="tokens-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      className="fz-nowrap-table"
      scroll={{ x: 'max-content' }}
      pagination={false}
      locale={{ emptyText: t('tokens.empty') }}
    />
  );
}
