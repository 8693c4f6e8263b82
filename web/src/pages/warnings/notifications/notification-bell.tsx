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
import { hasTab } from '../../cards/shared/access.ts';
import type { Role } from '../../../../../src/lib/roles.ts';
import { NOTICES_KEY } from '../shared/keys.ts';
import './notification-bell.css';

/** Partners hear of notices, restrictions' appeals and answers through the bell too (GET /api/v1/notifications is open to every role). */
const PARTNERS: readonly Role[] = ['bank_liaison', 'operator_liaison', 'member_contact'];

/**
 * Where a notice leads, if the user can open it there: an escalated warning, a 断卡 notice (提示函), a
 * restriction, a punishment (police roles), the appeals queue, a key person's file, an outreach directive, a joint-meeting task. Anything else (a kind added later, a page
 * the role has no access to) leads nowhere: the notice is only marked read.
 */
export function noticeTarget(role: Role, n: Pick<NoticeDto, 'targetType' | 'targetId'>): string | null {
  const id = n.targetId && /^\d+$/.test(n.targetId) ? n.targetId : null;
  switch (n.targetType) {
    case 'warning':
      return id && moduleAccess(role, 'warnings') !== null ? `/warnings/${id}` : null;
    case 'unit_notice':
      return moduleAccess(role, 'cards') !== null && hasTab(role, 'notices') ? (id ? `/cards/notices?id=${id}` : '/cards/notices') : null;
    case 'restriction':
      return id && moduleAccess(role, 'cards') !== null && hasTab(role, 'restrictions') ? `/cards/restrictions/${id}` : null;
    case 'punishment':
      return id && moduleAccess(role, 'cards') !== null && hasTab(role, 'punishments') ? `/cards/punishments/${id}` : null;
    case 'appeal':
      return moduleAccess(role, 'cards') !== null && hasTab(role, 'appeals') ? '/cards/appeals' : null;
    case 'person':
      return id && moduleAccess(role, 'persons') !== null ? `/persons/${id}` : null;
    case 'directive':
      return id && moduleAccess(role, 'outreach') !== null ? `/outreach/directives?id=${id}` : null;
    case 'liaison_task':
      return id && moduleAccess(role, 'liaison') !== null ? `/liaison/tasks?id=${id}` : null;
    case 'bulletin':
      return moduleAccess(role, 'stats') !== null ? (id ? `/stats/bulletins/${id}` : '/stats/bulletins') : null;
    case 'report':
      return moduleAccess(role, 'stats') !== null ? '/stats/reports' : null;
    default:
      return null;
  }
}

/**
 * Unread notices of the user's unit (overdue warnings escalated to it, notices and appeals of the 断卡
 * module) in the header, for the roles that work warnings and for the partners; the warnings screens' live
 * stream refreshes it, otherwise every minute.
 */
export function NotificationBell() {
  const me = useCurrentUser();
  if (moduleAccess(me.role, 'warnings') === null && !PARTNERS.includes(me.role)) return null;
  return <Bell role={me.role} />;
}

function Bell({ role }: { role: Role }) {
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
    const to = noticeTarget(role, n);
    if (to) void navigate(to);
  };
  const unread = notices.data?.unread ?? 0;
  const items = notices.data?.items ?? [];
  const content = (
    <div className="fz-notices" data-testid="notices">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('warnings.notices.empty')} />
      ) : (
        items.map((n) => (
          <button type="button" key={n.id} className="fz-notice" onClick={() => follow(n)} data-testid={`notice-${n.id}`} data-target-type={n.targetType ?? ''}>
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
