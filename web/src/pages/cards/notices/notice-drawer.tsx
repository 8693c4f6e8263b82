import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Form, Input, Space, Typography, type DescriptionsProps } from 'antd';
import { replyUnitNotice, type UnitNoticeDto } from '../../../api/cards.ts';
import { ApiError } from '../../../api/problem.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { receivesNotices } from '../shared/access.ts';
import { placeFieldErrors, showCardsError } from '../shared/errors.ts';
import { ACCOUNTABILITY_KEY, UNIT_NOTICES_KEY } from '../shared/keys.ts';
import { NoticeKindTag } from '../shared/tags.tsx';
import { NoticeBasis, NoticeReplyCell } from './notice-cells.tsx';

/** The addressed unit answers, once: the text goes back to the center that sent the notice. */
function ReplyForm({ n }: { n: UnitNoticeDto }) {
  const t = useT();
  const [form] = Form.useForm<{ text: string }>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (text: string) => replyUnitNotice(n.id, text),
    onSuccess: async (out) => {
      showSuccess(t('cards.notice.replied', { no: out.noticeNo }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: UNIT_NOTICES_KEY }), queryClient.invalidateQueries({ queryKey: ACCOUNTABILITY_KEY })]);
    },
    onError: (err) => {
      // Answered meanwhile (by a colleague, in another tab): the list shows the reply once fetched again.
      if (err instanceof ApiError && (err.status === 409 || err.status === 404)) void queryClient.invalidateQueries({ queryKey: UNIT_NOTICES_KEY });
      if (!placeFieldErrors(form, err, t, ['text'])) showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
  return (
    <Form name="notice-reply" form={form} layout="vertical" onFinish={(v) => save.mutate(v.text.trim())}>
      <Form.Item
        name="text"
        label={t('cards.notice.replyText')}
        extra={t('cards.notice.replyHint')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 5, message: t('cards.appeal.groundsMin') }, { max: 20000 }]}
      >
        <Input.TextArea rows={5} maxLength={20000} data-testid="notice-reply-text" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="notice-reply-submit">
        {t('cards.notice.reply')}
      </Button>
    </Form>
  );
}

/** One notice: what it says and on what figures, its deadline, and the reply (or the form for it). */
export function NoticeDrawer({ n, onClose }: { n: UnitNoticeDto; onClose: () => void }) {
  const me = useCurrentUser();
  const t = useT();
  const phone = usePhone();
  const items: DescriptionsProps['items'] = [
    { key: 'to', label: t('cards.notice.to'), children: `${n.toOrgName}（${n.toOrgCode}）` },
    { key: 'issued', label: t('cards.notice.issuedAt'), children: formatDateTime(n.issuedAt) },
    { key: 'due', label: t('cards.notice.replyDueAt'), children: formatDateTime(n.replyDueAt) },
    { key: 'state', label: t('cards.field.status'), children: <NoticeReplyCell n={n} /> },
  ];
  return (
    <Drawer
      open
      onClose={onClose}
      size={phone ? '100%' : 640}
      title={
        <Space size={8} wrap>
          <span className="fz-cd-mono">{n.noticeNo}</span>
          <NoticeKindTag kind={n.kind} />
        </Space>
      }
      data-testid="notice-drawer"
      data-notice-no={n.noticeNo}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} />
      <Typography.Title level={5} className="fz-gap-top" data-testid="notice-subject">
        {n.subject}
      </Typography.Title>
      <Typography.Paragraph className="fz-cd-pre" data-testid="notice-body">
        {n.body}
      </Typography.Paragraph>
      {n.basis && (
        <div className="fz-gap-bottom">
          <Typography.Text type="secondary">{t('cards.basis.title')}</Typography.Text>
          <NoticeBasis basis={n.basis} />
        </div>
      )}
      {n.repliedAt ? (
        <Alert
          type="success"
          showIcon
          data-testid="notice-reply"
          title={t('cards.notice.replyLine', { at: formatDateTime(n.repliedAt), by: n.repliedBy ?? t('common.none') })}
          description={<span className="fz-cd-pre">{n.replyText}</span>}
        />
      ) : receivesNotices(me.role) ? (
        <ReplyForm n={n} />
      ) : (
        <Alert type={n.overdue ? 'error' : 'info'} showIcon title={t(n.overdue ? 'cards.notice.waitOverdue' : 'cards.notice.wait')} />
      )}
    </Drawer>
  );
}
