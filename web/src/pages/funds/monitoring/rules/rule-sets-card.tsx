import { CopyOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Modal, Popconfirm, Space, Table, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { listRuleSetVersions, moveRuleSet, type RuleSetDto, type RuleSetStatus } from '../../../../api/risk.ts';
import { useT } from '../../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../../lib/format.ts';
import { showError, showSuccess } from '../../../../lib/notify.ts';
import { rowAttrs } from '../../../cases/shared/row-attrs.ts';
import { RULE_SETS_KEY } from '../keys.ts';
import { ruleSetStatusLabel } from '../labels.ts';
import { RuleSetStatusTag } from '../tags.tsx';
import { RuleSetEditor } from './rule-set-editor.tsx';

type Move = Exclude<RuleSetStatus, 'draft'>;

/**
 * Where a version may go, as the server allows it: a draft or retired version runs in shadow or goes live, a shadow
 * one goes live or retires; the live one is replaced by making another live, never retired by hand.
 */
function movesOf(status: RuleSetStatus): Move[] {
  if (status === 'live') return [];
  return (['shadow', 'live', 'retired'] as const).filter((m) => m !== status);
}

const MOVE_LABEL: Record<Move, 'risk.rules.toShadow' | 'risk.rules.toLive' | 'risk.rules.retire'> = { shadow: 'risk.rules.toShadow', live: 'risk.rules.toLive', retired: 'risk.rules.retire' };

/** The rule set versions and the engine's state; the admin (manage) also creates versions and moves them. */
export function RuleSetsCard({ manage }: { manage: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const sets = useQuery({ queryKey: RULE_SETS_KEY, queryFn: listRuleSetVersions });
  const [viewing, setViewing] = useState<RuleSetDto | null>(null);
  const [editing, setEditing] = useState<RuleSetDto | null>(null);
  const items = sets.data?.items ?? [];
  const live = items.find((s) => s.status === 'live');
  const move = useMutation({
    mutationFn: ({ version, to }: { version: string; to: Move }) => moveRuleSet(version, to),
    onSuccess: async (out) => {
      showSuccess(t('risk.rules.moved', { version: out.version, status: ruleSetStatusLabel(t, out.status) }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: RULE_SETS_KEY }), queryClient.invalidateQueries({ queryKey: ['risk', 'rule-stats'] })]);
    },
    onError: (err) => {
      showError(err);
      void queryClient.invalidateQueries({ queryKey: RULE_SETS_KEY });
    },
    meta: { handlesError: true },
  });
  const confirmText = (version: string, to: Move) =>
    to === 'live' ? t('risk.rules.confirm.live', { version, live: live?.version ?? t('risk.runtime.none') }) : to === 'shadow' ? t('risk.rules.confirm.shadow', { version }) : t('risk.rules.confirm.retired', { version });

  const columns: TableColumnsType<RuleSetDto> = [
    { key: 'version', title: t('risk.rules.version'), render: (_v, s) => <Typography.Text strong className="fz-risk-mono">{s.version}</Typography.Text> },
    { key: 'status', title: t('risk.rules.status'), render: (_v, s) => <RuleSetStatusTag status={s.status} /> },
    { key: 'note', title: t('risk.rules.note'), render: (_v, s) => s.note ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> },
    {
      key: 'created',
      title: t('risk.rules.createdAt'),
      render: (_v, s) => (
        <div className="fz-cs-stack">
          <span>{formatDateTime(s.createdAt)}</span>
          <Typography.Text type="secondary" className="fz-small">
            {s.createdBy ?? t('common.none')}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'activated', title: t('risk.rules.activatedAt'), render: (_v, s) => (s.activatedAt ? formatDateTime(s.activatedAt) : t('common.none')) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_v, s) => (
        <Space size={4} wrap>
          <Button size="small" icon={<EyeOutlined />} onClick={() => setViewing(s)} data-testid={`ruleset-view-${s.version}`}>
            {t('risk.rules.view')}
          </Button>
          {manage && (
            <Button size="small" icon={<CopyOutlined />} onClick={() => setEditing(s)} data-testid={`ruleset-copy-${s.version}`}>
              {t('risk.rules.copy')}
            </Button>
          )}
          {manage &&
            movesOf(s.status).map((to) => (
              <Popconfirm
                key={to}
                title={<div className="fz-popconfirm-text">{confirmText(s.version, to)}</div>}
                okText={t(MOVE_LABEL[to])}
                cancelText={t('common.cancel')}
                onConfirm={() => move.mutate({ version: s.version, to })}
                okButtonProps={{ danger: to === 'live', 'data-testid': 'ruleset-move-confirm' }}
              >
                <Button size="small" type={to === 'live' ? 'primary' : 'default'} loading={move.isPending && move.variables?.version === s.version && move.variables.to === to} data-testid={`ruleset-${to}-${s.version}`}>
                  {t(MOVE_LABEL[to])}
                </Button>
              </Popconfirm>
            ))}
        </Space>
      ),
    },
  ];
  const rt = sets.data?.runtime;
  const runtime: DescriptionsProps['items'] = rt
    ? [
        { key: 'live', label: t('risk.runtime.rulesVersion'), children: <span data-testid="runtime-version">{rt.rulesVersion ?? t('risk.runtime.none')}</span> },
        { key: 'shadow', label: t('risk.runtime.shadowVersion'), children: rt.shadowVersion ?? t('risk.runtime.none') },
        { key: 'accounts', label: t('risk.runtime.accounts'), children: rt.accounts.toLocaleString() },
        { key: 'processed', label: t('risk.runtime.processed'), children: rt.processed.toLocaleString() },
      ]
    : [];
  return (
    <Card
      variant="borderless"
      size="small"
      title={t('risk.rules.versions')}
      data-testid="rule-sets"
      extra={
        manage &&
        live && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(live)} data-testid="ruleset-new">
            {t('risk.rules.new')}
          </Button>
        )
      }
    >
      {!manage && <Typography.Paragraph type="secondary">{t('risk.rules.readOnly')}</Typography.Paragraph>}
      {rt && <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={runtime} className="fz-gap-bottom" />}
      <Table<RuleSetDto>
        data-testid="rule-sets-table"
        rowKey="version"
        size="small"
        columns={columns}
        dataSource={items}
        loading={sets.isFetching && !sets.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        className="fz-nowrap-table"
        onRow={(s) => rowAttrs({ 'data-testid': `ruleset-row-${s.version}`, 'data-status': s.status })}
      />
      {viewing && (
        <Modal open width={860} title={t('risk.json.title', { version: viewing.version })} footer={null} onCancel={() => setViewing(null)} destroyOnHidden>
          <pre className="fz-json fz-risk-json" data-testid="ruleset-json">
            {JSON.stringify(viewing.config, null, 2)}
          </pre>
        </Modal>
      )}
      {editing && <RuleSetEditor base={editing} versions={items.map((s) => s.version)} onClose={() => setEditing(null)} />}
    </Card>
  );
}
