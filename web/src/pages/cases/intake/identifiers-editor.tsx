import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Tooltip } from 'antd';
import { IDENTIFIER_KINDS } from '../../../../../src/modules/cases/case-workflow.ts';
import type { IdentifierKind } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { identifierLabel } from '../shared/labels.ts';

/** The fraudster's phone numbers, websites, apps, chat accounts…: what links this case to others. */
export function IdentifiersEditor() {
  const t = useT();
  return (
    <Form.List name="identifiers">
      {(fields, { add, remove }) => (
        <div className="fz-cs-identifiers" data-testid="identifiers-editor">
          {fields.map((f) => (
            <div key={f.key} className="fz-cs-identifier-row">
              <Form.Item name={[f.name, 'kind']} className="fz-cs-identifier-kind" rules={[{ required: true, message: t('common.required') }]}>
                <Select<IdentifierKind> aria-label={t('cases.identifier.kind')} options={IDENTIFIER_KINDS.map((k) => ({ value: k, label: identifierLabel(t, k) }))} data-testid={`identifier-${f.name}-kind`} />
              </Form.Item>
              <Form.Item
                name={[f.name, 'value']}
                className="fz-cs-identifier-value"
                rules={[
                  { required: true, whitespace: true, message: t('common.required') },
                  { max: 500, message: t('money.err.tooLong', { n: 500 }) },
                ]}
              >
                <Input placeholder={t('cases.identifier.value')} maxLength={500} data-testid={`identifier-${f.name}-value`} />
              </Form.Item>
              <Tooltip title={t('cases.identifier.remove')}>
                <Button type="text" icon={<DeleteOutlined />} tabIndex={-1} aria-label={t('cases.identifier.remove')} onClick={() => remove(f.name)} />
              </Tooltip>
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'phone' })} data-testid="identifier-add">
            {t('cases.identifier.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
