// The loader lives in src/modules/money/trace.repo.ts; its test sits with the engine it feeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { loadTraceFlows } from '../../modules/money/trace.repo.ts';
import { arrivals, trace } from './trace.ts';

const T0 = Date.UTC(2026, 10, 28, 2, 0, 0);
const t = (min: number) => new Date(T0 + min * 60_000);

let tdb: TestDb;

beforeAll(async () => {
  tdb = await createTestDb();
  const row = (from: string, to: string, amount: string, min: number, channel: 'transfer' | 'cash_out' = 'transfer') => ({
    from_account: from,
    to_account: to,
    to_bank: channel === 'cash_out' ? null : `bank-${to}`,
    amount,
    at: t(min),
    channel,
  });
  await tdb.database.db
    .insertInto('fund_flows')
    .values([
      row('X', 'A', '50.00', 0), // before the victim's money reached A: not read
      row('A', 'B', '30.00', 5), // idem
      row('B', 'P', '10.00', 10), // before anything reached B: not read
      row('A', 'D', '40.00', 12),
      row('D', 'B', '40.00', 15), // reaches B at hop 3, earlier than the hop-2 path below
      row('Y', 'A', '20.00', 20), // other money into A after the victim's: read (mixing)
      row('B', 'Q', '25.00', 25), // only the earlier (hop 3) arrival at B explains this one
      row('A', 'B', '60.00', 30),
      row('A', 'V', '5.00', 35), // back to the victim: read, not walked
      row('A', 'E', '20.00', 36), // after the victim money left A (FIFO): a path without victim money
      row('E', 'F', '10.00', 37),
      row('B', 'C', '70.00', 40),
      row('C', 'ATM-1', '70.00', 50, 'cash_out'),
      row('Q', 'R', '25.00', 60),
      row('R', 'S', '25.00', 70),
    ])
    .execute();
});

afterAll(async () => {
  await tdb.close();
});

const key = (f: { from: string; to: string; amount: number }) => `${f.from}>${f.to}:${f.amount}`;

describe('loadTraceFlows', () => {
  it('reads each account from the time victim money can have reached it, re-reading for earlier paths', async () => {
    const loaded = await loadTraceFlows(tdb.database.db, [{ account: 'A', at: t(10) }], 6, { skip: ['V'] });
    expect(loaded.flows.map(key).sort()).toEqual(
      ['A>D:4000', 'D>B:4000', 'Y>A:2000', 'B>Q:2500', 'A>B:6000', 'A>V:500', 'A>E:2000', 'E>F:1000', 'B>C:7000', 'C>ATM-1:7000', 'Q>R:2500', 'R>S:2500'].sort(),
    );
    expect(Object.fromEntries(loaded.reached)).toEqual({ A: 1, D: 2, B: 2, E: 2, C: 3, F: 3, Q: 4, R: 5, S: 6 });
    expect(loaded.queries).toBe(6);
    expect(loaded.truncated).toBe(false);
    const q = loaded.flows.find((f) => f.to === 'Q');
    expect(q).toEqual({ from: 'B', to: 'Q', amount: 2_500, at: t(25).getTime(), channel: 'transfer', toBank: 'bank-Q' });
  });

  it('stops at the hop limit and feeds the engine', async () => {
    const loaded = await loadTraceFlows(tdb.database.db, [{ account: 'A', at: t(10) }], 3, { skip: ['V'] });
    expect([...loaded.reached.keys()].sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    // Hop-3 accounts' outflows are read (they tell what left), their receivers are not walked.
    expect(loaded.flows.map(key)).toContain('B>Q:2500');
    expect(loaded.flows.map(key)).not.toContain('Q>R:2500');
    const r = trace({ seeds: [{ from: 'V', to: 'A', amount: 10_000, at: t(10).getTime() }], flows: loaded.flows, method: 'fifo', maxHops: 3 });
    // FIFO: A's 100 of victim money leaves first (40 to D, 60 to B), the 5 sent back to V is Y's; D→B makes B
    // hop 3 at 15, so B→Q (25) at 25 leaves past the limit; A→B at 30 makes B hop 2; C cashes out 70.
    expect(r.nodes.map((n) => [n.account, n.hop, n.taintedIn, n.held])).toEqual([
      ['A', 1, 10_000, 0],
      ['B', 2, 10_000, 500],
      ['D', 2, 4_000, 0],
      ['C', 3, 7_000, 0],
    ]);
    expect([r.totalReturned, r.totalCashedOut, r.totalBeyond]).toEqual([0, 7_000, 2_500]);
  });

  it('guided by the trace, walks only where victim money went', async () => {
    const seeds = [{ from: 'V', to: 'A', amount: 10_000, at: t(10).getTime() }];
    const loaded = await loadTraceFlows(tdb.database.db, [{ account: 'A', at: t(10) }], 6, {
      skip: ['V'],
      follow: (flows) => arrivals(trace({ seeds, flows, method: 'fifo' })),
    });
    // E got only other money (FIFO): it is not read. B is read from 15 (the victim money D passed on), not 30.
    expect(Object.fromEntries(loaded.reached)).toEqual({ A: 1, D: 2, B: 2, C: 3, Q: 4, R: 5, S: 6 });
    expect(loaded.flows.map(key)).toContain('A>E:2000');
    expect(loaded.flows.map(key)).not.toContain('E>F:1000');
    expect(loaded.flows.map(key)).toContain('B>Q:2500');
    expect(loaded.truncated).toBe(false);
    const full = await loadTraceFlows(tdb.database.db, [{ account: 'A', at: t(10) }], 6, { skip: ['V'] });
    expect(trace({ seeds, flows: loaded.flows, method: 'fifo' })).toEqual(trace({ seeds, flows: full.flows, method: 'fifo' }));
  });

  it('cuts a walk that reads too many rows and says so', async () => {
    const loaded = await loadTraceFlows(tdb.database.db, [{ account: 'A', at: t(10) }], 6, { maxRows: 2 });
    expect(loaded.truncated).toBe(true);
    expect(loaded.queries).toBe(1);
  });
});
