import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Card, Empty, Pagination, Segmented, Spin, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { listAppeals, type AppealQueueItem, type AppealQueueQuery, type AppealSubject } from '../../../api/cards.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { hasTab, isPartner } from '../shared/access.ts';
import { AppealStepDeadline } from '../shared/appeal-card.tsx';
import { appealQueueKey } from '../shared/keys.ts';
import { APPEAL_SUBJECTS, appealSubjectLabel } from '../shared/labels.ts';
import { rowAttrs } from '../shared/row-attrs.ts';
import { AppealStatusTag, AppealSubjectTag, EscalatedTag } from '../shared/tags.tsx';

type View = 'open' | 'overdue' | 'all';
const VIEWS: readonly View[] = ['open', 'overdue', 'all'];
type Subject = AppealSubject | 'any';
const PAGE_SIZE = 20;

function readParams(p: URLSearchParams): { view: View; subject: Subject; page: number } {
  const v = p.get('view') ?? 'open';
  const s = p.get('subject') ?? 'any';
  return {
    view: (VIEWS as readonly string[]).includes(v) ? (v as View) : 'open',
    subject: (APPEAL_SUBJECTS as readonly string[]).includes(s) ? (s as AppealSubject) : 'any',
    page: Math.max(1, Number(p.get('page')) || 1),
  };
}

/** Where a queue row leads: the punishment (police roles) or the restriction; null where the caller cannot open it. */
function useSubjectPath() {
  const me = useCurrentUser();
  return (a: AppealQueueItem): string | null => {
    if (a.subject === 'punishment') return hasTab(me.role, 'punishments') ? `/cards/punishments/${a.subjectId}` : null;
    return hasTab(me.role, 'restrictions') ? `/cards/restrictions/${a.subjectId}` : null;
  };
}

/** Who brought the appeal in: a partner forwarding its customer's, the police for the person, or the institution itself. */
function submittedByLabel(a: AppealQueueItem): 'cards.appeal.byPartner' | 'cards.appeal.byStaff' | 'cards.rappeal.byInstitution' | 'cards.rappeal.byCenter' {
  if (a.subject === 'restriction') return a.submittedBy === 'partner' ? 'cards.rappeal.byInstitution' : 'cards.rappeal.byCenter';
  return a.submittedBy === 'partner' ? 'cards.appeal.byPartner' : 'cards.appeal.byStaff';
}

function StepDeadline({ a }: { a: AppealQueueItem }) {
  const t = useT();
  if (!a.stepDueAt) {
    return (
      <Typography.Text type="secondary" className="fz-nowrap" data-countdown="closed">
        {a.decidedAt ? t('cards.deadline.closed', { at: formatDateTime(a.decidedAt) }) : t('common.none')}
      </Typography.Text>
    );
  }
  return (
    <span className="fz-cd-stack">
      <AppealStepDeadline a={a} overdue={a.overdue} />
      <Typography.Text type="secondary" className="fz-small">
        {t(a.status === 'submitted' && a.stepDueAt !== a.dueAt ? 'cards.appeals.stepAccept' : 'cards.appeals.stepAnswer')}
      </Typography.Text>
    </span>
  );
}

function SubjectCell({ a, path }: { a: AppealQueueItem; path: string | null }) {
  return (
    <span className="fz-cd-stack">
      <AppealSubjectTag subject={a.subject} />
      {path ? (
        <Link to={path} onClick={(e) => e.stopPropagation()} className="fz-cd-mono" data-testid={`appeal-subject-${a.id}`}>
          {a.subjectNo}
        </Link>
      ) : (
        <span className="fz-cd-mono">{a.subjectNo}</span>
      )}
    </span>
  );
}

/**
 * The appeals queue: appeals against joint punishments and against partners' restrictions, by deadline.
 * The step each waits for (acceptance within 3 days, the answer within 15) counts down; past it, red, and
 * escalated once by the sweeper. A row opens the punishment or restriction, where the steps are taken.
 */
export function AppealsPage() {
  const me = useCurrentUser();
  const t = useT();
  const phone = usePhone();
  const navigate = useNavigate();
  const subjectPath = useSubjectPath();
  const [params, setParams] = useSearchParams();
  const { view, subject, page } = readParams(params);
  const query: AppealQueueQuery = {
    open: view === 'open' ? 'true' : undefined,
    overdue: view === 'overdue' ? 'true' : undefined,
    subject: subject === 'any' ? undefined : subject,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useQuery({ queryKey: appealQueueKey(query), queryFn: () => listAppeals(query), placeholderData: keepPreviousData, staleTime: 0, refetchInterval: 60_000 });
  const overdueQuery: AppealQueueQuery = { overdue: 'true', page: 1, pageSize: 1 };
  const overdue = useQuery({ queryKey: appealQueueKey(overdueQuery), queryFn: () => listAppeals(overdueQuery), refetchInterval: 60_000 });
  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const go = (next: { view?: View; subject?: Subject; page?: number }) => {
    const p = new URLSearchParams();
    const v = next.view ?? view;
    const s = next.subject ?? subject;
    if (v !== 'open') p.set('view', v);
    if (s !== 'any') p.set('subject', s);
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    setParams(p);
  };
  const open = (a: AppealQueueItem) => {
    const path = subjectPath(a);
    if (path) void navigate(path);
  };
  const partner = isPartner(me.role);
  const columns: TableColumnsType<AppealQueueItem> = [
    {
      key: 'id',
      title: t('cards.appeals.appeal'),
      render: (_v, a) => (
        <span className="fz-cd-stack">
          <Typography.Text strong>{t('cards.appeal.no', { id: a.id })}</Typography.Text>
          <span className="fz-cd-flags">
            <AppealStatusTag status={a.status} />
            {a.escalated && <EscalatedTag />}
          </span>
        </span>
      ),
    },
    { key: 'due', title: t('cards.appeals.deadline'), render: (_v, a) => <StepDeadline a={a} /> },
    { key: 'subject', title: t('cards.appeals.subject'), render: (_v, a) => <SubjectCell a={a} path={subjectPath(a)} /> },
    { key: 'person', title: t('cards.appeals.person'), render: (_v, a) => a.personName ?? t('common.none') },
    { key: 'holder', title: t('cards.appeals.holder'), dataIndex: 'holderOrgName' },
    {
      key: 'submitted',
      title: t('cards.appeals.submitted'),
      render: (_v, a) => (
        <span className="fz-cd-stack">
          <span>{formatDateTime(a.submittedAt)}</span>
          <Typography.Text type="secondary" className="fz-small">
            {t(submittedByLabel(a))}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'grounds',
      title: t('cards.appeal.grounds'),
      render: (_v, a) => (
        <Tooltip title={a.grounds}>
          <span className="fz-cd-ellipsis">{a.grounds}</span>
        </Tooltip>
      ),
    },
  ];
  const overdueCount = overdue.data?.total ?? 0;
  return (
    <Card variant="borderless" size="small" data-testid="appeal-queue" title={t('cards.appeals.title')}>
      <Typography.Paragraph type="secondary" className="fz-small">
        {t(partner ? 'cards.appeals.introPartner' : 'cards.appeals.introCenter')}
      </Typography.Paragraph>
      <div className="fz-filters">
        <Segmented<View>
          className="fz-cd-quick"
          value={view}
          onChange={(v) => go({ view: v })}
          options={VIEWS.map((v) => ({
            value: v,
            label: (
              <span data-testid={`appeals-view-${v}`}>
                {t(`cards.appeals.view.${v}`)}
                {v === 'overdue' && overdueCount > 0 && (
                  <>
                    {' '}
                    <Badge count={overdueCount} overflowCount={999} size="small" />
                  </>
                )}
              </span>
            ),
          }))}
        />
        <Segmented<Subject>
          className="fz-cd-quick"
          value={subject}
          onChange={(s) => go({ subject: s })}
          options={(['any', ...APPEAL_SUBJECTS] as const).map((s) => ({ value: s, label: <span data-testid={`appeals-subject-${s}`}>{s === 'any' ? t('cards.filter.all') : appealSubjectLabel(t, s)}</span> }))}
        />
      </div>
      {phone ? (
        <Spin spinning={list.isFetching && !list.data}>
          {rows.length === 0 && !list.isFetching ? (
            <Empty description={t('cards.appeals.empty')} />
          ) : (
            <div className="fz-cd-cards" data-testid="appeal-cards">
              {rows.map((a) => (
                <Card key={a.id} size="small" hoverable className="fz-cd-card" onClick={() => open(a)} data-testid={`appeal-row-${a.id}`} data-status={a.status} data-subject={a.subject}>
                  <div className="fz-cd-card-line">
                    <Typography.Text strong>{t('cards.appeal.no', { id: a.id })}</Typography.Text>
                    <StepDeadline a={a} />
                  </div>
                  <div className="fz-cd-card-line">
                    <span className="fz-cd-flags">
                      <AppealStatusTag status={a.status} />
                      {a.escalated && <EscalatedTag />}
                    </span>
                    <SubjectCell a={a} path={subjectPath(a)} />
                  </div>
                  <Typography.Text type="secondary" className="fz-small">
                    {a.personName ?? t('common.none')} · {a.holderOrgName} · {t(submittedByLabel(a))}
                  </Typography.Text>
                </Card>
              ))}
              {total > PAGE_SIZE && <Pagination simple current={page} pageSize={PAGE_SIZE} total={total} onChange={(p) => go({ page: p })} className="fz-cd-pager" />}
            </div>
          )}
        </Spin>
      ) : (
        <Table<AppealQueueItem>
          data-testid="appeal-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={list.isFetching && !list.data}
          className="fz-nowrap-table fz-cd-table"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('cards.appeals.empty') }}
          rowClassName={(a) => (a.overdue ? 'fz-cd-overdue' : '')}
          onRow={(a) => ({ onClick: () => open(a), ...rowAttrs({ 'data-testid': `appeal-row-${a.id}`, 'data-status': a.status, 'data-subject': a.subject, 'data-subject-no': a.subjectNo }) })}
          pagination={total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, showTotal: (n) => t('common.total', { n }), onChange: (p) => go({ page: p }) } : false}
        />
      )}
    </Card>
  );
}
