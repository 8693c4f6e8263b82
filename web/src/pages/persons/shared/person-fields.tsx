import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { listOrgs, type OrgDto } from '../../../api/orgs.ts';
import type { FamilyContactDto, PersonCategory } from '../../../api/persons.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { phoneRule, required } from '../../../lib/rules.ts';

// The file's fields as the new-file form and the edit drawer both show them: one place for their rules,
// limits (those of PersonIn / PersonPatch in src/modules/persons/persons.ts) and test ids. `testPrefix`
// keeps the two forms' ids apart when both could be on a page ("person" on the new form, "person-edit").

export interface ContactValues {
  name?: string;
  relation?: string;
  phone?: string;
}

/** Units that keep a file (KEEPING_KINDS in src/modules/persons/persons.ts). */
const KEEPING_KINDS: ReadonlySet<string> = new Set(['county', 'station', 'township']);
/** Categories with a stay abroad: the location and the return plan apply. */
export const ABROAD: ReadonlySet<PersonCategory | undefined> = new Set(['stranded_abroad', 'illegal_crossing', 'returnee']);

export const trimmed = (v: string | undefined | null): string | undefined => v?.trim() || undefined;

/** The measures as typed: trimmed, empty ones dropped. */
export const measuresOf = (v: string[] | undefined): string[] => (v ?? []).map((m) => m.trim()).filter(Boolean);

/** The contact rows as typed: blank rows dropped, each trimmed. */
export function contactsOf(rows: ContactValues[] | undefined): FamilyContactDto[] {
  return (rows ?? [])
    .filter((c) => c.name?.trim() || c.relation?.trim() || c.phone?.trim())
    .map((c) => ({ name: (c.name ?? '').trim(), relation: (c.relation ?? '').trim(), phone: trimmed(c.phone) }));
}

/** The active units of the caller's scope that keep files. */
export function useKeepingUnits(): { units: OrgDto[]; loading: boolean } {
  const orgs = useQuery({ queryKey: ['orgs', 'active'], queryFn: () => listOrgs(false), staleTime: 5 * 60_000 });
  const units = useMemo(() => (orgs.data ?? []).filter((o) => o.active && KEEPING_KINDS.has(o.kind)), [orgs.data]);
  return { units, loading: orgs.isPending };
}

export function PhoneField({ testPrefix }: { testPrefix: string }) {
  const t = useT();
  return (
    <Form.Item name="phone" label={t('persons.field.phone')} rules={[phoneRule(t)]}>
      <Input maxLength={20} inputMode="tel" autoComplete="off" data-testid={`${testPrefix}-phone`} />
    </Form.Item>
  );
}

export function UnitField({ units, loading, testPrefix, extra }: { units: readonly OrgDto[]; loading: boolean; testPrefix: string; extra?: string | undefined }) {
  const t = useT();
  return (
    <Form.Item name="orgCode" label={t('persons.field.unit')} rules={[required(t)]} extra={extra}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        loading={loading}
        placeholder={t('persons.new.orgPlaceholder')}
        options={units.map((u) => ({ value: u.code, label: `${u.name} ${u.code}` }))}
        data-testid={`${testPrefix}-org`}
      />
    </Form.Item>
  );
}

export function MeasuresField({ testPrefix }: { testPrefix: string }) {
  const t = useT();
  return (
    <Form.Item name="measures" label={t('persons.field.measures')}>
      <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['\n', '；', ';']} placeholder={t('persons.new.measuresPlaceholder')} data-testid={`${testPrefix}-measures`} />
    </Form.Item>
  );
}

/** Where the person stays abroad and the plan to bring them home (一人一策). */
export function AbroadFields({ testPrefix, stacked = false }: { testPrefix: string; stacked?: boolean }) {
  const t = useT();
  return (
    <Row gutter={12}>
      <Col xs={24} md={stacked ? 24 : 8}>
        <Form.Item name="abroadLocation" label={t('persons.field.abroadLocation')} rules={[{ max: 200, message: t('persons.err.tooLong', { n: 200 }) }]}>
          <Input maxLength={200} data-testid={`${testPrefix}-abroad`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={stacked ? 24 : 16}>
        <Form.Item name="returnPlan" label={t('persons.field.returnPlan')} rules={[{ max: 5000, message: t('persons.err.tooLong', { n: 5000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} data-testid={`${testPrefix}-return-plan`} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Family contacts, up to 20 rows of name, relation and mobile. */
export function FamilyContactsField({ testPrefix, className }: { testPrefix: string; className?: string | undefined }) {
  const t = useT();
  return (
    <Form.List name="familyContacts">
      {(rows, { add, remove }) => (
        <div className={className}>
          {rows.map((row) => (
            <div key={row.key} className="fz-ps-contact-row" data-testid={`${testPrefix}-contact-${row.name}`}>
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
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid={`${testPrefix}-contact-add`}>
              {t('persons.new.addContact')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
