import { EditOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Descriptions, Empty, Popconfirm, Space, Tooltip } from 'antd';
import { updateOrg, type OrgDto } from '../../../api/orgs.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { kindLabel } from '../../../i18n/labels.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { childKinds } from '../../../lib/org-tree.ts';
import { ORGS_KEY } from '../use-orgs.ts';

interface Props {
  org: OrgDto | undefined;
  orgs: OrgDto[];
  onAddChild: () => void;
  onEdit: () => void;
}

export function OrgDetail({ org, orgs, onAddChild, onEdit }: Props) {
  const t = useT();
  const queryClient = useQueryClient();
  const setActive = useMutation({
    mutationFn: (active: boolean) => {
      if (!org) throw new Error('no organisation selected');
      return updateOrg(org.code, { active });
    },
    onSuccess: async (updated) => {
      showSuccess(t(updated.active ? 'orgs.activated' : 'orgs.deactivated'));
      await queryClient.invalidateQueries({ queryKey: ORGS_KEY });
    },
  });

  if (!org) return <Empty description={t('orgs.pickHint')} />;
  const parent = org.parentCode ? orgs.find((o) => o.code === org.parentCode) : undefined;
  const children = orgs.filter((o) => o.parentCode === org.code);
  const canHaveChildren = childKinds(org.kind).length > 0;
  // The root of the admin's own scope (its parent is outside the list) cannot be switched off by that
  // admin; the server refuses it too.
  const isRoot = !parent;

  return (
    <div data-testid="org-detail">
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'name', label: t('orgs.name'), children: org.name },
          { key: 'code', label: t('orgs.code'), children: <code>{org.code}</code> },
          { key: 'kind', label: t('orgs.kind'), children: kindLabel(t, org.kind) },
          { key: 'parent', label: t('orgs.parent'), children: parent ? `${parent.name}（${parent.code}）` : (org.parentCode ?? t('common.none')) },
          { key: 'region', label: t('orgs.region'), children: org.regionCode ?? t('common.none') },
          {
            key: 'status',
            label: t('common.status'),
            children: <Badge status={org.active ? 'success' : 'default'} text={t(org.active ? 'common.active' : 'common.inactive')} />,
          },
          { key: 'children', label: t('orgs.children'), children: children.length },
        ]}
      />
      <Space wrap className="fz-detail-actions">
        <Tooltip title={canHaveChildren ? undefined : t('orgs.noChildKinds')}>
          <Button type="primary" icon={<PlusOutlined />} disabled={!canHaveChildren || !org.active} onClick={onAddChild} data-testid="org-add-child">
            {t('orgs.addChild')}
          </Button>
        </Tooltip>
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="org-edit">
          {t('orgs.edit')}
        </Button>
        {org.active ? (
          !isRoot && (
            <Popconfirm
              title={t('orgs.deactivate')}
              description={<div className="fz-popconfirm-text">{t('orgs.deactivateConfirm', { name: org.name })}</div>}
              okText={t('orgs.deactivate')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => setActive.mutate(false)}
            >
              <Button danger icon={<StopOutlined />} loading={setActive.isPending} data-testid="org-deactivate">
                {t('orgs.deactivate')}
              </Button>
            </Popconfirm>
          )
        ) : (
          <Button icon={<CheckCircleOutlined />} loading={setActive.isPending} onClick={() => setActive.mutate(true)} data-testid="org-activate">
            {t('orgs.activate')}
          </Button>
        )}
      </Space>
    </div>
  );
}
