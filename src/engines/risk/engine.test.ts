import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESET, parseRuleSet, type RuleSet } from './config.ts';
import { RiskEngine, type TxVerdict } from './engine.ts';
import { AccountTable, DOUBLING_LIMIT, F_FIRST, nextCapacity } from './state.ts';
import type { Channel, Tx } from './types.ts';

// 2026-11-02 10:00 China time (a Monday, daytime)
const T0 = Date.parse('2026-11-02T10:00:00+08:00');
const MIN = 60_000;
let seq = 0;
function tx(from: string, to: string, yuan: number, atMs: number, channel: Channel = 'transfer'): Tx {
  return { txId: `t${++seq}`, at: atMs, from, fromBank: 'B1', to, toBank: 'B1', amount: Math.round(yuan * 100), channel };
}

/** An engine that has watched the bank for a week of ordinary traffic (so "new" accounts can be told apart). */
function warmEngine(rs: RuleSet = DEFAULT_RULESET, opts: ConstructorParameters<typeof RiskEngine>[1] = {}): RiskEngine {
  const e = new RiskEngine(rs, opts);
  e.process(tx('warm-a', 'warm-b', 10, T0 - 8 * 86_400_000));
  return e;
}

function must<T>(x: T | null | undefined): T {
  if (x === null || x === undefined) throw new Error('expected a value');
  return x;
}

/** The shipped rules with every typology's review threshold near zero, so any hit shows in the verdict. */
function sensitive(): RuleSet {
  const rs = structuredClone(DEFAULT_RULESET);
  for (const t of rs.typologies) t.review = 0.01;
  return parseRuleSet(rs);
}

function rulesOf(v: TxVerdict | null, account?: string): string[] {
  if (!v) return [];
  return v.accounts.filter((a) => !account || a.account === account).flatMap((a) => a.hits.map((h) => h.rule));
}

describe('risk engine rules', () => {
  it('fast in / out: repeated pass-throughs within minutes raise a review with the reason', () => {
    const e = warmEngine();
    let last: TxVerdict | null = null;
    for (let k = 0; k < 3; k++) {
      const at = T0 + k * 120 * MIN;
      e.process(tx(`victim${k}`, 'mule', 5000, at));
      last = e.process(tx('mule', `next${k}`, 4950, at + 8 * MIN));
    }
    expect(last?.decision).toBe('review');
    const mule = must(last?.accounts.find((a) => a.account === 'mule'));
    expect(mule.hits.map((h) => h.rule)).toContain('fast_in_out');
    const h = must(mule.hits.find((x) => x.rule === 'fast_in_out'));
    expect(h.subRule).toBe('fast_in_out.dwell');
    expect(h.reason).toContain('3次');
    expect(last?.alerts.map((a) => a.account)).toContain('mule');
  });

  it('a salary moved once to the owner\'s own account is not flagged', () => {
    const e = warmEngine();
    e.process(tx('employer', 'alice', 8000, T0));
    const v = e.process(tx('alice', 'alice-2', 7900, T0 + 5 * MIN));
    expect(v.decision).toBe('allow');
  });

  it('fan-in of victims into a new account that forwards the money: review, then the alert is not repeated', () => {
    const e = warmEngine();
    const verdicts: TxVerdict[] = [];
    for (let k = 0; k < 8; k++) verdicts.push(e.process(tx(`v${k}`, 'collector', 3000 + k * 100, T0 + k * 10 * MIN)));
    const forward = e.process(tx('collector', 'boss', 26_000, T0 + 90 * MIN));
    const all = [...verdicts, forward];
    expect(all.some((v) => rulesOf(v, 'collector').includes('fan_in'))).toBe(true);
    expect(forward.decision).not.toBe('allow');
    const alertsForCollector = all.flatMap((v) => v.alerts).filter((a) => a.account === 'collector');
    expect(alertsForCollector.length).toBe(1);
  });

  it('a busy merchant taking many small payments is not a fan-in mule', () => {
    const e = warmEngine();
    let worst = 'allow';
    for (let k = 0; k < 200; k++) {
      const v = e.process(tx(`shopper${k}`, 'shop', 20 + (k % 50), T0 + k * 3 * MIN));
      if (v.decision !== 'allow') worst = v.decision;
    }
    expect(worst).toBe('allow');
  });

  it('payroll fan-out from money held for weeks is allowed; fan-out of money that just arrived is not', () => {
    const e = warmEngine();
    e.process(tx('client', 'company', 200_000, T0 - 20 * 86_400_000));
    let payroll = 'allow';
    for (let k = 0; k < 30; k++) {
      const v = e.process(tx('company', `emp${k}`, 6000, T0 + k * MIN));
      if (v.decision !== 'allow') payroll = v.decision;
    }
    expect(payroll).toBe('allow');

    e.process(tx('src', 'hub', 60_000, T0 + 60 * MIN));
    const outs: TxVerdict[] = [];
    for (let k = 0; k < 10; k++) outs.push(e.process(tx('hub', `d${k}`, 5800, T0 + 70 * MIN + k * MIN)));
    expect(outs.some((v) => rulesOf(v, 'hub').includes('fan_out'))).toBe(true);
    expect(outs.at(-1)?.decision).not.toBe('allow');
  });

  it('cycle: money returns to its start through three accounts within hours → hold, all members named', () => {
    const e = warmEngine();
    e.process(tx('A', 'B', 20_000, T0));
    e.process(tx('B', 'C', 19_700, T0 + 20 * MIN));
    e.process(tx('C', 'D', 19_400, T0 + 40 * MIN));
    const close = e.process(tx('D', 'A', 19_100, T0 + 60 * MIN));
    const members = close.accounts.filter((a) => a.hits.some((h) => h.rule === 'cycle')).map((a) => a.account).sort();
    expect(members).toEqual(['A', 'B', 'C', 'D']);
    expect(close.decision).toBe('hold');
    const reason = must(close.accounts[0]?.hits.find((h) => h.rule === 'cycle'));
    expect(reason.subRule).toBe('cycle.length_4');
    expect(reason.reason).toContain('4个账户');
  });

  it('a refund back and forth is not a cycle; an unrelated amount does not close one', () => {
    const e = warmEngine();
    e.process(tx('A', 'B', 500, T0));
    expect(rulesOf(e.process(tx('B', 'A', 500, T0 + MIN)))).not.toContain('cycle');
    e.process(tx('X', 'Y', 20_000, T0));
    e.process(tx('Y', 'Z', 19_800, T0 + MIN));
    expect(rulesOf(e.process(tx('Z', 'X', 300, T0 + 2 * MIN)))).not.toContain('cycle');
  });

  it('scatter-gather: one source split over three accounts that all pay the same sink', () => {
    const e = warmEngine();
    for (const m of ['m1', 'm2', 'm3']) e.process(tx('source', m, 10_000, T0));
    e.process(tx('m1', 'sink', 9800, T0 + 30 * MIN));
    e.process(tx('m2', 'sink', 9800, T0 + 35 * MIN));
    const last = e.process(tx('m3', 'sink', 9800, T0 + 40 * MIN));
    const named = last.accounts.filter((a) => a.hits.some((h) => h.rule === 'scatter_gather')).map((a) => a.account).sort();
    expect(named).toEqual(['m1', 'm2', 'm3', 'sink', 'source']);
    expect(last.decision).not.toBe('allow');
  });

  it('employees of one company shopping at the same supermarket are not a scatter-gather', () => {
    const e = warmEngine();
    for (let k = 0; k < 5; k++) e.process(tx('acme', `e${k}`, 6000, T0));
    let worst = 'allow';
    for (let k = 0; k < 5; k++) {
      const v = e.process(tx(`e${k}`, 'supermarket', 180, T0 + (k + 1) * 30 * MIN));
      if (v.decision !== 'allow') worst = v.decision;
    }
    expect(worst).toBe('allow');
  });

  it('gather-scatter: many in and as many out the same day through a hub', () => {
    const e = warmEngine();
    for (let k = 0; k < 5; k++) e.process(tx(`p${k}`, 'hub2', 6000, T0 + k * MIN));
    let v: TxVerdict | null = null;
    for (let k = 0; k < 5; k++) v = e.process(tx('hub2', `r${k}`, 5800, T0 + 120 * MIN + k * MIN));
    expect(rulesOf(v, 'hub2')).toContain('gather_scatter');
  });

  it('bipartite: three payers each paying the same two receivers', () => {
    const e = warmEngine();
    let v: TxVerdict | null = null;
    for (const p of ['pa', 'pb', 'pc']) {
      e.process(tx(p, 'rx', 4000, T0 + 10 * MIN));
      v = e.process(tx(p, 'ry', 4000, T0 + 20 * MIN));
    }
    const named = v?.accounts.filter((a) => a.hits.some((h) => h.rule === 'bipartite')).map((a) => a.account).sort();
    expect(named).toEqual(expect.arrayContaining(['pa', 'pb', 'pc', 'ry']));
  });

  it('stack: a chain of quick hands → review from the third layer, hold from the fifth', () => {
    const e = warmEngine();
    e.process(tx('victim', 'L1', 30_000, T0));
    e.process(tx('L1', 'L2', 29_500, T0 + 5 * MIN));
    e.process(tx('L2', 'L3', 29_000, T0 + 10 * MIN));
    const v = e.process(tx('L3', 'L4', 28_500, T0 + 15 * MIN));
    expect(rulesOf(v, 'L3')).toContain('stack');
    expect(rulesOf(v, 'L4')).toContain('stack');
    expect(v.decision).toBe('review');
    expect(v.accounts.find((a) => a.account === 'L4')?.hits.find((h) => h.rule === 'stack')?.subRule).toBe('stack.receiver');
    e.process(tx('L4', 'L5', 28_000, T0 + 20 * MIN));
    const deep = e.process(tx('L5', 'L6', 27_500, T0 + 25 * MIN));
    expect(deep.accounts.find((a) => a.account === 'L5')?.decision).toBe('hold');
  });

  it('cash-out after inflow at night, across terminals', () => {
    const e = warmEngine();
    const night = Date.parse('2026-11-03T01:10:00+08:00');
    e.process(tx('v1', 'cashier', 12_000, night));
    e.process(tx('v2', 'cashier', 12_000, night + 5 * MIN));
    e.process(tx('cashier', 'CASH:B1:001', 7000, night + 20 * MIN, 'cash_out'));
    e.process(tx('cashier', 'CASH:B1:002', 7000, night + 30 * MIN, 'cash_out'));
    const v = e.process(tx('cashier', 'CASH:B1:004', 7000, night + 40 * MIN, 'cash_out'));
    const rules = rulesOf(v, 'cashier');
    expect(rules).toContain('cash_out_after_inflow');
    expect(rules).toContain('night_burst');
    expect(v.decision).toBe('review');
    // the cash point itself is never an account under suspicion
    expect(v.accounts.map((a) => a.account)).not.toContain('CASH:B1:002');
  });

  it('a small withdrawal after payday is not a cash-out pattern', () => {
    const e = warmEngine();
    e.process(tx('employer', 'bob', 9000, T0));
    const v = e.process(tx('bob', 'CASH:B1:003', 500, T0 + 60 * MIN, 'cash_out'));
    expect(v.decision).toBe('allow');
  });

  it('amounts just under limits, repeatedly, give the rule its reason', () => {
    const e = warmEngine(sensitive());
    e.process(tx('s', 'a1', 49_900, T0));
    const v = e.process(tx('s', 'a2', 49_800, T0 + MIN));
    expect(rulesOf(v, 's')).toContain('just_under_limit');
    // round amounts exactly at a limit are ordinary
    const e2 = warmEngine(sensitive());
    e2.process(tx('s', 'a1', 5000, T0));
    expect(rulesOf(e2.process(tx('s', 'a2', 5000, T0 + MIN)), 's')).not.toContain('just_under_limit');
  });

  it('new account with high volume only after the engine has watched long enough', () => {
    const cold = new RiskEngine(sensitive());
    let v: TxVerdict | null = null;
    for (let k = 0; k < 6; k++) v = cold.process(tx(`x${k}`, 'fresh', 5000, T0 + k * MIN));
    expect(rulesOf(v, 'fresh')).not.toContain('new_account_volume');
    const warm = warmEngine(sensitive());
    for (let k = 0; k < 6; k++) v = warm.process(tx(`x${k}`, 'fresh', 5000, T0 + k * MIN));
    expect(rulesOf(v, 'fresh')).toContain('new_account_volume');
  });

  it('accounts on the center\'s lists: payments to and from them are blocked, above any allow-list', () => {
    const e = warmEngine();
    e.setLists([['frozen-1', 'frozen']]);
    e.setAllowList([['payer', T0 + 86_400_000]]);
    const toListed = e.process(tx('payer', 'frozen-1', 100, T0));
    expect(toListed.decision).toBe('block');
    const payer = must(toListed.accounts.find((a) => a.account === 'payer'));
    expect(payer.hits[0]?.subRule).toBe('listed_counterparty.pays_listed');
    expect(payer.hits[0]?.reason).toBe('向冻结名单账户转账');
    const fromListed = e.process(tx('frozen-1', 'elsewhere', 100, T0 + MIN));
    expect(fromListed.accounts.find((a) => a.account === 'frozen-1')?.hits[0]?.subRule).toBe('listed_counterparty.listed_sender');
  });

  it('an alert read back after a restart keeps the account from being alerted again within the window', () => {
    const dedupMs = DEFAULT_RULESET.alertDedupHours * 3_600_000;
    const e = warmEngine();
    e.setLists([['frozen-1', 'frozen']]);
    e.process(tx('payer', 'shop', 20, T0 - MIN));
    e.process(tx('other', 'shop', 20, T0 - MIN));
    // What the store says was raised before the restart: a block on payer, a review on other.
    e.noteAlerted('payer', T0, 'block', false);
    e.noteAlerted('other', T0, 'review', false);
    const alerted = (v: TxVerdict) => v.alerts.map((a) => a.account);
    const again = e.process(tx('payer', 'frozen-1', 100, T0 + 60 * MIN));
    expect(again.decision).toBe('block');
    expect(alerted(again)).not.toContain('payer');
    // a block is more than the review on record: alerted
    expect(alerted(e.process(tx('other', 'frozen-1', 100, T0 + 61 * MIN)))).toContain('other');
    // after the window the block is alerted again
    expect(alerted(e.process(tx('payer', 'frozen-1', 100, T0 + dedupMs + 2 * MIN)))).toContain('payer');
    // an account the engine has not seen is ignored (nothing to remember it by)
    expect(() => e.noteAlerted('never-seen', T0, 'block', false)).not.toThrow();
  });

  it('an allow-list entry keeps a flagged account at allow until it expires', () => {
    const e = warmEngine();
    e.setAllowList([['mule', T0 + 60 * MIN]]);
    const run = (start: number): TxVerdict => {
      let last: TxVerdict | null = null;
      for (let k = 0; k < 3; k++) {
        e.process(tx(`vv${start}${k}`, 'mule', 5000, start + k * 20 * MIN));
        last = e.process(tx('mule', `nn${start}${k}`, 4950, start + k * 20 * MIN + 2 * MIN));
      }
      return must(last);
    };
    expect(run(T0).decision).toBe('allow');
    expect(run(T0 + 3 * 60 * MIN).decision).toBe('review');
  });

  it('hold and block only through rules that carry the mark', () => {
    const rs = structuredClone(DEFAULT_RULESET);
    rs.rules.cycle.interdict = undefined;
    const e = warmEngine(parseRuleSet(rs));
    e.process(tx('A', 'B', 20_000, T0));
    e.process(tx('B', 'C', 19_700, T0 + 20 * MIN));
    const v = e.process(tx('C', 'A', 19_400, T0 + 40 * MIN));
    expect(rulesOf(v)).toContain('cycle');
    expect(v.decision).toBe('review');
  });

  it('a disabled rule does not fire; a shadow rule set is scored beside the live one without alerts of its own acting', () => {
    const off = structuredClone(DEFAULT_RULESET);
    off.version = 'v2-no-cycle';
    off.rules.cycle.enabled = false;
    const e = warmEngine(DEFAULT_RULESET, { shadow: parseRuleSet(off) });
    e.process(tx('A', 'B', 20_000, T0));
    e.process(tx('B', 'C', 19_700, T0 + 20 * MIN));
    const v = e.process(tx('C', 'A', 19_400, T0 + 40 * MIN));
    expect(v.decision).toBe('hold');
    expect(v.shadow).toEqual({ decision: 'allow', score: 0, alerts: [] });
    expect(e.shadowVersion).toBe('v2-no-cycle');
  });

  it('rejects a rule set with thresholds the wrong way round, naming the field', () => {
    const bad = structuredClone(DEFAULT_RULESET);
    must(bad.typologies[0]).interdict = 0.1;
    expect(() => parseRuleSet(bad)).toThrow(/interdict/);
  });

  it('ordinary traffic between a few hundred people over a day raises nothing', () => {
    const e = warmEngine();
    let flagged = 0;
    for (let k = 0; k < 3000; k++) {
      const a = `p${k % 300}`;
      const b = `p${(k * 7 + 13) % 300}`;
      if (a === b) continue;
      const v = e.process(tx(a, b, 50 + ((k * 37) % 900), T0 + k * 20_000));
      if (v.decision !== 'allow') flagged++;
    }
    expect(flagged).toBe(0);
  });
});

describe('account table growth', () => {
  it('doubles up to a million slots, then grows by a quarter, keeping every account', () => {
    expect(nextCapacity(1024)).toBe(2048);
    expect(nextCapacity(DOUBLING_LIMIT / 2)).toBe(DOUBLING_LIMIT);
    expect(nextCapacity(DOUBLING_LIMIT)).toBe(DOUBLING_LIMIT + DOUBLING_LIMIT / 4);
    const table = new AccountTable(16);
    for (let k = 0; k < 100; k++) table.ensure(String(6_222_000_000 + k), 'B', k, false);
    expect(table.capacity()).toBe(128);
    expect(table.size).toBe(100);
    for (let k = 0; k < 100; k++) expect(table.index.get(String(6_222_000_000 + k))).toBe(k);
    expect(table.get(99, F_FIRST)).toBe(99);
    // sized up front for the accounts expected: nothing grows while they arrive
    const sized = new AccountTable(5_000);
    for (let k = 0; k < 5_000; k++) sized.ensure(String(6_222_100_000 + k), 'B', k, false);
    expect(sized.capacity()).toBe(5_000);
    expect(sized.index.get('6222104999')).toBe(4_999);
  });

  it('remembers a rule that fired on an account for a day, and forgets it after', () => {
    const engine = new RiskEngine(DEFAULT_RULESET);
    const t0 = Date.UTC(2026, 0, 10, 2);
    // a listed account receiving: the listed-counterparty rule fires on the payer's side of every transfer to it
    engine.setLists([['6222999900000001', 'frozen']]);
    const first = engine.process({ txId: 'm1', at: t0, from: '6222000000000001', fromBank: 'B', to: '6222999900000001', toBank: 'B', amount: 100_000, channel: 'transfer' });
    expect(first.accounts.find((a) => a.account === '6222000000000001')?.hits.map((h) => h.rule)).toContain('listed_counterparty');
    // an ordinary transfer an hour later still carries the remembered hit; two days later it does not
    const later = engine.process({ txId: 'm2', at: t0 + 3_600_000, from: '6222000000000001', fromBank: 'B', to: '6222000000000002', toBank: 'B', amount: 10_000, channel: 'transfer' });
    expect(later.accounts.find((a) => a.account === '6222000000000001')?.hits.map((h) => h.rule)).toContain('listed_counterparty');
    const gone = engine.process({ txId: 'm3', at: t0 + 2 * 86_400_000, from: '6222000000000001', fromBank: 'B', to: '6222000000000002', toBank: 'B', amount: 10_000, channel: 'transfer' });
    expect(gone.accounts.find((a) => a.account === '6222000000000001')).toBeUndefined();
  });
});
