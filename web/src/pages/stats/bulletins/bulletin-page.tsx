import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/problem.ts';
import { editBulletin, getBulletin, publishBulletin, type BulletinDto } from '../../../api/stats.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { errorText, showError, showSuccess } from '../../../lib/notify.ts';
import { fraudTypeLabel } from '../../cases/shared/labels.ts';
import { useStatsT } from '../i18n/use-stats-t.ts';
import { canDraftBulletin, canPublishBulletin } from '../shared/access.ts';
import { BULLETIN_LISTS_KEY, bulletinKey } from '../shared/keys.ts';
import { BulletinStatusTag } from './bulletin-tags.tsx';
import { joinSections, splitSections, type Section } from './sections.ts';
import { storeAnswer } from '../../../lib/store-answer.ts';

const yuan = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** What the draft was made from: the headline figures, the types that rose, the new phrases, the costliest cases. */
function Basis({ b }: { b: BulletinDto }) {
  const t = useT();
  const st = useStatsT();
  const none = st('stats.bulletins.basis.none');
  const rising = (b.basis.types ?? []).filter((x) => x.rising);
  const terms = b.basis.terms ?? [];
  const typical = b.basis.typical ?? [];
  return (
    <Card variant="borderless" size="small" title={st('stats.bulletins.basis')} data-testid="bulletin-basis">
      <div className="fz-st-basis-head">
        <Typography.Text strong data-testid="bulletin-basis-cases">
          {st('stats.bulletins.basis.cases', { n: b.basis.cases ?? 0 })}
        </Typography.Text>
        <Typography.Text strong>{st('stats.bulletins.basis.loss', { v: yuan(b.basis.loss ?? 0) })}</Typography.Text>
      </div>
      <Typography.Text type="secondary" className="fz-st-section-heading">
        {st('stats.bulletins.basis.rising')}
      </Typography.Text>
      <ul className="fz-st-basis">
        {rising.length ? rising.map((x) => <li key={x.type}>{st('stats.bulletins.basis.risingItem', { type: fraudTypeLabel(t, x.type), n: x.n, previous: x.previous })}</li>) : <li>{none}</li>}
      </ul>
      <Typography.Text type="secondary" className="fz-st-section-heading">
        {st('stats.bulletins.basis.terms')}
      </Typography.Text>
      <ul className="fz-st-basis" data-testid="bulletin-basis-terms">
        {terms.length ? terms.map((x) => <li key={x.term}>{st('stats.bulletins.basis.termItem', { term: x.term, recent: x.recent, earlier: x.earlier })}</li>) : <li>{none}</li>}
      </ul>
      <Typography.Text type="secondary" className="fz-st-section-heading">
        {st('stats.bulletins.basis.typical')}
      </Typography.Text>
      <ul className="fz-st-basis">
        {typical.length ? typical.map((x, i) => <li key={i}>{st('stats.bulletins.basis.typicalItem', { type: fraudTypeLabel(t, x.type), v: yuan(x.loss) })}</li>) : <li>{none}</li>}
      </ul>
    </Card>
  );
}

/** The bulletin as it reads (published, or a draft the caller may not edit). */
function Reading({ b }: { b: BulletinDto }) {
  return (
    <Card variant="borderless" size="small" data-testid="bulletin-reading">
      <Typography.Title level={5} data-testid="bulletin-title">
        {b.title}
      </Typography.Title>
      <div className="fz-st-bulletin-text" data-testid="bulletin-body">
        {b.body}
      </div>
    </Card>
  );
}

interface Draft {
  title: string;
  sections: Section[];
}

/**
 * The editor of a draft: the title and each section's text (the headings stay), saved with PATCH; publishing
 * asks first, saves any change, and sends the bulletin to the units below.
 */
function Editor({ b, canEdit, canPublish }: { b: BulletinDto; canEdit: boolean; canPublish: boolean }) {
  const t = useT();
  const st = useStatsT();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const initial = useMemo<Draft>(() => ({ title: b.title, sections: splitSections(b.body) }), [b.title, b.body]);
  const [draft, setDraft] = useState<Draft>(initial);
  const body = joinSections(draft.sections);
  const dirty = draft.title.trim() !== b.title || body !== b.body;
  const problem = draft.title.trim().length < 4 ? st('stats.bulletins.titleShort') : body.length < 10 ? st('stats.bulletins.tooShort') : null;
  const stored = async (next: BulletinDto) => {
    await storeAnswer(queryClient, bulletinKey(next.id), next);
    await queryClient.invalidateQueries({ queryKey: BULLETIN_LISTS_KEY });
  };
  const changes = () => ({ ...(draft.title.trim() !== b.title ? { title: draft.title.trim() } : {}), ...(body !== b.body ? { body } : {}) });
  const save = useMutation({
    mutationFn: () => editBulletin(b.id, changes()),
    onSuccess: async (next) => {
      showSuccess(st('stats.bulletins.saved'));
      await stored(next);
    },
    onError: showError,
    meta: { handlesError: true },
  });
  const publish = useMutation({
    mutationFn: async () => {
      if (dirty) await editBulletin(b.id, changes());
      return publishBulletin(b.id);
    },
    onSuccess: async (next) => {
      showSuccess(st('stats.bulletins.published'));
      await stored(next);
    },
    onError: showError,
    meta: { handlesError: true },
  });
  const confirmPublish = () =>
    modal.confirm({
      title: st('stats.bulletins.publish'),
      content: (
        <div data-testid="bulletin-publish-confirm">
          {st('stats.bulletins.publishConfirm')}
          {dirty && canEdit && <div className="fz-small">{st('stats.bulletins.publishUnsaved')}</div>}
        </div>
      ),
      okText: st('stats.bulletins.publish'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'bulletin-publish-ok' },
      onOk: () => publish.mutateAsync().catch(() => undefined),
    });
  const setSection = (i: number, text: string) => setDraft((d) => ({ ...d, sections: d.sections.map((s, k) => (k === i ? { ...s, text } : s)) }));

  return (
    <Card variant="borderless" size="small" data-testid="bulletin-editor" data-dirty={String(dirty)}>
      {canEdit ? (
        <>
          <Typography.Text strong className="fz-st-section-heading">
            {st('stats.bulletins.titleLabel')}
          </Typography.Text>
          <Input value={draft.title} maxLength={200} onChange={(e) => setDraft((d) => ({ ...d, title: e.target.value }))} className="fz-gap-bottom" data-testid="bulletin-title-input" />
          {draft.sections.map((s, i) => (
            <div key={`${i}-${s.heading}`} className="fz-st-section" data-testid={`bulletin-section-${i}`} data-heading={s.heading}>
              <Typography.Text strong className="fz-st-section-heading">
                {s.heading || st('stats.bulletins.preamble')}
              </Typography.Text>
              <Input.TextArea value={s.text} autoSize={{ minRows: 2, maxRows: 14 }} placeholder={st('stats.bulletins.sectionPlaceholder')} onChange={(e) => setSection(i, e.target.value)} data-testid={`bulletin-section-text-${i}`} />
            </div>
          ))}
        </>
      ) : (
        <Reading b={b} />
      )}
      {problem && canEdit && <Alert type="warning" showIcon title={problem} className="fz-gap-bottom" />}
      <div className="fz-st-bulletin-bar">
        <Typography.Text type="secondary" className="fz-small">
          {dirty ? st('stats.bulletins.unsaved') : ''}
        </Typography.Text>
        <Space wrap>
          {canEdit && (
            <Button icon={<SaveOutlined />} disabled={!dirty || problem !== null} loading={save.isPending} onClick={() => save.mutate()} data-testid="bulletin-save">
              {st('stats.bulletins.save')}
            </Button>
          )}
          {canPublish && (
            <Button type="primary" icon={<SendOutlined />} disabled={canEdit && problem !== null} loading={publish.isPending} onClick={confirmPublish} data-testid="bulletin-publish">
              {st('stats.bulletins.publish')}
            </Button>
          )}
        </Space>
      </div>
    </Card>
  );
}

/**
 * One bulletin: a draft in the editor for the center (sections, save, publish after a confirmation), or as
 * it went out once published, and for the units it went out to.
 */
export function BulletinPage() {
  const me = useCurrentUser();
  const st = useStatsT();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const q = useQuery({ queryKey: bulletinKey(id), queryFn: () => getBulletin(id), enabled: valid, retry: (n, err) => !(err instanceof ApiError && err.status === 404) && n < 2, meta: { handlesError: true } });
  const b = q.data;
  const missing = !valid || (q.error instanceof ApiError && q.error.status === 404);
  const back = (
    <Link to="/stats/bulletins" data-testid="bulletin-back">
      <ArrowLeftOutlined /> {st('stats.bulletins.back')}
    </Link>
  );
  if (missing) return <Alert type="warning" showIcon title={st('stats.bulletins.notFound')} description={back} data-testid="bulletin-missing" />;
  if (q.error) return <Alert type="error" showIcon title={st('stats.loadFailed')} description={errorText(q.error)} data-testid="stats-error" />;
  if (!b) return <Skeleton active paragraph={{ rows: 8 }} />;
  const draft = b.status === 'draft';
  const canEdit = draft && canDraftBulletin(me.role);
  const canPublish = draft && canPublishBulletin(me.role);
  return (
    <div className="fz-st-page" data-testid="stats-bulletin" data-id={b.id} data-status={b.status}>
      <Card variant="borderless" size="small">
        <div className="fz-st-bulletin-bar">
          {back}
          <Space wrap size={[8, 4]}>
            <BulletinStatusTag status={b.status} />
            <Typography.Text type="secondary" className="fz-small">
              {b.orgName} · {st('stats.reports.periodLine', { from: b.firstDay, to: b.lastDay })}
            </Typography.Text>
            <Typography.Text type="secondary" className="fz-small">
              {st('stats.bulletins.draftBy', { by: b.createdBy ?? st('stats.bulletins.system'), at: formatDateTime(b.createdAt) })}
            </Typography.Text>
            {b.publishedAt && (
              <Typography.Text type="secondary" className="fz-small" data-testid="bulletin-published-line">
                {st('stats.bulletins.publishedBy', { by: b.publishedBy ?? st('stats.bulletins.system'), at: formatDateTime(b.publishedAt) })}
              </Typography.Text>
            )}
          </Space>
        </div>
      </Card>
      {!draft && <Alert type="info" showIcon title={st('stats.bulletins.readOnly')} data-testid="bulletin-read-only" />}
      {canEdit || canPublish ? <Editor key={`${b.id}|${b.title}|${b.body}`} b={b} canEdit={canEdit} canPublish={canPublish} /> : <Reading b={b} />}
      <Basis b={b} />
    </div>
  );
}
