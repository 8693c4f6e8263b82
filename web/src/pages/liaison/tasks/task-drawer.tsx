import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Form, Input, Spin, Timeline, Typography, type DescriptionsProps, type TimelineItemProps } from 'antd';
import { Link } from 'react-router-dom';
import { getTask, replyTask, type TaskDto } from '../../../api/liaison.ts';
import { ApiError } from '../../../api/problem.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useLiaisonT } from '../i18n/use-liaison-t.ts';
import { canReply, seesMeetings } from '../shared/access.ts';
import { liaisonErrorText, placeErrors, showLiaisonError } from '../shared/errors.ts';
import { LIAISON_KEY, taskKey } from '../shared/keys.ts';
import { DueCell, taskState, TaskStateTag } from '../shared/tags.tsx';

/** The owner unit answers, once; the convening unit is told. */
function ReplyForm({ task }: { task: TaskDto }) {
  const t = useT();
  const lt = useLiaisonT();
  const [form] = Form.useForm<{ text: string }>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (text: string) => replyTask(task.id, text),
    onSuccess: async (out) => {
      showSuccess(lt('liaison.reply.sent', { title: out.title }));
      await queryClient.invalidateQueries({ queryKey: LIAISON_KEY });
    },
    onError: (err) => {
      // Answered meanwhile (a colleague in another tab): the drawer shows the reply once fetched again.
      if (err instanceof ApiError && err.status === 409) void queryClient.invalidateQueries({ queryKey: LIAISON_KEY });
      const rest = placeErrors(form, err, lt, ['text']);
      if (rest === null || rest.length) showLiaisonError(lt, err);
    },
    meta: { handlesError: true },
  });
  return (
    <div className="fz-gap-bottom" data-testid="task-mine">
      <Alert
        type={task.overdue ? 'error' : 'warning'}
        showIcon
        className="fz-gap-bottom"
        title={lt(task.overdue ? 'liaison.reply.mineOverdue' : 'liaison.reply.mine', { due: formatDateTime(task.dueAt) })}
      />
      <Form name="liaison-reply" form={form} layout="vertical" onFinish={(v) => save.mutate(v.text.trim())} data-testid="task-reply-form">
        <Form.Item
          name="text"
          label={lt('liaison.reply.label')}
          extra={lt('liaison.reply.hint')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 4, message: lt('liaison.err.tooShort') }, { max: 20_000, message: lt('liaison.err.tooLong') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20_000} data-testid="task-reply-text" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="task-reply-submit">
          {lt('liaison.reply.submit')}
        </Button>
      </Form>
    </div>
  );
}

/** The task's steps: assigned, (the overdue reminder), and the reply or the wait for it. */
function TaskTimeline({ task }: { task: TaskDto }) {
  const lt = useLiaisonT();
  const at = (iso: string, who?: string | null) => (
    <Typography.Text type="secondary" className="fz-small">
      {formatDateTime(iso)}
      {who ? ` · ${who}` : ''}
    </Typography.Text>
  );
  const items: TimelineItemProps[] = [
    {
      key: 'assigned',
      color: 'blue',
      content: (
        <div data-testid="task-ev-assigned">
          <Typography.Text strong>{task.meetingNo ? lt('liaison.task.ev.assignedMeeting', { from: task.fromName, no: task.meetingNo }) : lt('liaison.task.ev.assigned', { from: task.fromName })}</Typography.Text>
          <div>{`${lt('liaison.task.ev.due')}：${formatDateTime(task.dueAt)}`}</div>
          <div>{at(task.createdAt)}</div>
        </div>
      ),
    },
  ];
  if (task.remindedAt)
    items.push({
      key: 'reminded',
      color: 'red',
      content: (
        <div data-testid="task-ev-reminded">
          <Typography.Text strong>{lt('liaison.task.ev.reminded')}</Typography.Text>
          <div>{at(task.remindedAt)}</div>
        </div>
      ),
    });
  if (task.repliedAt)
    items.push({
      key: 'replied',
      color: 'green',
      content: (
        <div data-testid="task-ev-replied">
          <Typography.Text strong>{lt('liaison.task.ev.replied', { owner: task.ownerName })}</Typography.Text>
          <Typography.Paragraph className="fz-lx-pre" data-testid="task-reply-shown">
            {task.replyText}
          </Typography.Paragraph>
          <div>{at(task.repliedAt, task.repliedBy)}</div>
        </div>
      ),
    });
  else
    items.push({
      key: 'waiting',
      color: task.overdue ? 'red' : 'gray',
      content: (
        <div data-testid="task-ev-waiting">
          <Typography.Text type={task.overdue ? 'danger' : 'secondary'}>{lt('liaison.task.ev.waiting', { owner: task.ownerName })}</Typography.Text>
        </div>
      ),
    });
  return <Timeline data-testid="task-timeline" items={items} />;
}

/** One task: what was decided, for whom and by when, its timeline, and for its owner the reply form. */
export function TaskDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const me = useCurrentUser();
  const lt = useLiaisonT();
  const phone = usePhone();
  const data = useQuery({ queryKey: taskKey(id), queryFn: () => getTask(id), staleTime: 0, meta: { handlesError: true } });
  const task = data.data;
  const items: DescriptionsProps['items'] = task
    ? [
        { key: 'owner', label: lt('liaison.task.owner'), children: task.ownerName },
        { key: 'from', label: lt('liaison.task.from'), children: task.fromName },
        {
          key: 'meeting',
          label: lt('liaison.task.meeting'),
          children: task.meetingNo ? (
            seesMeetings(me.role) && task.meetingId ? (
              <Link to={`/liaison/meetings?id=${task.meetingId}`} className="fz-lx-mono" data-testid="task-meeting-link">
                {task.meetingNo}
              </Link>
            ) : (
              <span className="fz-lx-mono">{task.meetingNo}</span>
            )
          ) : (
            lt('liaison.task.noMeeting')
          ),
        },
        { key: 'due', label: lt('liaison.task.dueAt'), children: <DueCell task={task} /> },
        { key: 'state', label: lt('liaison.task.state'), children: <TaskStateTag task={task} /> },
      ]
    : [];
  return (
    <Drawer
      open
      onClose={onClose}
      size={phone ? '100%' : 640}
      title={task ? task.title : lt('liaison.task.loading')}
      data-testid="task-drawer"
      data-task-id={task?.id ?? ''}
      data-state={task ? taskState(task) : ''}
    >
      {data.isError ? (
        <Alert type="error" showIcon title={liaisonErrorText(lt, data.error)} />
      ) : !task ? (
        <Spin className="fz-page-spin" />
      ) : (
        <>
          {canReply(me, task) && <ReplyForm task={task} />}
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} />
          {task.detail && (
            <>
              <Typography.Title level={5} className="fz-gap-top">
                {lt('liaison.task.detail')}
              </Typography.Title>
              <Typography.Paragraph className="fz-lx-pre" data-testid="task-detail-text">
                {task.detail}
              </Typography.Paragraph>
            </>
          )}
          <Typography.Title level={5} className="fz-gap-top">
            {lt('liaison.task.timeline')}
          </Typography.Title>
          <TaskTimeline task={task} />
        </>
      )}
    </Drawer>
  );
}
