import type { Dayjs } from 'dayjs';
import { serverDayjs } from '../../../lib/server-time.ts';

export type PeriodKind = 'thisMonth' | 'lastMonth' | 'quarter' | 'custom';
export const PERIOD_KINDS: readonly PeriodKind[] = ['thisMonth', 'lastMonth', 'quarter', 'custom'];

/** [from, to) in local time, as ISO strings with the offset the server requires. */
export interface Period {
  from: string;
  to: string;
}

function iso(d: Dayjs): string {
  return d.format();
}

/** This quarter without dayjs's quarter plugin: months 0–2, 3–5, 6–8, 9–11. */
function quarterStart(now: Dayjs): Dayjs {
  return now.startOf('month').month(Math.floor(now.month() / 3) * 3);
}

export function periodOf(kind: PeriodKind, custom: [Dayjs, Dayjs] | undefined, now: Dayjs = serverDayjs()): Period {
  switch (kind) {
    case 'thisMonth':
      return { from: iso(now.startOf('month')), to: iso(now.startOf('month').add(1, 'month')) };
    case 'lastMonth':
      return { from: iso(now.startOf('month').subtract(1, 'month')), to: iso(now.startOf('month')) };
    case 'quarter': {
      const start = quarterStart(now);
      return { from: iso(start), to: iso(start.add(3, 'month')) };
    }
    case 'custom': {
      const [a, b] = custom ?? [now.startOf('month'), now];
      // Whole days: the end day counts in full.
      return { from: iso(a.startOf('day')), to: iso(b.startOf('day').add(1, 'day')) };
    }
  }
}
