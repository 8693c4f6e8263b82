import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Row, Segmented, Select, Space, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { fetchLetters } from '../../../api/liaison.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { kindLabel } from '../../../i18n/labels.ts';
import { serverDayjs } from '../../../lib/server-time.ts';
import { rowAttrs } from '../../cards/shared/row-attrs.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useLiaisonT } from '../i18n/use-liaison-t.ts';
import { canConvene, canSign, isPartner } from '../shared/access.ts';
import { lettersKey } from '../shared/keys.ts';
import { Stat } from '../shared/stat.tsx';
import { LetterStateTag, type LetterState } from '../shared/tags.tsx';
import { useMemberUnits } from '../shared/units.ts';
import { LetterDrawer } from './letter-drawer.tsx';
import { LetterModal } from './letter-modal.tsx';
import { letterRows, type LetterRow } from './letter-rows.ts';

type View = 'all' | LetterState;
const VIEWS: readonly View[] = ['all', 'none', 'issued', 'signed'];

/**
 * The responsibility letters (责任书) of a year: for the center a row per member unit, bank, operator and
 * county with where its letter stands (not sent, awaiting signature, signed) and the way to send, change or
 * record it; for a member unit, bank or operator its own letter to read and sign. `?year=` picks the year.
 */
export function LettersPage() {
  const me = useCurrentUser();
  const t = useT();
  const lt = useLiaisonT();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const thisYear = serverDayjs().year();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const v = params.get('view') ?? 'all';
  const view: View = (VIEWS as readonly string[]).includes(v) ? (v as View) : 'all';
  const partner = isPartner(me.role);
  const convenes = canConvene(me.role);
  const data = useQuery({ queryKey: lettersKey(year), queryFn: () => fetchLetters(year), placeholderData: keepPreviousData, staleTime: 0, meta: { handlesError: true } });
  const { units } = useMemberUnits();
  const all = useMemo(() => letterRows(units, data.data?.items ?? [], !partner), [units, data.data, partner]);
  const rows = view === 'all' ? all : all.filter((r) => r.state === view);
  const [issuing, setIssuing] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  // The rows come fresh after every change, so the dialogs follow them by unit.
  const issuingRow = all.find((r) => r.code === issuing) ?? null;
  const viewingRow = all.find((r) => r.code === viewing) ?? null;
  const count = (s: LetterState) => all.filter((r) => r.state === s).length;
  const setParam = (key: 'year' | 'view', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
  if (!years.includes(year)) years.push(year);

  const actions = (r: LetterRow) => (
    <Space size={4} wrap>
      {convenes && r.state !== 'signed' && (
        <Button size="small" type={r.state === 'none' ? 'primary' : 'default'} onClick={() => setIssuing(r.code)} data-testid={`letter-${r.state === 'none' ? 'issue' : 'edit'}-${r.code}`}>
          {lt(r.state === 'none' ? 'liaison.letter.issue' : 'liaison.letter.edit')}
        </Button>
      )}
      {canSign(me.role, r.letter) ? (
        <Button size="small" type={partner ? 'primary' : 'default'} onClick={() => setViewing(r.code)} data-testid={`letter-sign-${r.code}`}>
          {lt(partner ? 'liaison.letter.sign' : 'liaison.letter.record')}
        </Button>
      ) : (
        r.letter && (
          <Button size="small" type="link" onClick={() => setViewing(r.code)} data-testid={`letter-view-${r.code}`}>
            {lt('liaison.letter.view')}
          </Button>
        )
      )}
    </Space>
  );
  const columns: TableColumnsType<LetterRow> = [
    { key: 'unit', title: lt('liaison.letter.unit'), dataIndex: 'name' },
    ...(partner ? [] : [{ key: 'kind', title: lt('liaison.letter.kind'), render: (_v: unknown, r: LetterRow) => (r.kind ? kindLabel(t, r.kind) : t('common.none')) }]),
    { key: 'state', title: lt('liaison.letter.state'), render: (_v, r) => <LetterStateTag state={r.state} /> },
    { key: 'title', title: lt('liaison.letter.name'), render: (_v, r) => (r.letter ? <span className="fz-lx-ellipsis">{r.letter.title}</span> : t('common.none')) },
    { key: 'signedOn', title: lt('liaison.letter.signedOn'), render: (_v, r) => r.letter?.signedOn ?? t('common.none') },
    { key: 'signedBy', title: lt('liaison.letter.signedBy'), render: (_v, r) => r.letter?.signedBy ?? t('common.none') },
    { key: 'actions', title: t('common.actions'), fixed: 'end', render: (_v, r) => actions(r) },
  ];
  const attrs = (r: LetterRow) => ({ 'data-testid': `letter-row-${r.code}`, 'data-state': r.state });
  const emptyText = partner ? lt('liaison.letters.emptyUnit', { year }) : lt('liaison.letters.empty');
  return (
    <div data-testid="letters-page" data-year={year}>
      <Row gutter={[12, 12]} className="fz-lx-stats">
        <Col xs={8} md={6}>
          <Stat testId="letter-stat-signed" title={lt('liaison.letters.stat.signed')} value={data.data?.signed} tone="success" />
        </Col>
        <Col xs={8} md={6}>
          <Stat testId="letter-stat-issued" title={lt('liaison.letters.stat.issued')} value={data.data ? data.data.total - data.data.signed : undefined} />
        </Col>
        {!partner && (
          <Col xs={8} md={6}>
            <Stat testId="letter-stat-none" title={lt('liaison.letters.stat.none')} value={data.data ? count('none') : undefined} />
          </Col>
        )}
      </Row>
      <Card
        variant="borderless"
        size="small"
        title={lt('liaison.letters.title', { year })}
        data-testid="letter-list"
        data-fetching={data.isFetching ? 'true' : 'false'}
        extra={
          <Select<number>
            value={year}
            onChange={(y) => setParam('year', y === thisYear ? null : String(y))}
            options={years.sort((a, b) => b - a).map((y) => ({ value: y, label: String(y) }))}
            aria-label={lt('liaison.letters.year')}
            data-testid="letters-year"
            className="fz-lx-year"
          />
        }
      >
        <Typography.Paragraph type="secondary" className="fz-small">
          {lt(partner ? 'liaison.letters.hintUnit' : 'liaison.letters.hint')}
        </Typography.Paragraph>
        {!partner && (
          <div className="fz-lx-toolbar">
            <Segmented<View>
              value={view}
              onChange={(x) => setParam('view', x === 'all' ? null : x)}
              options={VIEWS.map((x) => ({ value: x, label: <span data-testid={`letters-view-${x}`}>{x === 'all' ? lt('liaison.tasks.view.all') : lt(`liaison.letter.state.${x}`)}</span> }))}
            />
          </div>
        )}
        {data.isError && <Alert type="error" showIcon title={lt('liaison.loadFailed')} className="fz-gap-bottom" />}
        {phone ? (
          <Spin spinning={data.isPending}>
            {!data.isPending && rows.length === 0 ? (
              <Empty description={emptyText} data-testid="letter-cards" />
            ) : (
              <div className="fz-lx-cards" data-testid="letter-cards">
                {rows.map((r) => (
                  <Card key={r.code} size="small" className="fz-lx-card" {...attrs(r)}>
                    <div className="fz-lx-card-line">
                      <Typography.Text strong>{r.name}</Typography.Text>
                      <LetterStateTag state={r.state} />
                    </div>
                    {r.letter && <Typography.Text>{r.letter.title}</Typography.Text>}
                    {r.letter?.signedOn && <Typography.Text type="secondary">{lt('liaison.letter.signedLine', { on: r.letter.signedOn, by: r.letter.signedBy ?? '' })}</Typography.Text>}
                    {actions(r)}
                  </Card>
                ))}
              </div>
            )}
          </Spin>
        ) : (
          <Table<LetterRow>
            data-testid="letter-table"
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={data.isPending}
            className="fz-nowrap-table"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText }}
            onRow={(r) => rowAttrs(attrs(r))}
            pagination={rows.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
          />
        )}
      </Card>
      {issuingRow && <LetterModal row={issuingRow} year={year} onClose={() => setIssuing(null)} />}
      {viewingRow && <LetterDrawer row={viewingRow} onClose={() => setViewing(null)} />}
    </div>
  );
}
