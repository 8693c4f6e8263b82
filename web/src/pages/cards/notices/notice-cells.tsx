import { Descriptions, Tag, Typography, type DescriptionsProps } from 'antd';
import type { UnitNoticeDto } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { Deadline } from '../shared/deadline.tsx';
import { str } from '../shared/event-timeline.tsx';

export type NoticeState = 'replied' | 'overdue' | 'open';

export const noticeState = (n: Pick<UnitNoticeDto, 'repliedAt' | 'overdue'>): NoticeState => (n.repliedAt ? 'replied' : n.overdue ? 'overdue' : 'open');

const STATE_COLORS: Record<NoticeState, string> = { replied: 'green', overdue: 'red', open: 'blue' };

/** Replied (when), or the countdown to the reply deadline, red once past it. */
export function NoticeReplyCell({ n }: { n: UnitNoticeDto }) {
  const t = useT();
  const state = noticeState(n);
  return (
    <span className="fz-cd-stack" data-notice-state={state}>
      <Tag color={STATE_COLORS[state]} className="fz-cd-tag-small">
        {t(`cards.notice.state.${state}`)}
      </Tag>
      {n.repliedAt ? (
        <Typography.Text type="secondary" className="fz-small">
          {formatDateTime(n.repliedAt)}
        </Typography.Text>
      ) : (
        <Deadline dueAt={n.replyDueAt} overdue={n.overdue} tip={t('cards.notice.replyDue', { at: formatDateTime(n.replyDueAt) })} />
      )}
    </span>
  );
}

/** The ranking's figures a summons or suspension proposal was issued on (`basis` in src/modules/cards/notices.ts). */
export function NoticeBasis({ basis }: { basis: Record<string, unknown> }) {
  const t = useT();
  const num = (v: unknown) => (typeof v === 'number' ? v : Number(str(v) ?? 0));
  const items: DescriptionsProps['items'] = [
    { key: 'org', label: t('cards.basis.org'), children: `${str(basis.orgName) ?? ''}${basis.orgCode ? `（${str(basis.orgCode)}）` : ''}` },
    { key: 'period', label: t('cards.basis.period'), children: t('cards.basis.periodText', { from: str(basis.firstDay) ?? '', to: str(basis.lastDay) ?? '' }) },
    { key: 'leads', label: t('cards.rank.leads'), children: <Typography.Text strong>{num(basis.leads)}</Typography.Text> },
    { key: 'closed', label: t('cards.rank.closed'), children: num(basis.closed) },
    { key: 'punished', label: t('cards.rank.punished'), children: num(basis.punished) },
    { key: 'threshold', label: t('cards.basis.threshold'), children: t('cards.basis.thresholdText', { n: num(basis.threshold) }) },
  ];
  return <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} items={items} data-testid="notice-basis" />;
}
