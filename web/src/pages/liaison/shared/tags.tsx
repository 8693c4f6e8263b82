import { Progress, Tag, Typography } from 'antd';
import type { TaskDto } from '../../../api/liaison.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useLiaisonT } from '../i18n/use-liaison-t.ts';

export type TaskState = 'open' | 'overdue' | 'done';
export type LetterState = 'none' | 'issued' | 'signed';

export function taskState(t: Pick<TaskDto, 'repliedAt' | 'overdue'>): TaskState {
  return t.repliedAt ? 'done' : t.overdue ? 'overdue' : 'open';
}

const TASK_COLORS: Record<TaskState, string> = { open: 'gold', overdue: 'red', done: 'green' };
const LETTER_COLORS: Record<LetterState, string> = { none: 'default', issued: 'gold', signed: 'green' };

export function TaskStateTag({ task }: { task: Pick<TaskDto, 'repliedAt' | 'overdue'> }) {
  const lt = useLiaisonT();
  const s = taskState(task);
  return (
    <Tag color={TASK_COLORS[s]} data-state={s}>
      {lt(`liaison.state.${s}`)}
    </Tag>
  );
}

export function LetterStateTag({ state }: { state: LetterState }) {
  const lt = useLiaisonT();
  return (
    <Tag color={LETTER_COLORS[state]} data-state={state}>
      {lt(`liaison.letter.state.${state}`)}
    </Tag>
  );
}

/** The deadline, in red when passed without a reply. */
export function DueCell({ task }: { task: Pick<TaskDto, 'dueAt' | 'overdue'> }) {
  return <Typography.Text type={task.overdue ? 'danger' : undefined}>{formatDateTime(task.dueAt)}</Typography.Text>;
}

/** done of total as a small bar. */
export function DoneBar({ done, total, testId }: { done: number; total: number; testId?: string | undefined }) {
  const lt = useLiaisonT();
  const pct = total ? Math.round((done / total) * 100) : 0;
  return (
    <span className="fz-lx-bar" data-testid={testId} data-done={done} data-total={total}>
      <Progress percent={pct} size="small" status={total && done === total ? 'success' : 'normal'} format={() => lt('liaison.meeting.doneOf', { done, total })} />
    </span>
  );
}
