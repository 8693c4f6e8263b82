import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Checkbox, Input, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { RULE_IDS } from '../../../../../src/engines/risk/config.ts';
import { listAlerts, type AlertDecision, type AlertDto, type AlertQuery, type AlertStatusFilter, type RuleId } from '../../../api/risk.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { usePhone } from '../../warnings/shared/use-phone.ts';
import { readsRules } from './access.ts';
import { AlertCards } from './alert-cards.tsx';
import { AlertDrawer } from './alert-drawer.tsx';
import { AlertTable } from './alert-table.tsx';
import { alertsKey } from './keys.ts';
import { alertStatusLabel, decisionLabel, ruleLabel } from './labels.ts';

/** While the live stream is down the queue asks again this often; with it, slowly (the stream only says "something"). */
const POLL_MS = 10_000;
const SLOW_MS = 60_000;
const PAGE_SIZE = 20;

type StatusChoice = AlertStatusFilter | 'all';
const STATUS_CHOICES: readonly StatusChoice[] = ['all', 'open', 'escalated', 'confirmed_mule', 'false_positive', 'stop_payment_requested', 'decided'];
const DECISIONS: readonly AlertDecision[] = ['review', 'hold', 'block'];

/**
 * Alerts that arrived while the page was open (for the same filters and page), marked 新 until it closes: the
 * first load is what was already there, anything after it is new.
 */
function useFresh(items: AlertDto[] | undefined, view: string): ReadonlySet<number> {
  const seen = useRef<{ view: string; ids: Set<number> } | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(() => new Set());
  useEffect(() => {
    if (!items) return;
    const known = seen.current;
    if (known === null || known.view !== view) {
      seen.current = { view, ids: new Set(items.map((i) => i.id)) };
      return;
    }
    const arrived = items.filter((i) => !known.ids.has(i.id)).map((i) => i.id);
    for (const id of arrived) known.ids.add(id);
    if (arrived.length) setFresh((s) => new Set([...arrived, ...s]));
  }, [items, view]);
  return fresh;
}

/** The alert queue: filters in the address (so a view can be shared), a table or phone cards, the alert in a drawer. */
export function AlertsPage({ live }: { live: boolean }) {
  const me = useCurrentUser();
  const t = useT();
  const phone = usePhone();
  const bank = me.role === 'bank_liaison';
  const [params, setParams] = useSearchParams();
  const [accountText, setAccountText] = useState(params.get('account') ?? '');

  // A bank works what waits for it; the center looks over everything (escalations are one filter away).
  const defaultStatus: StatusChoice = bank ? 'open' : 'all';
  const rawStatus = params.get('status') ?? defaultStatus;
  const status = (STATUS_CHOICES as readonly string[]).includes(rawStatus) ? (rawStatus as StatusChoice) : defaultStatus;
  const rawDecision = params.get('decision') ?? '';
  const decision = (DECISIONS as readonly string[]).includes(rawDecision) ? (rawDecision as AlertDecision) : undefined;
  const rawRule = params.get('rule') ?? '';
  const rule = (RULE_IDS as readonly string[]).includes(rawRule) ? (rawRule as RuleId) : undefined;
  const account = params.get('account') ?? undefined;
  const shadow = readsRules(me.role) && params.get('shadow') === '1';
  const order = params.get('order') === 'score' ? 'score' : 'newest';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const openId = Number(params.get('alert')) || null;

  const query: AlertQuery = { status: status === 'all' ? undefined : status, decision, rule, account, shadow, order, page, pageSize: PAGE_SIZE };
  const list = useQuery({ queryKey: alertsKey(query), queryFn: () => listAlerts(query), placeholderData: keepPreviousData, refetchInterval: live ? SLOW_MS : POLL_MS });
  const fresh = useFresh(list.isPlaceholderData ? undefined : list.data?.items, JSON.stringify(query));

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const filter = (patch: Record<string, string | undefined>) => set({ ...patch, page: undefined });
  const Body = phone ? AlertCards : AlertTable;
  return (
    <div data-testid="risk-alerts" data-total={list.data?.total ?? ''}>
      <div className="fz-filters">
        <Select<StatusChoice>
          aria-label={t('risk.filter.status')}
          value={status}
          onChange={(v) => filter({ status: v === defaultStatus ? undefined : v })}
          options={STATUS_CHOICES.map((s) => ({
            value: s,
            label: <span data-testid={`alerts-status-${s}`}>{s === 'all' ? t('risk.filter.allStatuses') : s === 'decided' ? t('risk.filter.decided') : alertStatusLabel(t, s)}</span>,
          }))}
          className="fz-filter"
          data-testid="alerts-filter-status"
        />
        <Select<AlertDecision | ''>
          aria-label={t('risk.filter.decision')}
          value={decision ?? ''}
          onChange={(v) => filter({ decision: v || undefined })}
          options={[{ value: '' as const, label: t('risk.filter.allDecisions') }, ...DECISIONS.map((d) => ({ value: d, label: decisionLabel(t, d) }))]}
          className="fz-filter"
          data-testid="alerts-filter-decision"
        />
        <Select<RuleId | ''>
          aria-label={t('risk.filter.rule')}
          value={rule ?? ''}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(v) => filter({ rule: v || undefined })}
          options={[{ value: '' as const, label: t('risk.filter.allRules') }, ...RULE_IDS.map((r) => ({ value: r, label: ruleLabel(t, r) }))]}
          className="fz-filter"
          data-testid="alerts-filter-rule"
        />
        <Input.Search
          allowClear
          value={accountText}
          onChange={(e) => setAccountText(e.target.value)}
          onSearch={(v) => filter({ account: v.replace(/\s+/g, '') || undefined })}
          placeholder={t('risk.filter.account')}
          aria-label={t('risk.filter.account')}
          className="fz-filter-wide"
          data-testid="alerts-filter-account"
        />
        <Select<'newest' | 'score'>
          aria-label={t('risk.filter.order')}
          value={order}
          onChange={(v) => filter({ order: v === 'newest' ? undefined : v })}
          options={[
            { value: 'newest', label: t('risk.order.newest') },
            { value: 'score', label: t('risk.order.score') },
          ]}
          className="fz-filter"
          data-testid="alerts-filter-order"
        />
        {readsRules(me.role) && (
          <Checkbox checked={shadow} onChange={(e) => filter({ shadow: e.target.checked ? '1' : undefined })} className="fz-risk-shadow" data-testid="alerts-filter-shadow">
            {t('risk.filter.shadow')}
          </Checkbox>
        )}
      </div>
      <Body
        rows={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        loading={list.isFetching && !list.data}
        fresh={fresh}
        showOrg={!bank}
        emptyText={t(status === 'open' ? 'risk.emptyOpen' : 'risk.empty')}
        onPage={(p) => set({ page: p > 1 ? String(p) : undefined })}
        onOpen={(a) => set({ alert: String(a.id) })}
      />
      {openId !== null && <AlertDrawer id={openId} onClose={() => set({ alert: undefined })} />}
    </div>
  );
}
