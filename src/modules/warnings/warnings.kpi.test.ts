import { describe, expect, it } from 'vitest';
import { warningKpis } from './warnings.kpi.ts';

describe('warning KPIs on a hand-computed fixture', () => {
  it('leaves false positives out of the success rate and counts on-time and visits over closed', () => {
    // 20 received, 16 closed: 9 dissuaded, 2 defrauded, 1 refused, 2 unreachable, 2 false positives;
    // 12 closed on time, 4 with a visit. Success = 9 / 14, on time = 12 / 16, visits = 4 / 16.
    const k = warningKpis({ received: 20, closed: 16, dissuaded: 9, defrauded: 2, refused: 1, unreachable: 2, falsePositive: 2, closedOnTime: 12, closedWithVisit: 4 });
    expect(k).toEqual({ successRate: 0.6429, onTimeRate: 0.75, visitShare: 0.25 });
  });
  it('has no rate where nothing was closed', () => {
    expect(warningKpis({ received: 3, closed: 0, dissuaded: 0, defrauded: 0, refused: 0, unreachable: 0, falsePositive: 0, closedOnTime: 0, closedWithVisit: 0 })).toEqual({
      successRate: null,
      onTimeRate: null,
      visitShare: null,
    });
  });
});
