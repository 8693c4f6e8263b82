import { describe, expect, it } from 'vitest';
import { addYears, consecutiveYears, grounds, periodYears } from './punishment-rules.ts';

const d = (s: string) => new Date(s);

describe('joint punishment rules', () => {
  it('finds the grounds: 3 cards, 3 times, 3 counterparties or a conviction', () => {
    expect(grounds({ cards: 3, times: 1, counterparties: 1, convicted: false })).toEqual(['cards']);
    expect(grounds({ cards: 2, times: 2, counterparties: 2, convicted: false })).toEqual([]);
    expect(grounds({ cards: 1, times: 3, counterparties: 4, convicted: true })).toEqual(['times', 'counterparties', 'convicted']);
  });
  it('gives 3 years for a conviction and 2 otherwise', () => {
    expect(periodYears({ cards: 5, times: 1, counterparties: 1, convicted: false })).toBe(2);
    expect(periodYears({ cards: 0, times: 0, counterparties: 0, convicted: true })).toBe(3);
    expect(addYears(d('2024-02-29T00:00:00Z'), 2).toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
  it('measures a chain of touching periods, not separate ones', () => {
    const first = { start: d('2020-01-01T00:00:00Z'), end: d('2023-01-01T00:00:00Z') };
    // 3 + 2 back to back = 5 years: allowed at the cap.
    expect(consecutiveYears([first], d('2023-01-01T00:00:00Z'), 2)).toBeCloseTo(5, 1);
    // 3 + 3 back to back = 6: over the cap.
    expect(consecutiveYears([first], d('2023-01-01T00:00:00Z'), 3)).toBeCloseTo(6, 1);
    // After a gap of a year the chain starts again.
    expect(consecutiveYears([first], d('2024-01-01T00:00:00Z'), 3)).toBeCloseTo(3, 1);
    expect(consecutiveYears([], d('2024-01-01T00:00:00Z'), 2)).toBeCloseTo(2, 1);
  });
});
