import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Progress, Table, Typography, type TableColumnsType } from 'antd';
import { personReduction, type ReductionRow } from '../../../api/persons.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { errorText } from '../../../lib/notify.ts';
import { REDUCTION_KEY } from '../shared/keys.ts';

function Rate({ rate }: { rate: number | null }) {
  const t = useT();
  if (rate === null) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const pct = Math.round(rate * 1000) / 10;
  return <Progress percent={pct} size="small" format={() => `${pct.toFixed(1)}%`} className="fz-ps-rate" status="normal" />;
}

/** 核减率 of the people stranded abroad, per county of the caller's jurisdiction, with the total. */
export function ReductionPage() {
  const t = useT();
  const data = useQuery({ queryKey: REDUCTION_KEY, queryFn: personReduction, meta: { handlesError: true } });
  const columns: TableColumnsType<ReductionRow> = [
    { key: 'county', title: t('persons.reduction.county'), dataIndex: 'orgName' },
    { key: 'listed', title: t('persons.reduction.listed'), dataIndex: 'listed', align: 'right' },
    { key: 'reduced', title: t('persons.reduction.reduced'), dataIndex: 'reduced', align: 'right' },
    { key: 'rate', title: t('persons.reduction.rate'), dataIndex: 'rate', render: (v: number | null) => <Rate rate={v} /> },
  ];
  const total = data.data?.total;
  return (
    <Card variant="borderless" size="small" title={t('persons.reduction.title')} data-testid="person-reduction">
      <Typography.Paragraph type="secondary">{t('persons.reduction.hint')}</Typography.Paragraph>
      {data.isError && <Alert type="error" showIcon title={errorText(data.error)} className="fz-gap-bottom" />}
      <Table<ReductionRow>
        rowKey="orgCode"
        size="middle"
        columns={columns}
        dataSource={data.data?.items ?? []}
        loading={data.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('persons.reduction.empty') }}
        onRow={(r) => ({ className: 'fz-ps-reduction-row', 'data-testid': `reduction-row-${r.orgCode}` })}
        summary={() =>
          total && (
            <Table.Summary fixed>
              <Table.Summary.Row data-testid="reduction-total">
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('persons.reduction.total')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <Typography.Text strong>{total.listed}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <Typography.Text strong>{total.reduced}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3}>
                  <Rate rate={total.rate} />
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          )
        }
      />
    </Card>
  );
}
