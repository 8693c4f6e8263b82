import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { isValidIdNumber } from '../../../../../src/lib/id-number.ts';
import { getLead, proposePunishment, type Findings, type ProposeBody } from '../../../api/cards.ts';
import { ApiError } from '../../../api/problem.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { placeFieldErrors, showCardsError } from '../shared/errors.ts';
import { leadDetailKey } from '../shared/keys.ts';
import { groundsMet, ThresholdRule } from './threshold-rule.tsx';
import { usePunishmentRefresh } from './use-punishment-step.ts';

/** What the lead's page hands over: the lead, and the holder if the officer revealed it there. */
export interface ProposeState {
  leadId: number;
  leadNo: string;
  personName?: string | undefined;
  personIdNumber?: string | undefined;
}

interface Values {
  personName: string;
  personIdNumber: string;
  cards: number;
  times: number;
  counterparties: number;
  convicted: boolean;
  note?: string;
}

const FIELDS = ['personName', 'personIdNumber', 'note', 'leadIds'] as const;

/** A station or the center proposes a joint punishment with its findings; a leader then decides. */
export function ProposePage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const refresh = usePunishmentRefresh();
  const handed = location.state as ProposeState | null;
  const leadParam = Number(params.get('lead'));
  const leadId = Number.isInteger(leadParam) && leadParam > 0 ? leadParam : undefined;
  // The lead's number when the page was opened by its address alone.
  const lead = useQuery({ queryKey: leadDetailKey(leadId ?? 0), queryFn: () => getLead(leadId ?? 0), enabled: leadId !== undefined && handed?.leadId !== leadId, meta: { handlesError: true } });
  const leadNo = handed?.leadId === leadId ? handed?.leadNo : lead.data?.leadNo;
  const [refused, setRefused] = useState(false);
  const findings: Partial<Findings> = {
    cards: Form.useWatch('cards', form),
    times: Form.useWatch('times', form),
    counterparties: Form.useWatch('counterparties', form),
    convicted: Form.useWatch('convicted', form),
  };
  const save = useMutation({
    mutationFn: (body: ProposeBody) => proposePunishment(body),
    onSuccess: async (detail) => {
      showSuccess(t('cards.propose.done', { no: detail.noticeNo }));
      await refresh.apply(detail);
      void navigate(`/cards/punishments/${detail.id}`, { replace: true });
    },
    onError: (err) => {
      // A proposal that meets no threshold: the rule beside the findings turns red.
      const findingsRefused = err instanceof ApiError && err.errors.some((e) => e.path.replace(/^body\./, '').startsWith('findings'));
      if (findingsRefused) setRefused(true);
      if (!placeFieldErrors(form, err, t, FIELDS) && !findingsRefused) showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
  const submit = (v: Values) => {
    const f: Findings = { cards: v.cards ?? 0, times: v.times ?? 0, counterparties: v.counterparties ?? 0, convicted: v.convicted ?? false };
    if (groundsMet(f).length === 0) {
      setRefused(true);
      return;
    }
    save.mutate({ personName: v.personName.trim(), personIdNumber: v.personIdNumber.trim().toUpperCase(), findings: f, leadIds: leadId ? [leadId] : undefined, note: v.note?.trim() || undefined });
  };
  const back = () => (location.key !== 'default' ? void navigate(-1) : void navigate('/cards/punishments'));
  return (
    <div className="fz-cd-detail" data-testid="punishment-propose">
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={back} className="fz-cd-back">
        {t('cards.propose.back')}
      </Button>
      <Card variant="borderless" size="small" title={t('cards.propose.title')}>
        <Typography.Paragraph type="secondary">{t('cards.propose.intro')}</Typography.Paragraph>
        <Form<Values>
          name="punishment-propose"
          form={form}
          layout="vertical"
          initialValues={{ personName: handed?.personName ?? '', personIdNumber: handed?.personIdNumber ?? '', cards: 0, times: 0, counterparties: 0, convicted: false }}
          onValuesChange={(changed: Partial<Values>) => {
            if ('cards' in changed || 'times' in changed || 'counterparties' in changed || 'convicted' in changed) setRefused(false);
          }}
          onFinish={submit}
        >
          {leadId !== undefined && (
            <Form.Item label={t('cards.propose.lead')}>
              <Space size={8} wrap>
                <Link to={`/cards/leads/${leadId}`}>
                  <Tag color="purple" className="fz-cd-mono" data-testid="propose-lead">
                    {leadNo ?? `#${leadId}`}
                  </Tag>
                </Link>
                {!handed?.personIdNumber && <Typography.Text type="secondary">{t('cards.propose.revealHint')}</Typography.Text>}
              </Space>
            </Form.Item>
          )}
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="personName" label={t('cards.propose.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 50 }]}>
                <Input maxLength={50} autoComplete="off" data-testid="propose-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item
                name="personIdNumber"
                label={t('cards.propose.idNumber')}
                rules={[
                  { required: true, whitespace: true, message: t('common.required') },
                  { validator: (_r, v: string | undefined) => (!v || isValidIdNumber(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(t('cards.err.idNumber')))) },
                ]}
              >
                <Input maxLength={18} autoComplete="off" className="fz-cd-mono" data-testid="propose-id" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('cards.propose.findings')}</Typography.Title>
          <Row gutter={[16, 0]}>
            <Col xs={24} lg={12}>
              <Row gutter={12}>
                <Col xs={12} sm={8}>
                  <Form.Item name="cards" label={t('cards.findings.cards')} rules={[{ type: 'integer', min: 0, max: 10000 }]}>
                    <InputNumber min={0} max={10000} precision={0} className="fz-full-width" data-testid="propose-cards" />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name="times" label={t('cards.findings.times')} rules={[{ type: 'integer', min: 0, max: 10000 }]}>
                    <InputNumber min={0} max={10000} precision={0} className="fz-full-width" data-testid="propose-times" />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name="counterparties" label={t('cards.findings.counterparties')} rules={[{ type: 'integer', min: 0, max: 10000 }]}>
                    <InputNumber min={0} max={10000} precision={0} className="fz-full-width" data-testid="propose-counterparties" />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item name="convicted" label={t('cards.findings.convicted')} valuePropName="checked" extra={t('cards.findings.convictedHint')}>
                    <Switch data-testid="propose-convicted" />
                  </Form.Item>
                </Col>
              </Row>
            </Col>
            <Col xs={24} lg={12}>
              <ThresholdRule findings={findings} refused={refused} />
            </Col>
          </Row>
          {refused && <Alert type="error" showIcon className="fz-gap-top" data-testid="propose-refused" title={t('cards.propose.refused')} />}
          <Form.Item name="note" label={t('cards.propose.note')} className="fz-gap-top" rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('cards.propose.notePlaceholder')} data-testid="propose-note" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="propose-submit">
              {t('cards.propose.submit')}
            </Button>
            <Button onClick={back}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
