import { ArrowLeftOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { checkIdNumber } from '../../../../../src/lib/id-number.ts';
import type { FieldError } from '../../../../../src/server/errors.ts';
import { listOrgs } from '../../../api/orgs.ts';
import { createPerson, type PersonBody, type PersonCategory } from '../../../api/persons.ts';
import { ApiError } from '../../../api/problem.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { phoneRule, required } from '../../../lib/rules.ts';
import { serverNow } from '../../../lib/server-time.ts';
import { placeErrors, serverMessage } from '../shared/errors.ts';
import { PERSONS_KEY } from '../shared/keys.ts';
import { CATEGORIES, categoryLabel } from '../shared/labels.ts';

interface Values {
  idNumber?: string;
  name?: string;
  phone?: string;
  category?: PersonCategory;
  orgCode?: string;
  measures?: string[];
  abroadLocation?: string;
  returnPlan?: string;
  familyContacts?: { name?: string; relation?: string; phone?: string }[];
}

const FIELDS = ['idNumber', 'name', 'phone', 'category', 'orgCode', 'measures', 'abroadLocation', 'returnPlan', 'familyContacts'] as const;
/** Units that keep a file (createPerson in src/modules/persons/persons.ts). */
const KEEPING_KINDS: ReadonlySet<string> = new Set(['county', 'station', 'township']);
const ABROAD: ReadonlySet<PersonCategory | undefined> = new Set(['stranded_abroad', 'illegal_crossing', 'returnee']);

const trimmed = (v: string | undefined) => v?.trim() || undefined;

function toBody(v: Values): PersonBody {
  const contacts = (v.familyContacts ?? []).filter((c) => c.name?.trim() || c.relation?.trim() || c.phone?.trim());
  const measures = (v.measures ?? []).map((m) => m.trim()).filter(Boolean);
  return {
    idNumber: (v.idNumber ?? '').trim(),
    name: (v.name ?? '').trim(),
    phone: trimmed(v.phone),
    category: v.category ?? 'fraud_record',
    orgCode: v.orgCode ?? '',
    ...(measures.length ? { measures } : {}),
    abroadLocation: trimmed(v.abroadLocation),
    returnPlan: trimmed(v.returnPlan),
    ...(contacts.length ? { familyContacts: contacts.map((c) => ({ name: (c.name ?? '').trim(), relation: (c.relation ?? '').trim(), phone: trimmed(c.phone) })) } : {}),
  };
}

/** Opens a key person's file (一人一档); people stranded abroad with their location, return plan and family. */
export function NewPage() {
  const me = useCurrentUser();
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const orgs = useQuery({ queryKey: ['orgs', 'active'], queryFn: () => listOrgs(false), staleTime: 5 * 60_000 });
  const units = useMemo(() => (orgs.data ?? []).filter((o) => o.active && KEEPING_KINDS.has(o.kind)), [orgs.data]);
  const category = Form.useWatch('category', form);

  // The caller's own unit when it keeps files, else the only one in reach.
  useEffect(() => {
    if (form.getFieldValue('orgCode')) return;
    const own = units.find((u) => u.code === me.orgCode);
    const pick = own ?? (units.length === 1 ? units[0] : undefined);
    if (pick) form.setFieldValue('orgCode', pick.code);
  }, [units, me.orgCode, form]);

  const save = useMutation({
    mutationFn: (v: Values) => createPerson(toBody(v)),
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: PERSONS_KEY });
      showSuccess(t('persons.new.created', { name: p.name }));
      void navigate(`/persons/${p.id}`);
    },
    onError: (err) => {
      // One file per person and category: the 409 belongs on the category.
      if (err instanceof ApiError && err.status === 409) {
        form.setFields([{ name: 'category', errors: [t('persons.err.duplicate')] }]);
        form.scrollToField('category', { block: 'center' });
        return;
      }
      const rest = placeErrors(form, err, t, FIELDS);
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

  return (
    <div data-testid="person-new-form">
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/persons')} className="fz-ps-back">
        {t('persons.detail.back')}
      </Button>
      <Form<Values>
        form={form}
        name="person-new"
        layout="vertical"
        requiredMark
        scrollToFirstError={{ block: 'center' }}
        initialValues={{ category: 'stranded_abroad', familyContacts: [] }}
        onFinish={(v) => {
          setUnplaced([]);
          save.mutate(v);
        }}
      >
        {unplaced.length > 0 && (
          <Alert
            type="error"
            showIcon
            className="fz-gap-bottom"
            title={t('persons.new.serverProblems')}
            description={
              <ul className="fz-ps-list">
                {unplaced.map((e) => (
                  <li key={`${e.path}-${e.message}`}>
                    {e.path}: {serverMessage(t, e.message)}
                  </li>
                ))}
              </ul>
            }
            data-testid="person-new-problems"
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card variant="borderless" size="small" title={t('persons.new.person')} className="fz-ps-block">
              <Form.Item
                name="idNumber"
                label={t('persons.field.idNumber')}
                rules={[
                  required(t),
                  {
                    validator: async (_r, v: unknown) => {
                      const s = typeof v === 'string' ? v.trim().toUpperCase() : '';
                      if (s && checkIdNumber(s, new Date(serverNow())) !== null) throw new Error(t('persons.err.idNumber'));
                    },
                  },
                ]}
              >
                <Input maxLength={18} autoComplete="off" data-testid="person-id-number" />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="name" label={t('persons.field.name')} rules={[required(t), { max: 50, message: t('persons.err.tooLong', { n: 50 }) }]}>
                    <Input maxLength={50} autoComplete="off" data-testid="person-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="phone" label={t('persons.field.phone')} rules={[phoneRule(t)]}>
                    <Input maxLength={20} inputMode="tel" autoComplete="off" data-testid="person-phone" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card variant="borderless" size="small" title={t('persons.new.file')} className="fz-ps-block">
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="category" label={t('persons.field.category')} rules={[required(t)]} extra={t('persons.new.strandedHint')}>
                    <Select options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))} data-testid="person-category" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="orgCode" label={t('persons.field.unit')} rules={[required(t)]}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={orgs.isPending}
                      placeholder={t('persons.new.orgPlaceholder')}
                      options={units.map((u) => ({ value: u.code, label: `${u.name} ${u.code}` }))}
                      data-testid="person-org"
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="measures" label={t('persons.field.measures')}>
                <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['\n', '；', ';']} placeholder={t('persons.new.measuresPlaceholder')} data-testid="person-measures" />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24}>
            <Card variant="borderless" size="small" title={ABROAD.has(category) ? t('persons.new.abroad') : t('persons.field.familyContacts')}>
              {ABROAD.has(category) && (
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item name="abroadLocation" label={t('persons.field.abroadLocation')} rules={[{ max: 200, message: t('persons.err.tooLong', { n: 200 }) }]}>
                      <Input maxLength={200} data-testid="person-abroad" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={16}>
                    <Form.Item name="returnPlan" label={t('persons.field.returnPlan')} rules={[{ max: 5000, message: t('persons.err.tooLong', { n: 5000 }) }]}>
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} data-testid="person-return-plan" />
                    </Form.Item>
                  </Col>
                </Row>
              )}
              {ABROAD.has(category) && <Typography.Text strong>{t('persons.field.familyContacts')}</Typography.Text>}
              <Form.List name="familyContacts">
                {(rows, { add, remove }) => (
                  <div className={ABROAD.has(category) ? 'fz-gap-top' : undefined}>
                    {rows.map((row) => (
                      <div key={row.key} className="fz-ps-contact-row" data-testid={`person-contact-${row.name}`}>
                        <Form.Item name={[row.name, 'name']} rules={[required(t), { max: 50, message: t('persons.err.tooLong', { n: 50 }) }]}>
                          <Input placeholder={t('persons.field.name')} maxLength={50} aria-label={t('persons.field.name')} />
                        </Form.Item>
                        <Form.Item name={[row.name, 'relation']} rules={[required(t), { max: 20, message: t('persons.err.tooLong', { n: 20 }) }]}>
                          <Input placeholder={t('persons.field.relation')} maxLength={20} aria-label={t('persons.field.relation')} />
                        </Form.Item>
                        <Form.Item name={[row.name, 'phone']} rules={[phoneRule(t)]}>
                          <Input placeholder={t('persons.field.phone')} maxLength={20} inputMode="tel" aria-label={t('persons.field.phone')} />
                        </Form.Item>
                        <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} aria-label={t('persons.new.removeContact')} />
                      </div>
                    ))}
                    {rows.length < 20 && (
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="person-contact-add">
                        {t('persons.new.addContact')}
                      </Button>
                    )}
                  </div>
                )}
              </Form.List>
            </Card>
          </Col>
        </Row>
        <div className="fz-gap-top">
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="person-submit">
            {t('persons.new.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
