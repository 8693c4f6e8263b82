import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Result, Skeleton, Table, Tag, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { getSerial, type SerialDto } from '../../../api/cases.ts';
import { ApiError } from '../../../api/problem.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../lib/notify.ts';
import { serialKey } from '../shared/keys.ts';
import { fraudTypeLabel, identifierLabel } from '../shared/labels.ts';
import { yuan } from '../shared/money.ts';
import { rowAttrs } from '../shared/row-attrs.ts';
import { CaseStatusTag } from '../shared/tags.tsx';

type SerialCase = SerialDto['cases'][number];

/** A serial case (串并案): its cases, each with the identifiers that link it, and the loss over all of them. */
export function SerialPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id > 0;
  const q = useQuery({ queryKey: serialKey(id), queryFn: () => getSerial(id), enabled: valid, meta: { handlesError: true } });
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} className="fz-cs-back" onClick={() => void navigate(-1)}>
      {t('cases.serial.back')}
    </Button>
  );
  if (!valid || q.isError) {
    const missing = !valid || (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403));
    return <Result status={missing ? '404' : 'warning'} title={missing ? t('cases.serial.notFound') : errorText(q.error)} extra={back} />;
  }
  if (q.isPending) {
    return (
      <Card variant="borderless">
        {back}
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  const s = q.data;
  const info: DescriptionsProps['items'] = [
    { key: 'no', label: t('cases.serial.no'), children: s.serialNo },
    { key: 'cases', label: t('cases.serial.caseCount'), children: s.cases.length },
    { key: 'loss', label: t('cases.serial.lossTotal'), children: <Typography.Text strong>¥{yuan(s.lossTotal)}</Typography.Text> },
    { key: 'created', label: t('cases.serial.createdAt'), children: `${formatDateTime(s.createdAt)}${s.createdBy ? ` · ${s.createdBy}` : ''}` },
  ];
  const columns: TableColumnsType<SerialCase> = [
    {
      key: 'caseNo',
      title: t('cases.field.caseNo'),
      render: (_v, c) => (
        <Link to={`/cases/${c.id}`} className="fz-cs-no">
          {c.caseNo}
        </Link>
      ),
    },
    { key: 'reportedAt', title: t('cases.field.reportedAt'), render: (_v, c) => formatDateTime(c.reportedAt) },
    { key: 'fraudType', title: t('cases.field.fraudType'), render: (_v, c) => (c.fraudType ? fraudTypeLabel(t, c.fraudType) : t('cases.fraud.unclassified')) },
    { key: 'loss', title: t('cases.field.loss'), align: 'right', render: (_v, c) => <span className="fz-cs-amount">{yuan(c.lossAmount)}</span> },
    { key: 'status', title: t('cases.field.status'), render: (_v, c) => <CaseStatusTag status={c.status} /> },
    {
      key: 'linkedBy',
      title: t('cases.serial.linkedBy'),
      render: (_v, c) => (
        <div className="fz-cs-related-shared">
          {c.linkedBy.map((l) => (
            <Tag key={`${l.kind}|${l.value}`} className="fz-cs-tag-small">
              {identifierLabel(t, l.kind)} {l.value}
            </Tag>
          ))}
        </div>
      ),
    },
  ];
  return (
    <div data-testid="serial-case" data-serial-no={s.serialNo}>
      {back}
      <Card variant="borderless" size="small" title={<span className="fz-cs-no">{t('cases.serial.title', { name: s.name })}</span>} className="fz-gap-bottom">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={info} />
      </Card>
      <Card variant="borderless" size="small">
        <Table<SerialCase>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={s.cases}
          pagination={s.cases.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          className="fz-nowrap-table"
          onRow={(c) => rowAttrs({ 'data-testid': `serial-row-${c.id}` })}
        />
      </Card>
    </div>
  );
}
