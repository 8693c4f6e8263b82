import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { FRAUD_TYPES } from '../../../../../src/lib/fraud-types.ts';
import { checkIdNumber } from '../../../../../src/lib/id-number.ts';
import { createCase, type FraudType } from '../../../api/cases.ts';
import { listOrgs } from '../../../api/orgs.ts';
import type { FieldError } from '../../../../../src/server/errors.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { phoneRule } from '../../../lib/rules.ts';
import { serverDayjs, serverNow } from '../../../lib/server-time.ts';
import { placeFieldErrors, serverMessage } from '../shared/field-errors.ts';
import { amountRules, requiredText } from '../shared/form-rules.ts';
import { CASES_KEY, ORGS_KEY } from '../shared/keys.ts';
import { fraudTypeLabel, sourceLabel } from '../shared/labels.ts';
import { fromFen, sumFen, yuan } from '../shared/money.ts';
import { parseAmount } from '../shared/paste.ts';
import { IdentifiersEditor } from './identifiers-editor.tsx';
import { formPath, isBlankTransfer, isIntakeField, newExternalId, SOURCES, toBody, type IntakeValues } from './intake-values.ts';
import { FORM_NAME, TransfersEditor } from './transfers-editor.tsx';

/** What the case page shows once after the intake: the server's non-fatal warnings (Luhn) and the stop-payments sent. */
export interface IntakeOutcome {
  duplicate: boolean;
  warnings: FieldError[];
  stopPayments: number;
  fraudType: string | null;
  fraudTypeSource: 'given' | 'classified' | 'unclassified';
}

/** Age from a valid resident ID's birth date, on the server's today. */
function ageFromId(id: string): number | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(id);
  if (!m) return null;
  const today = serverDayjs();
  let age = today.year() - Number(m[1]);
  if (today.month() + 1 < Number(m[2]) || (today.month() + 1 === Number(m[2]) && today.date() < Number(m[3]))) age -= 1;
  return age >= 0 && age <= 130 ? age : null;
}

/**
 * The hotline intake (接警录入), built for speed: the keyboard alone fills it (Tab through the blocks, Enter
 * for the next transfer row, Ctrl+Enter to submit), transfer lists are pasted, the loss follows the
 * transfers, the age follows the ID number. The moment it is stored, every receiving account gets an
 * emergency stop-payment request.
 */
export function IntakePage() {
  const me = useCurrentUser();
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<IntakeValues>();
  const [externalId] = useState(newExternalId);
  const [lossTouched, setLossTouched] = useState(false);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const orgs = useQuery({ queryKey: ORGS_KEY, queryFn: () => listOrgs(false), staleTime: 5 * 60_000 });

  // Counties of the caller's scope. A station sees none, so it offers its own county (the server still
  // files the case with the station that took it); a county's staff start with their own.
  const own = orgs.data?.find((o) => o.code === me.orgCode);
  const ownRegion = me.orgKind === 'station' || me.orgKind === 'township' ? own?.regionCode?.slice(0, 6) : me.orgKind === 'county' ? (own?.regionCode ?? undefined) : undefined;
  const regions = useMemo(() => {
    const list = (orgs.data ?? []).flatMap((o) => (o.kind === 'county' && o.regionCode ? [{ value: o.regionCode, label: `${o.name} ${o.regionCode}` }] : []));
    if (ownRegion && !list.some((r) => r.value === ownRegion)) list.push({ value: ownRegion, label: t('cases.intake.ownRegion', { code: ownRegion }) });
    return list.sort((a, b) => a.value.localeCompare(b.value));
  }, [orgs.data, ownRegion, t]);
  useEffect(() => {
    if (ownRegion && !form.getFieldValue('regionCode')) form.setFieldValue('regionCode', ownRegion);
  }, [ownRegion, form]);

  const transfers = Form.useWatch('transfers', form);
  const filled = (transfers ?? []).filter((r) => !isBlankTransfer(r));
  const totalFen = sumFen(filled.map((r) => parseAmount(r.amount ?? '')));
  const accounts = new Set(filled.map((r) => r.toAccount?.replace(/[\s-]/g, '')).filter(Boolean));

  // The loss follows the transfers' total (typed or pasted) until someone types another figure.
  useEffect(() => {
    if (lossTouched) return;
    const want = totalFen > 0 ? fromFen(totalFen) : undefined;
    if (form.getFieldValue('lossAmount') !== want) form.setFieldValue('lossAmount', want);
  }, [totalFen, lossTouched, form]);

  const save = useMutation({
    mutationFn: (v: IntakeValues) => {
      const sent = toBody(v, externalId);
      return createCase(sent.body).then((out) => ({ out, sent }));
    },
    onSuccess: ({ out }) => {
      void queryClient.invalidateQueries({ queryKey: CASES_KEY });
      showSuccess(out.duplicate ? t('cases.intake.duplicate', { no: out.caseNo }) : t('cases.intake.created', { no: out.caseNo }));
      const outcome: IntakeOutcome = { duplicate: out.duplicate, warnings: out.warnings, stopPayments: out.stopPayments.length, fraudType: out.fraudType, fraudTypeSource: out.fraudTypeSource };
      void navigate(`/cases/${out.id}`, { state: { intake: outcome } });
    },
    onError: (err, v) => {
      const { transferRows, identifierRows } = toBody(v, externalId);
      const rest = placeFieldErrors(form, err, t, (p) => (isIntakeField(p) ? formPath(p, transferRows, identifierRows) : null));
      if (rest === null) {
        showError(err);
        return;
      }
      setUnplaced(rest);
      if (rest.length) showError(err);
      const first = form.getFieldsError().find((f) => f.errors.length > 0);
      if (first) form.scrollToField(first.name, { block: 'center' });
    },
    meta: { handlesError: true },
  });

  /** Rows left blank (the one Enter opened last) are not part of the report. */
  const submit = () => {
    const rows = form.getFieldValue('transfers') as IntakeValues['transfers'] | undefined;
    if (rows?.some(isBlankTransfer)) form.setFieldValue('transfers', rows.filter((r) => !isBlankTransfer(r)));
    setUnplaced([]);
    form.submit();
  };

  const onValuesChange = (changed: Partial<IntakeValues>, all: IntakeValues) => {
    if ('lossAmount' in changed) setLossTouched(Boolean(changed.lossAmount?.trim()));
    const id = changed.victim?.idNumber;
    if (id !== undefined && (all.victim?.age === undefined || all.victim.age === null)) {
      const clean = id.trim().toUpperCase();
      const age = clean.length === 18 && checkIdNumber(clean, new Date(serverNow())) === null ? ageFromId(clean) : null;
      if (age !== null) form.setFieldValue(['victim', 'age'], age);
    }
  };

  return (
    <div
      className="fz-cs-intake"
      data-testid="case-intake"
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          submit();
        } else if (e.target instanceof HTMLInputElement) {
          // Enter moves on (transfer rows) or picks (selects, dates); it never submits half a report.
          e.preventDefault();
        }
      }}
    >
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/cases')} className="fz-cs-back">
        {t('cases.detail.back')}
      </Button>
      <Form<IntakeValues>
        name={FORM_NAME}
        form={form}
        layout="vertical"
        scrollToFirstError={{ block: 'center' }}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={onValuesChange}
        initialValues={{ source: '96110', reportedAt: serverDayjs(), transfers: [{}], identifiers: [] }}
        requiredMark
      >
        {unplaced.length > 0 && (
          <Alert
            type="error"
            showIcon
            className="fz-gap-bottom"
            title={t('cases.intake.serverProblems')}
            description={
              <ul className="fz-cs-paste-problems">
                {unplaced.map((e) => (
                  <li key={`${e.path}-${e.message}`}>
                    {e.path}: {serverMessage(t, e.message)}
                  </li>
                ))}
              </ul>
            }
            data-testid="intake-problems"
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card variant="borderless" size="small" title={t('cases.intake.report')} className="fz-cs-block">
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="source" label={t('cases.field.source')} rules={[{ required: true, message: t('common.required') }]}>
                    <Select options={SOURCES.map((s) => ({ value: s, label: sourceLabel(t, s) }))} data-testid="intake-source" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="reportedAt" label={t('cases.field.reportedAt')} rules={[{ required: true, message: t('common.required') }]}>
                    <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} className="fz-full-width" disabledDate={(d) => d.isAfter(serverDayjs().endOf('day'))} data-testid="intake-reported-at" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="regionCode" label={t('cases.field.region')} rules={[{ required: true, message: t('common.required') }]}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={orgs.isPending}
                      options={regions}
                      placeholder={t('cases.intake.regionPlaceholder')}
                      data-testid="intake-region"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="fraudType" label={t('cases.field.fraudType')} extra={t('cases.intake.fraudTypeHelp')}>
                    <Select<FraudType>
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder={t('cases.intake.fraudTypeAuto')}
                      options={FRAUD_TYPES.map((f) => ({ value: f, label: fraudTypeLabel(t, f) }))}
                      data-testid="intake-fraud-type"
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card variant="borderless" size="small" title={t('cases.intake.victim')} className="fz-cs-block">
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name={['victim', 'name']} label={t('cases.victim.name')} rules={requiredText(t, 50)}>
                    <Input maxLength={50} autoComplete="off" data-testid="intake-victim-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name={['victim', 'phone']} label={t('cases.victim.phone')} rules={[{ required: true, whitespace: true, message: t('common.required') }, phoneRule(t)]}>
                    <Input maxLength={20} inputMode="tel" autoComplete="off" data-testid="intake-victim-phone" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={['victim', 'idNumber']}
                    label={t('cases.victim.idNumber')}
                    rules={[
                      {
                        validator: async (_r, v: unknown) => {
                          const s = typeof v === 'string' ? v.trim().toUpperCase() : '';
                          if (s && checkIdNumber(s, new Date(serverNow())) !== null) throw new Error(t('money.err.idNumber'));
                        },
                      },
                    ]}
                  >
                    <Input maxLength={18} autoComplete="off" data-testid="intake-victim-id" />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item name={['victim', 'age']} label={t('cases.victim.age')}>
                    <InputNumber min={0} max={130} precision={0} className="fz-full-width" data-testid="intake-victim-age" />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item name={['victim', 'occupation']} label={t('cases.victim.occupation')} rules={[{ max: 50, message: t('money.err.tooLong', { n: 50 }) }]}>
                    <Input maxLength={50} data-testid="intake-victim-occupation" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24}>
            <Card variant="borderless" size="small" title={t('cases.intake.narrative')} className="fz-cs-block">
              <Row gutter={12}>
                <Col xs={24} md={18}>
                  <Form.Item name="narrative" label={t('cases.field.narrative')} rules={requiredText(t, 20_000)}>
                    <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20_000} placeholder={t('cases.intake.narrativePlaceholder')} data-testid="intake-narrative" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name="lossAmount"
                    label={t('cases.field.loss')}
                    rules={amountRules(t, { positive: false })}
                    extra={!lossTouched && totalFen > 0 ? t('cases.intake.lossFollows') : undefined}
                  >
                    <Input prefix="¥" inputMode="decimal" maxLength={24} placeholder="0.00" data-testid="intake-loss" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24}>
            <Card
              variant="borderless"
              size="small"
              title={t('cases.intake.transfers')}
              extra={
                <Typography.Text type="secondary" className="fz-small">
                  {t('cases.intake.keysHint')}
                </Typography.Text>
              }
              className="fz-cs-block"
            >
              <TransfersEditor form={form} />
            </Card>
          </Col>
          <Col xs={24}>
            <Card variant="borderless" size="small" title={t('cases.intake.identifiers')} className="fz-cs-block">
              <IdentifiersEditor />
            </Card>
          </Col>
        </Row>
        <div className="fz-cs-submit-bar" data-testid="intake-summary">
          <Typography.Text type="secondary">
            {filled.length > 0
              ? t('cases.intake.summary', { n: filled.length, total: yuan(fromFen(totalFen)), accounts: accounts.size })
              : t('cases.intake.summaryNone')}
          </Typography.Text>
          <div className="fz-cs-submit-buttons">
            <Button onClick={() => void navigate('/cases')}>{t('common.cancel')}</Button>
            <Button type="primary" icon={<SendOutlined />} loading={save.isPending} onClick={submit} data-testid="intake-submit">
              {t('cases.intake.submit')}
              <span className="fz-cs-kbd">Ctrl+Enter</span>
            </Button>
          </div>
        </div>
      </Form>
    </div>
  );
}
