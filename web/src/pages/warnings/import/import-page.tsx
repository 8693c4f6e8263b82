import { Button, Card, Progress, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ImportUpload } from '../../../api/warnings.ts';
import { ApiError } from '../../../api/problem.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { errorText, showError } from '../../../lib/notify.ts';
import { emptyTotals, runImport, type RunTotals } from './import-run.ts';
import { MappingStep, type MappingValues } from './mapping-step.tsx';
import { SummaryStep } from './summary-step.tsx';
import { UploadStep } from './upload-step.tsx';

type State =
  | { step: 'upload' }
  | { step: 'mapping'; upload: ImportUpload; values?: MappingValues | undefined }
  | { step: 'run'; upload: ImportUpload; totals: RunTotals }
  | { step: 'done'; totals: RunTotals; stoppedNote?: string | undefined };

const STEP_INDEX: Record<State['step'], number> = { upload: 0, mapping: 1, run: 2, done: 3 };

/** Upload → column mapping with a preview → chunked run with progress → summary with the rejected rows. */
export function ImportPage() {
  const t = useT();
  const [state, setState] = useState<State>({ step: 'upload' });
  const stop = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      // Leaving the page stops the run after the chunk in flight.
      mounted.current = false;
    };
  }, []);

  const start = async (upload: ImportUpload, values: MappingValues) => {
    stop.current = false;
    setState({ step: 'run', upload, totals: emptyTotals(upload.total) });
    let last = emptyTotals(upload.total);
    try {
      last = await runImport(upload, values, (totals) => {
        last = totals;
        if (mounted.current) setState({ step: 'run', upload, totals });
      }, () => stop.current || !mounted.current);
      if (!mounted.current) return;
      const cut = last.processed < last.total;
      setState({ step: 'done', totals: last, stoppedNote: cut ? t('warnings.import.cancelled', { done: last.processed, total: last.total }) : undefined });
    } catch (err) {
      if (!mounted.current) return;
      // A mapping the server refuses fails on the first chunk: back to the mapping to fix it.
      if (last.processed === 0 && err instanceof ApiError && err.status === 400) {
        showError(err);
        setState({ step: 'mapping', upload, values });
      } else {
        setState({ step: 'done', totals: last, stoppedNote: t('warnings.import.failed', { error: errorText(err) }) });
      }
    }
  };

  return (
    <Card variant="borderless" size="small" data-testid="warning-import">
      <Typography.Paragraph type="secondary">{t('warnings.import.intro')}</Typography.Paragraph>
      <Steps
        className="fz-gap-bottom"
        size="small"
        current={STEP_INDEX[state.step]}
        items={(['upload', 'mapping', 'run', 'done'] as const).map((s) => ({ title: t(`warnings.import.step.${s}`) }))}
      />
      {state.step === 'upload' && <UploadStep onUploaded={(upload) => setState({ step: 'mapping', upload })} />}
      {state.step === 'mapping' && (
        <MappingStep upload={state.upload} initial={state.values} onStart={(v) => void start(state.upload, v)} onRestart={() => setState({ step: 'upload' })} />
      )}
      {state.step === 'run' && (
        <div data-testid="import-progress">
          <Typography.Paragraph>{t('warnings.import.running', { done: state.totals.processed, total: state.totals.total })}</Typography.Paragraph>
          <Progress percent={Math.floor((state.totals.processed / Math.max(1, state.totals.total)) * 100)} status="active" />
          <Button className="fz-gap-top" onClick={() => (stop.current = true)}>
            {t('warnings.import.cancel')}
          </Button>
        </div>
      )}
      {state.step === 'done' && <SummaryStep totals={state.totals} stoppedNote={state.stoppedNote} onAnother={() => setState({ step: 'upload' })} />}
    </Card>
  );
}
