import { Button, Card, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { acceptAppeal, reviewAppeal, type AppealDto, type PunishmentDetailDto } from '../../../api/cards.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { isCenterWorker, isLeader } from '../shared/access.ts';
import { AppealCard, isOpenAppeal } from '../shared/appeal-card.tsx';
import { AnswerModal } from './appeal-modals.tsx';
import { usePunishmentStep } from './use-punishment-step.ts';

/** The center's steps on an appeal against a punishment: accept and review (analysts), answer (a leader). */
function PunishmentAppeal({ a }: { a: AppealDto }) {
  const me = useCurrentUser();
  const t = useT();
  const [answering, setAnswering] = useState(false);
  const accept = usePunishmentStep(acceptAppeal, () => t('cards.appeal.acceptedDone', { id: a.id }));
  const review = usePunishmentStep(reviewAppeal, () => t('cards.appeal.reviewDone', { id: a.id }));
  const open = isOpenAppeal(a.status);
  return (
    <AppealCard a={a}>
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
    </AppealCard>
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
            <PunishmentAppeal key={a.id} a={a} />
          ))}
        </div>
      )}
    </Card>
  );
}
