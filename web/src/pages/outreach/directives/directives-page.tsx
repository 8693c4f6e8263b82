import { SendOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Segmented, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { listDirectives, type DirectiveDetailDto, type DirectiveDto, type DirectiveKind } from '../../../api/outreach.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { fraudTypeLabel } from '../../cases/shared/labels.ts';
import { rowAttrs } from '../../cards/shared/row-attrs.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useOutreachT } from '../i18n/use-outreach-t.ts';
import { answersDirectives, canIssue, seesProposals } from '../shared/access.ts';
import { directiveListKey } from '../shared/keys.ts';
import { AudienceTag, DirectiveKindTag } from '../shared/tags.tsx';
import type { ProposalBasis } from './compose.ts';
import { DueCell, ProgressCell } from './directive-cells.tsx';
import { DirectiveDrawer } from './directive-drawer.tsx';
import { IssueDirectiveModal } from './issue-modal.tsx';
import { ProposalsPanel } from './proposals-panel.tsx';

type View = 'open' | 'all';
const VIEWS: readonly View[] = ['open', 'all'];
/** The server lists up to 200 a call: a year of a city's directives fits. */
const LIMIT = 200;

/**
 * Directives (日常/精准宣防指令): for the center the proposals from the statistics, the ones it issued with
 * how many units reported back, and the form to issue one; for a station or member unit the ones addressed
 * to it, each with the way to report back. `?id=` opens one; `?view=all` lists the answered ones too.
 */
export function DirectivesPage() {
  const me = useCurrentUser();
  const t = useT();
  const ot = useOutreachT();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'all' ? 'all' : 'open';
  const openId = Number(params.get('id')) || null;
  const [issuing, setIssuing] = useState<{ proposal?: ProposalBasis } | null>(null);
  const query = { open: view === 'open' ? ('true' as const) : undefined, limit: LIMIT };
  const list = useQuery({ queryKey: directiveListKey(query), queryFn: () => listDirectives(query), placeholderData: keepPreviousData, staleTime: 0, meta: { handlesError: true } });
  const answers = answersDirectives(me.role);
  const setParam = (key: 'view' | 'id', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };
  const open = (d: Pick<DirectiveDto, 'id'>) => setParam('id', String(d.id));
  const rows = list.data ?? [];
  const loading = list.isFetching && !list.data;
  const what = (d: DirectiveDto) => (
    <span className="fz-or-flags">
      {d.fraudType && <Typography.Text>{fraudTypeLabel(t, d.fraudType)}</Typography.Text>}
      {d.audience && <AudienceTag audience={d.audience} />}
      {!d.fraudType && !d.audience && t('common.none')}
    </span>
  );
  const columns: TableColumnsType<DirectiveDto> = [
    {
      key: 'no',
      title: ot('outreach.directive.no'),
      render: (_v, d) => (
        <Button
          type="link"
          className="fz-or-link fz-or-mono"
          onClick={(e) => {
            e.stopPropagation();
            open(d);
          }}
          data-testid={`directive-open-${d.id}`}
        >
          {d.directiveNo}
        </Button>
      ),
    },
    { key: 'kind', title: ot('outreach.directive.kindLabel'), dataIndex: 'kind', render: (k: DirectiveKind) => <DirectiveKindTag kind={k} /> },
    { key: 'title', title: ot('outreach.directive.title'), render: (_v, d) => <span className="fz-or-ellipsis">{d.title}</span> },
    ...(answers ? [{ key: 'from', title: ot('outreach.directive.from'), dataIndex: 'fromOrgName' }] : []),
    { key: 'what', title: ot('outreach.directive.focus'), render: (_v, d) => what(d) },
    { key: 'issued', title: ot('outreach.directive.issuedAt'), dataIndex: 'issuedAt', render: (x: string) => formatDateTime(x) },
    { key: 'due', title: ot('outreach.directive.dueAt'), render: (_v, d) => <DueCell d={d} /> },
    { key: 'progress', title: ot('outreach.directive.progress'), render: (_v, d) => <ProgressCell d={d} /> },
    ...(answers
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: 'end' as const,
            render: (_v: unknown, d: DirectiveDto) =>
              d.done < d.targets ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={(e) => {
                    e.stopPropagation();
                    open(d);
                  }}
                  data-testid={`directive-handle-${d.id}`}
                >
                  {ot('outreach.directive.handle')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <div data-testid="directives-page">
      {seesProposals(me.role) && <ProposalsPanel onIssue={(proposal) => setIssuing({ proposal })} />}
      <Card
        variant="borderless"
        size="small"
        data-testid="directive-list"
        title={ot(answers ? 'outreach.directives.titleReceived' : 'outreach.directives.title')}
        extra={
          canIssue(me.role) && (
            <Button type="primary" icon={<SendOutlined />} onClick={() => setIssuing({})} data-testid="directive-new">
              {ot('outreach.directive.issueTitle')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" className="fz-small">
          {ot(answers ? 'outreach.directives.introUnit' : 'outreach.directives.introCenter')}
        </Typography.Paragraph>
        <Segmented<View>
          className="fz-gap-bottom"
          value={view}
          onChange={(x) => setParam('view', x === 'open' ? null : x)}
          options={VIEWS.map((x) => ({ value: x, label: <span data-testid={`directives-view-${x}`}>{ot(`outreach.directives.view.${x}`)}</span> }))}
        />
        {list.isError && <Alert type="error" showIcon title={ot('outreach.loadFailed')} className="fz-gap-bottom" />}
        {phone ? (
          <Spin spinning={loading}>
            {rows.length === 0 && !loading ? (
              <Empty description={ot(view === 'open' ? 'outreach.directives.emptyOpen' : 'outreach.directives.empty')} data-testid="directive-cards" />
            ) : (
              <div className="fz-or-cards" data-testid="directive-cards">
                {rows.map((d) => (
                  <Card
                    key={d.id}
                    size="small"
                    hoverable
                    className="fz-or-card"
                    onClick={() => open(d)}
                    data-testid={`directive-row-${d.id}`}
                    data-directive-no={d.directiveNo}
                    data-done={d.done}
                    data-targets={d.targets}
                  >
                    <div className="fz-or-card-line">
                      <Typography.Text strong className="fz-or-mono">
                        {d.directiveNo}
                      </Typography.Text>
                      <DirectiveKindTag kind={d.kind} />
                    </div>
                    <Typography.Text>{d.title}</Typography.Text>
                    <div className="fz-or-card-line">
                      <DueCell d={d} />
                      <ProgressCell d={d} />
                    </div>
                  </Card>
                ))}
              </div>
            )}
          </Spin>
        ) : (
          <Table<DirectiveDto>
            data-testid="directive-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={loading}
            className="fz-nowrap-table fz-or-table"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: ot(view === 'open' ? 'outreach.directives.emptyOpen' : 'outreach.directives.empty') }}
            rowClassName={(d) => (d.overdue ? 'fz-or-overdue-row' : '')}
            onRow={(d) => ({
              onClick: () => open(d),
              ...rowAttrs({ 'data-testid': `directive-row-${d.id}`, 'data-directive-no': d.directiveNo, 'data-done': d.done, 'data-targets': d.targets, 'data-overdue': d.overdue ? 'true' : 'false' }),
            })}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) } : false}
          />
        )}
      </Card>
      {openId && <DirectiveDrawer id={openId} onClose={() => setParam('id', null)} />}
      {issuing && (
        <IssueDirectiveModal
          proposal={issuing.proposal}
          onClose={() => setIssuing(null)}
          onIssued={(d: DirectiveDetailDto) => {
            setIssuing(null);
            open(d);
          }}
        />
      )}
    </div>
  );
}
