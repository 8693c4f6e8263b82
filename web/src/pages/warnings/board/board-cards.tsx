import { Card, Col, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { OUTCOMES, WARNING_LEVELS } from '../../../../../src/modules/warnings/warning-workflow.ts';
import type { Board } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';

interface Figure {
  key: string;
  label: string;
  value: number;
  /** Where the card leads: the queue filtered to what it counts. */
  to?: string;
  tone?: 'danger' | 'warning';
}

const TONES = { danger: '#cf1322', warning: '#d46b08' } as const;

function FigureCard({ f }: { f: Figure }) {
  const body = (
    <Card variant="borderless" size="small" hoverable={Boolean(f.to)} className="fz-stat-card">
      <div data-testid={`board-${f.key}`} data-value={f.value}>
        <Statistic title={f.label} value={f.value} styles={f.tone && f.value > 0 ? { content: { color: TONES[f.tone] } } : undefined} />
      </div>
    </Card>
  );
  return f.to ? <Link to={f.to}>{body}</Link> : body;
}

function FigureRow({ title, figures }: { title: ReactNode; figures: Figure[] }) {
  return (
    <div className="fz-wn-board-group">
      <div className="fz-wn-board-group-title">{title}</div>
      <Row gutter={[12, 12]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} sm={8} lg={figures.length > 4 ? 4 : 6}>
            <FigureCard f={f} />
          </Col>
        ))}
      </Row>
    </div>
  );
}

/** The headline figures: what is open and by grade, what is late or about to be, and today's results. */
export function BoardCards({ board, triage }: { board: Board; triage: boolean }) {
  const t = useT();
  const open = WARNING_LEVELS.reduce((n, l) => n + board.open[l], 0);
  const now: Figure[] = [
    { key: 'open', label: t('warnings.board.openTotal'), value: open, to: '/warnings' },
    ...WARNING_LEVELS.map((l) => ({ key: `open-${l}`, label: t(`warnings.level.${l}`), value: board.open[l], to: `/warnings?level=${l}` })),
    { key: 'overdue', label: t('warnings.board.overdue'), value: board.overdue, to: '/warnings?overdue=true', tone: 'danger' as const },
    { key: 'due-soon', label: t('warnings.board.dueWithinHour'), value: board.dueWithinHour, to: '/warnings?due=60', tone: 'warning' as const },
    ...(triage ? [{ key: 'triage', label: t('warnings.board.triage'), value: board.triage, to: '/warnings?view=triage' }] : []),
  ];
  const today: Figure[] = OUTCOMES.map((o) => ({ key: `today-${o}`, label: t(`warnings.outcome.${o}`), value: board.todayOutcomes[o] }));
  return (
    <>
      <FigureRow title={t('warnings.board.open')} figures={now} />
      <FigureRow title={t('warnings.board.today')} figures={today} />
    </>
  );
}
