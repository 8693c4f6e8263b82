import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Form, Input, Radio, Row, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { isValidIdNumber } from '../../../../../src/lib/id-number.ts';
import { reportRestriction, type RestrictionBody, type RestrictionKind, type RestrictionMeasure } from '../../../api/cards.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { serverDayjs } from '../../../lib/server-time.ts';
import { OrgTreeSelect } from '../../admin/org-tree-select.tsx';
import { placeFieldErrors, showCardsError } from '../shared/errors.ts';
import { leadKindLabel, RESTRICTION_MEASURES, restrictionKindsOf, restrictionMeasureLabel } from '../shared/labels.ts';
import { useActiveOrgs } from '../shared/orgs.ts';
import { useRestrictionRefresh } from './use-restriction-step.ts';

interface Values {
  unitCode: string;
  externalId?: string;
  kind: RestrictionKind;
  identifier: string;
  holderName?: string;
  holderIdNumber?: string;
  measure: RestrictionMeasure;
  restrictedAt: Dayjs;
  reason: string;
}

const FIELDS = ['unitCode', 'externalId', 'kind', 'identifier', 'holderName', 'holderIdNumber', 'measure', 'restrictedAt', 'reason'] as const;

/** RestrictionIn in src/modules/cards/restrictions.routes.ts, checked here before the round trip. */
const IDENTIFIER: Record<RestrictionKind, { re: RegExp; message: 'cards.err.phoneCard' | 'cards.err.bankAccount' | 'cards.err.identifier' }> = {
  phone_card: { re: /^1[3-9]\d{9}$/, message: 'cards.err.phoneCard' },
  bank_account: { re: /^\d{8,32}$/, message: 'cards.err.bankAccount' },
  payment_account: { re: /^[0-9A-Za-z@._-]{5,40}$/, message: 'cards.err.identifier' },
};

/** What the page hands to the detail after a report: a replayed number is said so there. */
export interface ReportedState {
  duplicate: boolean;
}

/**
 * A bank, payment institution or operator reports a restriction it placed on an account or phone card, with
 * the reason it gave the person (art. 32). The institution's own number makes a resend harmless: the server
 * answers with the one already stored.
 */
export function RestrictionReportPage() {
  const me = useCurrentUser();
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<Values>();
  const refresh = useRestrictionRefresh();
  const kinds = restrictionKindsOf(me.role);
  const kind = Form.useWatch('kind', form) ?? kinds[0];
  // The institution and its branches or outlets (a liaison sees its own subtree).
  const orgs = useActiveOrgs();
  const units = useMemo(() => orgs.data ?? [], [orgs.data]);
  const save = useMutation({
    mutationFn: (body: RestrictionBody) => reportRestriction(body),
    onSuccess: async (r) => {
      if (!r.duplicate) showSuccess(t('cards.restriction.reported', { no: r.restrictionNo }));
      await refresh.apply(r);
      const state: ReportedState = { duplicate: r.duplicate };
      void navigate(`/cards/restrictions/${r.id}`, { replace: true, state });
    },
    onError: (err) => {
      if (!placeFieldErrors(form, err, t, FIELDS)) showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
  const submit = (v: Values) =>
    save.mutate({
      unitCode: v.unitCode && v.unitCode !== me.orgCode ? v.unitCode : undefined,
      externalId: v.externalId?.trim() || undefined,
      kind: v.kind,
      identifier: v.identifier.trim(),
      holderName: v.holderName?.trim() || undefined,
      holderIdNumber: v.holderIdNumber?.trim().toUpperCase() || undefined,
      measure: v.measure,
      restrictedAt: v.restrictedAt.second(0).millisecond(0).format(),
      reason: v.reason.trim(),
    });
  const back = () => (location.key !== 'default' ? void navigate(-1) : void navigate('/cards/restrictions'));
  const now = serverDayjs();
  return (
    <div className="fz-cd-detail" data-testid="restriction-report">
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={back} className="fz-cd-back">
        {t('cards.propose.back')}
      </Button>
      <Card variant="borderless" size="small" title={t('cards.restrictions.new')}>
        <Typography.Paragraph type="secondary">{t('cards.report.intro')}</Typography.Paragraph>
        <Form<Values>
          name="restriction-report"
          form={form}
          layout="vertical"
          initialValues={{ unitCode: me.orgCode, kind: kinds[0], measure: 'limit', restrictedAt: now }}
          onValuesChange={(changed: Partial<Values>) => {
            // The number's rule follows the kind: check it again.
            if ('kind' in changed && form.getFieldValue('identifier')) void form.validateFields(['identifier']);
          }}
          onFinish={submit}
        >
          <Row gutter={16}>
            {units.length > 1 && (
              <Col xs={24} md={12}>
                <Form.Item name="unitCode" label={t('cards.report.unit')} extra={t('cards.report.unitHint')} rules={[{ required: true, message: t('common.required') }]}>
                  <OrgTreeSelect orgs={units} testId="report-unit" />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12}>
              <Form.Item name="externalId" label={t('cards.report.externalId')} extra={t('cards.report.externalIdHint')} rules={[{ max: 100 }]}>
                <Input maxLength={100} autoComplete="off" className="fz-cd-mono" data-testid="report-external-id" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={t('cards.field.kind')} rules={[{ required: true, message: t('common.required') }]}>
                <Radio.Group optionType="button" buttonStyle="solid" options={kinds.map((k) => ({ value: k, label: <span data-testid={`report-kind-${k}`}>{leadKindLabel(t, k)}</span> }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="identifier"
                label={t(kind === 'phone_card' ? 'cards.report.phone' : 'cards.report.account')}
                rules={[
                  { required: true, whitespace: true, message: t('common.required') },
                  {
                    validator: (_r, v: string | undefined) => {
                      const rule = IDENTIFIER[kind];
                      return !v?.trim() || rule.re.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t(rule.message)));
                    },
                  },
                ]}
              >
                <Input maxLength={40} autoComplete="off" className="fz-cd-mono" data-testid="report-identifier" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="holderName" label={t('cards.report.holderName')} rules={[{ max: 50 }]}>
                <Input maxLength={50} autoComplete="off" data-testid="report-holder-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item
                name="holderIdNumber"
                label={t('cards.report.holderIdNumber')}
                rules={[{ validator: (_r, v: string | undefined) => (!v?.trim() || isValidIdNumber(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(t('cards.err.idNumber')))) }]}
              >
                <Input maxLength={18} autoComplete="off" className="fz-cd-mono" data-testid="report-holder-id" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Form.Item name="measure" label={t('cards.restriction.measure')} rules={[{ required: true, message: t('common.required') }]}>
                <Radio.Group className="fz-cd-radios" data-testid="report-measure">
                  {RESTRICTION_MEASURES.map((m) => (
                    <Radio key={m} value={m} data-testid={`report-measure-${m}`}>
                      <span>{restrictionMeasureLabel(t, m)}</span>
                      <Typography.Text type="secondary" className="fz-small fz-cd-radio-hint">
                        {t(`cards.rmeasureHint.${m}`)}
                      </Typography.Text>
                    </Radio>
                  ))}
                </Radio.Group>
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="restrictedAt" label={t('cards.restriction.restrictedAt')} rules={[{ required: true, message: t('common.required') }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(serverDayjs().endOf('day'))} allowClear={false} className="fz-full-width" data-testid="report-at" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="reason"
            label={t('cards.restriction.reason')}
            extra={t('cards.report.reasonHint')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 4, message: t('cards.report.reasonMin') }, { max: 2000 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('cards.report.reasonPlaceholder')} data-testid="report-reason" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="report-submit">
              {t('cards.report.submit')}
            </Button>
            <Button onClick={back}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
