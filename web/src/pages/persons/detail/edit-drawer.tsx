import { EyeOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Drawer, Form, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { normalizePhone } from '../../../../../src/lib/phone.ts';
import type { FieldError } from '../../../../../src/server/errors.ts';
import { listOfficers, updatePerson, type PersonDetailDto, type PersonPatchBody } from '../../../api/persons.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { placeErrors, serverMessage } from '../shared/errors.ts';
import { officersKey } from '../shared/keys.ts';
import { ABROAD, AbroadFields, contactsOf, FamilyContactsField, MeasuresField, measuresOf, PhoneField, trimmed, UnitField, useKeepingUnits, type ContactValues } from '../shared/person-fields.tsx';
import type { Revealed } from './use-person-reveal.ts';
import { usePersonRefresh } from './use-person-step.ts';

interface Values {
  orgCode: string;
  officerId?: number | null | undefined;
  measures?: string[];
  abroadLocation?: string;
  returnPlan?: string;
  phone?: string;
  familyContacts?: ContactValues[];
}

const FIELDS = ['phone', 'measures', 'abroadLocation', 'returnPlan', 'familyContacts', 'officerId', 'orgCode'] as const;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const plainContacts = (cs: readonly { name: string; relation: string; phone?: string | undefined }[]) => cs.map((c) => [c.name, c.relation, c.phone ?? null]);

/** Only what differs from the file as shown; the phone and family contacts only once they are shown in full. */
function toPatch(v: Values, p: PersonDetailDto, revealed: Revealed | null): PersonPatchBody {
  const body: PersonPatchBody = {};
  const measures = measuresOf(v.measures);
  if (!sameJson(measures, p.measures)) body.measures = measures;
  const location = trimmed(v.abroadLocation) ?? null;
  if (location !== p.abroadLocation) body.abroadLocation = location;
  const plan = trimmed(v.returnPlan) ?? null;
  if (plan !== p.returnPlan) body.returnPlan = plan;
  const officerId = v.officerId ?? null;
  if (officerId !== p.officerId) body.officerId = officerId;
  if (v.orgCode && v.orgCode !== p.orgCode) body.orgCode = v.orgCode;
  if (revealed) {
    const typed = trimmed(v.phone);
    const phone = typed ? normalizePhone(typed) : null;
    if (phone !== revealed.phone) body.phone = phone;
    const contacts = contactsOf(v.familyContacts);
    if (!sameJson(plainContacts(contacts), plainContacts(revealed.familyContacts))) body.familyContacts = contacts;
  }
  return body;
}

/** The responsible officer: police of the chosen unit and below it, with a one-click "me" when the caller is one. */
function OfficerField({ orgCode, fileOrgCode }: { orgCode: string; fileOrgCode: string }) {
  const t = useT();
  const me = useCurrentUser();
  const form = Form.useFormInstance<Values>();
  const officers = useQuery({ queryKey: officersKey(orgCode), queryFn: () => listOfficers(orgCode), enabled: Boolean(orgCode), staleTime: 60_000 });
  const chosen = Form.useWatch('officerId', form);
  // Handed to another unit: an officer who does not work there cannot stay responsible (the server agrees).
  useEffect(() => {
    if (orgCode === fileOrgCode || !officers.data || chosen == null) return;
    if (!officers.data.some((o) => o.id === chosen)) form.setFieldValue('officerId', undefined);
  }, [orgCode, fileOrgCode, officers.data, chosen, form]);
  const canBeMe = officers.data?.some((o) => o.id === me.id) ?? false;
  return (
    <Form.Item label={t('persons.field.officer')}>
      <Space.Compact block>
        <Form.Item name="officerId" noStyle>
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={officers.isFetching}
            placeholder={t('persons.edit.officerPlaceholder')}
            className="fz-ps-officer-select"
            options={(officers.data ?? []).map((o) => ({ value: o.id, label: t('persons.edit.officerLabel', { name: o.name, org: o.orgName }) }))}
            data-testid="person-edit-officer"
          />
        </Form.Item>
        {canBeMe && chosen !== me.id && (
          <Button onClick={() => form.setFieldValue('officerId', me.id)} data-testid="person-edit-officer-me">
            {t('persons.edit.assignMe')}
          </Button>
        )}
      </Space.Compact>
    </Form.Item>
  );
}

interface Props {
  p: PersonDetailDto;
  revealed: Revealed | null;
  onReveal: () => void;
  onRevealedSaved: (values: Partial<Pick<Revealed, 'phone' | 'familyContacts'>>) => void;
  onClose: () => void;
}

function EditForm({ p, revealed, onReveal, onRevealedSaved, onClose }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const { units, loading } = useKeepingUnits();
  const { apply } = usePersonRefresh(p.id);
  const orgCode = Form.useWatch('orgCode', form) ?? p.orgCode;

  // Shown in full while the drawer is open: the fields take the real values.
  useEffect(() => {
    if (revealed) form.setFieldsValue({ phone: revealed.phone ?? '', familyContacts: revealed.familyContacts.map((c) => ({ ...c })) });
  }, [revealed, form]);

  const save = useMutation({
    mutationFn: (body: PersonPatchBody) => updatePerson(p.id, body),
    onSuccess: async (detail, body) => {
      showSuccess(t('persons.edit.saved'));
      if (body.phone !== undefined || body.familyContacts !== undefined) {
        onRevealedSaved({ ...(body.phone !== undefined ? { phone: body.phone } : {}), ...(body.familyContacts ? { familyContacts: body.familyContacts.map((c) => ({ name: c.name, relation: c.relation, ...(c.phone ? { phone: normalizePhone(c.phone) } : {}) })) } : {}) });
      }
      await apply(detail);
      onClose();
    },
    onError: (err) => {
      const rest = placeErrors(form, err, t, FIELDS);
      if (rest === null) {
        showError(err);
        return;
      }
      setUnplaced(rest);
      if (rest.length) showError(err);
    },
    meta: { handlesError: true },
  });

  const abroad = ABROAD.has(p.category) || p.abroadLocation !== null || p.returnPlan !== null;
  return (
    <Form<Values>
      form={form}
      name="person-edit"
      layout="vertical"
      initialValues={{ orgCode: p.orgCode, officerId: p.officerId ?? undefined, measures: p.measures, abroadLocation: p.abroadLocation ?? '', returnPlan: p.returnPlan ?? '' }}
      scrollToFirstError={{ block: 'center' }}
      onFinish={(v) => {
        setUnplaced([]);
        const body = toPatch(v, p, revealed);
        if (Object.keys(body).length === 0) {
          showSuccess(t('persons.edit.unchanged'));
          onClose();
          return;
        }
        save.mutate(body);
      }}
      data-testid="person-edit-form"
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
                <li key={`${e.path}-${e.message}`}>{serverMessage(t, e.message)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Card variant="borderless" size="small" title={t('persons.edit.control')} className="fz-gap-bottom">
        {units.length > 1 ? (
          <UnitField units={units} loading={loading} testPrefix="person-edit" extra={orgCode !== p.orgCode ? t('persons.edit.unitHint') : undefined} />
        ) : (
          <Form.Item label={t('persons.field.unit')}>
            <Typography.Text>{p.orgName}</Typography.Text>
          </Form.Item>
        )}
        <OfficerField orgCode={orgCode} fileOrgCode={p.orgCode} />
        <MeasuresField testPrefix="person-edit" />
      </Card>
      {abroad && (
        <Card variant="borderless" size="small" title={t('persons.new.abroad')} className="fz-gap-bottom">
          <AbroadFields testPrefix="person-edit" stacked />
        </Card>
      )}
      <Card variant="borderless" size="small" title={t('persons.edit.contacts')} className="fz-gap-bottom">
        {revealed ? (
          <>
            <PhoneField testPrefix="person-edit" />
            <Typography.Text strong>{t('persons.field.familyContacts')}</Typography.Text>
            <FamilyContactsField testPrefix="person-edit" className="fz-gap-top" />
          </>
        ) : (
          <Alert
            type="info"
            showIcon
            title={t('persons.edit.revealFirst')}
            action={
              <Button size="small" icon={<EyeOutlined />} onClick={onReveal} data-testid="person-edit-reveal">
                {t('persons.edit.reveal')}
              </Button>
            }
          />
        )}
      </Card>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="person-edit-submit">
          {t('persons.edit.submit')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

/** Edits the file in a drawer (full width on a phone): control, abroad and return plan, contact details. */
export function EditDrawer({ open, ...props }: Props & { open: boolean }) {
  const t = useT();
  const phone = usePhone();
  return (
    <Drawer open={open} onClose={props.onClose} title={t('persons.edit.title', { name: props.p.name })} size={phone ? '100%' : 640} destroyOnHidden data-testid="person-edit-drawer">
      {open && <EditForm {...props} />}
    </Drawer>
  );
}
