import { describe, expect, it } from 'vitest';
import { change, evaluate, KPI_BY_ID, KPIS, metricsOf, NO_REFS, type KpiId, type Sums } from './kpis.ts';
import { lastYearOf, periodOf, previousOf, trendMonths } from './periods.ts';

const kpi = (id: KpiId) => {
  const k = KPI_BY_ID.get(id);
  if (!k) throw new Error(id);
  return k;
};
const at = (s: Sums, id: KpiId, refs = NO_REFS) => kpi(id).compute(s, refs);

describe('KPI formulas on hand-computed sums', () => {
  // A month of a county: 40 cases reported (¥1,234,567.89 lost), 10 solved with 14 suspects caught and 9 sent
  // for prosecution; of 230 warnings received, 200 closed: 120 dissuaded, 30 defrauded, 10 refused, 20
  // unreachable, 20 false positives; 150 of the 200 closed by their deadline; ¥300,000 stopped, ¥250,000 frozen, ¥80,000 returned; 30 leads verified, 12 dealt with.
  const s: Sums = {
    'c.reported': 40,
    'c.loss': 1_234_567.89,
    'c.solved': 10,
    'c.arrested': 14,
    'c.prosecuted': 9,
    'w.received': 230,
    'w.closed': 200,
    'w.outcome.dissuaded': 120,
    'w.outcome.defrauded': 30,
    'w.outcome.refused': 10,
    'w.outcome.unreachable': 20,
    'w.outcome.false_positive': 20,
    'w.closed_on_time': 150,
    'm.stopped': 300_000,
    'm.frozen': 250_000,
    'm.returned': 80_000,
    'l.closed': 30,
    'l.punishable': 12,
  };

  it('counts and amounts are the sums themselves', () => {
    expect(at(s, 'cases_reported')).toBe(40);
    expect(at(s, 'loss')).toBe(1_234_567.89);
    expect(at(s, 'cases_solved')).toBe(10);
    expect(at(s, 'suspects_arrested')).toBe(14);
    expect(at(s, 'suspects_prosecuted')).toBe(9);
    expect(at(s, 'warnings_received')).toBe(230);
    expect(at(s, 'stopped_amount')).toBe(300_000);
    expect(at(s, 'frozen_amount')).toBe(250_000);
    expect(at(s, 'returned_amount')).toBe(80_000);
    expect(at(s, 'leads_closed')).toBe(30);
    expect(at(s, 'leads_punishable')).toBe(12);
  });

  it('rates: 破案率 10/40, 劝阻成功率 120/(120+30+10+20), 按时反馈率 150/200; none without a denominator', () => {
    expect(at(s, 'solve_rate')).toBe(0.25);
    expect(at(s, 'dissuasion_rate')).toBeCloseTo(120 / 180, 12);
    expect(at(s, 'feedback_on_time_rate')).toBe(0.75);
    expect(at({}, 'solve_rate')).toBeNull();
    expect(at({ 'w.closed': 5, 'w.outcome.false_positive': 5 }, 'dissuasion_rate')).toBeNull();
  });

  it('figures from outside: fraud share of 800 criminal cases, app registrations of 50,000 among 120,000', () => {
    expect(at(s, 'fraud_share', { criminalCases: 800, population: null, appRegistered: null })).toBe(0.05);
    expect(at(s, 'fraud_share')).toBeNull();
    expect(at(s, 'app_registration_rate', { criminalCases: null, population: 120_000, appRegistered: 50_000 })).toBeCloseTo(0.416667, 6);
    expect(at(s, 'app_registration_rate', { criminalCases: null, population: null, appRegistered: 50_000 })).toBeNull();
  });

  it('同比 is relative for counts and in percentage points for rates, and knows which way is good', () => {
    const lastYear: Sums = { 'c.reported': 50, 'c.solved': 8, 'w.closed': 100, 'w.outcome.dissuaded': 50, 'w.outcome.defrauded': 50 };
    const cases = evaluate(kpi('cases_reported'), { s, r: NO_REFS }, { s: lastYear, r: NO_REFS }, { s: {}, r: NO_REFS });
    expect(cases).toMatchObject({ value: 40, lastYear: 50, yoy: -0.2, yoyGood: true, previous: 0, mom: null });
    const solved = evaluate(kpi('cases_solved'), { s, r: NO_REFS }, { s: lastYear, r: NO_REFS }, { s, r: NO_REFS });
    expect(solved).toMatchObject({ yoy: 0.25, yoyGood: true, mom: 0 });
    const dissuasion = evaluate(kpi('dissuasion_rate'), { s, r: NO_REFS }, { s: lastYear, r: NO_REFS }, { s, r: NO_REFS });
    expect(dissuasion.yoy).toBeCloseTo((120 / 180 - 0.5) * 100, 10);
    expect(dissuasion.yoyGood).toBe(true);
    expect(change('count', 5, 0)).toBeNull();
    expect(evaluate(kpi('loss'), { s: {}, r: NO_REFS }, { s: {}, r: NO_REFS }, { s: {}, r: NO_REFS }).yoyGood).toBeNull();
  });

  it('declares every metric its formula reads', () => {
    for (const k of KPIS) {
      const read = new Set<string>();
      const spy = new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? (read.add(key), 1) : undefined) }) as Sums;
      k.compute(spy, { criminalCases: 1, population: 1, appRegistered: 1 });
      expect([...read].sort(), k.id).toEqual([...k.metrics].sort());
    }
    expect(metricsOf(['solve_rate', 'cases_reported']).sort()).toEqual(['c.reported', 'c.solved']);
  });
});

describe('periods of the statistics', () => {
  const now = new Date('2026-11-28T02:00:00Z');
  it('defaults to the year so far, ends a period in the future today, refuses an inverted one', () => {
    expect(periodOf(now, {})).toEqual({ firstDay: '2026-01-01', lastDay: '2026-11-28' });
    expect(periodOf(now, { from: '2026-11-01', to: '2026-12-01' })).toEqual({ firstDay: '2026-11-01', lastDay: '2026-11-28' });
    expect(() => periodOf(now, { from: '2026-12-01' })).toThrow();
    expect(() => periodOf(now, { from: '2026-11-1' })).toThrow();
  });
  it('compares a month with the month before and the same month a year ago, a leap day with the 28th', () => {
    expect(previousOf({ firstDay: '2026-03-01', lastDay: '2026-03-31' })).toEqual({ firstDay: '2026-02-01', lastDay: '2026-02-28' });
    expect(previousOf({ firstDay: '2026-04-01', lastDay: '2026-06-30' })).toEqual({ firstDay: '2026-01-01', lastDay: '2026-03-31' });
    expect(previousOf({ firstDay: '2026-11-01', lastDay: '2026-11-28' })).toEqual({ firstDay: '2026-10-01', lastDay: '2026-10-28' });
    expect(previousOf({ firstDay: '2026-03-10', lastDay: '2026-03-19' })).toEqual({ firstDay: '2026-02-28', lastDay: '2026-03-09' });
    expect(lastYearOf({ firstDay: '2028-02-29', lastDay: '2028-03-31' })).toEqual({ firstDay: '2027-02-28', lastDay: '2027-03-31' });
  });
  it('draws the twelve months ending with the period', () => {
    const t = trendMonths({ firstDay: '2026-01-01', lastDay: '2026-11-28' });
    expect(t.months[0]).toBe('2025-12');
    expect(t.months.at(-1)).toBe('2026-11');
    expect(t.span).toEqual({ firstDay: '2025-12-01', lastDay: '2026-11-28' });
  });
});
