import { Empty, Timeline, Typography } from 'antd';
import type { PersonEventDto } from '../../../api/persons.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { categoryLabel, eventLabel, fieldLabel, statusLabel } from '../shared/labels.ts';

const COLORS: Record<string, string> = { listed: 'blue', status: 'purple', contact: 'green', movement: 'orange', family: 'cyan', note: 'gray', updated: '#2f54eb', control_ended: 'red' };
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The file's story, newest first: listing, status steps with their notes, and the work log. */
export function PersonTimeline({ events }: { events: PersonEventDto[] }) {
  const t = useT();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('persons.event.empty')} />;
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => Date.parse(b.e.at) - Date.parse(a.e.at) || b.i - a.i);
  return (
    <Timeline
      data-testid="person-timeline"
      items={sorted.map(({ e, i }) => {
        const lines: string[] = [];
        const category = str(e.detail.category);
        if (e.kind === 'listed' && category) lines.push(categoryLabel(t, category));
        if (e.kind === 'status' && e.fromStatus && e.toStatus) lines.push(`${statusLabel(t, e.fromStatus)} → ${statusLabel(t, e.toStatus)}`);
        if (e.kind === 'updated') {
          const fields = strings(e.detail.fields);
          if (fields.length) lines.push(t('persons.event.changed', { fields: fields.map((f) => fieldLabel(t, f)).join(t('persons.list.separator')) }));
          if (fields.includes('officerId')) lines.push(t('persons.event.officer', { name: str(e.detail.officer) ?? t('persons.detail.noOfficer') }));
          const from = str(e.detail.fromOrg);
          const to = str(e.detail.toOrg);
          if (from && to) lines.push(t('persons.event.handedOver', { from, to }));
        }
        const until = str(e.detail.controlUntil);
        if (e.kind === 'control_ended' && until) lines.push(t('persons.event.controlEnded', { date: formatDateTime(until).slice(0, 10) }));
        const text = str(e.detail.text) ?? str(e.detail.note);
        if (text) lines.push(text);
        return {
          key: i,
          color: COLORS[e.kind] ?? 'gray',
          content: (
            <div data-testid={`person-timeline-${e.kind}`}>
              <Typography.Text strong>{e.kind === 'listed' && e.toStatus ? `${eventLabel(t, e.kind)} · ${statusLabel(t, e.toStatus)}` : eventLabel(t, e.kind)}</Typography.Text>
              {lines.map((line, j) => (
                <div key={j} className="fz-ps-timeline-text">
                  {line}
                </div>
              ))}
              <div>
                <Typography.Text type="secondary" className="fz-small">
                  {formatDateTime(e.at)}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                </Typography.Text>
              </div>
            </div>
          ),
        };
      })}
    />
  );
}
