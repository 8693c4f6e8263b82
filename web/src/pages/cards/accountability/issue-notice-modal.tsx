import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Descriptions, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { issueRankingNotice, type AccountabilityDto, type AccountabilityRow, type RankingNoticeKind } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showSuccess } from '../../../lib/notify.ts';
import { placeFieldErrors, showCardsError } from '../shared/errors.ts';
import { ACCOUNTABILITY_KEY, UNIT_NOTICES_KEY } from '../shared/keys.ts';
import { noticeKindLabel } from '../shared/labels.ts';

interface Values {
  kind: RankingNoticeKind;
  replyDays: number;
  body?: string;
}

/**
 * A summons (约谈, to the branch or outlet) or a suspension proposal (暂停新开户, to its institution) on a
 * ranking row's figures. The server counts the period again and refuses it below the threshold; it writes
 * the text from the figures unless one is given here.
 */
export function IssueNoticeModal({ row, ranking, onClose }: { row: AccountabilityRow; ranking: Pick<AccountabilityDto, 'firstDay' | 'lastDay' | 'thresholds'>; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const kind = Form.useWatch('kind', form) ?? (row.action === 'suspend' ? 'suspension_proposal' : 'summons');
  // A suspension proposal needs the higher threshold; below it only a summons is offered.
  const kinds: RankingNoticeKind[] = row.leads >= ranking.thresholds.suspendAt ? ['summons', 'suspension_proposal'] : ['summons'];
  const save = useMutation({
    mutationFn: (v: Values) =>
      issueRankingNotice({
        orgCode: row.code,
        kind: v.kind,
        from: ranking.firstDay,
        // The ranking's last day is included; the API's `to` is exclusive.
        to: dayjs(ranking.lastDay).add(1, 'day').format('YYYY-MM-DD'),
        replyDays: v.replyDays,
        body: v.body?.trim() || undefined,
      }),
    onSuccess: async (n) => {
      showSuccess(t('cards.notice.sent', { no: n.noticeNo, org: n.toOrgName }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: ACCOUNTABILITY_KEY }), queryClient.invalidateQueries({ queryKey: UNIT_NOTICES_KEY })]);
      onClose();
    },
    onError: (err) => {
      if (!placeFieldErrors(form, err, t, ['kind', 'replyDays', 'body'])) showCardsError(t, err);
    },
    meta: { handlesError: true },
  });
  return (
    <Modal
      open
      width={600}
      title={t('cards.issue.title', { name: row.name })}
      okText={t('cards.issue.submit', { kind: noticeKindLabel(t, kind) })}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'issue-submit' }}
    >
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2 }}
        className="fz-gap-bottom"
        items={[
          { key: 'org', label: t('cards.basis.org'), children: `${row.name}（${row.code}）`, span: 'filled' },
          { key: 'period', label: t('cards.basis.period'), children: t('cards.basis.periodText', { from: ranking.firstDay, to: ranking.lastDay }), span: 'filled' },
          { key: 'leads', label: t('cards.rank.leads'), children: <Typography.Text strong>{row.leads}</Typography.Text> },
          { key: 'closed', label: t('cards.rank.closed'), children: row.closed },
          { key: 'punished', label: t('cards.rank.punished'), children: row.punished },
          { key: 'thresholds', label: t('cards.basis.threshold'), children: t('cards.issue.thresholds', { summon: ranking.thresholds.summonAt, suspend: ranking.thresholds.suspendAt }) },
        ]}
      />
      <Form<Values> name="ranking-notice" form={form} layout="vertical" initialValues={{ kind: row.action === 'suspend' ? 'suspension_proposal' : 'summons', replyDays: 7 }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="kind" label={t('cards.notice.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={kinds.map((k) => ({ value: k, label: <span data-testid={`issue-kind-${k}`}>{noticeKindLabel(t, k)}</span> }))} />
        </Form.Item>
        <Alert type="info" showIcon className="fz-gap-bottom" title={t(kind === 'summons' ? 'cards.issue.toBranch' : 'cards.issue.toInstitution', { name: row.name, institution: row.institution })} />
        <Form.Item name="replyDays" label={t('cards.notice.replyDays')} rules={[{ required: true, message: t('common.required') }, { type: 'integer', min: 1, max: 90 }]}>
          <InputNumber min={1} max={90} precision={0} suffix={t('cards.notice.days')} data-testid="issue-days" />
        </Form.Item>
        <Form.Item name="body" label={t('cards.issue.body')} extra={t('cards.issue.bodyHint')} rules={[{ min: 5, message: t('cards.appeal.groundsMin') }, { max: 20000 }]}>
          <Input.TextArea rows={5} maxLength={20000} data-testid="issue-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
