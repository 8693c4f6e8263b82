import { DownloadOutlined, FileTextOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { intakeLeads, type LeadBatchResultDto } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import type { Translate } from '../../../i18n/lang.ts';
import { showCardsError, serverMessage } from '../shared/errors.ts';
import { ACCOUNTABILITY_KEY, LEADS_KEY } from '../shared/keys.ts';
import { leadKindLabel } from '../shared/labels.ts';
import { rowAttrs } from '../shared/row-attrs.ts';
import { LEAD_COLUMNS, parseLeads, readTextFile, toLeadBody, type LeadColumn, type ParsedLead, type RowProblem } from './parse-leads.ts';

type Source = 'ministry' | 'manual';
type Outcome = { state: 'accepted'; id: number; leadNo: string; duplicate: boolean } | { state: 'rejected'; errors: { path: string; message: string }[] };

/** Items per request: well under the server's 5,000, so a long list shows its progress. */
const CHUNK = 1000;

const FIELD_OF_PATH: Record<string, LeadColumn | 'source'> = { externalId: 'externalId', kind: 'kind', identifier: 'identifier', holderName: 'holderName', holderIdNumber: 'holderIdNumber', holderPhone: 'holderPhone', openedAt: 'openedAt', orgCode: 'unit', regionCode: 'unit', source: 'source' };

function columnLabel(t: Translate, col: LeadColumn | 'source'): string {
  return t(`cards.import.col.${col}`);
}

function problemText(t: Translate, p: RowProblem): string {
  return t(`cards.import.problem.${p}`);
}

/** The sample a person can fill in: the header row the parser knows, and one line. */
function templateCsv(t: Translate): string {
  const header = LEAD_COLUMNS.map((c) => columnLabel(t, c)).join(',');
  return `\uFEFF${header}\r\nMIN-2026-000001,银行卡,6222020200123456789,张三,,13800000000,ICBC-149902,149902001\r\n`;
}

/** 断卡线索 from a ministry list or a local one: paste from Excel or open a CSV, check, send, see each row's result. */
export function ImportPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<Source>('ministry');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  // Results are kept by a row's content, not its line: after fixing one row and submitting again, the rows
  // that landed are not sent twice (a local lead has no number of its own to be recognised by), and a row
  // edited since its refusal shows as not sent.
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, Outcome>>(new Map());
  const [summary, setSummary] = useState<{ accepted: number; duplicate: number; rejected: number; skipped: number } | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const deferred = useDeferredValue(text);
  const parsed = useMemo(() => parseLeads(deferred), [deferred]);
  const keyOf = (row: ParsedLead) => `${source}|${JSON.stringify(row.cells)}`;
  const outcomeOf = (row: ParsedLead) => outcomes.get(keyOf(row));
  const sendable = parsed.rows.filter((r) => r.problems.length === 0 && outcomeOf(r)?.state !== 'accepted');
  const skipped = parsed.rows.filter((r) => r.problems.length > 0).length;

  const edit = (next: string) => {
    setText(next);
    setSummary(null);
  };

  const submit = useMutation({
    mutationFn: async (rows: ParsedLead[]) => {
      const out = new Map(outcomes);
      const tally = { accepted: 0, duplicate: 0, rejected: 0, skipped };
      setProgress({ done: 0, total: rows.length });
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK);
        const result: LeadBatchResultDto = await intakeLeads(chunk.map((r) => toLeadBody(r, source)));
        for (const a of result.accepted) {
          const row = chunk[a.index];
          if (row) out.set(keyOf(row), { state: 'accepted', id: a.id, leadNo: a.leadNo, duplicate: a.duplicate });
          tally[a.duplicate ? 'duplicate' : 'accepted'] += 1;
        }
        for (const r of result.rejected) {
          const row = chunk[r.index];
          if (row) out.set(keyOf(row), { state: 'rejected', errors: r.errors });
          tally.rejected += 1;
        }
        setProgress({ done: Math.min(start + CHUNK, rows.length), total: rows.length });
        // What has landed shows even if a later chunk fails.
        setOutcomes(new Map(out));
        setSummary({ ...tally });
      }
      return out;
    },
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: LEADS_KEY }), queryClient.invalidateQueries({ queryKey: ACCOUNTABILITY_KEY })]);
    },
    onError: (err) => showCardsError(t, err),
    onSettled: () => setProgress(null),
    meta: { handlesError: true },
  });

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    edit(await readTextFile(file));
  };

  const resultCell = (row: ParsedLead) => {
    const o = outcomeOf(row);
    if (row.problems.length > 0) {
      return (
        <span className="fz-cd-stack">
          <Tag color="orange" className="fz-cd-tag-small">
            {t('cards.import.skipped')}
          </Tag>
          {row.problems.map((p) => (
            <Typography.Text key={p} type="warning" className="fz-small">
              {problemText(t, p)}
            </Typography.Text>
          ))}
        </span>
      );
    }
    if (!o) return <Typography.Text type="secondary">{t('cards.import.pending')}</Typography.Text>;
    if (o.state === 'accepted') {
      return (
        <Space size={4}>
          <Tag color={o.duplicate ? 'blue' : 'green'} className="fz-cd-tag-small">
            {t(o.duplicate ? 'cards.import.duplicate' : 'cards.import.accepted')}
          </Tag>
          <Link to={`/cards/leads/${o.id}`} className="fz-cd-mono">
            {o.leadNo}
          </Link>
        </Space>
      );
    }
    return (
      <span className="fz-cd-stack">
        <Tag color="red" className="fz-cd-tag-small">
          {t('cards.import.rejected')}
        </Tag>
        {o.errors.map((e, i) => {
          const field = FIELD_OF_PATH[e.path.split('.')[0] ?? ''];
          return (
            <Typography.Text key={i} type="danger" className="fz-small" data-testid={`import-error-${row.line}-${field ?? e.path}`}>
              {field ? `${columnLabel(t, field)}${t('cards.colon')}` : e.path ? `${e.path}${t('cards.colon')}` : ''}
              {serverMessage(t, e.message)}
            </Typography.Text>
          );
        })}
      </span>
    );
  };

  const cell = (col: LeadColumn) => (_v: unknown, row: ParsedLead) => row.cells[col] ?? '';
  const columns: TableColumnsType<ParsedLead> = [
    { key: 'line', title: t('cards.import.line'), dataIndex: 'line', width: 56 },
    { key: 'externalId', title: columnLabel(t, 'externalId'), render: cell('externalId') },
    {
      key: 'kind',
      title: columnLabel(t, 'kind'),
      render: (_v, row) => (row.kind ? leadKindLabel(t, row.kind) : <Typography.Text type="warning">{row.cells.kind ?? t('common.none')}</Typography.Text>),
    },
    { key: 'identifier', title: columnLabel(t, 'identifier'), render: (_v, row) => <span className="fz-cd-mono">{row.cells.identifier ?? ''}</span> },
    { key: 'holderName', title: columnLabel(t, 'holderName'), render: cell('holderName') },
    { key: 'holderIdNumber', title: columnLabel(t, 'holderIdNumber'), render: (_v, row) => <span className="fz-cd-mono">{row.cells.holderIdNumber ?? ''}</span> },
    { key: 'openedAt', title: columnLabel(t, 'openedAt'), render: cell('openedAt') },
    { key: 'unit', title: columnLabel(t, 'unit'), render: cell('unit') },
    { key: 'result', title: t('cards.import.result'), fixed: 'end', render: (_v, row) => resultCell(row) },
  ];

  const rowState = (row: ParsedLead): string => {
    if (row.problems.length) return 'skipped';
    const o = outcomeOf(row);
    return !o ? 'pending' : o.state === 'accepted' ? (o.duplicate ? 'duplicate' : 'accepted') : 'rejected';
  };

  return (
    <Card variant="borderless" size="small" data-testid="lead-import" title={t('cards.import.title')}>
      <Typography.Paragraph type="secondary">{t('cards.import.intro')}</Typography.Paragraph>
      <div className="fz-filters">
        <Segmented<Source>
          value={source}
          onChange={(s) => {
            setSource(s);
            setSummary(null);
          }}
          options={[
            { value: 'ministry', label: <span data-testid="import-source-ministry">{t('cards.source.ministry')}</span> },
            { value: 'manual', label: <span data-testid="import-source-manual">{t('cards.source.manual')}</span> },
          ]}
        />
        <Button icon={<FileTextOutlined />} onClick={() => fileInput.current?.click()} data-testid="import-file-button">
          {t('cards.import.openFile')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          className="fz-cd-hidden"
          data-testid="import-file"
          onChange={(e) => {
            void openFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <Button
          type="link"
          icon={<DownloadOutlined />}
          onClick={() => {
            const url = URL.createObjectURL(new Blob([templateCsv(t)], { type: 'text/csv;charset=utf-8' }));
            const a = document.createElement('a');
            a.href = url;
            a.download = t('cards.import.templateName');
            a.click();
            setTimeout(() => URL.revokeObjectURL(url), 1000);
          }}
        >
          {t('cards.import.template')}
        </Button>
      </div>
      <Typography.Text type="secondary" className="fz-small">
        {t('cards.import.columns', { columns: LEAD_COLUMNS.map((c) => columnLabel(t, c)).join(t('cards.import.sep')) })}
        {source === 'ministry' && ` ${t('cards.import.ministryNeedsId')}`}
      </Typography.Text>
      <Input.TextArea
        value={text}
        onChange={(e) => {
          setFileName(null);
          edit(e.target.value);
        }}
        autoSize={{ minRows: 5, maxRows: 14 }}
        placeholder={t('cards.import.placeholder')}
        className="fz-cd-paste fz-gap-top"
        aria-label={t('cards.import.title')}
        data-testid="import-text"
      />
      {parsed.rows.length > 0 && (
        <>
          <div className="fz-cd-import-bar">
            <Typography.Text data-testid="import-count">
              {fileName ? `${fileName} · ` : ''}
              {t('cards.import.read', { n: parsed.rows.length })}
              {parsed.header && ` ${t('cards.import.headerUsed')}`}
              {skipped > 0 && ` ${t('cards.import.willSkip', { n: skipped })}`}
            </Typography.Text>
            <Space size={8} wrap>
              <Button onClick={() => edit('')}>{t('cards.import.clear')}</Button>
              <Button type="primary" disabled={sendable.length === 0} loading={submit.isPending} onClick={() => submit.mutate(sendable)} data-testid="import-submit">
                {progress ? t('cards.import.sending', { done: progress.done, total: progress.total }) : t('cards.import.submit', { n: sendable.length })}
              </Button>
            </Space>
          </div>
          {summary && (
            <Alert
              type={summary.rejected || summary.skipped ? 'warning' : 'success'}
              showIcon
              className="fz-gap-bottom"
              data-testid="import-summary"
              title={t('cards.import.summary', summary)}
              description={summary.rejected ? t('cards.import.fixHint') : undefined}
              action={
                <Link to="/cards">
                  <Button size="small" icon={<UnorderedListOutlined />}>
                    {t('cards.import.toQueue')}
                  </Button>
                </Link>
              }
            />
          )}
          <Table<ParsedLead>
            data-testid="import-preview"
            rowKey="line"
            size="small"
            columns={columns}
            dataSource={parsed.rows}
            className="fz-nowrap-table fz-cd-import-table"
            scroll={{ x: 'max-content' }}
            pagination={parsed.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            rowClassName={(row) => `fz-cd-import-${rowState(row)}`}
            onRow={(row) => rowAttrs({ 'data-testid': `import-row-${row.line}`, 'data-result': rowState(row) })}
          />
        </>
      )}
    </Card>
  );
}
