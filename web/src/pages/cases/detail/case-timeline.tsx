import type { ReactNode } from 'react';
import { Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseDetailDto } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import type { Translate } from '../../../i18n/lang.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { caseEventLabel, caseStatusLabel, freezeStatusLabel, returnMethodLabel, sourceLabel, stopStatusLabel } from '../shared/labels.ts';
import { yuan } from '../shared/money.ts';

interface Entry {
  key: string;
  at: string;
  kind: string;
  color: string;
  title: string;
  lines: ReactNode[];
  actor: string | null;
}

type CaseEvent = CaseDetailDto['events'][number];

const COLORS: Record<string, string> = { opened: 'blue', status: 'purple', assigned: 'cyan', serial: 'purple' };
const str = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

/** The case's own steps: opened, status, assignment, serial. */
function caseEntry(t: Translate, e: CaseEvent, key: string): Entry {
  const d = e.detail;
  const lines: ReactNode[] = [];
  if (e.kind === 'opened') {
    const source = str(d.source);
    if (source) lines.push(t('cases.timeline.source', { source: sourceLabel(t, source) }));
    const warningId = str(d.warningId);
    if (warningId) lines.push(<Link to={`/warnings/${warningId}`}>{t('cases.timeline.fromWarning', { id: warningId })}</Link>);
    if (d.fraudTypeSource === 'classified') {
      const cues = Array.isArray(d.cues) ? d.cues.filter((x): x is string => typeof x === 'string') : [];
      lines.push(cues.length ? t('cases.timeline.classifiedCues', { cues: cues.join(t('cases.timeline.cueSep')) }) : t('cases.timeline.classified'));
    }
  }
  if (e.kind === 'status' && e.fromStatus && e.toStatus) lines.push(`${caseStatusLabel(t, e.fromStatus)} → ${caseStatusLabel(t, e.toStatus)}`);
  if (e.kind === 'assigned') {
    const investigator = str(d.investigator);
    const leader = str(d.leader);
    if (investigator || leader) lines.push(t('cases.timeline.assigned', { investigator: investigator ?? '—', leader: leader ?? '—' }));
  }
  if (e.kind === 'serial') {
    const serialId = str(d.serialId);
    const serialNo = str(d.serialNo);
    if (serialId && serialNo) lines.push(<Link to={`/cases/serials/${serialId}`}>{serialNo}</Link>);
  }
  const note = str(d.note);
  if (note) lines.push(note);
  return { key, at: e.at, kind: e.kind, color: COLORS[e.kind] ?? 'gray', title: caseEventLabel(t, e.kind), lines, actor: e.actorName };
}

/** A stop-payment's step (stop_payment.requested, .answered, …), told with the request it belongs to. */
function stopEntry(t: Translate, c: CaseDetailDto, e: CaseEvent, kind: string, key: string): Entry | null {
  const d = e.detail;
  const s = c.stopPayments.find((x) => x.id === Number(d.stopPaymentId));
  const account = str(d.account) ?? s?.account ?? '';
  const target = s ? t('cases.timeline.stopTarget', { bank: s.bank, tail: account.slice(-4), amount: yuan(s.amount), hop: s.hop }) : t('cases.timeline.accountTail', { tail: account.slice(-4) });
  const base = { key, at: e.at, kind: `stop_${kind}`, actor: e.actorName };
  switch (kind) {
    case 'proposed':
      // Next-hop proposals are the trace's suggestions, listed on the stops tab; sending them is the step.
      return null;
    case 'requested':
      return { ...base, color: 'orange', title: t('cases.timeline.stopRequested'), lines: [target] };
    case 'answered': {
      const status = e.toStatus ?? s?.status ?? '';
      const amount = str(d.stoppedAmount);
      const result = amount ? `${stopStatusLabel(t, status)} ${yuan(amount)}` : stopStatusLabel(t, status);
      const flows = Number(d.flows ?? 0);
      return {
        ...base,
        color: amount ? 'green' : 'gray',
        title: t('cases.timeline.stopAnswered', { result }),
        lines: [target, ...(flows > 0 ? [t('cases.timeline.flows', { n: flows })] : []), ...(s?.responseNote ? [s.responseNote] : [])],
        actor: e.actorName ?? s?.bank ?? null,
      };
    }
    case 'renewed':
      return { ...base, color: 'blue', title: t('cases.timeline.stopRenewed', { n: str(d.renewal) ?? '' }), lines: [target, t('cases.timeline.until', { at: formatDateTime(str(d.expiresAt)) })] };
    case 'released':
      return {
        ...base,
        color: 'cyan',
        title: t('cases.timeline.stopReleased'),
        lines: [target, ...(d.replacedByFreeze !== undefined ? [t('cases.timeline.replacedByFreeze')] : []), ...(str(d.note) ? [str(d.note)] : [])],
      };
    case 'expired':
      return { ...base, color: 'red', title: t('cases.timeline.stopExpired'), lines: [target] };
    case 'expiry_warning':
      return { ...base, color: 'orange', title: t('cases.timeline.stopExpiring'), lines: [target, t('cases.timeline.until', { at: formatDateTime(str(d.expiresAt)) })] };
    case 'statement':
      return { ...base, color: 'gray', title: t('cases.timeline.statement', { stored: str(d.stored) ?? '0', rows: str(d.rows) ?? '0' }), lines: [target] };
    default:
      return { ...base, color: 'gray', title: caseEventLabel(t, e.kind), lines: [target] };
  }
}

/** A freeze's step (freeze.requested, .answered, .renewed, .released, .return_planned, .expired). */
function freezeEntry(t: Translate, c: CaseDetailDto, e: CaseEvent, kind: string, key: string): Entry {
  const d = e.detail;
  const f = c.freezes.find((x) => x.id === Number(d.freezeId));
  const account = str(d.account) ?? f?.account ?? '';
  const target = t('cases.timeline.freezeTarget', { bank: f?.bank ?? '', tail: account.slice(-4) });
  const doc = str(d.documentNo);
  const docLine = doc ? [t('cases.timeline.document', { no: doc })] : [];
  const base = { key, at: e.at, kind: `freeze_${kind}`, actor: e.actorName };
  switch (kind) {
    case 'requested':
      return { ...base, color: 'orange', title: t('cases.timeline.freezeRequested'), lines: [target, ...docLine] };
    case 'answered': {
      const amount = str(d.frozenAmount);
      return {
        ...base,
        color: e.toStatus === 'frozen' ? 'green' : 'red',
        title: e.toStatus === 'frozen' && amount ? t('cases.timeline.freezeFrozen', { amount: yuan(amount) }) : t('cases.timeline.freezeAnswered', { result: freezeStatusLabel(t, e.toStatus ?? '') }),
        lines: [target, ...(f?.responseNote ? [f.responseNote] : [])],
        actor: e.actorName ?? f?.bank ?? null,
      };
    }
    case 'renewed':
      return { ...base, color: 'blue', title: t('cases.timeline.freezeRenewed'), lines: [target, ...docLine, t('cases.timeline.until', { at: formatDateTime(str(d.expiresAt)) })] };
    case 'released':
      return { ...base, color: 'cyan', title: t('cases.timeline.freezeReleased'), lines: [target, ...docLine, ...(str(d.note) ? [str(d.note)] : [])] };
    case 'return_planned': {
      const method = str(d.method) ?? '';
      return {
        ...base,
        color: 'purple',
        title: t('cases.timeline.returnPlanned', { id: str(d.returnId) ?? '', method: returnMethodLabel(t, method), amount: yuan(str(d.total) ?? '') }),
        lines: [target],
      };
    }
    case 'expired':
      return { ...base, color: 'red', title: t('cases.timeline.freezeExpired'), lines: [target] };
    default:
      return { ...base, color: 'gray', title: caseEventLabel(t, e.kind), lines: [target] };
  }
}

/**
 * Approvals and payments of returns leave no event in the case's timeline (the server records them in the
 * audit log only), so they are read off the returns themselves.
 */
function returnEntries(t: Translate, c: CaseDetailDto): Entry[] {
  return c.returns.flatMap((r): Entry[] => {
    const f = c.freezes.find((x) => x.id === r.freezeId);
    const target = t('cases.timeline.freezeTarget', { bank: f?.bank ?? '', tail: (f?.account ?? '').slice(-4) });
    const out: Entry[] = [];
    if (r.method === 'pro_rata' && r.approvedAt) out.push({ key: `ra${r.id}`, at: r.approvedAt, kind: 'return_approved', color: 'blue', title: t('cases.timeline.returnApproved', { id: r.id }), lines: [target], actor: null });
    if (r.paidAt) {
      out.push({
        key: `rp${r.id}`,
        at: r.paidAt,
        kind: 'return_paid',
        color: 'green',
        title: t('cases.timeline.returnPaid', { id: r.id, amount: yuan(r.totalAmount) }),
        lines: [target, ...(r.bankReference ? [t('cases.return.reference', { ref: r.bankReference })] : [])],
        actor: f?.bank ?? null,
      });
    }
    return out;
  });
}

/**
 * Requests and freezes without events of their own (records imported or seeded without a history) are
 * told from their fields, so the timeline never leaves them out.
 */
function silentEntries(t: Translate, c: CaseDetailDto): Entry[] {
  const told = (prefix: string, field: string) =>
    new Set(c.events.filter((e) => e.kind.startsWith(prefix)).map((e) => Number(e.detail[field])));
  const stops = told('stop_payment.', 'stopPaymentId');
  const freezes = told('freeze.', 'freezeId');
  const fromStops = c.stopPayments.flatMap((s): Entry[] => {
    if (s.status === 'proposed' || stops.has(s.id)) return [];
    const target = t('cases.timeline.stopTarget', { bank: s.bank, tail: s.account.slice(-4), amount: yuan(s.amount), hop: s.hop });
    const out: Entry[] = [{ key: `r${s.id}`, at: s.requestedAt, kind: 'stop_requested', color: 'orange', title: t('cases.timeline.stopRequested'), lines: [target], actor: null }];
    if (s.respondedAt) {
      const result = s.stoppedAmount ? `${stopStatusLabel(t, s.status)} ${yuan(s.stoppedAmount)}` : stopStatusLabel(t, s.status);
      out.push({ key: `a${s.id}`, at: s.respondedAt, kind: 'stop_answered', color: s.stoppedAmount ? 'green' : 'gray', title: t('cases.timeline.stopAnswered', { result }), lines: [target, ...(s.responseNote ? [s.responseNote] : [])], actor: s.bank });
    }
    return out;
  });
  const fromFreezes = c.freezes.flatMap((f): Entry[] => {
    if (freezes.has(f.id)) return [];
    const target = t('cases.timeline.freezeTarget', { bank: f.bank, tail: f.account.slice(-4) });
    const out: Entry[] = [{ key: `fr${f.id}`, at: f.requestedAt, kind: 'freeze_requested', color: 'orange', title: t('cases.timeline.freezeRequested'), lines: [target, t('cases.timeline.document', { no: f.documentNo })], actor: null }];
    if (f.frozenAt && f.frozenAmount) out.push({ key: `ff${f.id}`, at: f.frozenAt, kind: 'freeze_answered', color: 'green', title: t('cases.timeline.freezeFrozen', { amount: yuan(f.frozenAmount) }), lines: [target], actor: f.bank });
    return out;
  });
  return [...fromStops, ...fromFreezes];
}

function entries(t: Translate, c: CaseDetailDto): Entry[] {
  const fromEvents = c.events.flatMap((e, i): Entry[] => {
    const key = `e${i}`;
    if (e.kind.startsWith('stop_payment.')) {
      const entry = stopEntry(t, c, e, e.kind.slice('stop_payment.'.length), key);
      return entry ? [entry] : [];
    }
    if (e.kind.startsWith('freeze.')) return [freezeEntry(t, c, e, e.kind.slice('freeze.'.length), key)];
    return [caseEntry(t, e, key)];
  });
  return [...fromEvents, ...silentEntries(t, c), ...returnEntries(t, c)].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** The case's story: its own steps and its stop-payments', freezes' and returns', oldest first. */
export function CaseTimeline({ c }: { c: CaseDetailDto }) {
  const t = useT();
  return (
    <Timeline
      data-testid="case-timeline"
      items={entries(t, c).map((e) => ({
        key: e.key,
        color: e.color,
        content: (
          <div data-testid={`case-timeline-${e.kind}`}>
            <Typography.Text strong>{e.title}</Typography.Text>
            {e.lines.map((line, i) => (
              <div key={i}>{line}</div>
            ))}
            <div>
              <Typography.Text type="secondary" className="fz-small">
                {formatDateTime(e.at)}
                {e.actor ? ` · ${e.actor}` : ''}
              </Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}
