import { describe, expect, it } from 'vitest';
import { arrivals, fenToYuan, formatYuan, suggestNextStops, trace, yuanToFen, type Flow, type TraceNode, type TraceResult } from './trace.ts';

// Minutes after a fixed instant: the fixtures read as a timeline.
const T0 = Date.UTC(2026, 10, 28, 2, 0, 0);
const t = (min: number) => T0 + min * 60_000;
const f = (from: string, to: string, amount: number, min: number, extra: Partial<Flow> = {}): Flow => ({ from, to, amount, at: t(min), ...extra });

/** account → [hop, taintedIn, taintedOut, cashedOut, held] */
function table(r: TraceResult): Record<string, [number, number, number, number, number]> {
  return Object.fromEntries(r.nodes.map((n: TraceNode) => [n.account, [n.hop, n.taintedIn, n.taintedOut, n.cashedOut, n.held]]));
}

describe('trace: chains and fan-out', () => {
  it('follows a simple chain to a cash withdrawal', () => {
    const seeds = [f('V', 'A', 10_000, 0, { toBank: '工商银行' })];
    const flows = [f('A', 'B', 8_000, 5, { toBank: '农业银行' }), f('B', 'C', 8_000, 10), f('C', 'ATM-1', 3_000, 20, { channel: 'cash_out' })];
    for (const method of ['fifo', 'proportional'] as const) {
      const r = trace({ seeds, flows, method });
      expect(table(r)).toEqual({
        A: [1, 10_000, 8_000, 0, 2_000],
        B: [2, 8_000, 8_000, 0, 0],
        C: [3, 8_000, 3_000, 3_000, 5_000],
      });
      expect(r.nodes.map((n) => n.account)).toEqual(['A', 'B', 'C']);
      expect(r.nodes.map((n) => n.bank)).toEqual(['工商银行', '农业银行', null]);
      expect([r.totalSeed, r.totalHeld, r.totalCashedOut, r.totalBeyond, r.totalReturned]).toEqual([10_000, 7_000, 3_000, 0, 0]);
      expect(r.edges).toEqual([
        { from: 'V', to: 'A', amount: 10_000, tainted: 10_000, at: t(0), channel: 'transfer' },
        { from: 'A', to: 'B', amount: 8_000, tainted: 8_000, at: t(5), channel: 'transfer' },
        { from: 'B', to: 'C', amount: 8_000, tainted: 8_000, at: t(10), channel: 'transfer' },
        { from: 'C', to: 'ATM-1', amount: 3_000, tainted: 3_000, at: t(20), channel: 'cash_out' },
      ]);
    }
  });

  it('splits a fan-out and orders nodes by hop, then amount', () => {
    const seeds = [f('V', 'A', 9_000, 0)];
    // Given out of time order: the engine sorts.
    const flows = [f('A', 'D', 2_000, 7), f('A', 'C', 3_000, 6), f('A', 'B', 3_000, 5)];
    const r = trace({ seeds, flows, method: 'fifo' });
    expect(table(r)).toEqual({ A: [1, 9_000, 8_000, 0, 1_000], B: [2, 3_000, 0, 0, 3_000], C: [2, 3_000, 0, 0, 3_000], D: [2, 2_000, 0, 0, 2_000] });
    expect(r.nodes.map((n) => n.account)).toEqual(['A', 'B', 'C', 'D']);
    expect(r.edges.map((e) => e.to)).toEqual(['A', 'B', 'C', 'D']);
    expect(r.totalHeld).toBe(9_000);
  });
});

describe('trace: mixing with other money', () => {
  // A holds 50.00 of its own before the victim's 100.00 arrives and gets 50.00 more after it; then pays out 80 and 60.
  const seeds = [f('V', 'A', 10_000, 10)];
  const flows = [f('X', 'A', 5_000, 0), f('Y', 'A', 5_000, 20), f('A', 'B', 8_000, 30), f('A', 'C', 6_000, 40)];

  it('fifo: money leaves in the order it arrived', () => {
    // Queue [clean 5000, victim 10000, clean 5000]: A→B takes 5000 clean + 3000 victim, A→C takes 6000 victim.
    const r = trace({ seeds, flows, method: 'fifo' });
    expect(table(r)).toEqual({ A: [1, 10_000, 9_000, 0, 1_000], B: [2, 3_000, 0, 0, 3_000], C: [2, 6_000, 0, 0, 6_000] });
    expect(r.edges.filter((e) => e.from === 'A').map((e) => [e.to, e.amount, e.tainted])).toEqual([
      ['B', 8_000, 3_000],
      ['C', 6_000, 6_000],
    ]);
    expect(r.totalHeld).toBe(10_000);
  });

  it('proportional: each outflow carries the victim share of the balance at that moment', () => {
    // A→B: 8000 × 10000/20000 = 4000 (left 12000, 6000 victim); A→C: 6000 × 6000/12000 = 3000.
    const r = trace({ seeds, flows, method: 'proportional' });
    expect(table(r)).toEqual({ A: [1, 10_000, 7_000, 0, 3_000], B: [2, 4_000, 0, 0, 4_000], C: [2, 3_000, 0, 0, 3_000] });
    expect(r.totalHeld).toBe(10_000);
  });

  it('proportional rounds down: held is floored and the fraction goes to taintedOut', () => {
    // A→B: 10000 × 10000/30000 = 3333.33 → edge and B show 3333; A keeps 6666.67 → held 6666, out 3334.
    const r = trace({ seeds: [f('V', 'A', 10_000, 10)], flows: [f('X', 'A', 20_000, 0), f('A', 'B', 10_000, 20)], method: 'proportional' });
    expect(table(r)).toEqual({ A: [1, 10_000, 3_334, 0, 6_666], B: [2, 3_333, 0, 0, 3_333] });
    expect(r.edges.map((e) => e.tainted)).toEqual([10_000, 3_333]);
    expect(r.totalHeld).toBe(9_999);
  });

  it('an outflow made before the victim money arrived carries none of it', () => {
    // A pays 50.00 it got from X (and 20.00 of unknown origin) before the victim pays in; only the later outflow is traced.
    const flows2 = [f('X', 'A', 5_000, 0), f('A', 'B', 7_000, 5), f('A', 'C', 4_000, 15)];
    for (const method of ['fifo', 'proportional'] as const) {
      const r = trace({ seeds: [f('V', 'A', 10_000, 10)], flows: flows2, method });
      expect(table(r)).toEqual({ A: [1, 10_000, 4_000, 0, 6_000], C: [2, 4_000, 0, 0, 4_000] });
      expect(r.edges.some((e) => e.to === 'B')).toBe(false);
    }
  });

  it('an outflow larger than the known balance takes the unknown rest as other money', () => {
    // Proportional: the 15000 outflow takes all 10000 known (all victim) and 5000 of unknown money.
    const flows2 = [f('A', 'B', 15_000, 5), f('B', 'C', 12_000, 10)];
    const prop = trace({ seeds: [f('V', 'A', 10_000, 0)], flows: flows2, method: 'proportional' });
    // B: balance 15000, 10000 victim → B→C carries 12000 × 2/3 = 8000.
    expect(table(prop)).toEqual({ A: [1, 10_000, 10_000, 0, 0], B: [2, 10_000, 8_000, 0, 2_000], C: [3, 8_000, 0, 0, 8_000] });
    // FIFO: B's queue is [victim 10000, other 5000] in the order A paid it → B→C takes 10000 victim + 2000 other.
    const fifo = trace({ seeds: [f('V', 'A', 10_000, 0)], flows: flows2, method: 'fifo' });
    expect(table(fifo)).toEqual({ A: [1, 10_000, 10_000, 0, 0], B: [2, 10_000, 10_000, 0, 0], C: [3, 10_000, 0, 0, 10_000] });
  });

  it('same instant: inflows are booked before outflows whatever the input order', () => {
    const r = trace({ seeds: [f('V', 'A', 10_000, 0)], flows: [f('B', 'C', 6_000, 0), f('A', 'B', 6_000, 0)], method: 'fifo' });
    expect(table(r)).toEqual({ A: [1, 10_000, 6_000, 0, 4_000], B: [2, 6_000, 6_000, 0, 0], C: [3, 6_000, 0, 0, 6_000] });
  });

  it('ties at one instant have one order whatever the input order: seeds first, then by account', () => {
    // Victim and other money arrive together (the victim's queues first); two payments leave together (B before C).
    const seeds = [f('V', 'A', 10_000, 0)];
    const flows = [f('X', 'A', 10_000, 0), f('A', 'C', 10_000, 5), f('A', 'B', 10_000, 5)];
    const expected = { A: [1, 10_000, 10_000, 0, 0], B: [2, 10_000, 0, 0, 10_000] };
    expect(table(trace({ seeds, flows, method: 'fifo' }))).toEqual(expected);
    expect(table(trace({ seeds, flows: [...flows].reverse(), method: 'fifo' }))).toEqual(expected);
  });

  it('a seed the bank also reported is counted once', () => {
    const seed = f('V', 'A', 10_000, 0);
    const r = trace({ seeds: [seed], flows: [{ ...seed }, f('A', 'B', 4_000, 5)], method: 'fifo' });
    expect(table(r)).toEqual({ A: [1, 10_000, 4_000, 0, 6_000], B: [2, 4_000, 0, 0, 4_000] });
    expect(r.totalSeed).toBe(10_000);
  });
});

describe('trace: cash-out, cycles and the hop limit', () => {
  it('cash withdrawn leaves the trace: fifo takes the victim money first here, proportional half of it', () => {
    const seeds = [f('V', 'A', 10_000, 0)];
    const flows = [f('X', 'A', 10_000, 5), f('A', 'ATM-9', 15_000, 10, { channel: 'cash_out' })];
    const fifo = trace({ seeds, flows, method: 'fifo' });
    expect(table(fifo)).toEqual({ A: [1, 10_000, 10_000, 10_000, 0] });
    expect([fifo.totalCashedOut, fifo.totalHeld]).toEqual([10_000, 0]);
    const prop = trace({ seeds, flows, method: 'proportional' });
    expect(table(prop)).toEqual({ A: [1, 10_000, 7_500, 7_500, 2_500] });
    expect([prop.totalCashedOut, prop.totalHeld]).toEqual([7_500, 2_500]);
    expect(prop.nodes.some((n) => n.account === 'ATM-9')).toBe(false);
    expect(prop.edges.at(-1)).toEqual({ from: 'A', to: 'ATM-9', amount: 15_000, tainted: 7_500, at: t(10), channel: 'cash_out' });
  });

  it('money coming back to an earlier account is a later inflow; the hop stays the smallest', () => {
    const seeds = [f('V', 'A', 10_000, 0)];
    const flows = [f('A', 'B', 10_000, 1), f('B', 'C', 6_000, 2), f('C', 'A', 6_000, 3), f('A', 'D', 6_000, 4)];
    const r = trace({ seeds, flows, method: 'fifo' });
    expect(table(r)).toEqual({
      A: [1, 16_000, 16_000, 0, 0],
      B: [2, 10_000, 6_000, 0, 4_000],
      C: [3, 6_000, 6_000, 0, 0],
      D: [2, 6_000, 0, 0, 6_000],
    });
    expect(r.totalHeld).toBe(10_000);
  });

  it('a cycle at one instant ends and conserves the money', () => {
    const seeds = [f('V', 'A', 10_000, 0)];
    const flows = [f('A', 'B', 10_000, 1), f('B', 'A', 10_000, 1), f('A', 'B', 10_000, 2)];
    for (const method of ['fifo', 'proportional'] as const) {
      const r = trace({ seeds, flows, method });
      expect(r.totalHeld + r.totalCashedOut + r.totalBeyond + r.totalReturned).toBe(10_000);
      expect(r.nodes.find((n) => n.account === 'B')?.held).toBe(10_000);
    }
  });

  it('stops following at the hop limit; a shorter path later makes the account a node again', () => {
    const seeds = [f('V', 'A1', 10_000, 0), f('V', 'A3', 5_000, 4)];
    const flows = [f('A1', 'A2', 10_000, 1), f('A2', 'A3', 10_000, 2), f('A3', 'Z', 12_000, 5)];
    const r = trace({ seeds, flows, method: 'fifo', maxHops: 2 });
    // A2→A3 would be hop 3: it leaves the trace, and for A3 those 10000 are money of unknown origin queued
    // before the victim's 5000; A3→Z takes them and 2000 of the victim's.
    expect(table(r)).toEqual({
      A1: [1, 10_000, 10_000, 0, 0],
      A2: [2, 10_000, 10_000, 0, 0],
      A3: [1, 5_000, 2_000, 0, 3_000],
      Z: [2, 2_000, 0, 0, 2_000],
    });
    expect([r.totalSeed, r.totalHeld, r.totalBeyond]).toEqual([15_000, 5_000, 10_000]);
    expect(r.edges.find((e) => e.from === 'A2')?.tainted).toBe(10_000);
    expect(trace({ seeds, flows, method: 'fifo' }).nodes.find((n) => n.account === 'A3')?.hop).toBe(1);
  });

  it('money sent back to the victim is returned, and the victim\'s other payments are not victim money', () => {
    const seeds = [f('V', 'A', 10_000, 0)];
    const flows = [f('A', 'V', 3_000, 1), f('V', 'W', 3_000, 2), f('A', 'B', 7_000, 3)];
    const r = trace({ seeds, flows, method: 'fifo' });
    expect(table(r)).toEqual({ A: [1, 10_000, 10_000, 0, 0], B: [2, 7_000, 0, 0, 7_000] });
    expect(r.totalReturned).toBe(3_000);
  });

  it('rejects amounts that are not whole fen', () => {
    expect(() => trace({ seeds: [f('V', 'A', 10.5, 0)], flows: [], method: 'fifo' })).toThrow(RangeError);
    expect(() => trace({ seeds: [], flows: [], method: 'fifo', maxHops: 0 })).toThrow(RangeError);
  });
});

describe('trace: conservation over random networks', () => {
  // A small deterministic generator (mulberry32): the same networks every run.
  function rng(seed: number) {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let x = Math.imul(a ^ (a >>> 15), 1 | a);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('victim money is held, cashed out, past the limit or returned: nothing is created or lost', () => {
    for (let n = 0; n < 30; n++) {
      const r = rng(n + 1);
      const pick = (k: number) => `M${Math.floor(r() * k)}`;
      const seeds = [f('V', pick(5), 1 + Math.floor(r() * 1e6), 0), f('V', pick(5), 1 + Math.floor(r() * 1e6), 1)];
      const flows: Flow[] = [];
      for (let i = 0; i < 300; i++) {
        const from = r() < 0.1 ? `O${i}` : r() < 0.02 ? 'V' : pick(40);
        const cash = r() < 0.05;
        flows.push(f(from, cash ? 'ATM' : r() < 0.02 ? 'V' : pick(40), 1 + Math.floor(r() * 5e5), Math.floor(r() * 200), cash ? { channel: 'cash_out' } : {}));
      }
      const fifo = trace({ seeds, flows, method: 'fifo', maxHops: 4 });
      // Rows come back from the database in no particular order: the answer must not change with it.
      expect(trace({ seeds, flows: [...flows].reverse(), method: 'fifo', maxHops: 4 })).toEqual(fifo);
      expect(fifo.totalHeld + fifo.totalCashedOut + fifo.totalBeyond + fifo.totalReturned).toBe(fifo.totalSeed);
      const prop = trace({ seeds, flows, method: 'proportional', maxHops: 4 });
      const sum = prop.totalHeld + prop.totalCashedOut + prop.totalBeyond + prop.totalReturned;
      expect(sum).toBeLessThanOrEqual(prop.totalSeed);
      // Each shown figure is rounded down by less than a fen, and accounts under 1 fen are not shown: at most 2 fen per account.
      expect(prop.totalSeed - sum).toBeLessThanOrEqual(2 * 45 + 2);
      for (const res of [fifo, prop]) {
        for (const node of res.nodes) {
          expect(node.held).toBeGreaterThanOrEqual(0);
          expect(node.taintedIn).toBe(node.taintedOut + node.held);
          expect(node.cashedOut).toBeLessThanOrEqual(node.taintedOut);
          expect(node.hop).toBeLessThanOrEqual(4);
        }
      }
    }
  });
});

describe('suggestNextStops', () => {
  // Proportional mixing fixture: A holds 3000 (hop 1), B 4000 (hop 2), C 3000 (hop 2).
  const result = trace({
    seeds: [f('V', 'A', 10_000, 10, { toBank: '建设银行' })],
    flows: [f('X', 'A', 5_000, 0), f('Y', 'A', 5_000, 20), f('A', 'B', 8_000, 30, { toBank: '招商银行' }), f('A', 'C', 6_000, 40)],
    method: 'proportional',
  });

  it('ranks by the amount still held, then the nearer hop', () => {
    expect(suggestNextStops(result, new Set())).toEqual([
      { account: 'B', bank: '招商银行', amount: 4_000, hop: 2, reason: '受害资金约 40.00 元仍可能留存（第 2 跳）' },
      { account: 'A', bank: '建设银行', amount: 3_000, hop: 1, reason: '受害资金约 30.00 元仍可能留存（第 1 跳）' },
      { account: 'C', bank: null, amount: 3_000, hop: 2, reason: '受害资金约 30.00 元仍可能留存（第 2 跳）' },
    ]);
  });

  it('leaves out covered accounts and amounts under the minimum', () => {
    expect(suggestNextStops(result, new Set(['B'])).map((s) => s.account)).toEqual(['A', 'C']);
    expect(suggestNextStops(result, new Set(['A']), 3_001).map((s) => s.account)).toEqual(['B']);
  });

  it('writes large amounts with thousands separators', () => {
    const big = trace({ seeds: [f('V', 'A', 123_456_789, 0)], flows: [], method: 'fifo' });
    expect(suggestNextStops(big, new Set())[0]?.reason).toBe('受害资金约 1,234,567.89 元仍可能留存（第 1 跳）');
  });
});

describe('arrivals', () => {
  it('gives the first arrival of victim money and the hop, for accounts over the minimum', () => {
    // The cycle fixture: A first gets victim money at 0 (hop 1), B at 1, C at 2, D at 4.
    const r = trace({
      seeds: [f('V', 'A', 10_000, 0)],
      flows: [f('X', 'B', 500, 0), f('A', 'B', 10_000, 1), f('B', 'C', 6_000, 2), f('C', 'A', 6_000, 3), f('A', 'D', 6_000, 4)],
      method: 'fifo',
    });
    expect(Object.fromEntries(arrivals(r))).toEqual({ A: { at: t(0), hop: 1 }, B: { at: t(1), hop: 2 }, C: { at: t(2), hop: 3 }, D: { at: t(4), hop: 2 } });
    expect([...arrivals(r, 8_000).keys()].sort()).toEqual(['A', 'B']);
  });
});

describe('yuan and fen', () => {
  it('converts exactly', () => {
    expect(yuanToFen('1234.56')).toBe(123_456);
    expect(yuanToFen('0.5')).toBe(50);
    expect(yuanToFen('12')).toBe(1_200);
    expect(yuanToFen('-0.05')).toBe(-5);
    expect(yuanToFen('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(fenToYuan(123_456)).toBe('1234.56');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(-5)).toBe('-0.05');
    expect(fenToYuan(0)).toBe('0.00');
    expect(formatYuan(123_456_789)).toBe('1,234,567.89');
    // 0.1 + 0.2 style drift would show here: 19.99 yuan × 100 is 1998.9999999999998 in floating point.
    expect(yuanToFen('19.99')).toBe(1_999);
  });

  it('rejects what is not a two-place decimal', () => {
    // numeric(16,2) goes beyond exact doubles; an amount that large is refused rather than rounded.
    for (const s of ['1.234', 'abc', '', '1,000.00', '1e3', '99999999999999.99']) expect(() => yuanToFen(s)).toThrow(RangeError);
    expect(() => fenToYuan(1.5)).toThrow(RangeError);
  });
});
