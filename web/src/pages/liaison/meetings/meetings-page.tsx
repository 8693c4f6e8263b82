import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { listMeetings, type MeetingRowDto } from '../../../api/liaison.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { rowAttrs } from '../../cards/shared/row-attrs.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useLiaisonT } from '../i18n/use-liaison-t.ts';
import { canConvene } from '../shared/access.ts';
import { meetingListKey } from '../shared/keys.ts';
import { DoneBar } from '../shared/tags.tsx';
import { MeetingDrawer } from './meeting-drawer.tsx';
import { MeetingFormDrawer } from './meeting-form.tsx';

/** The server lists up to 200 a call: years of a city's meetings. */
const LIMIT = 200;

/**
 * The joint meetings, newest first, each with how many of its tasks are answered; the center records one
 * here (`?new=1`), and `?id=` opens one with its minutes and tasks.
 */
export function MeetingsPage() {
  const me = useCurrentUser();
  const t = useT();
  const lt = useLiaisonT();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('id')) || null;
  const creating = params.get('new') === '1' && canConvene(me.role);
  const list = useQuery({ queryKey: meetingListKey(LIMIT), queryFn: () => listMeetings(LIMIT), staleTime: 0, meta: { handlesError: true } });
  const rows = list.data ?? [];
  const setParam = (key: 'id' | 'new', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };
  const open = (m: Pick<MeetingRowDto, 'id'>) => {
    const next = new URLSearchParams(params);
    next.delete('new');
    next.set('id', String(m.id));
    setParams(next);
  };
  const columns: TableColumnsType<MeetingRowDto> = [
    {
      key: 'no',
      title: lt('liaison.meeting.no'),
      render: (_v, m) => (
        <Button
          type="link"
          className="fz-lx-link fz-lx-mono"
          onClick={(e) => {
            e.stopPropagation();
            open(m);
          }}
          data-testid={`meeting-open-${m.id}`}
        >
          {m.meetingNo}
        </Button>
      ),
    },
    { key: 'held', title: lt('liaison.meeting.heldAt'), dataIndex: 'heldAt', render: (x: string) => formatDateTime(x) },
    { key: 'title', title: lt('liaison.meeting.title'), render: (_v, m) => <span className="fz-lx-ellipsis">{m.title}</span> },
    { key: 'progress', title: lt('liaison.meeting.progress'), render: (_v, m) => <DoneBar done={m.done} total={m.tasks} /> },
  ];
  const attrs = (m: MeetingRowDto) => ({ 'data-testid': `meeting-row-${m.id}`, 'data-meeting-no': m.meetingNo, 'data-tasks': m.tasks, 'data-done': m.done });
  return (
    <div data-testid="meetings-page">
      <Card
        variant="borderless"
        size="small"
        title={lt('liaison.meetings.title')}
        data-testid="meeting-list"
        extra={
          canConvene(me.role) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setParam('new', '1')} data-testid="meeting-new">
              {lt('liaison.meeting.new')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" className="fz-small">
          {lt('liaison.meetings.hint')}
        </Typography.Paragraph>
        {list.isError && <Alert type="error" showIcon title={lt('liaison.loadFailed')} className="fz-gap-bottom" />}
        {phone ? (
          <Spin spinning={list.isPending}>
            {!list.isPending && rows.length === 0 ? (
              <Empty description={lt('liaison.meetings.empty')} data-testid="meeting-cards" />
            ) : (
              <div className="fz-lx-cards" data-testid="meeting-cards">
                {rows.map((m) => (
                  <Card key={m.id} size="small" hoverable className="fz-lx-card" onClick={() => open(m)} {...attrs(m)}>
                    <div className="fz-lx-card-line">
                      <Typography.Text strong className="fz-lx-mono">
                        {m.meetingNo}
                      </Typography.Text>
                      <Typography.Text type="secondary">{formatDateTime(m.heldAt)}</Typography.Text>
                    </div>
                    <Typography.Text>{m.title}</Typography.Text>
                    <DoneBar done={m.done} total={m.tasks} />
                  </Card>
                ))}
              </div>
            )}
          </Spin>
        ) : (
          <Table<MeetingRowDto>
            data-testid="meeting-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={list.isPending}
            className="fz-nowrap-table fz-lx-table"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: lt('liaison.meetings.empty') }}
            onRow={(m) => ({ onClick: () => open(m), ...rowAttrs(attrs(m)) })}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) } : false}
          />
        )}
      </Card>
      {openId && !creating && <MeetingDrawer id={openId} onClose={() => setParam('id', null)} />}
      {creating && <MeetingFormDrawer onClose={() => setParam('new', null)} onSaved={(m) => open(m)} />}
    </div>
  );
}
