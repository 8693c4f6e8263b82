import { useQuery } from '@tanstack/react-query';
import { SendOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Row, Segmented, Skeleton, Spin, Statistic, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { getTrace, type TraceDto, type TraceMethod } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { AccountText } from '../shared/account-text.tsx';
import { caseTraceKey } from '../shared/keys.ts';
import { yuan } from '../shared/money.ts';
import { StopHandModal, type StopHandValues } from './stop-hand-modal.tsx';
import { TraceLegend } from './trace-legend.tsx';

// ECharts is large: its chunk loads when the tab opens, not with the case file.
const TraceGraph = lazy(async () => ({ default: (await import('./trace-graph.tsx')).TraceGraph }));

type Suggestion = TraceDto['suggestions'][number];

/**
 * Where the victim's money went (资金追踪): accounts by hop from left to right, what each may still hold,
 * the movements between them with the victim's share, and the next stop-payments worth sending.
 */
export function TraceTab({ caseId, writer = false }: { caseId: number; writer?: boolean }) {
  const t = useT();
  const [method, setMethod] = useState<TraceMethod>('fifo');
  const [asking, setAsking] = useState<Partial<StopHandValues> | null>(null);
  const trace = useQuery({ queryKey: caseTraceKey(caseId, method), queryFn: () => getTrace(caseId, method) });
  const data = trace.data;
  const columns: TableColumnsType<Suggestion> = [
    { key: 'hop', title: t('cases.stops.hop'), width: 72, render: (_v, s) => <Tag color="purple">{t('cases.stops.hopN', { n: s.hop })}</Tag> },
    { key: 'account', title: t('cases.stops.account'), render: (_v, s) => <AccountText account={s.account} /> },
    { key: 'bank', title: t('cases.stops.bank'), render: (_v, s) => s.bank ?? t('cases.trace.unknownBank') },
    { key: 'amount', title: t('cases.trace.mayHold'), align: 'right', render: (_v, s) => <span className="fz-cs-amount">{yuan(s.amount)}</span> },
    {
      key: 'request',
      title: t('cases.trace.request'),
      render: (_v, s) =>
        s.stopPaymentId ? (
          <Tag color="orange">{t('cases.trace.proposed')}</Tag>
        ) : writer ? (
          <Tooltip title={t('cases.trace.noRequestHint')}>
            <Button
              type="link"
              size="small"
              icon={<SendOutlined />}
              className="fz-cs-link-button"
              onClick={() => setAsking({ account: s.account, bank: s.bank ?? '', amount: s.amount })}
              data-testid={`trace-ask-${s.account}`}
            >
              {t('cases.trace.askStop')}
            </Button>
          </Tooltip>
        ) : (
          <Tooltip title={t('cases.trace.noRequestHint')}>
            <Typography.Text type="secondary">{t('cases.trace.noRequest')}</Typography.Text>
          </Tooltip>
        ),
    },
  ];
  return (
    <div className="fz-cs-trace" data-testid="case-trace" data-method={method}>
      <div className="fz-cs-trace-bar">
        <Segmented<TraceMethod>
          value={method}
          onChange={setMethod}
          options={[
            { value: 'fifo', label: <span data-testid="trace-method-fifo">{t('cases.trace.fifo')}</span> },
            { value: 'proportional', label: <span data-testid="trace-method-proportional">{t('cases.trace.proportional')}</span> },
          ]}
        />
        <Typography.Text type="secondary" className="fz-small">
          {t(method === 'fifo' ? 'cases.trace.fifoHint' : 'cases.trace.proportionalHint')}
        </Typography.Text>
      </div>
      {trace.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : !data ? (
        <Empty description={t('cases.trace.failed')} />
      ) : (
        <Spin spinning={trace.isFetching}>
          <Row gutter={[16, 12]} className="fz-gap-bottom">
            <Col xs={12} md={6}>
              <Statistic title={t('cases.trace.seed')} prefix="¥" value={yuan(data.totals.seed)} data-testid="trace-total-seed" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('cases.trace.held')} prefix="¥" value={yuan(data.totals.held)} styles={{ content: { color: '#d46b08' } }} data-testid="trace-total-held" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('cases.trace.cashedOut')} prefix="¥" value={yuan(data.totals.cashedOut)} data-testid="trace-total-cashed" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('cases.trace.accounts')} value={data.nodes.length} />
            </Col>
          </Row>
          {data.truncated && <Alert type="warning" showIcon className="fz-gap-bottom" title={t('cases.trace.truncated')} />}
          {data.nodes.length === 0 ? (
            <Empty description={t('cases.trace.empty')} />
          ) : (
            <>
              <Suspense fallback={<div className="fz-cs-graph-wait"><Spin /></div>}>
                <TraceGraph trace={data} />
              </Suspense>
              <TraceLegend />
            </>
          )}
          <Typography.Title level={5} className="fz-cs-subtitle">
            {t('cases.trace.suggestions')}
          </Typography.Title>
          <Table<Suggestion>
            rowKey="account"
            size="small"
            columns={columns}
            dataSource={data.suggestions}
            pagination={false}
            scroll={{ x: 'max-content' }}
            className="fz-nowrap-table"
            locale={{ emptyText: t('cases.trace.noSuggestions') }}
            data-testid="trace-suggestions"
            data-count={data.suggestions.length}
          />
        </Spin>
      )}
      {asking && <StopHandModal caseId={caseId} initial={asking} onClose={() => setAsking(null)} />}
    </div>
  );
}
