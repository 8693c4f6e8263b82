import { Tag, Typography } from 'antd';
import type { DirectiveDto } from '../../../api/outreach.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useOutreachT } from '../i18n/use-outreach-t.ts';

/** Units that reported back of those addressed, green once all have. */
export function ProgressCell({ d }: { d: Pick<DirectiveDto, 'done' | 'targets'> }) {
  const ot = useOutreachT();
  const all = d.targets > 0 && d.done >= d.targets;
  return (
    <Tag color={all ? 'green' : d.done > 0 ? 'blue' : 'default'} data-testid="directive-progress" data-done={d.done} data-targets={d.targets}>
      {ot('outreach.directive.progressValue', { done: d.done, targets: d.targets })}
    </Tag>
  );
}

/** The deadline, flagged once it passed with units still to report back. */
export function DueCell({ d }: { d: Pick<DirectiveDto, 'dueAt' | 'overdue'> }) {
  const ot = useOutreachT();
  return (
    <span className="fz-nowrap">
      <Typography.Text type={d.overdue ? 'danger' : undefined}>{formatDateTime(d.dueAt)}</Typography.Text>
      {d.overdue && (
        <Tag color="red" className="fz-or-overdue" data-testid="directive-overdue">
          {ot('outreach.directive.overdue')}
        </Tag>
      )}
    </span>
  );
}
