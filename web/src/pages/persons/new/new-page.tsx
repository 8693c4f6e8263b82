import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { checkIdNumber } from '../../../../../src/lib/id-number.ts';
import type { FieldError } from '../../../../../src/server/errors.ts';
import { createPerson, type PersonBody, type PersonCategory } from '../../../api/persons.ts';
import { ApiError } from '../../../api/problem.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { required } from '../../../lib/rules.ts';
import { serverNow } from '../../../lib/server-time.ts';
import { placeErrors, serverMessage } from '../shared/errors.ts';
import { PERSONS_KEY } from '../shared/keys.ts';
import { CATEGORIES, categoryLabel } from '../shared/labels.ts';
import { ABROAD, AbroadFields, contactsOf, FamilyContactsField, MeasuresField, measuresOf, PhoneField, trimmed, UnitField, useKeepingUnits, type ContactValues } from '../shared/person-fields.tsx';

interface Values {
  idNumber?: string;
  name?: string;
  phone?: string;
  category?: PersonCategory;
  orgCode?: string;
  measures?: string[];
  abroadLocation?: string;
  returnPlan?: string;
  familyContacts?: ContactValues[];
}

const FIELDS = ['idNumber', 'name', 'phone', 'category', 'orgCode', 'measures', 'abroadLocation', 'returnPlan', 'familyContacts'] as const;
function toBody(v: Values): PersonBody {
  const contacts = contactsOf(v.familyContacts);
  const measures = measuresOf(v.measures);
  return {
    idNumber: (v.idNumber ?? '').trim(),
    name: (v.name ?? '').trim(),
    phone: trimmed(v.phone),
    category: v.category ?? 'fraud_record',
    orgCode: v.orgCode ?? '',
    ...(measures.length ? { measures } : {}),
    abroadLocation: trimmed(v.abroadLocation),
    returnPlan: trimmed(v.returnPlan),
    ...(contacts.length ? { familyContacts: contacts } : {}),
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
  const { units, loading: unitsLoading } = useKeepingUnits();
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
                  <PhoneField testPrefix="person" />
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
                  <UnitField units={units} loading={unitsLoading} testPrefix="person" />
                </Col>
              </Row>
              <MeasuresField testPrefix="person" />
            </Card>
          </Col>
          <Col xs={24}>
            <Card variant="borderless" size="small" title={ABROAD.has(category) ? t('persons.new.abroad') : t('persons.field.familyContacts')}>
              {ABROAD.has(category) && <AbroadFields testPrefix="person" />}
              {ABROAD.has(category) && <Typography.Text strong>{t('persons.field.familyContacts')}</Typography.Text>}
              <FamilyContactsField testPrefix="person" className={ABROAD.has(category) ? 'fz-gap-top' : undefined} />
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
