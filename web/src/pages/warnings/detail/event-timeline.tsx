import { Timeline, Typography } from 'antd';
import type { WarningDetailDto } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import type { Translate } from '../../../i18n/lang.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { channelLabel, eventLabel, outcomeLabel, resultLabel, statusLabel, viaLabel } from '../shared/labels.ts';

type EventDto = WarningDetailDto['events'][number];

const COLORS: Record<string, string> = {
  triage: 'purple',
  dispatched: 'blue',
  acknowledged: 'cyan',
  attempt: 'blue',
  visit_required: 'orange',
  escalated: 'red',
  overdue: 'red',
  closed: 'green',
};

const str = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

/** The event's detail in words; the server stores it as free-form JSON per kind. */
function describe(t: Translate, e: EventDto, orgName: (code: string) => string): string[] {
  const d = e.detail;
  const out: string[] = [];
  const via = str(d.routedVia);
  if (via) out.push(t('warnings.detail.pair', { k: t('warnings.field.routedVia'), v: viaLabel(t, via) }));
  const to = str(d.to);
  if (e.kind === 'dispatched' && to) out.push(t('warnings.detail.toOrg', { org: orgName(to) }));
  if (e.kind === 'attempt') {
    const channel = str(d.channel);
    const result = str(d.result);
    out.push([channel && channelLabel(t, channel), result && resultLabel(t, result)].filter(Boolean).join(' · '));
  }
  if (e.kind === 'escalated' && str(d.level)) out.push(t('warnings.detail.level', { n: str(d.level) ?? '' }));
  if (e.kind === 'closed') {
    const outcome = str(d.outcome);
    const parts = [outcome && outcomeLabel(t, outcome), d.onTime === true ? t('warnings.detail.onTime') : d.onTime === false ? t('warnings.detail.late') : undefined];
    const loss = str(d.lossAmount);
    if (loss) parts.push(t('warnings.detail.pair', { k: t('warnings.field.lossAmount'), v: loss }));
    out.push(parts.filter(Boolean).join(' · '));
  }
  const note = str(d.note);
  if (note) out.push(note);
  return out.filter(Boolean);
}

export function EventTimeline({ events, orgName }: { events: WarningDetailDto['events']; orgName: (code: string) => string }) {
  const t = useT();
  return (
    <Timeline
      data-testid="warning-timeline"
      items={events.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: COLORS[e.kind] ?? 'gray',
        content: (
          <div data-testid={`timeline-${e.kind}`}>
            <Typography.Text strong>{eventLabel(t, e.kind)}</Typography.Text>
            {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
              <Typography.Text type="secondary" className="fz-small">
                {'  '}
                {statusLabel(t, e.fromStatus)} → {statusLabel(t, e.toStatus)}
              </Typography.Text>
            )}
            {describe(t, e, orgName).map((line) => (
              <div key={line}>{line}</div>
            ))}
            <div>
              <Typography.Text type="secondary" className="fz-small">
                {formatDateTime(e.at)} · {e.actorName === 'sweeper' || !e.actorName ? t('warnings.detail.system') : e.actorName}
              </Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}
