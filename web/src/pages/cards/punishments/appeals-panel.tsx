import { Button, Card, Empty, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { acceptAppeal, reviewAppeal, type AppealDto, type PunishmentDetailDto } from '../../../api/cards.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { isCenterWorker, isLeader } from '../shared/access.ts';
import { Deadline } from '../shared/deadline.tsx';
import { AppealStatusTag } from '../shared/tags.tsx';
import { AnswerModal } from './appeal-modals.tsx';
import { usePunishmentStep } from './use-punishment-step.ts';

const STEP_INDEX: Record<AppealDto['status'], number> = { submitted: 0, accepted: 1, reviewing: 2, upheld: 3, rejected: 3 };

function AppealCard({ a }: { a: AppealDto }) {
  const me = useCurrentUser();
  const t = useT();
  const [answering, setAnswering] = useState(false);
  const accept = usePunishmentStep(acceptAppeal, () => t('cards.appeal.acceptedDone', { id: a.id }));
  const review = usePunishmentStep(reviewAppeal, () => t('cards.appeal.reviewDone', { id: a.id }));
  const open = a.status === 'submitted' || a.status === 'accepted' || a.status === 'reviewing';
  const decided = a.status === 'upheld' || a.status === 'rejected';
  return (
    <Card size="small" className="fz-cd-appeal" data-testid={`appeal-${a.id}`} data-status={a.status}>
      <div className="fz-cd-card-line">
        <Space size={8} wrap>
          <Typography.Text strong>{t('cards.appeal.no', { id: a.id })}</Typography.Text>
          <AppealStatusTag status={a.status} />
          <Typography.Text type="secondary" className="fz-small">
            {t(a.submittedBy === 'partner' ? 'cards.appeal.byPartner' : 'cards.appeal.byStaff')} · {formatDateTime(a.submittedAt)}
          </Typography.Text>
        </Space>
        {open && <Deadline dueAt={a.dueAt} overdue={false} />}
      </div>
      <Steps
        size="small"
        className="fz-cd-steps"
        current={STEP_INDEX[a.status]}
        status={a.status === 'rejected' ? 'error' : a.status === 'upheld' ? 'finish' : 'process'}
        items={[
          { title: t('cards.appealStep.submitted') },
          { title: t('cards.appealStep.accepted') },
          { title: t('cards.appealStep.reviewing') },
          { title: decided ? t(`cards.appealStatus.${a.status === 'upheld' ? 'upheld' : 'rejected'}`) : t('cards.appealStep.answered') },
        ]}
      />
      <Typography.Paragraph className="fz-cd-appeal-text">
        <Typography.Text type="secondary">{t('cards.appeal.grounds')}{t('cards.colon')}</Typography.Text>
        {a.grounds}
      </Typography.Paragraph>
      {a.answer && (
        <Typography.Paragraph className="fz-cd-appeal-text" data-testid={`appeal-answer-${a.id}`}>
          <Typography.Text type="secondary">{t('cards.appeal.answerLine', { at: formatDateTime(a.decidedAt) })}</Typography.Text>
          {a.answer}
        </Typography.Paragraph>
      )}
      <Space size={8} wrap>
        {isCenterWorker(me.role) && a.status === 'submitted' && (
          <Button type="primary" loading={accept.isPending} onClick={() => accept.mutate(a.id)} data-testid={`appeal-accept-${a.id}`}>
            {t('cards.appeal.accept')}
          </Button>
        )}
        {isCenterWorker(me.role) && a.status === 'accepted' && (
          <Button type="primary" loading={review.isPending} onClick={() => review.mutate(a.id)} data-testid={`appeal-review-${a.id}`}>
            {t('cards.appeal.review')}
          </Button>
        )}
        {isLeader(me.role) && a.status === 'reviewing' && (
          <Button type="primary" onClick={() => setAnswering(true)} data-testid={`appeal-answer-open-${a.id}`}>
            {t('cards.appeal.answer')}
          </Button>
        )}
        {open && !isCenterWorker(me.role) && !(isLeader(me.role) && a.status === 'reviewing') && (
          <Typography.Text type="secondary" className="fz-small">
            {t(a.status === 'reviewing' ? 'cards.appeal.waitLeader' : 'cards.appeal.waitCenter')}
          </Typography.Text>
        )}
      </Space>
      {answering && <AnswerModal appeal={a} onClose={() => setAnswering(false)} />}
    </Card>
  );
}

/** The person's appeals against the measure, newest first, each with its steps and the next one's button. */
export function AppealsPanel({ p }: { p: PunishmentDetailDto }) {
  const t = useT();
  const appeals = [...p.appeals].reverse();
  return (
    <Card variant="borderless" size="small" title={t('cards.appeal.title', { n: p.appeals.length })} className="fz-gap-bottom" data-testid="appeals-panel">
      {appeals.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(p.status === 'active' ? 'cards.appeal.none' : 'cards.appeal.noneClosed')} />
      ) : (
        <div className="fz-cd-appeals">
          {appeals.map((a) => (
            <AppealCard key={a.id} a={a} />
          ))}
        </div>
      )}
    </Card>
  );
}
