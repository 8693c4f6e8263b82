import { FileTextOutlined, MessageOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Result, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { matchPunishments, type MatchDto } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showCardsError } from '../shared/errors.ts';
import { measureLabel, measureShort } from '../shared/labels.ts';
import { rowAttrs } from '../shared/row-attrs.ts';
import { readTextFile } from '../import/parse-leads.ts';
import { readIdNumbers } from './id-list.ts';

/** The server takes up to 10,000 ID numbers a call. */
const CHUNK = 10_000;

interface Checked {
  asked: number;
  invalid: string[];
  matches: MatchDto[];
  at: number;
}

/** Checks customers' ID numbers against the measures in force; only the ones under a measure come back. */
export function MatchCheck({ onAppeal }: { onAppeal: (idNumber: string) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useMemo(() => readIdNumbers(text), [text]);
  const check = useMutation({
    mutationFn: async (list: { valid: string[]; invalid: string[] }) => {
      const matches: MatchDto[] = [];
      for (let i = 0; i < list.valid.length; i += CHUNK) matches.push(...(await matchPunishments(list.valid.slice(i, i + CHUNK))).items);
      return { asked: list.valid.length, invalid: list.invalid, matches, at: Date.now() };
    },
    onSuccess: setChecked,
    onError: (err) => showCardsError(t, err),
    meta: { handlesError: true },
  });
  const columns: TableColumnsType<MatchDto> = [
    { key: 'id', title: t('cards.partner.idNumber'), dataIndex: 'idNumber', render: (v: string) => <span className="fz-cd-mono">{v}</span> },
    { key: 'notice', title: t('cards.field.noticeNo'), dataIndex: 'noticeNo', render: (v: string) => <span className="fz-cd-mono">{v}</span> },
    { key: 'ends', title: t('cards.partner.until'), dataIndex: 'endsAt', render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD') : t('common.none')) },
    {
      key: 'measures',
      title: t('cards.field.measures'),
      render: (_v, m) => (
        <span className="fz-cd-flags">
          {m.measures.map((x) => (
            <Tooltip key={x} title={measureLabel(t, x)}>
              <Tag className="fz-cd-tag-small">{measureShort(t, x)}</Tag>
            </Tooltip>
          ))}
        </span>
      ),
    },
    {
      key: 'appeal',
      title: t('common.actions'),
      fixed: 'end',
      render: (_v, m) => (
        <Button size="small" icon={<MessageOutlined />} onClick={() => onAppeal(m.idNumber)} data-testid={`match-appeal-${m.idNumber}`}>
          {t('cards.partner.forward')}
        </Button>
      ),
    },
  ];
  return (
    <Card variant="borderless" size="small" title={t('cards.partner.matchTitle')} data-testid="partner-match">
      <Typography.Paragraph type="secondary" className="fz-small">
        {t('cards.partner.matchIntro')}
      </Typography.Paragraph>
      <Input.TextArea
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setChecked(null);
        }}
        autoSize={{ minRows: 4, maxRows: 12 }}
        placeholder={t('cards.partner.matchPlaceholder')}
        className="fz-cd-paste"
        aria-label={t('cards.partner.matchTitle')}
        data-testid="match-text"
      />
      <div className="fz-cd-import-bar">
        <Typography.Text type="secondary" data-testid="match-count">
          {t('cards.partner.read', { n: ids.valid.length })}
          {ids.invalid.length > 0 && ` ${t('cards.partner.invalidN', { n: ids.invalid.length })}`}
        </Typography.Text>
        <Space size={8} wrap>
          <Button icon={<FileTextOutlined />} onClick={() => fileInput.current?.click()}>
            {t('cards.import.openFile')}
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            className="fz-cd-hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void readTextFile(file).then((s) => {
                setText(s);
                setChecked(null);
              });
            }}
          />
          <Button type="primary" icon={<SafetyCertificateOutlined />} disabled={ids.valid.length === 0} loading={check.isPending} onClick={() => check.mutate(ids)} data-testid="match-submit">
            {t('cards.partner.check')}
          </Button>
        </Space>
      </div>
      {checked && (
        <div data-testid="match-result" data-matches={checked.matches.length}>
          {checked.invalid.length > 0 && (
            <Alert
              type="warning"
              showIcon
              className="fz-gap-bottom"
              title={t('cards.partner.invalidTitle', { n: checked.invalid.length })}
              description={<span className="fz-cd-mono fz-break">{checked.invalid.slice(0, 20).join(t('cards.sep'))}</span>}
            />
          )}
          {checked.matches.length === 0 ? (
            <Result status="success" title={t('cards.partner.noneTitle', { n: checked.asked })} subTitle={t('cards.partner.noneBody')} data-testid="match-none" />
          ) : (
            <>
              <Alert type="error" showIcon className="fz-gap-bottom" title={t('cards.partner.someTitle', { n: checked.asked, m: checked.matches.length })} description={t('cards.partner.someBody')} data-testid="match-some" />
              <Table<MatchDto>
                data-testid="match-table"
                rowKey="idNumber"
                size="small"
                columns={columns}
                dataSource={checked.matches}
                className="fz-nowrap-table"
                scroll={{ x: 'max-content' }}
                pagination={checked.matches.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                onRow={(m) => rowAttrs({ 'data-testid': `match-row-${m.idNumber}` })}
              />
            </>
          )}
        </div>
      )}
    </Card>
  );
}
