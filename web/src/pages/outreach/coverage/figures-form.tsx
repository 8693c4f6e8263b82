import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Form, InputNumber, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { OrgDto } from '../../../api/orgs.ts';
import { listReferenceFigures, putReferenceFigures, type ReferenceFigureIn } from '../../../api/outreach.ts';
import { ApiError } from '../../../api/problem.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { serverDayjs } from '../../../lib/server-time.ts';
import { useOutreachT } from '../i18n/use-outreach-t.ts';
import { serverMessage, showOutreachError } from '../shared/errors.ts';
import { OUTREACH_KEY, referenceKey, STATS_KEY } from '../shared/keys.ts';

interface Values {
  orgCode?: string;
  month?: Dayjs;
  population?: number | null;
  appRegistered?: number | null;
}

const MONTH = 'YYYY-MM';

/** The latest figure of each kind a unit has up to the month (what the rates read), with its month. */
function useStored(orgCode: string | undefined, month: string) {
  const from = dayjs(`${month}-01`).subtract(23, 'month').format(MONTH);
  const figures = useQuery({ queryKey: referenceKey(month), queryFn: () => listReferenceFigures({ from, to: month }), enabled: Boolean(orgCode), meta: { handlesError: true } });
  const latest = (key: 'population_16_60' | 'app_registered') =>
    (figures.data ?? [])
      .filter((f) => f.orgCode === orgCode && f.key === key)
      .sort((a, b) => b.month.localeCompare(a.month))[0] ?? null;
  return { population: latest('population_16_60'), app: latest('app_registered') };
}

/**
 * The center enters a unit's population aged 16–60 and its registrations of the national anti-fraud app for
 * a month (PUT /api/v1/stats/reference-figures); the coverage and the statistics read the latest month.
 */
export function FiguresForm({ units }: { units: readonly OrgDto[] }) {
  const me = useCurrentUser();
  const t = useT();
  const ot = useOutreachT();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const orgCode = Form.useWatch('orgCode', form);
  const month = (Form.useWatch('month', form) ?? serverDayjs()).format(MONTH);
  const stored = useStored(orgCode, month);
  // The units below the caller's first: its own unit's figures are entered the same way, picked by hand.
  const options = [...units].sort((a, b) => Number(a.code === me.orgCode) - Number(b.code === me.orgCode)).map((u) => ({ value: u.code, label: `${u.name} ${u.code}` }));

  const save = useMutation({
    mutationFn: (items: ReferenceFigureIn[]) => putReferenceFigures(items),
    onSuccess: async (_out, items) => {
      const unit = units.find((u) => u.code === items[0]?.orgCode)?.name ?? items[0]?.orgCode ?? '';
      showSuccess(ot('outreach.figures.saved', { unit, month: items[0]?.month ?? '' }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: OUTREACH_KEY }), queryClient.invalidateQueries({ queryKey: STATS_KEY })]);
    },
    onError: (err, items) => {
      // "items.1.value" names the second figure sent: back to the field it came from.
      if (err instanceof ApiError && err.errors.length) {
        const fieldOf = (path: string): keyof Values | null => {
          const m = /items\.(\d+)\.(\w+)/.exec(path);
          const item = m ? items[Number(m[1])] : undefined;
          if (!m || !item) return null;
          if (m[2] === 'orgCode' || m[2] === 'month') return m[2];
          return item.key === 'population_16_60' ? 'population' : 'appRegistered';
        };
        const placed = err.errors.map((e) => ({ name: fieldOf(e.path), message: serverMessage(ot, e.message) })).filter((e): e is { name: keyof Values; message: string } => e.name !== null);
        form.setFields(placed.map((e) => ({ name: e.name, errors: [e.message] })));
        if (placed.length === err.errors.length) return;
      }
      showOutreachError(ot, err);
    },
    meta: { handlesError: true },
  });

  const submit = (v: Values) => {
    const base = { orgCode: v.orgCode ?? '', month: (v.month ?? serverDayjs()).format(MONTH) };
    const items: ReferenceFigureIn[] = [];
    if (typeof v.population === 'number') items.push({ ...base, key: 'population_16_60', value: v.population });
    if (typeof v.appRegistered === 'number') items.push({ ...base, key: 'app_registered', value: v.appRegistered });
    save.mutate(items);
  };
  const thisMonth = serverDayjs().endOf('month');
  const storedLine = (f: { value: number; month: string } | null) => (f ? ot('outreach.figures.storedValue', { value: f.value.toLocaleString(), month: f.month }) : ot('outreach.figures.storedNone'));

  return (
    <Card variant="borderless" size="small" title={ot('outreach.figures.title')} data-testid="figures">
      <Typography.Paragraph type="secondary" className="fz-small">
        {ot('outreach.figures.hint')}
      </Typography.Paragraph>
      <Form<Values> name="outreach-figures" form={form} layout="vertical" initialValues={{ month: serverDayjs() }} onFinish={submit}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="orgCode" label={ot('outreach.figures.unit')} rules={[{ required: true, message: t('common.required') }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={options} placeholder={ot('outreach.figures.unitPlaceholder')} data-testid="figures-org" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={4}>
            <Form.Item name="month" label={ot('outreach.figures.month')} rules={[{ required: true, message: t('common.required') }]}>
              <DatePicker picker="month" allowClear={false} disabledDate={(d) => d.isAfter(thisMonth)} className="fz-full-width" data-testid="figures-month" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item
              name="population"
              label={ot('outreach.figures.population')}
              extra={orgCode ? <span data-testid="figures-stored-population">{storedLine(stored.population)}</span> : undefined}
              dependencies={['appRegistered']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, v: unknown) => {
                    if (typeof v !== 'number' && typeof getFieldValue('appRegistered') !== 'number') throw new Error(ot('outreach.figures.oneNeeded'));
                  },
                }),
              ]}
            >
              <InputNumber min={0} max={1_000_000_000} precision={0} className="fz-full-width" data-testid="figures-population" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item name="appRegistered" label={ot('outreach.figures.appRegistered')} extra={orgCode ? <span data-testid="figures-stored-app">{storedLine(stored.app)}</span> : undefined}>
              <InputNumber min={0} max={1_000_000_000} precision={0} className="fz-full-width" data-testid="figures-app" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="figures-submit">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
