import { describe, expect, it } from 'vitest';
import { luhnValid } from '../../lib/bank-account.ts';
import { txToContractLine } from './ndjson.ts';
import { BANK_CODES, synthesize, TYPOLOGIES, variantParams, type MuleInstance, type SynthOptions, type SynthResult, type Typology } from './synth.ts';
import { CHANNELS, type Tx } from './types.ts';

const START = Date.parse('2025-03-01T00:00:00+08:00');
const DAY = 86_400_000;
const MIN = 60_000;
const HOUR = 3_600_000;
const BASE: SynthOptions = { seed: Number(process.env.SYNTH_TEST_SEED ?? 42), accounts: 6000, transactions: 50_000, start: START, days: 35, muleShare: 0.03 };

interface Run extends SynthResult {
  txs: Tx[];
  byId: Map<string, Tx>;
}
function run(opts: SynthOptions): Run {
  const r = synthesize(opts);
  const txs = [...r.transactions];
  return { ...r, txs, byId: new Map(txs.map((t) => [t.txId, t])) };
}
const runs = { train: run({ ...BASE, variant: 'train' }), holdout: run({ ...BASE, variant: 'holdout' }) };

const isCash = (a: string) => a.startsWith('CASH:');
const localHour = (at: number) => new Date(at + 8 * HOUR).getUTCHours();
const localDay = (at: number) => Math.floor((at + 8 * HOUR) / DAY);
function txOf(r: Run, inst: MuleInstance): Tx[] {
  return inst.txIds.map((id) => r.byId.get(id) as Tx);
}
function roleAccounts(inst: MuleInstance, role: string): string[] {
  return inst.accounts.filter((_, i) => inst.roles[i] === role);
}
function instancesOf(r: Run, t: Typology): MuleInstance[] {
  return r.labels.instances.filter((i) => i.typology === t);
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}
function digest(txs: Iterable<Tx>): string {
  let s = '';
  for (const t of txs) s += `${txToContractLine(t)}\n`;
  return s;
}

describe('synthesize: the stream', () => {
  it('is deterministic for a seed, re-iterable, and differs between seeds', () => {
    const small: SynthOptions = { ...BASE, accounts: 3000, transactions: 15_000, days: 10, variant: 'holdout' };
    const a = synthesize(small);
    const b = synthesize(small);
    const expected = digest(a.transactions);
    expect(digest(b.transactions)).toBe(expected);
    expect(digest(b.transactions)).toBe(expected); // a second pass regenerates the same stream
    expect([...b.labels.mules]).toEqual([...a.labels.mules]);
    expect([...b.labels.patternTx]).toEqual([...a.labels.patternTx]);
    expect(b.labels.instances).toEqual(a.labels.instances);
    const other = synthesize({ ...small, seed: 43 });
    expect(digest(other.transactions)).not.toBe(expected);
    expect([...other.labels.mules.keys()]).not.toEqual([...a.labels.mules.keys()]);
  });

  it.each(['train', 'holdout'] as const)('%s: is in time order inside the window, with unique ids and well-formed fields', (v) => {
    const { txs } = runs[v];
    const end = START + BASE.days * DAY;
    const ids = new Set<string>();
    const bad: string[] = [];
    const check = (ok: boolean, what: string, t: Tx) => {
      if (!ok && bad.length < 5) bad.push(`${what}: ${JSON.stringify(t)}`);
    };
    let last = -Infinity;
    for (const t of txs) {
      check(t.at >= last, 'time order', t);
      last = t.at;
      check(t.at >= START && t.at < end && t.at % 1000 === 0, 'window, whole seconds', t);
      ids.add(t.txId);
      check(/^T\d{20}$/.test(t.txId) && t.txId.slice(1, 9) === new Date(t.at + 8 * HOUR).toISOString().slice(0, 10).replace(/-/g, ''), 'txId', t);
      check(Number.isSafeInteger(t.amount) && t.amount > 0, 'amount', t);
      check(CHANNELS.includes(t.channel), 'channel', t);
      check((BANK_CODES as readonly string[]).includes(t.fromBank) && (BANK_CODES as readonly string[]).includes(t.toBank), 'bank', t);
      check(t.from !== t.to, 'self', t);
      for (const [acct, bank, cashSide] of [[t.from, t.fromBank, t.channel === 'cash_in'], [t.to, t.toBank, t.channel === 'cash_out']] as const) {
        if (cashSide) check(acct === `CASH:${bank}:${acct.slice(-4)}` && /^\d{4}$/.test(acct.slice(-4)), 'cash point', t);
        else check(/^\d{16,19}$/.test(acct) && luhnValid(acct), 'card number', t);
      }
    }
    expect(bad).toEqual([]);
    expect(ids.size).toBe(txs.length);
    // card numbers carry their bank's BIN
    const bins = new Map<string, Set<string>>();
    for (const t of txs.slice(0, 2000)) if (!isCash(t.from)) bins.set(t.fromBank, (bins.get(t.fromBank) ?? new Set()).add(t.from.slice(0, 6)));
    for (const set of bins.values()) expect(set.size).toBe(1);
  });

  it.each([
    { accounts: 3000, transactions: 20_000, days: 7, variant: 'train' },
    { accounts: 20_000, transactions: 60_000, days: 60, variant: 'train' },
    { accounts: 5000, transactions: 30_000, days: 14, variant: 'holdout' },
    { accounts: 2000, transactions: 120_000, days: 3, variant: 'holdout' },
    { accounts: 30_000, transactions: 15_000, days: 31, variant: 'train' },
    { accounts: 4000, transactions: 40_000, days: 1, variant: 'train' },
  ] as const)('lands within 2 % of the requested count: $accounts accounts, $transactions tx, $days days, $variant', (o) => {
    const r = synthesize({ seed: 5, start: START, muleShare: 0.01, ...o });
    let n = 0;
    for (const _ of r.transactions) n++;
    expect(Math.abs(n - o.transactions) / o.transactions).toBeLessThan(0.02);
  });

  it('streams lazily: a large run yields its first day at once and can be abandoned', () => {
    const r = synthesize({ seed: 1, accounts: 100_000, transactions: 1_000_000, start: START, days: 30 });
    const first: Tx[] = [];
    for (const t of r.transactions) {
      first.push(t);
      if (first.length === 1000) break;
    }
    expect(first.every((t) => t.at < START + DAY)).toBe(true);
    expect(r.labels.mules.size).toBeGreaterThan(400);
  });

  it('validates options', () => {
    expect(() => synthesize({ ...BASE, accounts: 10 })).toThrow(RangeError);
    expect(() => synthesize({ ...BASE, days: 0 })).toThrow(RangeError);
    expect(() => synthesize({ ...BASE, typologies: ['nope' as Typology] })).toThrow(RangeError);
    expect(synthesize({ ...BASE, muleShare: 0 }).labels.mules.size).toBe(0);
    const only = synthesize({ ...BASE, typologies: ['cycle', 'stack'] });
    expect(new Set(only.labels.mules.values())).toEqual(new Set(['cycle', 'stack']));
  });
});

describe.each(['train', 'holdout'] as const)('synthesize %s: mule structures', (v) => {
  const r = runs[v];
  const P = r.params.mules;

  it('has every typology, labels exactly the accounts with a mule role, and never labels victims', () => {
    for (const t of TYPOLOGIES) expect(instancesOf(r, t).length, t).toBeGreaterThan(0);
    expect(new Set(r.labels.mules.values())).toEqual(new Set(TYPOLOGIES));
    const inInstances = new Map<string, Typology>();
    for (const inst of r.labels.instances) for (const a of inst.accounts) inInstances.set(a, inst.typology);
    expect(inInstances).toEqual(r.labels.mules);
    const patternIds = new Set(r.labels.instances.flatMap((i) => i.txIds));
    expect(patternIds).toEqual(r.labels.patternTx);
    for (const inst of r.labels.instances) {
      const members = new Set(inst.accounts);
      const victims = new Set(inst.victims);
      for (const vi of victims) expect(r.labels.mules.has(vi)).toBe(false);
      let last = -Infinity;
      for (const t of txOf(r, inst)) {
        expect(t).toBeDefined();
        expect(t.at).toBeGreaterThanOrEqual(last);
        last = t.at;
        expect(t.at).toBeGreaterThanOrEqual(inst.start);
        expect(t.at).toBeLessThanOrEqual(inst.end);
        expect(members.has(t.from) || victims.has(t.from)).toBe(true);
        expect(members.has(t.to) || isCash(t.to)).toBe(true);
        if (victims.has(t.from)) {
          expect(t.amount).toBeGreaterThanOrEqual(P.victimYuan.min * 100);
          expect(t.amount).toBeLessThanOrEqual(P.victimYuan.max * 100);
        }
      }
    }
    // the share of mule accounts is about what was asked (small populations get at least one structure of each kind)
    expect(r.labels.mules.size / BASE.accounts).toBeGreaterThan(0.02);
    expect(r.labels.mules.size / BASE.accounts).toBeLessThan(0.05);
  });

  it('uses mostly new accounts for mules, but also some with an ordinary history', () => {
    const firstPattern = new Map<string, number>();
    for (const inst of r.labels.instances) for (const a of inst.accounts) firstPattern.set(a, Math.min(firstPattern.get(a) ?? Infinity, inst.start));
    const spentBefore = new Set<string>();
    for (const t of r.txs) if (!r.labels.patternTx.has(t.txId) && t.at < (firstPattern.get(t.from) ?? -Infinity)) spentBefore.add(t.from);
    const seasoned = spentBefore.size / r.labels.mules.size;
    expect(seasoned).toBeGreaterThan(0.03);
    expect(seasoned).toBeLessThan(0.5);
    // new mule accounts are often warmed up with a tiny payment first
    const warm = r.txs.filter((t) => !r.labels.patternTx.has(t.txId) && r.labels.mules.has(t.to) && t.amount <= 5000 && t.at < (firstPattern.get(t.to) ?? 0));
    expect(warm.length).toBeGreaterThan(5);
  });

  it('fan_in: many distinct victims pay one collector within hours, which passes the money on', () => {
    for (const inst of instancesOf(r, 'fan_in')) {
      const [c] = roleAccounts(inst, 'collector');
      const txs = txOf(r, inst);
      const ins = txs.filter((t) => t.to === c);
      const outs = txs.filter((t) => t.from === c);
      expect(new Set(ins.map((t) => t.from)).size).toBeGreaterThanOrEqual(5);
      expect((ins.at(-1)?.at ?? 0) - (ins[0]?.at ?? 0)).toBeLessThanOrEqual(10 * HOUR);
      expect(outs.length).toBeGreaterThan(0);
      expect(outs[0]?.at ?? 0).toBeGreaterThan(ins[0]?.at ?? Infinity);
      const inSum = ins.reduce((s, t) => s + t.amount, 0);
      const outSum = outs.reduce((s, t) => s + t.amount, 0);
      expect(outSum).toBeLessThan(inSum);
      expect(outSum).toBeGreaterThan(0.94 * inSum);
      for (const t of outs) expect(t.amount).toBeLessThanOrEqual(Math.max(...P.transferLimitYuan) * 100);
    }
  });

  it('fan_out: one account pays many receivers in a short time', () => {
    for (const inst of instancesOf(r, 'fan_out')) {
      const [s] = roleAccounts(inst, 'source');
      const txs = txOf(r, inst);
      const outs = txs.filter((t) => t.from === s);
      const lastIn = Math.max(...txs.filter((t) => t.to === s).map((t) => t.at));
      expect(new Set(outs.map((t) => t.to)).size).toBeGreaterThanOrEqual(P.fanOut.receivers[0]);
      expect((outs.at(-1)?.at ?? 0) - (outs[0]?.at ?? 0)).toBeLessThanOrEqual(P.fanOut.windowMinutes[1] * MIN);
      expect(outs[0]?.at ?? 0).toBeGreaterThan(lastIn);
    }
  });

  it('cycle: the members form a directed cycle, hop after hop within a day, each hop minus a fee', () => {
    for (const inst of instancesOf(r, 'cycle')) {
      const m = roleAccounts(inst, 'member');
      expect(m.length).toBeGreaterThanOrEqual(3);
      const txs = txOf(r, inst);
      let t = -Infinity;
      let prev = Infinity;
      const begin = txs.find((x) => x.from === m[0] && x.to === m[1])?.at ?? NaN;
      for (let i = 0; i < m.length; i++) {
        const hop = txs.find((x) => x.from === m[i] && x.to === m[(i + 1) % m.length] && x.at > t);
        expect(hop, `hop ${i}`).toBeDefined();
        t = hop?.at ?? Infinity;
        expect(hop?.amount ?? Infinity).toBeLessThan(prev);
        expect(hop?.amount ?? 0).toBeGreaterThan(0.94 * (Number.isFinite(prev) ? prev : (hop?.amount ?? 0)));
        prev = hop?.amount ?? 0;
      }
      expect(t - begin).toBeLessThanOrEqual(DAY);
    }
  });

  it('scatter_gather: a source splits over intermediaries who each pay the one sink afterwards', () => {
    for (const inst of instancesOf(r, 'scatter_gather')) {
      const [s] = roleAccounts(inst, 'source');
      const [sink] = roleAccounts(inst, 'sink');
      const mids = roleAccounts(inst, 'intermediary');
      expect(mids.length).toBeGreaterThanOrEqual(3);
      const txs = txOf(r, inst);
      for (const mid of mids) {
        const inTx = txs.find((t) => t.from === s && t.to === mid);
        const outTx = txs.find((t) => t.from === mid && t.to === sink);
        expect(inTx && outTx && outTx.at > inTx.at && outTx.amount < inTx.amount).toBe(true);
      }
    }
  });

  it('gather_scatter: many pay a hub, which then pays many', () => {
    for (const inst of instancesOf(r, 'gather_scatter')) {
      const [h] = roleAccounts(inst, 'hub');
      const txs = txOf(r, inst);
      const ins = txs.filter((t) => t.to === h);
      const outs = txs.filter((t) => t.from === h);
      expect(new Set(ins.map((t) => t.from)).size).toBeGreaterThanOrEqual(4);
      expect(new Set(outs.map((t) => t.to)).size).toBeGreaterThanOrEqual(3);
      expect(Math.min(...outs.map((t) => t.at))).toBeGreaterThan(Math.max(...ins.map((t) => t.at)));
    }
  });

  it('bipartite: each payer pays several of the receivers and every receiver is paid', () => {
    for (const inst of instancesOf(r, 'bipartite')) {
      const payers = roleAccounts(inst, 'payer');
      const receivers = new Set(roleAccounts(inst, 'receiver'));
      expect(payers.length).toBeGreaterThanOrEqual(2);
      const txs = txOf(r, inst);
      const paid = new Set<string>();
      for (const p of payers) {
        const to = new Set(txs.filter((t) => t.from === p).map((t) => t.to));
        expect(to.size).toBeGreaterThanOrEqual(2);
        for (const q of to) expect(receivers.has(q)).toBe(true);
        for (const q of to) paid.add(q);
      }
      expect(paid).toEqual(receivers);
    }
  });

  it('stack: chains of at least 3 mule-to-mule hops, each within minutes after the previous, minus fees', () => {
    for (const inst of instancesOf(r, 'stack')) {
      const layers = new Set(roleAccounts(inst, 'layer'));
      const victims = new Set(inst.victims);
      const txs = txOf(r, inst);
      const starts = txs.filter((t) => victims.has(t.from));
      expect(starts.length).toBeGreaterThanOrEqual(P.stack.chains[0]);
      for (const s of starts) {
        let cur = s;
        let hops = 0;
        for (;;) {
          const next = txs.find((t) => t.from === cur.to && layers.has(t.to) && t.at >= cur.at);
          if (!next) break;
          expect(next.at).toBeGreaterThan(cur.at);
          expect(next.at - cur.at).toBeLessThanOrEqual(P.stack.hopMinutes[1] * MIN + 1000);
          expect(next.amount).toBeLessThan(cur.amount);
          expect(next.amount).toBeGreaterThan(0.94 * cur.amount);
          cur = next;
          hops++;
        }
        expect(hops).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('fast_in_out: receives and forwards at least 90 % within minutes, repeatedly', () => {
    for (const inst of instancesOf(r, 'fast_in_out')) {
      const [m] = roleAccounts(inst, 'mule');
      const txs = txOf(r, inst);
      const ins = txs.filter((t) => t.to === m);
      const outs = txs.filter((t) => t.from === m);
      const quick = outs.filter((o) => ins.some((i) => i.at <= o.at && o.at - i.at <= P.fastInOut.minutes[1] * MIN + 1000 && o.amount >= 0.9 * i.amount && o.amount <= i.amount));
      expect(quick.length).toBeGreaterThanOrEqual(Math.min(3, P.fastInOut.rounds[0]));
      expect(quick.length / outs.length).toBeGreaterThan(0.8);
    }
  });

  it('cash_out: inflows followed by several withdrawals at different terminals', () => {
    for (const inst of instancesOf(r, 'cash_out')) {
      const [m] = roleAccounts(inst, 'mule');
      const txs = txOf(r, inst);
      const ins = txs.filter((t) => t.to === m);
      const cash = txs.filter((t) => t.from === m && t.channel === 'cash_out');
      expect(cash.length).toBeGreaterThanOrEqual(Math.min(3, P.cashOut.withdrawals[0]));
      expect(new Set(cash.map((t) => t.to)).size).toBeGreaterThanOrEqual(2);
      expect(Math.min(...cash.map((t) => t.at))).toBeGreaterThan(Math.max(...ins.map((t) => t.at)));
      expect(cash.reduce((s, t) => s + t.amount, 0)).toBeLessThanOrEqual(ins.reduce((s, t) => s + t.amount, 0));
      for (const t of cash) expect(t.amount).toBeLessThanOrEqual(P.cashOut.maxPerWithdrawalYuan * 100);
    }
  });
});

describe.each(['train', 'holdout'] as const)('synthesize %s: ordinary look-alikes', (v) => {
  const r = runs[v];
  const { normalKinds, sameOwner, mules, patternTx } = r.labels;
  const normal = r.txs.filter((t) => !patternTx.has(t.txId));
  const kind = (a: string) => normalKinds.get(a);

  it('never makes a business, employer or merchant a mule', () => {
    for (const a of mules.keys()) expect(['merchant', 'utility', 'business', 'employer', 'treasury', 'supplier', 'own_second']).not.toContain(kind(a));
  });

  it('has employers paying 20+ employees on payday within two hours (a benign fan-out), funded shortly before', () => {
    const byEmployerDay = new Map<string, Tx[]>();
    for (const t of normal) {
      if (kind(t.from) !== 'employer') continue;
      const k = `${t.from}|${localDay(t.at)}`;
      byEmployerDay.set(k, [...(byEmployerDay.get(k) ?? []), t]);
    }
    const big = [...byEmployerDay.values()].filter((l) => new Set(l.map((t) => t.to)).size >= 20);
    expect(big.length).toBeGreaterThan(0);
    for (const l of big) expect((l.at(-1)?.at ?? 0) - (l[0]?.at ?? 0)).toBeLessThanOrEqual(2 * HOUR);
    const funded = normal.filter((t) => kind(t.from) === 'treasury' && kind(t.to) === 'employer');
    expect(funded.length).toBeGreaterThan(0);
  });

  it('has people moving most of their salary to their own second account within minutes (a benign fast in/out)', () => {
    const salaries = new Map<string, Tx[]>();
    for (const t of normal) if (kind(t.from) === 'employer') salaries.set(t.to, [...(salaries.get(t.to) ?? []), t]);
    const forwards = normal.filter(
      (t) => sameOwner.get(t.to) === t.from && (salaries.get(t.from) ?? []).some((s) => t.at > s.at && t.at - s.at <= r.params.normal.forwardMinutes[1] * MIN && t.amount >= 0.5 * s.amount),
    );
    expect(forwards.length).toBeGreaterThanOrEqual(5);
    for (const t of forwards) expect(mules.has(t.from) && patternTx.has(t.txId)).toBe(false);
  });

  it('has merchants taking card and wallet payments all day and sweeping them to the owner at night', () => {
    const takings = new Map<string, number>();
    const sweeps: Tx[] = [];
    for (const t of normal) {
      if (kind(t.to) === 'merchant' && (t.channel === 'card' || t.channel === 'wallet')) takings.set(`${t.to}|${localDay(t.at)}`, (takings.get(`${t.to}|${localDay(t.at)}`) ?? 0) + t.amount);
      if (kind(t.from) === 'merchant' && sameOwner.get(t.from) === t.to) sweeps.push(t);
    }
    expect(sweeps.length).toBeGreaterThan(20);
    for (const s of sweeps) {
      expect(localHour(s.at)).toBeGreaterThanOrEqual(20);
      const day = takings.get(`${s.from}|${localDay(s.at)}`) ?? 0;
      expect(s.amount).toBeLessThanOrEqual(day);
      expect(s.amount).toBeGreaterThanOrEqual(0.8 * day);
    }
    const busiest = Math.max(...countBy(normal.filter((t) => kind(t.to) === 'merchant'), (t) => `${t.to}|${localDay(t.at)}`));
    expect(busiest).toBeGreaterThanOrEqual(20);
  });

  it('has landlords collecting rent from several tenants on one day, and AA collections among friends', () => {
    const rents = countBy(normal.filter((t) => kind(t.to) === 'landlord' && t.amount % 10_000 === 0), (t) => `${t.to}|${localDay(t.at)}`);
    expect(Math.max(...rents)).toBeGreaterThanOrEqual(3);
    // AA: one person receives the same small wallet amount from 3+ different friends within 3 hours
    const groups = new Map<string, Tx[]>();
    for (const t of normal) if (t.channel === 'wallet' && t.amount < 80_000 && !normalKinds.has(t.to)) groups.set(`${t.to}|${t.amount}`, [...(groups.get(`${t.to}|${t.amount}`) ?? []), t]);
    const aa = [...groups.values()].filter((l) => new Set(l.map((t) => t.from)).size >= 3 && (l.at(-1)?.at ?? 0) - (l[0]?.at ?? 0) <= 3 * HOUR);
    expect(aa.length).toBeGreaterThan(0);
  });

  it('has round transfers between people, night-shift activity, small cash after payday and young accounts opening', () => {
    expect(normal.filter((t) => t.amount === 500_000 && t.channel !== 'cash_out' && !normalKinds.has(t.to) && !mules.has(t.to)).length).toBeGreaterThan(5);
    const night = normal.filter((t) => localHour(t.at) < 5);
    expect(night.length / normal.length).toBeGreaterThan(0.01);
    expect(night.some((t) => kind(t.from) === 'night_shift')).toBe(true);
    const paid = new Map<string, number>();
    for (const t of normal) if (kind(t.from) === 'employer') paid.set(t.to, t.at);
    expect(normal.some((t) => t.channel === 'cash_out' && t.amount <= 300_000 && t.at > (paid.get(t.from) ?? Infinity) && t.at - (paid.get(t.from) ?? 0) < 3 * DAY)).toBe(true);
    const firstSeen = new Map<string, Tx>();
    for (const t of r.txs) for (const a of [t.from, t.to]) if (!firstSeen.has(a)) firstSeen.set(a, t);
    const opened = [...firstSeen].filter(([a, t]) => kind(a) === 'young' && t.at >= START + 2 * DAY && t.to === a && t.amount % 50_000 === 0);
    expect(opened.length).toBeGreaterThan(0);
  });
});

function countBy<T>(xs: T[], key: (x: T) => string): number[] {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m.values()];
}

describe('synthesize: holdout differs from train', () => {
  const train = variantParams('train');
  const holdout = variantParams('holdout');

  it('in every typology parameter, fees, delays, amounts, time of day and the ordinary population', () => {
    for (const t of ['fanIn', 'fanOut', 'cycle', 'scatterGather', 'gatherScatter', 'bipartite', 'stack', 'fastInOut', 'cashOut', 'victimYuan', 'fee', 'hopMinutes', 'startProfile', 'typologyWeights', 'seasonedShare', 'transferLimitYuan'] as const) {
      expect(holdout.mules[t], t).not.toEqual(train.mules[t]);
    }
    for (const k of Object.keys(train.population) as (keyof typeof train.population)[]) if (k !== 'supplierShare') expect(holdout.population[k], k).not.toEqual(train.population[k]);
    for (const k of ['mix', 'paydays', 'salaryHour', 'forwardShare', 'forwardMinutes', 'aaSize'] as const) expect(holdout.normal[k], k).not.toEqual(train.normal[k]);
    expect(runs.holdout.params).toEqual(holdout);
  });

  it('in what the data shows', () => {
    const cashOf = (r: Run) => instancesOf(r, 'cash_out').flatMap((i) => txOf(r, i).filter((t) => t.channel === 'cash_out').map((t) => t.amount));
    expect(Math.max(...cashOf(runs.holdout))).toBeLessThanOrEqual(1_000_000);
    expect(Math.max(...cashOf(runs.train))).toBeGreaterThan(1_000_000);
    const stackDelays = (r: Run) =>
      instancesOf(r, 'stack').flatMap((i) => {
        const layers = new Set(i.accounts);
        const txs = txOf(r, i).filter((t) => layers.has(t.from));
        return txs.map((t) => t.at - Math.max(...txOf(r, i).filter((x) => x.to === t.from && x.at <= t.at).map((x) => x.at)));
      });
    expect(median(stackDelays(runs.holdout))).toBeGreaterThan(median(stackDelays(runs.train)));
    const paydays = (r: Run) => new Set(r.txs.filter((t) => r.labels.normalKinds.get(t.from) === 'employer').map((t) => new Date(t.at + 8 * HOUR).getUTCDate()));
    expect(paydays(runs.holdout)).not.toEqual(paydays(runs.train));
    const kinds = (r: Run, k: string) => [...r.labels.normalKinds.values()].filter((x) => x === k).length;
    expect(kinds(runs.holdout, 'merchant')).toBeGreaterThan(kinds(runs.train, 'merchant'));
    expect(kinds(runs.holdout, 'night_shift')).toBeGreaterThan(kinds(runs.train, 'night_shift'));
  });
});
