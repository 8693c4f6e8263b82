import { SendOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { fetchProposals, listDirectives, type DirectiveDto, type OutreachAudience, type ProposalDto } from '../../../api/outreach.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { fraudTypeLabel } from '../../cases/shared/labels.ts';
import { rowAttrs } from '../../cards/shared/row-attrs.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useOutreachT } from '../i18n/use-outreach-t.ts';
import { canIssue } from '../shared/access.ts';
import { directiveListKey, PROPOSALS_KEY } from '../shared/keys.ts';
import { AudienceTag } from '../shared/tags.tsx';
import { basisOf, readBasis, type ProposalBasis } from './compose.ts';

const keyOf = (p: Pick<ProposalDto, 'orgCode' | 'fraudType'>) => `${p.orgCode}-${p.fraudType}`;

/**
 * Precision directives proposed from the statistics: the units below where a fraud type rose over the last
 * four weeks against the four before, and the group their victims mostly were. The center issues one with a
 * click (the form comes pre-filled); one already issued on the same figures says so.
 */
export function ProposalsPanel({ onIssue }: { onIssue: (b: ProposalBasis) => void }) {
  const me = useCurrentUser();
  const t = useT();
  const ot = useOutreachT();
  const phone = usePhone();
  const data = useQuery({ queryKey: PROPOSALS_KEY, queryFn: () => fetchProposals(), meta: { handlesError: true } });
  const allQuery = { limit: 200 };
  const directives = useQuery({ queryKey: directiveListKey(allQuery), queryFn: () => listDirectives(allQuery), meta: { handlesError: true } });
  // A precision directive issued from the same unit and type since the recent span began.
  const issued = useMemo(() => {
    const since = data.data?.recent.firstDay ?? '';
    const out = new Map<string, DirectiveDto>();
    for (const d of directives.data ?? []) {
      const b = readBasis(d.basis);
      if (d.kind === 'precision' && b && d.issuedAt.slice(0, 10) >= since && !out.has(keyOf(b))) out.set(keyOf(b), d);
    }
    return out;
  }, [directives.data, data.data]);
  const items = data.data?.items ?? [];
  const issue = (p: ProposalDto) => data.data && onIssue(basisOf(p, data.data));
  const action = (p: ProposalDto) => {
    const done = issued.get(keyOf(p));
    if (done)
      return (
        <Tag color="green" data-testid={`proposal-issued-${keyOf(p)}`}>
          {ot('outreach.proposal.issued', { no: done.directiveNo })}
        </Tag>
      );
    return canIssue(me.role) ? (
      <Button size="small" type="primary" icon={<SendOutlined />} onClick={() => issue(p)} data-testid={`proposal-issue-${keyOf(p)}`}>
        {ot('outreach.proposal.issue')}
      </Button>
    ) : null;
  };
  const ratio = (p: ProposalDto) => (p.ratio === null ? ot('outreach.proposal.new') : `×${p.ratio}`);
  const columns: TableColumnsType<ProposalDto> = [
    { key: 'unit', title: ot('outreach.proposal.unit'), dataIndex: 'orgName' },
    { key: 'type', title: ot('outreach.proposal.type'), dataIndex: 'fraudType', render: (v: string) => fraudTypeLabel(t, v) },
    { key: 'recent', title: ot('outreach.proposal.recent'), dataIndex: 'recent', align: 'right' },
    { key: 'before', title: ot('outreach.proposal.before'), dataIndex: 'before', align: 'right' },
    { key: 'ratio', title: ot('outreach.proposal.ratio'), render: (_v, p) => ratio(p) },
    { key: 'audience', title: ot('outreach.proposal.audience'), dataIndex: 'audience', render: (v: OutreachAudience) => <AudienceTag audience={v} /> },
    { key: 'action', title: t('common.actions'), render: (_v, p) => action(p) },
  ];
  const spans = data.data;
  return (
    <Card variant="borderless" size="small" title={ot('outreach.proposals.title')} data-testid="proposals" data-count={data.data ? items.length : ''} className="fz-gap-bottom">
      <Typography.Paragraph type="secondary" className="fz-small">
        {spans ? ot('outreach.proposals.hint', { rf: spans.recent.firstDay, rl: spans.recent.lastDay, bf: spans.before.firstDay, bl: spans.before.lastDay }) : '\u00a0'}
      </Typography.Paragraph>
      {data.isError && <Alert type="error" showIcon title={ot('outreach.loadFailed')} />}
      {phone ? (
        <Spin spinning={data.isPending}>
          {!data.isPending && items.length === 0 ? (
            <Empty description={ot('outreach.proposals.empty')} />
          ) : (
            <div className="fz-or-cards">
              {items.map((p) => (
                <Card key={keyOf(p)} size="small" className="fz-or-card" data-testid={`proposal-${keyOf(p)}`}>
                  <div className="fz-or-card-line">
                    <Typography.Text strong>
                      {p.orgName} · {fraudTypeLabel(t, p.fraudType)}
                    </Typography.Text>
                    <AudienceTag audience={p.audience} />
                  </div>
                  <div className="fz-or-card-line">
                    <span>{ot('outreach.proposal.line', { recent: p.recent, before: p.before, ratio: ratio(p) })}</span>
                    {action(p)}
                  </div>
                </Card>
              ))}
            </div>
          )}
        </Spin>
      ) : (
        <Table<ProposalDto>
          rowKey={keyOf}
          size="small"
          columns={columns}
          dataSource={items}
          loading={data.isPending}
          pagination={false}
          className="fz-nowrap-table"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: ot('outreach.proposals.empty') }}
          onRow={(p) => rowAttrs({ 'data-testid': `proposal-${keyOf(p)}` })}
        />
      )}
    </Card>
  );
}
