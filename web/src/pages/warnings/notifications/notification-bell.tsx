import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { listNotices, markNoticeRead, type NoticeDto } from '../../../api/warnings.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { hasSessionHint } from '../../../auth/session-hint.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { moduleAccess } from '../../../layout/modules.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { NOTICES_KEY } from '../shared/keys.ts';
import './notification-bell.css';

/**
 * Unread notices of the user's unit (today: overdue warnings escalated to it) in the header. Only for
 * the roles that work warnings; the warnings screens' live stream refreshes it, otherwise every minute.
 */
export function NotificationBell() {
  const me = useCurrentUser();
  if (moduleAccess(me.role, 'warnings') === null) return null;
  return <Bell />;
}

function Bell() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  // Signing out re-renders the header before it unmounts: without the session hint the bell would
  // refetch into a 401 in that moment.
  const notices = useQuery({ queryKey: NOTICES_KEY, queryFn: listNotices, refetchInterval: 60_000, enabled: hasSessionHint(), meta: { handlesError: true } });
  const read = useMutation({
    mutationFn: (n: NoticeDto) => markNoticeRead(n.id),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: NOTICES_KEY }),
  });
  const follow = (n: NoticeDto) => {
    setOpen(false);
    read.mutate(n);
    if (n.targetType === 'warning' && n.targetId) void navigate(`/warnings/${n.targetId}`);
  };
  const unread = notices.data?.unread ?? 0;
  const items = notices.data?.items ?? [];
  const content = (
    <div className="fz-notices" data-testid="notices">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('warnings.notices.empty')} />
      ) : (
        items.map((n) => (
          <button type="button" key={n.id} className="fz-notice" onClick={() => follow(n)} data-testid={`notice-${n.id}`}>
            <span>{n.title}</span>
            <Typography.Text type="secondary" className="fz-small">
              {formatDateTime(n.createdAt)}
            </Typography.Text>
          </button>
        ))
      )}
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('warnings.notices.title')} content={content} open={open} onOpenChange={setOpen}>
      <Button type="text" aria-label={t('warnings.notices.bell', { n: unread })} data-testid="notice-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined className="fz-notice-icon" />
        </Badge>
      </Button>
    </Popover>
  );
}
