import { Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { LeadEventDto } from '../../../api/cards.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';

export interface TimelineEntry {
  title: string;
  color: string;
  lines: ReactNode[];
}

/** A lead's or a punishment's steps, oldest first, each told by `describe`. */
export function EventTimeline({ events, describe, testId }: { events: LeadEventDto[]; describe: (e: LeadEventDto) => TimelineEntry; testId: string }) {
  const t = useT();
  return (
    <Timeline
      data-testid={testId}
      items={events.map((e, i) => {
        const entry = describe(e);
        return {
          key: `${e.at}-${i}`,
          color: entry.color,
          content: (
            <div data-testid={`${testId}-${e.kind}`}>
              <Typography.Text strong>{entry.title}</Typography.Text>
              {entry.lines.map((line, j) => (
                <div key={j}>{line}</div>
              ))}
              <div>
                <Typography.Text type="secondary" className="fz-small">
                  {formatDateTime(e.at)} · {e.actorName === 'sweeper' || !e.actorName ? t('cards.system') : e.actorName}
                </Typography.Text>
              </div>
            </div>
          ),
        };
      })}
    />
  );
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
