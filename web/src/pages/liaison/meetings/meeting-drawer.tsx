import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Drawer, Empty, Spin, Table, Tag, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import { getMeeting, type TaskDto } from '../../../api/liaison.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { rowAttrs } from '../../cards/shared/row-attrs.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useLiaisonT } from '../i18n/use-liaison-t.ts';
import { liaisonErrorText } from '../shared/errors.ts';
import { meetingKey } from '../shared/keys.ts';
import { DoneBar, DueCell, taskState, TaskStateTag } from '../shared/tags.tsx';

/** One meeting: when, who attended, the minutes, and each decision's task with its owner's reply. */
export function MeetingDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const lt = useLiaisonT();
  const phone = usePhone();
  const navigate = useNavigate();
  const data = useQuery({ queryKey: meetingKey(id), queryFn: () => getMeeting(id), staleTime: 0, meta: { handlesError: true } });
  const m = data.data;
  const done = m?.tasks.filter((x) => x.repliedAt).length ?? 0;
  const openTask = (task: TaskDto) => void navigate(`/liaison/tasks?view=all&id=${task.id}`);
  const items: DescriptionsProps['items'] = m
    ? [
        { key: 'held', label: lt('liaison.meeting.heldAt'), children: formatDateTime(m.heldAt) },
        { key: 'progress', label: lt('liaison.meeting.progress'), children: <DoneBar done={done} total={m.tasks.length} testId="meeting-progress" /> },
        {
          key: 'attendees',
          label: lt('liaison.meeting.attendees'),
          span: 'filled',
          children: m.attendees.length ? (
            <span className="fz-lx-flags" data-testid="meeting-attendees">
              {m.attendees.map((a) => (
                <Tag key={a.code}>{a.name}</Tag>
              ))}
            </span>
          ) : (
            lt('liaison.meeting.noAttendees')
          ),
        },
      ]
    : [];
  // The owner's answer under the task it answers, so the table stays narrow enough for the drawer.
  const reply = (x: TaskDto) =>
    x.replyText && (
      <Typography.Text type="secondary" className="fz-lx-pre fz-lx-reply" data-testid={`meeting-task-reply-${x.id}`}>
        {`${lt('liaison.task.reply')}：${x.replyText}`}
      </Typography.Text>
    );
  const columns: TableColumnsType<TaskDto> = [
    {
      key: 'title',
      title: lt('liaison.task.title'),
      className: 'fz-lx-task-cell',
      render: (_v, x) => (
        <div className="fz-lx-stack">
          <span>{x.title}</span>
          {reply(x)}
        </div>
      ),
    },
    { key: 'owner', title: lt('liaison.task.owner'), dataIndex: 'ownerName' },
    { key: 'due', title: lt('liaison.task.dueAt'), className: 'fz-nowrap', render: (_v, x) => <DueCell task={x} /> },
    { key: 'state', title: lt('liaison.task.state'), className: 'fz-nowrap', render: (_v, x) => <TaskStateTag task={x} /> },
    { key: 'replied', title: lt('liaison.task.repliedAt'), className: 'fz-nowrap', render: (_v, x) => (x.repliedAt ? formatDateTime(x.repliedAt) : t('common.none')) },
  ];
  const attrs = (x: TaskDto) => ({ 'data-testid': `meeting-task-${x.id}`, 'data-owner': x.ownerCode, 'data-state': taskState(x) });
  return (
    <Drawer
      open
      onClose={onClose}
      size={phone ? '100%' : 880}
      title={m ? <span className="fz-lx-mono">{m.meetingNo}</span> : lt('liaison.meeting.loading')}
      data-testid="meeting-drawer"
      data-meeting-no={m?.meetingNo ?? ''}
      data-tasks={m?.tasks.length ?? ''}
      data-done={m ? done : ''}
    >
      {data.isError ? (
        <Alert type="error" showIcon title={liaisonErrorText(lt, data.error)} />
      ) : !m ? (
        <Spin className="fz-page-spin" />
      ) : (
        <>
          <Typography.Title level={5} className="fz-lx-first" data-testid="meeting-title-text">
            {m.title}
          </Typography.Title>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} />
          <Typography.Title level={5} className="fz-gap-top">
            {lt('liaison.meeting.minutes')}
          </Typography.Title>
          <Typography.Paragraph className="fz-lx-pre" data-testid="meeting-minutes">
            {m.minutes}
          </Typography.Paragraph>
          <Typography.Title level={5}>{lt('liaison.meeting.tasks')}</Typography.Title>
          {m.tasks.length === 0 ? (
            <Empty description={lt('liaison.meeting.noTasks')} />
          ) : phone ? (
            <div className="fz-lx-cards" data-testid="meeting-tasks">
              {m.tasks.map((x) => (
                <Card key={x.id} size="small" hoverable className="fz-lx-card" onClick={() => openTask(x)} {...attrs(x)}>
                  <div className="fz-lx-card-line">
                    <Typography.Text strong>{x.ownerName}</Typography.Text>
                    <TaskStateTag task={x} />
                  </div>
                  <Typography.Text>{x.title}</Typography.Text>
                  <DueCell task={x} />
                  {reply(x)}
                </Card>
              ))}
            </div>
          ) : (
            <Table<TaskDto>
              data-testid="meeting-tasks"
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={m.tasks}
              pagination={false}
              className="fz-lx-table"
              rowClassName={(x) => (x.overdue ? 'fz-lx-overdue-row' : '')}
              onRow={(x) => ({ onClick: () => openTask(x), ...rowAttrs(attrs(x)) })}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
