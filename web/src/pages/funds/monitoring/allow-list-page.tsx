import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Popconfirm, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { normalizeAccount } from '../../../../../src/lib/bank-account.ts';
import { addAllowEntry, listAllowList, revokeAllowEntry, type AllowBody, type AllowEntryDto } from '../../../api/risk.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { serverNow } from '../../../lib/server-time.ts';
import { AccountText } from '../../cases/shared/account-text.tsx';
import { placeFieldErrors } from '../../cases/shared/field-errors.ts';
import { rowAttrs } from '../../cases/shared/row-attrs.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { writesAllowList } from './access.ts';
import { ALLOW_KEY, allowKey } from './keys.ts';

type Values = { account: string; reason: string; days: number };
const FIELDS = new Set(['account', 'reason', 'days']);

function AddModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => addAllowEntry({ account: normalizeAccount(v.account), reason: v.reason.trim(), days: v.days } satisfies AllowBody),
    onSuccess: async (entry, v) => {
      showSuccess(t('risk.allow.added', { account: entry.account, days: v.days }));
      await queryClient.invalidateQueries({ queryKey: ALLOW_KEY });
      onClose();
    },
    onError: (err) => {
      const rest = placeFieldErrors(form, err, t, (p) => (p.length === 1 && FIELDS.has(String(p[0])) ? p : null));
      if (rest === null || rest.length > 0) showError(err);
    },
    meta: { handlesError: true },
  });
  return (
    <Modal
      open
      title={t('risk.allow.add')}
      okText={t('risk.allow.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'allow-submit' }}
      destroyOnHidden
    >
      <Form<Values> form={form} name="allow-add" layout="vertical" initialValues={{ days: 30 }} onFinish={(v) => save.mutate(v)} data-testid="allow-form">
        <Form.Item name="account" label={t('risk.allow.account')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 64 }]}>
          <Input maxLength={80} inputMode="numeric" data-testid="allow-account" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('risk.allow.reason')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { min: 4, message: t('risk.allow.reasonMin') },
            { max: 500, message: t('money.err.tooLong', { n: 500 }) },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} placeholder={t('risk.allow.reasonHint')} data-testid="allow-reason" />
        </Form.Item>
        <Form.Item name="days" label={t('risk.allow.days')} rules={[{ required: true, message: t('common.required') }, { type: 'integer', min: 1, max: 365, message: t('risk.outcome.daysRange') }]}>
          <InputNumber min={1} max={365} precision={0} className="fz-filter" data-testid="allow-days" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type EntryState = 'active' | 'expired' | 'revoked';
const stateOf = (e: AllowEntryDto): EntryState => (e.revokedAt ? 'revoked' : new Date(e.expiresAt).getTime() <= serverNow() ? 'expired' : 'active');

function StateCell({ e }: { e: AllowEntryDto }) {
  const t = useT();
  const state = stateOf(e);
  if (state === 'revoked') return <Tag data-state="revoked">{t('risk.allow.revokedBy', { by: e.revokedBy ?? t('common.none') })}</Tag>;
  if (state === 'expired') return <Tag data-state="expired">{t('risk.allow.expired')}</Tag>;
  return (
    <Tag color="green" data-state="active">
      {t('risk.allow.active')}
    </Tag>
  );
}

/** The allow-list (避免误伤): entries in force, or with ?all=1 also the expired and revoked ones; add and revoke. */
export function AllowListPage() {
  const me = useCurrentUser();
  const t = useT();
  const phone = usePhone();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const all = params.get('all') === '1';
  const writer = writesAllowList(me.role);
  const list = useQuery({ queryKey: allowKey(all), queryFn: () => listAllowList(all) });
  const revoke = useMutation({
    mutationFn: (e: AllowEntryDto) => revokeAllowEntry(e.id),
    onSuccess: async (_out, e) => {
      showSuccess(t('risk.allow.revokedOk', { account: e.account }));
      await queryClient.invalidateQueries({ queryKey: ALLOW_KEY });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: ALLOW_KEY }),
  });
  const columns: TableColumnsType<AllowEntryDto> = [
    { key: 'account', title: t('risk.allow.account'), render: (_v, e) => <AccountText account={e.account} strong /> },
    ...(me.role === 'bank_liaison' ? [] : [{ key: 'org', title: t('risk.col.org'), render: (_v: unknown, e: AllowEntryDto) => e.orgName }]),
    { key: 'reason', title: t('risk.allow.reason'), render: (_v, e) => <Typography.Text className="fz-risk-wrap">{e.reason}</Typography.Text> },
    { key: 'state', title: t('risk.allow.state'), render: (_v, e) => <StateCell e={e} /> },
    { key: 'expires', title: t('risk.allow.expiresAt'), render: (_v, e) => formatDateTime(e.expiresAt) },
    {
      key: 'created',
      title: t('risk.allow.createdBy'),
      render: (_v, e) => (
        <div className="fz-cs-stack">
          <span>{e.createdBy ?? t('common.none')}</span>
          <Typography.Text type="secondary" className="fz-small">
            {formatDateTime(e.createdAt)}
          </Typography.Text>
        </div>
      ),
    },
    ...(writer
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_v: unknown, e: AllowEntryDto) =>
              stateOf(e) !== 'active' ? null : (
                <Popconfirm title={t('risk.allow.revokeConfirm')} okText={t('risk.allow.revoke')} cancelText={t('common.cancel')} onConfirm={() => revoke.mutate(e)} okButtonProps={{ danger: true, 'data-testid': 'allow-revoke-confirm' }}>
                  <Button size="small" danger icon={<StopOutlined />} data-testid={`allow-revoke-${e.id}`}>
                    {t('risk.allow.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];
  return (
    <div data-testid="risk-allow-list">
      <Typography.Paragraph type="secondary">{t('risk.allow.intro')}</Typography.Paragraph>
      <div className="fz-filters fz-risk-toolbar">
        <span className="fz-risk-switch">
          <Switch checked={all} onChange={(on) => setParams(on ? { all: '1' } : {})} data-testid="allow-show-ended" />
          <span>{t('risk.allow.showEnded')}</span>
        </span>
        {writer && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="allow-add">
            {t('risk.allow.add')}
          </Button>
        )}
      </div>
      <Table<AllowEntryDto>
        data-testid="allow-table"
        rowKey="id"
        size="middle"
        columns={phone ? columns.filter((c) => c.key !== 'created' && c.key !== 'expires') : columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && !list.data}
        className="fz-nowrap-table"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('risk.allow.empty') }}
        onRow={(e) => rowAttrs({ 'data-testid': `allow-row-${e.id}`, 'data-account': e.account, 'data-state': stateOf(e) })}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
      />
      {adding && <AddModal onClose={() => setAdding(false)} />}
    </div>
  );
}
