import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { FieldError } from '../../../../../src/server/errors.ts';
import { listDirectives, recordActivity, type ActivityBody, type DirectiveDto, type FraudType, type OutreachAudience, type OutreachVenue } from '../../../api/outreach.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { serverDayjs } from '../../../lib/server-time.ts';
import { fraudTypeLabel } from '../../cases/shared/labels.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useOutreachT, type OutreachT } from '../i18n/use-outreach-t.ts';
import { answersDirectives } from '../shared/access.ts';
import { placeErrors, serverMessage, showOutreachError } from '../shared/errors.ts';
import { directiveListKey, OUTREACH_KEY } from '../shared/keys.ts';
import { AUDIENCES, audienceLabel, FRAUD_TYPES, VENUE_FOR, VENUES, venueLabel } from '../shared/labels.ts';
import { HOLDER_KINDS, useUnits } from '../shared/orgs.ts';
import { parsePhones } from '../shared/phones.ts';

interface MaterialValues {
  kind?: string;
  count?: number | null;
}

interface Values {
  directiveId?: number;
  orgCode?: string;
  heldOn?: Dayjs;
  place?: string;
  venue?: OutreachVenue;
  audience?: OutreachAudience;
  peopleReached?: number | null;
  materials?: MaterialValues[];
  fraudTypes?: FraudType[];
  reachedText?: string;
  note?: string;
}

const FIELDS = ['directiveId', 'orgCode', 'heldOn', 'place', 'venue', 'audience', 'peopleReached', 'materials', 'fraudTypes', 'reachedText', 'note'] as const;
const MAX_PHONES = 5000;
const MATERIAL_KINDS = ['brochure', 'poster', 'leaflet', 'banner', 'video', 'gift'] as const;

function toBody(v: Values, withUnit: boolean): ActivityBody {
  const materials = (v.materials ?? []).filter((m) => m.kind?.trim()).map((m) => ({ kind: (m.kind ?? '').trim(), count: m.count ?? 0 }));
  const phones = parsePhones(v.reachedText).phones;
  return {
    ...(withUnit && v.orgCode ? { orgCode: v.orgCode } : {}),
    heldOn: (v.heldOn ?? serverDayjs()).format('YYYY-MM-DD'),
    place: (v.place ?? '').trim(),
    venue: v.venue ?? 'community',
    audience: v.audience ?? 'general',
    peopleReached: v.peopleReached ?? 0,
    ...(materials.length ? { materials } : {}),
    ...(v.fraudTypes?.length ? { fraudTypes: v.fraudTypes } : {}),
    ...(v.directiveId ? { directiveId: v.directiveId } : {}),
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    ...(phones.length ? { reachedPhones: phones } : {}),
  };
}

/** What a directive asks for, as the form's starting point: its audience, the venue that reaches it, its fraud type. */
function fromDirective(d: DirectiveDto): Partial<Values> {
  return {
    directiveId: d.id,
    ...(d.audience ? { audience: d.audience, venue: VENUE_FOR[d.audience] } : {}),
    ...(d.fraudType && (FRAUD_TYPES as readonly string[]).includes(d.fraudType) ? { fraudTypes: [d.fraudType as FraudType] } : {}),
  };
}

function PhonesField({ ot }: { ot: OutreachT }) {
  const text = Form.useWatch<string | undefined>('reachedText');
  const { phones, bad } = parsePhones(text);
  return (
    <Form.Item
      name="reachedText"
      label={ot('outreach.activity.phones')}
      extra={
        <span data-testid="activity-phones-count" data-count={phones.length}>
          {text?.trim() ? ot('outreach.activity.phonesRead', { n: phones.length }) : ot('outreach.activity.phonesHint')}
        </span>
      }
      rules={[
        {
          validator: async (_r, v: unknown) => {
            const parsed = parsePhones(typeof v === 'string' ? v : '');
            if (parsed.bad.length) throw new Error(ot('outreach.err.badPhones', { list: parsed.bad.slice(0, 3).join('、'), n: parsed.bad.length }));
            if (parsed.phones.length > MAX_PHONES) throw new Error(ot('outreach.err.tooManyPhones', { n: MAX_PHONES }));
          },
        },
      ]}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder={ot('outreach.activity.phonesPlaceholder')} data-testid="activity-phones" data-bad={bad.length} />
    </Form.Item>
  );
}

/** Records an activity of the caller's unit (or one below it); one held for a directive reports back on it. */
export function ActivityDrawer({ directiveId, onClose }: { directiveId?: number | undefined; onClose: () => void }) {
  const me = useCurrentUser();
  const t = useT();
  const ot = useOutreachT();
  const phone = usePhone();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const { units, loading: unitsLoading } = useUnits(HOLDER_KINDS);
  const answers = answersDirectives(me.role);
  const openQuery = { open: 'true' as const, limit: 200 };
  const open = useQuery({ queryKey: directiveListKey(openQuery), queryFn: () => listDirectives(openQuery), enabled: answers, meta: { handlesError: true } });
  // The directive asked for by the address may be answered already (not open): it is offered all the same.
  const allQuery = { limit: 200 };
  const all = useQuery({ queryKey: directiveListKey(allQuery), queryFn: () => listDirectives(allQuery), enabled: answers && directiveId !== undefined, meta: { handlesError: true } });
  const offered = useMemo(() => {
    const list = [...(open.data ?? [])];
    const asked = directiveId ? (all.data ?? []).find((d) => d.id === directiveId) : undefined;
    if (asked && !list.some((d) => d.id === asked.id)) list.unshift(asked);
    return list;
  }, [open.data, all.data, directiveId]);
  const withUnit = units.length > 1;

  // The caller's own unit to start with.
  useEffect(() => {
    if (!form.getFieldValue('orgCode') && units.some((u) => u.code === me.orgCode)) form.setFieldValue('orgCode', me.orgCode);
  }, [units, me.orgCode, form]);

  // The directive from the address fills in what it asks for, once it has arrived.
  useEffect(() => {
    if (!directiveId || form.isFieldTouched('directiveId')) return;
    const d = offered.find((x) => x.id === directiveId);
    if (d && form.getFieldValue('directiveId') !== d.id) form.setFieldsValue(fromDirective(d));
  }, [directiveId, offered, form]);

  const save = useMutation({
    mutationFn: (v: Values) => recordActivity(toBody(v, withUnit)),
    onSuccess: async (a) => {
      const d = a.directiveId ? offered.find((x) => x.id === a.directiveId) : undefined;
      showSuccess(d ? ot('outreach.activity.savedFor', { no: d.directiveNo }) : ot('outreach.activity.saved', { place: a.place }));
      await queryClient.invalidateQueries({ queryKey: OUTREACH_KEY });
      onClose();
    },
    onError: (err) => {
      const rest = placeErrors(form, err, ot, FIELDS, { reachedPhones: 'reachedText' });
      if (rest === null) {
        showOutreachError(ot, err);
        return;
      }
      setUnplaced(rest);
      if (rest.length) showOutreachError(ot, err);
      const first = form.getFieldsError().find((f) => f.errors.length > 0);
      if (first) form.scrollToField(first.name, { block: 'center' });
    },
    meta: { handlesError: true },
  });

  const today = serverDayjs().endOf('day');
  return (
    <Drawer
      open
      onClose={onClose}
      size={phone ? '100%' : 720}
      title={ot('outreach.activity.formTitle')}
      data-testid="activity-form"
      footer={
        <div className="fz-or-drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="activity-submit">
            {ot('outreach.activity.submit')}
          </Button>
        </div>
      }
    >
      <Form<Values>
        form={form}
        name="outreach-activity"
        layout="vertical"
        requiredMark
        scrollToFirstError={{ block: 'center' }}
        initialValues={{ heldOn: serverDayjs(), venue: 'community', audience: 'general', materials: [] }}
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
            title={ot('outreach.serverProblems')}
            description={
              <ul className="fz-or-list">
                {unplaced.map((e) => (
                  <li key={`${e.path}-${e.message}`}>
                    {e.path}: {serverMessage(ot, e.message)}
                  </li>
                ))}
              </ul>
            }
            data-testid="activity-problems"
          />
        )}
        {answers && (
          <Form.Item name="directiveId" label={ot('outreach.activity.directive')} extra={ot('outreach.activity.directiveHint')}>
            <Select<number>
              allowClear
              loading={open.isPending}
              placeholder={ot('outreach.activity.directiveNone')}
              options={offered.map((d) => ({ value: d.id, label: `${d.directiveNo} ${d.title}` }))}
              onChange={(id) => {
                const d = offered.find((x) => x.id === id);
                if (d) form.setFieldsValue(fromDirective(d));
              }}
              data-testid="activity-directive"
            />
          </Form.Item>
        )}
        <Row gutter={12}>
          {withUnit && (
            <Col xs={24} sm={12}>
              <Form.Item name="orgCode" label={ot('outreach.activity.unit')} rules={[{ required: true, message: t('common.required') }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={unitsLoading}
                  options={units.map((u) => ({ value: u.code, label: `${u.name} ${u.code}` }))}
                  data-testid="activity-org"
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item name="heldOn" label={ot('outreach.activity.heldOn')} rules={[{ required: true, message: t('common.required') }]}>
              <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(today)} className="fz-full-width" data-testid="activity-held-on" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={withUnit ? 24 : 12}>
            <Form.Item
              name="place"
              label={ot('outreach.activity.place')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 2, message: ot('outreach.err.tooShort') }, { max: 200, message: ot('outreach.err.tooLong') }]}
            >
              <Input maxLength={200} placeholder={ot('outreach.activity.placePlaceholder')} data-testid="activity-place" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="venue" label={ot('outreach.activity.venue')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group optionType="button" options={VENUES.map((v) => ({ value: v, label: <span data-testid={`activity-venue-${v}`}>{venueLabel(ot, v)}</span> }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="audience" label={ot('outreach.activity.audience')} rules={[{ required: true, message: t('common.required') }]}>
              <Select<OutreachAudience> options={AUDIENCES.map((a) => ({ value: a, label: audienceLabel(ot, a) }))} data-testid="activity-audience" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="peopleReached" label={ot('outreach.activity.people')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={0} max={1_000_000} precision={0} className="fz-full-width" data-testid="activity-people" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="fraudTypes" label={ot('outreach.activity.topics')}>
          <Select<FraudType[]>
            mode="multiple"
            allowClear
            placeholder={ot('outreach.activity.topicsPlaceholder')}
            options={FRAUD_TYPES.map((x) => ({ value: x, label: fraudTypeLabel(t, x) }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="activity-topics"
          />
        </Form.Item>
        <Typography.Text strong>{ot('outreach.activity.materials')}</Typography.Text>
        <Form.List name="materials">
          {(rows, { add, remove }) => (
            <div className="fz-or-materials" data-testid="activity-materials">
              {rows.map((row) => (
                <div key={row.key} className="fz-or-material-row">
                  <Form.Item name={[row.name, 'kind']} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 50, message: ot('outreach.err.tooLong') }]}>
                    <AutoComplete
                      options={MATERIAL_KINDS.map((k) => ({ value: ot(`outreach.material.${k}`) }))}
                      placeholder={ot('outreach.activity.materialKind')}
                      aria-label={ot('outreach.activity.materialKind')}
                      maxLength={50}
                      data-testid={`activity-material-kind-${row.name}`}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'count']} rules={[{ required: true, message: t('common.required') }]}>
                    <InputNumber min={0} max={1_000_000} precision={0} placeholder={ot('outreach.activity.materialCount')} aria-label={ot('outreach.activity.materialCount')} data-testid={`activity-material-count-${row.name}`} />
                  </Form.Item>
                  <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} aria-label={ot('outreach.activity.materialRemove')} />
                </div>
              ))}
              {rows.length < 20 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="activity-material-add">
                  {ot('outreach.activity.materialAdd')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
        <PhonesField ot={ot} />
        <Form.Item name="note" label={ot('outreach.activity.note')} rules={[{ max: 2000, message: ot('outreach.err.tooLong') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="activity-note" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
