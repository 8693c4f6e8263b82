import { Alert, Button, Col, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import { WARNING_LEVELS, type WarningLevel } from '../../../../../src/modules/warnings/warning-workflow.ts';
import type { ImportField, ImportUpload } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import type { MessageKey } from '../../../i18n/zh.ts';

export interface MappingValues {
  mapping: Partial<Record<ImportField, string>>;
  source: string;
  defaultLevel?: WarningLevel | undefined;
}

/** The server refuses a run without these (runChunk in warnings.import.ts). */
const REQUIRED: readonly ImportField[] = ['externalId', 'victimPhone', 'detectedAt'];

function defaultSource(fileName: string): string {
  return fileName.replace(/\.(csv|xlsx)$/i, '').trim().slice(0, 50) || 'import';
}

interface Props {
  upload: ImportUpload;
  initial?: MappingValues | undefined;
  onStart: (v: MappingValues) => void;
  onRestart: () => void;
}

export function MappingStep({ upload, initial, onStart, onRestart }: Props) {
  const t = useT();
  const [form] = Form.useForm<MappingValues>();
  const columns = upload.columns.map((c) => ({ value: c, label: c }));
  const fieldLabel = (f: ImportField) => t(`warnings.field.${f}` as MessageKey);
  // A grade column or a default grade: one of the two must be there.
  const levelRule = {
    validator: async () => {
      const v = form.getFieldsValue(true) as MappingValues;
      if (!v.mapping.level && !v.defaultLevel) throw new Error(t('warnings.import.levelNeeded'));
    },
  };
  const sample = upload.sample.map((row, i) => ({ key: i, ...Object.fromEntries(upload.columns.map((c, j) => [c, row[j] ?? ''])) }));
  return (
    <div data-testid="import-mapping">
      <Alert type="info" showIcon className="fz-gap-bottom" title={t('warnings.import.fileLine', { file: upload.fileName, n: upload.total })} />
      <Form<MappingValues>
        name="warning-import"
        form={form}
        layout="vertical"
        initialValues={initial ?? { mapping: upload.suggestedMapping, source: defaultSource(upload.fileName) }}
        onFinish={(v) => onStart({ ...v, source: v.source.trim() })}
      >
        <Typography.Title level={5}>{t('warnings.import.mapping')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('warnings.import.mappingHint')}</Typography.Paragraph>
        <Row gutter={[16, 0]}>
          {upload.fields.map((f) => (
            <Col key={f} xs={24} sm={12} lg={8}>
              <Form.Item
                name={['mapping', f]}
                label={fieldLabel(f)}
                required={REQUIRED.includes(f)}
                rules={REQUIRED.includes(f) ? [{ required: true, message: t('common.required') }] : f === 'level' ? [levelRule] : []}
                dependencies={f === 'level' ? ['defaultLevel'] : undefined}
              >
                <Select allowClear placeholder={t('warnings.import.unmapped')} options={columns} data-testid={`map-${f}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={[16, 0]}>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="source" label={t('warnings.import.source')} extra={t('warnings.import.sourceHint')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 50 }]}>
              <Input maxLength={50} data-testid="import-source" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="defaultLevel" label={t('warnings.import.defaultLevel')} extra={t('warnings.import.defaultLevelHint')}>
              <Select allowClear options={WARNING_LEVELS.map((l) => ({ value: l, label: t(`warnings.level.${l}`) }))} data-testid="import-default-level" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('warnings.import.sample', { n: upload.sample.length })}</Typography.Title>
        <Table
          size="small"
          className="fz-nowrap-table fz-gap-bottom"
          scroll={{ x: 'max-content' }}
          pagination={false}
          dataSource={sample}
          columns={upload.columns.map((c) => ({ key: c, dataIndex: c, title: c }))}
          data-testid="import-sample"
        />
        <Space wrap>
          <Button type="primary" htmlType="submit" data-testid="import-start">
            {t('warnings.import.start')}
          </Button>
          <Button onClick={onRestart}>{t('warnings.import.restart')}</Button>
        </Space>
      </Form>
    </div>
  );
}
