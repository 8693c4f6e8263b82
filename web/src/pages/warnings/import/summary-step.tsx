import { Alert, Button, Col, Result, Row, Space, Statistic, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { ChunkResult } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import type { RunTotals } from './import-run.ts';

type Rejected = ChunkResult['rejected'][number];

interface Props {
  totals: RunTotals;
  /** Set when the run stopped early: by the user, or by an error. */
  stoppedNote?: string | undefined;
  onAnother: () => void;
}

export function SummaryStep({ totals, stoppedNote, onAnother }: Props) {
  const t = useT();
  const columns: TableColumnsType<Rejected> = [
    { key: 'row', title: t('warnings.import.row'), dataIndex: 'row', width: 80 },
    { key: 'externalId', title: t('warnings.field.externalId'), dataIndex: 'externalId', render: (v: string | null) => v ?? t('common.none') },
    {
      key: 'errors',
      title: t('warnings.import.errors'),
      render: (_v, r) => (
        <div>
          {r.errors.map((e) => (
            <div key={`${e.path}-${e.message}`}>
              <code>{e.path}</code>：{e.message}
            </div>
          ))}
        </div>
      ),
    },
  ];
  return (
    <div data-testid="import-summary">
      <Result status={stoppedNote ? 'warning' : 'success'} title={t('warnings.import.doneTitle')} subTitle={stoppedNote} />
      <Row gutter={[16, 16]} className="fz-gap-bottom">
        <Col xs={8}>
          <Statistic title={t('warnings.import.accepted')} value={totals.accepted} data-testid="import-accepted" />
        </Col>
        <Col xs={8}>
          <Statistic title={t('warnings.import.duplicates')} value={totals.duplicates} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('warnings.import.rejected')} value={totals.rejected.length} styles={totals.rejected.length ? { content: { color: '#cf1322' } } : undefined} />
        </Col>
      </Row>
      {totals.rejected.length > 0 && (
        <>
          <Alert type="warning" showIcon className="fz-gap-bottom" title={t('warnings.import.rejected')} />
          <Table<Rejected>
            rowKey="row"
            size="small"
            columns={columns}
            dataSource={totals.rejected}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            className="fz-gap-bottom"
            data-testid="import-rejected"
          />
        </>
      )}
      <Space wrap>
        <Button type="primary" onClick={onAnother}>
          {t('warnings.import.another')}
        </Button>
        <Link to="/warnings">
          <Button>{t('warnings.import.toQueue')}</Button>
        </Link>
      </Space>
    </div>
  );
}
