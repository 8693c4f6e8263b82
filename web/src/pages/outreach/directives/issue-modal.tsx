import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { issueDirective, type DirectiveBody, type DirectiveDetailDto, type DirectiveKind, type FraudType, type OutreachAudience } from '../../../api/outreach.ts';
import type { OrgDto } from '../../../api/orgs.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { kindLabel } from '../../../i18n/labels.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { fraudTypeLabel } from '../../cases/shared/labels.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useOutreachT } from '../i18n/use-outreach-t.ts';
import { placeErrors, showOutreachError } from '../shared/errors.ts';
import { OUTREACH_KEY } from '../shared/keys.ts';
import { AUDIENCES, audienceLabel, DIRECTIVE_KINDS, directiveKindLabel, FRAUD_TYPES } from '../shared/labels.ts';
import { useActiveOrgs } from '../shared/orgs.ts';
import { composeDirective, type ProposalBasis } from './compose.ts';

interface Values {
  kind: DirectiveKind;
  orgCodes: string[];
  title: string;
  body: string;
  fraudType?: FraudType;
  audience?: OutreachAudience;
  dueDays: number;
}

const FIELDS = ['kind', 'orgCodes', 'title', 'body', 'fraudType', 'audience', 'dueDays'] as const;
/** The units a directive goes to, grouped as the picker shows them (grids are reached through their station). */
const GROUPS: readonly (readonly OrgDto['kind'][])[] = [['county'], ['station', 'township'], ['member_unit']];

/**
 * Issues a daily or precision directive (宣防指令) to units below the caller's, with days to report back;
 * from a proposal it comes pre-filled (title and body from the figures, the unit, audience and fraud type,
 * the proposal as its basis).
 */
export function IssueDirectiveModal({ proposal, onClose, onIssued }: { proposal?: ProposalBasis | undefined; onClose: () => void; onIssued: (d: DirectiveDetailDto) => void }) {
  const me = useCurrentUser();
  const t = useT();
  const ot = useOutreachT();
  const phone = usePhone();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const orgs = useActiveOrgs();
  const options = useMemo(() => {
    const below = (orgs.data ?? []).filter((o) => o.active && o.code !== me.orgCode);
    return GROUPS.map((kinds) => ({
      label: kinds.map((k) => kindLabel(t, k)).join(' / '),
      title: kinds.join('-'),
      options: below.filter((o) => kinds.includes(o.kind)).map((o) => ({ value: o.code, label: o.name })),
    })).filter((g) => g.options.length > 0);
  }, [orgs.data, me.orgCode, t]);
  const composed = useMemo(() => (proposal ? composeDirective(ot, t, proposal) : undefined), [proposal, ot, t]);
  const initial = useMemo(() => {
    if (!composed) return {};
    const { basis: _basis, ...fields } = composed;
    return fields;
  }, [composed]);
  const kind = Form.useWatch('kind', form);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: DirectiveBody = {
        kind: v.kind,
        title: v.title.trim(),
        body: v.body.trim(),
        orgCodes: v.orgCodes,
        dueDays: v.dueDays,
        ...(v.fraudType ? { fraudType: v.fraudType } : {}),
        ...(v.audience ? { audience: v.audience } : {}),
        ...(composed?.basis ? { basis: composed.basis } : {}),
      };
      return issueDirective(body);
    },
    onSuccess: async (d) => {
      showSuccess(ot('outreach.directive.issued', { no: d.directiveNo, n: d.targets }));
      await queryClient.invalidateQueries({ queryKey: OUTREACH_KEY });
      onIssued(d);
    },
    onError: (err) => {
      const rest = placeErrors(form, err, ot, FIELDS);
      if (rest === null || rest.length) showOutreachError(ot, err);
    },
    meta: { handlesError: true },
  });

  return (
    <Modal
      open
      width={phone ? '100%' : 720}
      title={ot(proposal ? 'outreach.directive.issueFromProposal' : 'outreach.directive.issueTitle')}
      okText={ot('outreach.directive.issue')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'directive-issue-submit' }}
    >
      <div data-testid="directive-issue">
      {proposal && (
        <Alert
          type="info"
          showIcon
          className="fz-gap-bottom"
          data-testid="directive-issue-basis"
          title={ot('outreach.basis.line', { org: proposal.orgName, type: fraudTypeLabel(t, proposal.fraudType), recent: proposal.recent, before: proposal.before })}
        />
      )}
      <Form<Values>
        name="outreach-directive"
        form={form}
        layout="vertical"
        initialValues={{ kind: 'daily', dueDays: 7, orgCodes: [], ...initial }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="kind" label={ot('outreach.directive.kindLabel')} rules={[{ required: true, message: t('common.required') }]} extra={ot(kind === 'precision' ? 'outreach.directive.precisionHint' : 'outreach.directive.dailyHint')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={DIRECTIVE_KINDS.map((k) => ({ value: k, label: <span data-testid={`directive-kind-${k}`}>{directiveKindLabel(ot, k)}</span> }))} />
        </Form.Item>
        <Form.Item name="orgCodes" label={ot('outreach.directive.targets')} rules={[{ required: true, type: 'array', min: 1, message: ot('outreach.err.noTargets') }]}>
          <Select<string[]>
            mode="multiple"
            allowClear
            loading={orgs.isPending}
            placeholder={ot('outreach.directive.targetsPlaceholder')}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="directive-targets"
          />
        </Form.Item>
        <Form.Item name="title" label={ot('outreach.directive.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 4, message: ot('outreach.err.tooShort') }, { max: 200, message: ot('outreach.err.tooLong') }]}>
          <Input maxLength={200} data-testid="directive-title" />
        </Form.Item>
        <Form.Item name="body" label={ot('outreach.directive.body')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 10, message: ot('outreach.err.bodyShort') }, { max: 20000, message: ot('outreach.err.tooLong') }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20000} data-testid="directive-body" />
        </Form.Item>
        <div className="fz-or-form-row">
          <Form.Item name="fraudType" label={ot('outreach.directive.fraudType')}>
            <Select<FraudType> allowClear placeholder={ot('outreach.directive.any')} options={FRAUD_TYPES.map((x) => ({ value: x, label: fraudTypeLabel(t, x) }))} data-testid="directive-fraud-type" />
          </Form.Item>
          <Form.Item name="audience" label={ot('outreach.directive.audience')}>
            <Select<OutreachAudience> allowClear placeholder={ot('outreach.directive.any')} options={AUDIENCES.map((a) => ({ value: a, label: audienceLabel(ot, a) }))} data-testid="directive-audience" />
          </Form.Item>
          <Form.Item name="dueDays" label={ot('outreach.directive.dueDays')} rules={[{ required: true, message: t('common.required') }, { type: 'integer', min: 1, max: 90, message: ot('outreach.err.dueDays') }]}>
            <InputNumber min={1} max={90} precision={0} suffix={ot('outreach.days')} data-testid="directive-due-days" />
          </Form.Item>
        </div>
        <Typography.Text type="secondary" className="fz-small">
          {ot('outreach.directive.notifyHint')}
        </Typography.Text>
      </Form>
      </div>
    </Modal>
  );
}
