import { Card, Space, Steps, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { AppealDto, AppealStatus, AppealSubject } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { Deadline } from './deadline.tsx';
import { AppealStatusTag } from './tags.tsx';

const STEP_INDEX: Record<AppealStatus, number> = { submitted: 0, accepted: 1, reviewing: 2, upheld: 3, rejected: 3 };

export const isOpenAppeal = (status: AppealStatus): boolean => status === 'submitted' || status === 'accepted' || status === 'reviewing';

/**
 * The deadline the appeal waits for (APPEAL_DAYS and ACCEPT_DAYS in src/modules/cards/appeal-steps.ts):
 * acceptance within 3 days while it is submitted, the answer within 15 after. Null once decided.
 */
export function stepDeadline(a: Pick<AppealDto, 'status' | 'acceptDueAt' | 'dueAt'>): { dueAt: string; step: 'accept' | 'answer' } | null {
  if (!isOpenAppeal(a.status)) return null;
  if (a.status === 'submitted' && a.acceptDueAt && a.acceptDueAt < a.dueAt) return { dueAt: a.acceptDueAt, step: 'accept' };
  return { dueAt: a.dueAt, step: 'answer' };
}

/** The countdown of the step the appeal waits for, named in its tooltip. */
export function AppealStepDeadline({ a, overdue = false, testId }: { a: Pick<AppealDto, 'status' | 'acceptDueAt' | 'dueAt'>; overdue?: boolean; testId?: string }) {
  const t = useT();
  const step = stepDeadline(a);
  if (!step) return null;
  return <Deadline dueAt={step.dueAt} overdue={overdue} tip={t(step.step === 'accept' ? 'cards.appeal.acceptDue' : 'cards.appeal.answerDue', { at: formatDateTime(step.dueAt) })} testId={testId} />;
}

/**
 * One appeal against a punishment or a restriction: who brought it and when, the countdown of its current
 * step, both deadlines, the four steps, the grounds and the answer; `children` are the next step's buttons.
 */
export function AppealCard({ a, subject = 'punishment', children }: { a: AppealDto; subject?: AppealSubject; children?: ReactNode }) {
  const t = useT();
  // A partner forwards a customer's appeal against a punishment, but records one against its own restriction.
  const by =
    subject === 'punishment' ? (a.submittedBy === 'partner' ? 'cards.appeal.byPartner' : 'cards.appeal.byStaff') : a.submittedBy === 'partner' ? 'cards.rappeal.byInstitution' : 'cards.rappeal.byCenter';
  const decided = a.status === 'upheld' || a.status === 'rejected';
  return (
    <Card size="small" className="fz-cd-appeal" data-testid={`appeal-${a.id}`} data-status={a.status}>
      <div className="fz-cd-card-line">
        <Space size={8} wrap>
          <Typography.Text strong>{t('cards.appeal.no', { id: a.id })}</Typography.Text>
          <AppealStatusTag status={a.status} />
          <Typography.Text type="secondary" className="fz-small">
            {t(by)} · {formatDateTime(a.submittedAt)}
          </Typography.Text>
        </Space>
        <AppealStepDeadline a={a} testId={`appeal-deadline-${a.id}`} />
      </div>
      <Typography.Text type="secondary" className="fz-small" data-testid={`appeal-dues-${a.id}`}>
        {a.acceptDueAt && `${t('cards.appeal.acceptDue', { at: formatDateTime(a.acceptDueAt) })} · `}
        {t('cards.appeal.answerDue', { at: formatDateTime(a.dueAt) })}
      </Typography.Text>
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
        <Typography.Text type="secondary">
          {t('cards.appeal.grounds')}
          {t('cards.colon')}
        </Typography.Text>
        {a.grounds}
      </Typography.Paragraph>
      {a.answer && (
        <Typography.Paragraph className="fz-cd-appeal-text" data-testid={`appeal-answer-${a.id}`}>
          <Typography.Text type="secondary">{t('cards.appeal.answerLine', { at: formatDateTime(a.decidedAt) })}</Typography.Text>
          {a.answer}
        </Typography.Paragraph>
      )}
      {children}
    </Card>
  );
}
