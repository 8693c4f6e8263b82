import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Form, Modal, Select } from 'antd';
import { useMemo } from 'react';
import type { Role } from '../../../../../src/lib/roles.ts';
import { assignCase, type CaseDetailDto } from '../../../api/cases.ts';
import { listOrgs, type OrgDto } from '../../../api/orgs.ts';
import { listUsers, type UserDto } from '../../../api/users.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { OrgTreeSelect } from '../../admin/org-tree-select.tsx';
import { placeFieldErrors } from '../shared/field-errors.ts';
import { ORGS_KEY, usersKey } from '../shared/keys.ts';
import { useCaseRefresh } from './use-case-mutation.ts';

interface Values {
  orgCode: string;
  investigatorId: number;
  leaderId: number;
}

/** Units a case can be given to: the police jurisdiction, not partners. */
const UNIT_KINDS: ReadonlySet<OrgDto['kind']> = new Set(['city', 'county', 'station', 'township']);
const FIELDS = new Set(['orgCode', 'investigatorId', 'leaderId']);

function useUsers(role: Role) {
  return useQuery({
    queryKey: usersKey(role),
    queryFn: async () => (await listUsers({ role, active: 'true', page: 1, pageSize: 200 })).items,
    staleTime: 5 * 60_000,
  });
}

/** The unit and everything below it, by the parent links of the caller's org list. */
function subtree(orgs: readonly OrgDto[], root: string): Set<string> {
  const out = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of orgs) {
      if (o.parentCode && out.has(o.parentCode) && !out.has(o.code)) {
        out.add(o.code);
        grew = true;
      }
    }
  }
  return out;
}

function ancestors(orgs: readonly OrgDto[], code: string): Set<string> {
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const out = new Set<string>();
  for (let c: string | null | undefined = code; c && !out.has(c); c = byCode.get(c)?.parentCode) out.add(c);
  return out;
}

/**
 * 三定一盯 assignment. The investigator must work in the unit or below it (a station officer or an
 * analyst), the leader at the unit or above it; the pickers offer only those, the server checks again.
 */
export function AssignModal({ c, onClose }: { c: CaseDetailDto; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { apply } = useCaseRefresh(c.id);
  const orgs = useQuery({ queryKey: ORGS_KEY, queryFn: () => listOrgs(false), staleTime: 5 * 60_000 });
  const officers = useUsers('station_officer');
  const analysts = useUsers('center_analyst');
  const leaders = useUsers('center_leader');
  const unit = Form.useWatch('orgCode', form) ?? c.orgCode;

  const units = useMemo(() => (orgs.data ?? []).filter((o) => UNIT_KINDS.has(o.kind)), [orgs.data]);
  const known = useMemo(() => new Set((orgs.data ?? []).map((o) => o.code)), [orgs.data]);
  const investigatorOptions = useMemo(() => {
    const label = (u: UserDto) => t('cases.assign.userLabel', { name: u.displayName, org: u.orgName });
    const below = subtree(orgs.data ?? [], unit);
    return [...(officers.data ?? []), ...(analysts.data ?? [])].filter((u) => below.has(u.orgCode)).map((u) => ({ value: u.id, label: label(u) }));
  }, [orgs.data, unit, officers.data, analysts.data, t]);
  const leaderOptions = useMemo(() => {
    const label = (u: UserDto) => t('cases.assign.userLabel', { name: u.displayName, org: u.orgName });
    const above = ancestors(orgs.data ?? [], unit);
    // A leader whose office lies outside the caller's view (the city above a county) is offered too.
    return (leaders.data ?? []).filter((u) => above.has(u.orgCode) || !known.has(u.orgCode)).map((u) => ({ value: u.id, label: label(u) }));
  }, [orgs.data, unit, leaders.data, known, t]);

  const save = useMutation({
    mutationFn: (v: Values) => assignCase(c.id, { orgCode: v.orgCode === c.orgCode ? undefined : v.orgCode, investigatorId: v.investigatorId, leaderId: v.leaderId }),
    onSuccess: async (detail) => {
      showSuccess(t('cases.assign.saved'));
      await apply(detail);
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
      title={t('cases.assign.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'assign-submit' }}
    >
      <Alert type="info" showIcon className="fz-gap-bottom" title={t('cases.assign.intro')} />
      <Form<Values>
        form={form}
        name="case-assign"
        layout="vertical"
        initialValues={{ orgCode: c.orgCode, investigatorId: c.investigator?.id, leaderId: c.leader?.id }}
        onValuesChange={(changed: Partial<Values>) => {
          // Another unit: the investigator picked for the old one may not belong to it.
          if (changed.orgCode) form.setFieldValue('investigatorId', undefined);
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="orgCode" label={t('cases.assign.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <OrgTreeSelect orgs={units} testId="assign-unit" />
        </Form.Item>
        <Form.Item name="investigatorId" label={t('cases.assign.investigator')} rules={[{ required: true, message: t('common.required') }]} extra={t('cases.assign.investigatorHelp')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={investigatorOptions}
            loading={officers.isPending || analysts.isPending}
            notFoundContent={t('cases.assign.noInvestigator')}
            data-testid="assign-investigator"
          />
        </Form.Item>
        <Form.Item name="leaderId" label={t('cases.assign.leader')} rules={[{ required: true, message: t('common.required') }]} extra={t('cases.assign.leaderHelp')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={leaderOptions} loading={leaders.isPending} notFoundContent={t('cases.assign.noLeader')} data-testid="assign-leader" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
