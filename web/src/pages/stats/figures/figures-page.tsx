import { SaveOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, InputNumber, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { OrgDto } from '../../../api/orgs.ts';
import { listReferenceFigures, putReferenceFigures, type ReferenceFigureDto, type ReferenceFigureIn, type ReferenceFigureKey } from '../../../api/outreach.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { errorText, showError, showSuccess } from '../../../lib/notify.ts';
import { rowAttrs } from '../../cards/shared/row-attrs.ts';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { useStatsT } from '../i18n/use-stats-t.ts';
import { canEditFigures } from '../shared/access.ts';
import { figuresKey, OUTREACH_KEY, STATS_KEY } from '../shared/keys.ts';
import { chinaToday } from '../shared/period.ts';
import { useStatUnits } from '../shared/units.ts';

const KEYS: readonly ReferenceFigureKey[] = ['criminal_cases', 'population_16_60', 'app_registered'];
/** Units figures are entered for (src/modules/stats/reference.ts); the statistics sum them over a subtree. */
const FIGURE_KINDS: ReadonlySet<OrgDto['kind']> = new Set(['county', 'station', 'township']);
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const cell = (orgCode: string, key: ReferenceFigureKey) => `${orgCode}|${key}`;

/**
 * The reference figures of the units directly below the caller's for one month (in the address), as a table
 * the center edits in place: criminal cases filed, the population aged 16–60 and the app registrations, with
 * the registration rate they make. Only the units one level down, so a subtree's sum counts each person once.
 */
export function FiguresPage() {
  const me = useCurrentUser();
  const t = useT();
  const st = useStatsT();
  const phone = usePhone();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const thisMonth = chinaToday().slice(0, 7);
  const asked = params.get('month') ?? '';
  const month = MONTH.test(asked) && asked <= thisMonth ? asked : thisMonth;
  const editable = canEditFigures(me.role);
  const { units: all } = useStatUnits();
  const units = useMemo(() => all.filter((u) => u.parentCode === me.orgCode && FIGURE_KINDS.has(u.kind)), [all, me.orgCode]);
  const figures = useQuery({ queryKey: figuresKey(month), queryFn: () => listReferenceFigures({ from: month, to: month }), placeholderData: keepPreviousData, meta: { handlesError: true } });
  const stored = useMemo(() => new Map((figures.data ?? []).filter((f) => f.month === month).map((f) => [cell(f.orgCode, f.key), f])), [figures.data, month]);
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  const valueOf = (orgCode: string, key: ReferenceFigureKey): number | null => {
    const c = cell(orgCode, key);
    return c in edits ? (edits[c] ?? null) : (stored.get(c)?.value ?? null);
  };
  const changed: ReferenceFigureIn[] = Object.entries(edits).flatMap(([c, v]) => {
    const [orgCode = '', key] = c.split('|') as [string, ReferenceFigureKey];
    return v !== null && v !== stored.get(c)?.value ? [{ orgCode, month, key, value: v }] : [];
  });
  const save = useMutation({
    mutationFn: () => putReferenceFigures(changed),
    onSuccess: async (out) => {
      showSuccess(st('stats.figures.saved', { n: out.stored }));
      setEdits({});
      await Promise.all([queryClient.invalidateQueries({ queryKey: STATS_KEY }), queryClient.invalidateQueries({ queryKey: OUTREACH_KEY })]);
    },
    onError: showError,
    meta: { handlesError: true },
  });
  const setMonth = (m: string) => {
    setEdits({});
    const next = new URLSearchParams(params);
    if (m === thisMonth) next.delete('month');
    else next.set('month', m);
    setParams(next);
  };
  const rate = (u: OrgDto) => {
    const pop = valueOf(u.code, 'population_16_60');
    const app = valueOf(u.code, 'app_registered');
    return pop && app !== null ? `${((app / pop) * 100).toFixed(2)}%` : t('common.none');
  };
  const lastEntered = (u: OrgDto) => {
    const latest = KEYS.map((k) => stored.get(cell(u.code, k))).filter((f): f is ReferenceFigureDto => f !== undefined).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    return latest ? `${formatDateTime(latest.updatedAt)}${latest.updatedBy ? ` · ${latest.updatedBy}` : ''}` : t('common.none');
  };
  const input = (u: OrgDto, key: ReferenceFigureKey) => {
    const v = valueOf(u.code, key);
    if (!editable) return <span className="fz-st-num" data-testid={`figure-${u.code}-${key}`}>{v === null ? t('common.none') : v.toLocaleString()}</span>;
    return (
      <InputNumber<number>
        min={0}
        max={1_000_000_000}
        precision={0}
        value={v}
        onChange={(x) => setEdits((e) => ({ ...e, [cell(u.code, key)]: typeof x === 'number' ? x : null }))}
        className="fz-st-figure-input"
        aria-label={`${u.name} ${st(`stats.figures.${key}`)}`}
        data-testid={`figure-${u.code}-${key}`}
      />
    );
  };
  const columns: TableColumnsType<OrgDto> = [
    { key: 'unit', title: st('stats.figures.unit'), dataIndex: 'name' },
    ...KEYS.map((k) => ({ key: k, title: st(`stats.figures.${k}`), render: (_v: unknown, u: OrgDto) => input(u, k) })),
    { key: 'rate', title: st('stats.figures.rate'), align: 'right', render: (_v, u) => <span data-testid={`figure-rate-${u.code}`}>{rate(u)}</span> },
    { key: 'updated', title: st('stats.figures.updated'), render: (_v, u) => <Typography.Text type="secondary" className="fz-small">{lastEntered(u)}</Typography.Text> },
  ];
  const settled = figures.isSuccess && !figures.isFetching && !figures.isPlaceholderData;

  return (
    <div className="fz-st-page" data-testid="stats-figures" data-month={month} data-settled={String(settled)} data-changed={changed.length}>
      <Card variant="borderless" size="small" title={st('stats.figures.title')}>
        <Typography.Paragraph type="secondary" className="fz-small">
          {st('stats.figures.intro')}
        </Typography.Paragraph>
        <div className="fz-filters">
          <DatePicker
            picker="month"
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            disabledDate={(d) => d.format('YYYY-MM') > thisMonth}
            allowClear={false}
            aria-label={st('stats.figures.month')}
            data-testid="figures-month-pick"
          />
          {editable && (
            <Button type="primary" icon={<SaveOutlined />} disabled={changed.length === 0} loading={save.isPending} onClick={() => save.mutate()} data-testid="figures-save">
              {st('stats.figures.save')}
            </Button>
          )}
        </div>
        {!editable && <Alert type="info" showIcon title={st('stats.figures.readOnly')} className="fz-gap-bottom" />}
        {figures.isError && <Alert type="error" showIcon title={st('stats.loadFailed')} description={errorText(figures.error)} className="fz-gap-bottom" />}
        {phone ? (
          units.length === 0 ? (
            <Empty description={st('stats.figures.empty')} />
          ) : (
            <div className="fz-st-cards" data-testid="figure-cards">
              {units.map((u) => (
                <Card key={u.code} size="small" className="fz-st-card" {...rowAttrs({ 'data-testid': `figure-row-${u.code}` })}>
                  <div className="fz-st-card-line">
                    <Typography.Text strong>{u.name}</Typography.Text>
                    <span data-testid={`figure-rate-${u.code}`}>{rate(u)}</span>
                  </div>
                  {KEYS.map((k) => (
                    <div key={k} className="fz-st-card-line">
                      <Typography.Text type="secondary">{st(`stats.figures.${k}`)}</Typography.Text>
                      {input(u, k)}
                    </div>
                  ))}
                </Card>
              ))}
            </div>
          )
        ) : (
          <Table<OrgDto>
            data-testid="figure-table"
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={units}
            loading={figures.isPending}
            className="fz-st-list"
            scroll={{ x: 'max-content' }}
            pagination={false}
            locale={{ emptyText: st('stats.figures.empty') }}
            onRow={(u) => rowAttrs({ 'data-testid': `figure-row-${u.code}` })}
          />
        )}
      </Card>
    </div>
  );
}
