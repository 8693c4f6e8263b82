import type { ReactNode } from 'react';
import { Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseDetailDto } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import type { Translate } from '../../../i18n/lang.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { caseEventLabel, caseStatusLabel, sourceLabel, stopStatusLabel } from '../shared/labels.ts';
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

const COLORS: Record<string, string> = { opened: 'blue', status: 'purple', assigned: 'cyan' };
const str = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

function caseEntries(t: Translate, c: CaseDetailDto): Entry[] {
  return c.events.map((e, i) => {
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
    const note = str(d.note);
    if (note) lines.push(note);
    return { key: `e${i}`, at: e.at, kind: e.kind, color: COLORS[e.kind] ?? 'gray', title: caseEventLabel(t, e.kind), lines, actor: e.actorName };
  });
}

/**
 * The case's own events do not include the stop-payments' (the API keeps those apart), so the requests
 * sent and the banks' answers are read off the requests themselves.
 */
function stopEntries(t: Translate, c: CaseDetailDto): Entry[] {
  return c.stopPayments.flatMap((s): Entry[] => {
    if (s.status === 'proposed') return [];
    const target = t('cases.timeline.stopTarget', { bank: s.bank, tail: s.account.slice(-4), amount: yuan(s.amount), hop: s.hop });
    const out: Entry[] = [{ key: `r${s.id}`, at: s.requestedAt, kind: 'stop_requested', color: 'orange', title: t('cases.timeline.stopRequested'), lines: [target], actor: null }];
    if (s.respondedAt) {
      const result = s.stoppedAmount ? `${stopStatusLabel(t, s.status)} ${yuan(s.stoppedAmount)}` : stopStatusLabel(t, s.status);
      out.push({
        key: `a${s.id}`,
        at: s.respondedAt,
        kind: 'stop_answered',
        color: s.stoppedAmount ? 'green' : 'gray',
        title: t('cases.timeline.stopAnswered', { result }),
        lines: [target, ...(s.responseNote ? [s.responseNote] : [])],
        actor: s.bank,
      });
    }
    return out;
  });
}

export function CaseTimeline({ c }: { c: CaseDetailDto }) {
  const t = useT();
  const entries = [...caseEntries(t, c), ...stopEntries(t, c)].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <Timeline
      data-testid="case-timeline"
      items={entries.map((e) => ({
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
