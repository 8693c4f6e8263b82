import { SnippetsOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/lang-context.tsx';
import type { ParsedRow, ParseProblem, ParseResult } from './paste.ts';

interface Props<F extends string> {
  /** What the columns are, in order, for the hint line. */
  columns: string;
  example: string;
  parse: (text: string) => ParseResult<F>;
  fieldLabel: (field: F) => string;
  /** Receives every parsed row, problems included: the table shows them on the cells to fix. */
  onRows: (rows: ParsedRow<F>[]) => void;
  testId: string;
  /** Start open (the usual way in) or as a button. */
  defaultOpen?: boolean;
}

const MAX_SHOWN = 8;

/**
 * A box to paste rows from Excel, a bank's statement or a chat message into. The rows go straight into the
 * editable table below it; lines the parser could not read fully are listed, and their cells show the error.
 */
export function PasteBox<F extends string>({ columns, example, parse, fieldLabel, onRows, testId, defaultOpen = true }: Props<F>) {
  const t = useT();
  const [open, setOpen] = useState(defaultOpen);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<{ added: number; header: boolean; bad: ParsedRow<F>[] } | null>(null);
  const problemText = (p: ParseProblem) => t(`money.paste.problem.${p}`);
  const run = () => {
    const result = parse(text);
    const bad = result.rows.filter((r) => r.problems.length > 0);
    setOutcome({ added: result.rows.length, header: result.header, bad });
    if (result.rows.length > 0) onRows(result.rows);
    if (result.rows.length > 0 && bad.length === 0) setText('');
  };
  if (!open) {
    return (
      <Button icon={<SnippetsOutlined />} onClick={() => setOpen(true)} data-testid={`${testId}-open`} tabIndex={0}>
        {t('money.paste.open')}
      </Button>
    );
  }
  return (
    <div className="fz-cs-paste" data-testid={testId}>
      <Typography.Text type="secondary" className="fz-small">
        {t('money.paste.hint', { columns })}
      </Typography.Text>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Ctrl+Enter here reads the box instead of submitting the whole form.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.stopPropagation();
            run();
          }
        }}
        autoSize={{ minRows: 3, maxRows: 10 }}
        placeholder={example}
        className="fz-cs-paste-text"
        aria-label={t('money.paste.open')}
        data-testid={`${testId}-text`}
      />
      <div className="fz-cs-paste-actions">
        <Button type="primary" ghost onClick={run} disabled={!text.trim()} data-testid={`${testId}-parse`}>
          {t('money.paste.parse')}
        </Button>
        <Button
          type="text"
          onClick={() => {
            setOpen(false);
            setOutcome(null);
          }}
        >
          {t('money.paste.close')}
        </Button>
        {outcome && outcome.bad.length === 0 && (
          <Typography.Text type={outcome.added ? 'success' : 'secondary'} data-testid={`${testId}-result`}>
            {outcome.added ? t('money.paste.added', { n: outcome.added }) : t('money.paste.nothing')}
            {outcome.header && ` ${t('money.paste.headerUsed')}`}
          </Typography.Text>
        )}
      </div>
      {outcome && outcome.bad.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid={`${testId}-problems`}
          title={t('money.paste.someBad', { n: outcome.added, bad: outcome.bad.length })}
          description={
            <ul className="fz-cs-paste-problems">
              {outcome.bad.slice(0, MAX_SHOWN).map((r) => (
                <li key={r.line}>
                  {t('money.paste.line', { n: r.line })}
                  {r.problems.map((p) => `${p.field === 'row' ? '' : `${fieldLabel(p.field)} `}${problemText(p.problem)}`).join(t('money.paste.sep'))}
                </li>
              ))}
              {outcome.bad.length > MAX_SHOWN && <li>{t('money.paste.more', { n: outcome.bad.length - MAX_SHOWN })}</li>}
            </ul>
          }
        />
      )}
    </div>
  );
}
