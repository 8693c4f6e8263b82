import { describe, expect, it } from 'vitest';
import { findClusters, type Mention } from './clusters.ts';

const m = (caseId: number, kind: string, value: string): Mention => ({ caseId, kind, value });

describe('case clusters', () => {
  it('joins cases through chains of shared identifiers', () => {
    const r = findClusters([m(1, 'account', 'A'), m(2, 'account', 'A'), m(2, 'phone', 'P'), m(3, 'phone', 'P'), m(4, 'url', 'U'), m(5, 'url', 'V'), m(6, 'url', 'U')]);
    expect(r.clusters).toEqual([
      { caseIds: [1, 2, 3], shared: [{ kind: 'account', value: 'A', cases: 2 }, { kind: 'phone', value: 'P', cases: 2 }] },
      { caseIds: [4, 6], shared: [{ kind: 'url', value: 'U', cases: 2 }] },
    ]);
    expect(r.hubs).toEqual([]);
  });

  it('keeps hub identifiers from linking unrelated cases, and honours minCases', () => {
    const mentions = [...Array.from({ length: 6 }, (_, i) => m(i + 1, 'account', 'HUB')), m(1, 'phone', 'X'), m(2, 'phone', 'X')];
    const r = findClusters(mentions, { maxCasesPerIdentifier: 5 });
    expect(r.hubs).toEqual([{ kind: 'account', value: 'HUB', cases: 6 }]);
    expect(r.clusters.map((c) => c.caseIds)).toEqual([[1, 2]]);
    expect(findClusters(mentions, { maxCasesPerIdentifier: 5, minCases: 3 }).clusters).toEqual([]);
  });

  it('counts a case mentioning an identifier twice once, and the same value of another kind apart', () => {
    const r = findClusters([m(1, 'phone', '139'), m(1, 'phone', '139'), m(2, 'account', '139')]);
    expect(r.clusters).toEqual([]);
  });
});
