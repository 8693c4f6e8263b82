/**
 * Labelled synthetic bank transactions for the mule-account detector (issue 7): a city's card accounts doing
 * ordinary things – salaries, shopping, bills, rent, family transfers, red packets, cash – with planted money-mule
 * structures (跑分/洗钱 of fraud proceeds) whose accounts and transactions are labelled.
 *
 * Pure and deterministic: the same options give the same stream on every machine (seeded mulberry32 from
 * src/demo/random.ts, plus an integer hash for per-account attributes). No I/O.
 *
 * Streaming: the population (typed arrays, ~40 bytes an account) and the mule plan are built up front; the
 * ordinary transactions are then generated one day at a time into columns (typed arrays, ~40 bytes a transaction),
 * ordered by a counting sort on the second of the day, and turned into `Tx` objects only as they are yielded, so
 * memory is the population, one day of columns and the account-number cache (~150 MB live for 1,000,000 accounts
 * and 5,000,000 transactions over 30 days). Follow-ups
 * that fall after midnight (a salary forwarded at 23:58, an ATM visit two days after payday) wait in a small
 * carry list. `transactions` can be iterated more than once; each pass regenerates the same stream.
 *
 * Labels are complete before iteration: the mule structures, including every transaction of theirs, are
 * planned up front (a few transactions per mule account, so ~30,000 for 1,000,000 accounts at the default
 * share) and merged into the day they fall on. txIds carry no hint of the label: a counter scrambled by a
 * keyed Feistel permutation, prefixed with the local date ("T20250301" + 12 digits).
 *
 * Count: ordinary transactions fill each day up to a cumulative target, so the total lands within a few
 * transactions of `transactions` unless the scheduled part (salaries, rent, sweeps) would exceed the budget;
 * the population's salaried/renting/sweeping shares are scaled down up front so that it cannot (they take at
 * most ~55 % of the budget). Mule structures take at most 25 % of the budget; every requested typology still gets
 * at least one instance (with very small populations this exceeds `muleShare`).
 *
 * Structures (roles in `MuleInstance.roles`): fan_in victims → collector → upstream; fan_out upstream (fed at another
 * bank) → source → receivers (some cash out); cycle victim → member₀ → … → member₀, 1–3 rounds; scatter_gather
 * victims → source → intermediaries → sink; gather_scatter victims → hub → receivers; bipartite victims → payers →
 * receivers; stack victim → layer → … → shared last layer, per chain; fast_in_out victim → mule → onward, repeatedly;
 * cash_out victims → mule → ATMs/counters. Each hop keeps a fee and passes the rest on in whole yuan.
 *
 * Times: `start` should be a local (UTC+8) midnight; day d is [start + d·24 h, start + (d+1)·24 h) and hours of
 * the day are counted from its beginning, weekdays/paydays/festivals from its local date. All times are whole
 * seconds after `start`, all inside [start, start + days·24 h).
 */
import { Rng } from '../../demo/random.ts';
import type { Channel, Tx } from './types.ts';

export type Typology = 'fan_in' | 'fan_out' | 'cycle' | 'scatter_gather' | 'gather_scatter' | 'bipartite' | 'stack' | 'fast_in_out' | 'cash_out';
export const TYPOLOGIES: readonly Typology[] = ['fan_in', 'fan_out', 'cycle', 'scatter_gather', 'gather_scatter', 'bipartite', 'stack', 'fast_in_out', 'cash_out'];

/** What an account does inside its structure. */
export type MuleRole = 'collector' | 'upstream' | 'source' | 'receiver' | 'member' | 'intermediary' | 'sink' | 'hub' | 'payer' | 'layer' | 'mule' | 'onward';

/** Ordinary accounts that are not plain persons (plain persons are absent from `normalKinds`). */
export type NormalKind = 'merchant' | 'utility' | 'business' | 'employer' | 'treasury' | 'supplier' | 'own_second' | 'landlord' | 'salary_forwarder' | 'night_shift' | 'young';

export const BANK_CODES = ['B-ICBC', 'B-CCB', 'B-ABC', 'B-BOC', 'B-PSBC', 'B-CMB'] as const;
const BINS = ['622202', '621700', '622848', '621661', '621799', '622588'];
const CARD_LENGTH = [19, 19, 19, 19, 19, 16];
/** Cash points: `CASH:<bank>:<nnnn>`. */
const TERMINAL_STRIDE = 100_000;

export interface SynthOptions {
  seed: number;
  accounts: number;
  transactions: number;
  /** epoch ms, ideally a local (+08:00) midnight */
  start: number;
  days: number;
  /** fraction of accounts that are mules, default 0.005 */
  muleShare?: number;
  variant?: 'train' | 'holdout';
  typologies?: Typology[];
}

export interface MuleInstance {
  id: number;
  typology: Typology;
  /** the mule accounts, `roles[i]` for `accounts[i]` */
  accounts: string[];
  roles: MuleRole[];
  /** ordinary accounts that paid into the structure (not labelled) */
  victims: string[];
  /** every transaction of the structure, in time order */
  txIds: string[];
  start: number;
  end: number;
}

export interface SynthLabels {
  /** account → typology, for every account with a mule role (collector, intermediary, hub, sink, layer …) */
  mules: Map<string, Typology>;
  /** txIds of the mule structures (victims' payments into them included; the mules' warm-up payments not) */
  patternTx: Set<string>;
  /** non-person ordinary accounts and persons with a telling trait; absent = ordinary person */
  normalKinds: Map<string, NormalKind>;
  /** an account → the main account of the same holder: own second cards, and merchants' owners (sweeps) */
  sameOwner: Map<string, string>;
  instances: MuleInstance[];
}

export interface SynthResult {
  transactions: Iterable<Tx>;
  labels: SynthLabels;
  params: VariantParams;
  /** the planned split of the requested count */
  plan: { patternTx: number; warmupTx: number; normalTarget: number; muleAccounts: number };
}

type Range = readonly [number, number];

type BgKind = 'shop' | 'bill' | 'family' | 'redpacket' | 'friend' | 'atm' | 'supplier' | 'collect' | 'merchant_cash' | 'own_move' | 'aa';
const BG_KINDS: readonly BgKind[] = ['shop', 'bill', 'family', 'redpacket', 'friend', 'atm', 'supplier', 'collect', 'merchant_cash', 'own_move', 'aa'];

export interface VariantParams {
  variant: 'train' | 'holdout';
  population: {
    merchantShare: number;
    businessShare: number;
    employerShare: number;
    supplierShare: number;
    /** one payroll treasury account per this many employers */
    employersPerTreasury: number;
    utilityShare: number;
    secondAccountShare: number;
    salariedShare: number;
    /** of the salaried with a second account: move the salary on within minutes */
    forwarderShare: number;
    nightShiftShare: number;
    youngShare: number;
    landlordShare: number;
    renterShare: number;
    /** of merchants: sweep the day's takings to the owner's own account at night */
    sweeperShare: number;
    /** employer size skew: employee → employers[⌊E·u^skew⌋] */
    employerSkew: number;
    bankWeights: number[];
  };
  normal: {
    mix: Record<BgKind, number>;
    paydays: number[];
    paydayWeights: number[];
    salaryHour: Range;
    salaryMedianYuan: number;
    forwardShare: Range;
    forwardMinutes: Range;
    postPaydayAtm: number;
    sweepShare: Range;
    sweepHour: Range;
    aaSize: Range;
    festiveRedPacket: number;
  };
  mules: {
    typologyWeights: Record<Typology, number>;
    /** mules that are existing accounts with an ordinary history (the rest are new, only warmed up) */
    seasonedShare: number;
    warmupShare: number;
    bankWeights: number[];
    victimYuan: { median: number; sigma: number; min: number; max: number; underLimit: number[]; underLimitShare: number };
    victimWallet: number;
    /** single-transfer amounts mules keep under when passing money on */
    transferLimitYuan: number[];
    fee: Range;
    hopMinutes: Range;
    startProfile: number[];
    fanIn: { payers: Range; windowHours: Range; sweeps: Range };
    /** the source receives about receivers × perReceiverYuan from an upstream layer first */
    fanOut: { receivers: Range; windowMinutes: Range; cashOutShare: number; perReceiverYuan: Range };
    cycle: { length: Range; rounds: Range; hopMinutes: Range };
    scatterGather: { intermediaries: Range; perIntermediaryYuan: Range };
    gatherScatter: { payers: Range; receivers: Range; windowHours: Range };
    bipartite: { payers: Range; receivers: Range; perPayer: Range };
    stack: { hops: Range; chains: Range; hopMinutes: Range };
    fastInOut: { rounds: Range; forwardShare: Range; minutes: Range; spanDays: Range };
    cashOut: { inflows: Range; withdrawals: Range; maxPerWithdrawalYuan: number; gapMinutes: Range; nightShare: number; otherBankShare: number };
  };
}

// Hour-of-day weights (local time), index = hour.
const DAY_PROFILE = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1.2, 3, 5, 6, 7, 7.5, 9, 8, 6.5, 6, 6.5, 7, 8.5, 9, 9, 8, 5.5, 2.5];
const NIGHT_PROFILE = [8, 8, 7, 6, 5, 4, 3, 2, 1.5, 1, 0.8, 0.6, 0.6, 0.8, 1, 1.5, 2, 3, 4, 5, 6, 7, 8, 8];
const EVENING_PROFILE = [1.5, 0.5, 0.2, 0.1, 0.1, 0.2, 0.5, 1, 1.5, 2, 2, 2.5, 3, 2.5, 2, 2, 2.5, 3.5, 5, 7, 8, 8, 6, 3];
const OFFICE_PROFILE = [0, 0, 0, 0, 0, 0, 0, 0.2, 1, 8, 9, 9, 5, 6, 9, 9, 8, 6, 2, 0.5, 0.1, 0, 0, 0];
const CASH_NIGHT_PROFILE = [6, 5, 4, 3, 2, 1, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.5, 1, 2, 4, 6];

/**
 * Train and holdout parameters. Holdout differs from train in (a detector tuned on train meets all of these):
 * - fan_in: 5–30 payers over 0.5–10 h, the collector forwards in 1–3 sweeps (train 8–20 payers in 1–4 h, one sweep)
 * - fan_out: 6–30 receivers over 10–240 min, 1,000–15,000 yuan each (train 10–20 in 20–90 min, 2,000–8,000)
 * - cycle: 3–6 accounts, hops 10–120 min, 1–2 rounds (train 3–4 accounts, 5–40 min, 1–3 rounds)
 * - scatter_gather 3–12 intermediaries, 2,000–20,000 yuan each (train 4–8, 3,000–12,000); gather_scatter 4–20
 *   payers → 3–12 receivers (train 6–12 → 4–8)
 * - bipartite 2–7 payers × 3–9 receivers, 2–5 each (train 3–5 × 4–6, 2–4 each)
 * - stack 3–6 hops, 2–4 chains, 3–45 min a hop (train 3–5 hops, 1–3 chains, 1–15 min)
 * - fast_in_out 3–14 rounds over 0.5–5 days, forwards 90–97 % after 3–45 min (train 5–10 over 1–3 days, 92–99 % after 1–10 min)
 * - cash_out 1–6 inflows, 4–10 withdrawals of ≤ 10,000 yuan 5–40 min apart, 35 % at night (train 2–5, 3–6 of ≤ 20,000, 3–15 min, 60 %)
 * - fees 0.5–4.5 % a hop (train 1–3 %), hops 5–90 min (train 2–30), victims' amounts median 15,000 yuan with other
 *   just-under-limit values (29,999, 39,900 …; train median 8,000 with 49,900, 19,999 …), 35 % paid through wallets
 *   (train 20 %), transfer limits 29,999/39,900 (train 49,900/19,999), starts around the clock (train 9–23 h)
 * - mules: 35 % seasoned accounts (train 20 %), other banks favoured, other typology mix
 * - ordinary population: more merchants, small businesses, second accounts, night-shift workers, young new
 *   accounts, landlords and renters; larger employers paying on other days (5/10/20/28 vs 10/15/25/last) and at
 *   8–16 h (train 9–11 h); salary forwarders move 80–100 % within 1–15 min (train 50–100 % within 1–30 min),
 *   closer to a mule's fast in/out; more AA collections (larger groups), red packets and own-account moves.
 */
export function variantParams(variant: 'train' | 'holdout'): VariantParams {
  if (variant === 'train') {
    return {
      variant,
      population: {
        merchantShare: 0.025, businessShare: 0.008, employerShare: 0.004, supplierShare: 0.003, employersPerTreasury: 12, utilityShare: 0.0002,
        secondAccountShare: 0.1, salariedShare: 0.55, forwarderShare: 0.4, nightShiftShare: 0.05, youngShare: 0.05,
        landlordShare: 0.015, renterShare: 0.12, sweeperShare: 0.4, employerSkew: 2, bankWeights: [24, 20, 18, 12, 14, 12],
      },
      normal: {
        mix: { shop: 40, bill: 6, family: 8, redpacket: 3, friend: 10, atm: 5, supplier: 3, collect: 8, merchant_cash: 2, own_move: 4, aa: 1 },
        paydays: [10, 15, 25, 31], paydayWeights: [3, 3, 2, 2], salaryHour: [9, 11], salaryMedianYuan: 6500,
        forwardShare: [0.5, 1], forwardMinutes: [1, 30], postPaydayAtm: 0.15, sweepShare: [0.9, 1], sweepHour: [21.5, 23.8],
        aaSize: [3, 8], festiveRedPacket: 8,
      },
      mules: {
        typologyWeights: { fan_in: 1, fan_out: 1, cycle: 1, scatter_gather: 1, gather_scatter: 1, bipartite: 1, stack: 1, fast_in_out: 1, cash_out: 1 },
        seasonedShare: 0.2, warmupShare: 0.6, bankWeights: [12, 14, 26, 8, 28, 12],
        victimYuan: { median: 8000, sigma: 0.8, min: 1000, max: 50_000, underLimit: [49_900, 49_999, 19_999, 19_900, 9_999, 4_999], underLimitShare: 0.35 },
        victimWallet: 0.2, transferLimitYuan: [49_900, 49_999, 19_999], fee: [0.01, 0.03], hopMinutes: [2, 30],
        startProfile: [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 3, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 2],
        fanIn: { payers: [8, 20], windowHours: [1, 4], sweeps: [1, 1] },
        fanOut: { receivers: [10, 20], windowMinutes: [20, 90], cashOutShare: 0.3, perReceiverYuan: [2000, 8000] },
        cycle: { length: [3, 4], rounds: [1, 3], hopMinutes: [5, 40] },
        scatterGather: { intermediaries: [4, 8], perIntermediaryYuan: [3000, 12_000] },
        gatherScatter: { payers: [6, 12], receivers: [4, 8], windowHours: [1, 4] },
        bipartite: { payers: [3, 5], receivers: [4, 6], perPayer: [2, 4] },
        stack: { hops: [3, 5], chains: [1, 3], hopMinutes: [1, 15] },
        fastInOut: { rounds: [5, 10], forwardShare: [0.92, 0.99], minutes: [1, 10], spanDays: [1, 3] },
        cashOut: { inflows: [2, 5], withdrawals: [3, 6], maxPerWithdrawalYuan: 20_000, gapMinutes: [3, 15], nightShare: 0.6, otherBankShare: 0.3 },
      },
    };
  }
  return {
    variant,
    population: {
      merchantShare: 0.035, businessShare: 0.012, employerShare: 0.003, supplierShare: 0.004, employersPerTreasury: 8, utilityShare: 0.0003,
      secondAccountShare: 0.14, salariedShare: 0.5, forwarderShare: 0.6, nightShiftShare: 0.09, youngShare: 0.08,
      landlordShare: 0.02, renterShare: 0.15, sweeperShare: 0.55, employerSkew: 2.5, bankWeights: [20, 18, 16, 16, 16, 14],
    },
    normal: {
      mix: { shop: 34, bill: 5, family: 10, redpacket: 5, friend: 12, atm: 6, supplier: 4, collect: 9, merchant_cash: 2, own_move: 6, aa: 2.5 },
      paydays: [5, 10, 20, 28], paydayWeights: [2, 3, 3, 2], salaryHour: [8, 16], salaryMedianYuan: 7200,
      forwardShare: [0.8, 1], forwardMinutes: [1, 15], postPaydayAtm: 0.2, sweepShare: [0.85, 1], sweepHour: [20, 23.8],
      aaSize: [4, 14], festiveRedPacket: 12,
    },
    mules: {
      typologyWeights: { fan_in: 0.8, fan_out: 1.2, cycle: 0.7, scatter_gather: 1, gather_scatter: 1.1, bipartite: 0.8, stack: 1.3, fast_in_out: 1.3, cash_out: 1 },
      seasonedShare: 0.35, warmupShare: 0.4, bankWeights: [22, 18, 12, 20, 10, 18],
      victimYuan: { median: 15_000, sigma: 0.6, min: 1000, max: 50_000, underLimit: [29_999, 39_900, 48_000, 45_000, 9_990], underLimitShare: 0.25 },
      victimWallet: 0.35, transferLimitYuan: [29_999, 39_900], fee: [0.005, 0.045], hopMinutes: [5, 90],
      startProfile: [3, 3, 3, 2.5, 2, 1.5, 1, 1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4.5, 5, 5, 4.5, 4],
      fanIn: { payers: [5, 30], windowHours: [0.5, 10], sweeps: [1, 3] },
      fanOut: { receivers: [6, 30], windowMinutes: [10, 240], cashOutShare: 0.5, perReceiverYuan: [1000, 15_000] },
      cycle: { length: [3, 6], rounds: [1, 2], hopMinutes: [10, 120] },
      scatterGather: { intermediaries: [3, 12], perIntermediaryYuan: [2000, 20_000] },
      gatherScatter: { payers: [4, 20], receivers: [3, 12], windowHours: [0.5, 8] },
      bipartite: { payers: [2, 7], receivers: [3, 9], perPayer: [2, 5] },
      stack: { hops: [3, 6], chains: [2, 4], hopMinutes: [3, 45] },
      fastInOut: { rounds: [3, 14], forwardShare: [0.9, 0.97], minutes: [3, 45], spanDays: [0.5, 5] },
      cashOut: { inflows: [1, 6], withdrawals: [4, 10], maxPerWithdrawalYuan: 10_000, gapMinutes: [5, 40], nightShare: 0.35, otherBankShare: 0.5 },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// small numeric helpers

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * HOUR;

function hash32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}
function mix(seed: number, a: number, b = 0): number {
  return hash32((hash32((seed ^ Math.imul(a, 0x9e3779b1)) >>> 0) + Math.imul(b, 0x85ebca6b)) >>> 0);
}
/** Uniform [0, 1) from a hash. */
function hashUnit(x: number): number {
  return hash32(x) / 4294967296;
}
function gaussFromUnits(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}
function gauss(r: Rng): number {
  return gaussFromUnits(r.next(), r.next());
}
function uni(r: Rng, range: Range): number {
  return range[0] + (range[1] - range[0]) * r.next();
}
function intIn(r: Rng, range: Range): number {
  return r.int(range[0], range[1]);
}
function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
function cumulative(weights: readonly number[]): Float64Array {
  const c = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) c[i] = s += weights[i] ?? 0;
  return c;
}
function pickCum(r: Rng, cum: Float64Array): number {
  const x = r.next() * (cum[cum.length - 1] ?? 0);
  for (let i = 0; i < cum.length; i++) if (x < (cum[i] ?? 0)) return i;
  return cum.length - 1;
}
/** Skewed index into a list of n: low indices are popular. */
function skewed(r: Rng, n: number, power: number): number {
  return Math.min(n - 1, Math.floor(n * r.next() ** power));
}
function pickOf(r: Rng, list: Int32Array): number {
  return list[Math.floor(r.next() * list.length)] ?? -1;
}

/** Keyed Feistel permutation of [0, 2^(2·halfBits)). */
function feistel(x: number, halfBits: number, key: number): number {
  const base = 2 ** halfBits;
  const mask = base - 1;
  let l = Math.floor(x / base);
  let r = x % base;
  for (let k = 0; k < 4; k++) {
    const f = hash32((r + Math.imul(key, k + 1)) >>> 0) & mask;
    const nl = r;
    r = (l ^ f) >>> 0;
    l = nl;
  }
  return l * base + r;
}
/** A bijection of [0, limit) by cycle walking the Feistel permutation. */
function scramble(x: number, halfBits: number, key: number, limit: number): number {
  do x = feistel(x, halfBits, key);
  while (x >= limit);
  return x;
}

function luhnCheckDigit(body: string): number {
  let sum = 0;
  let dbl = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let d = body.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return (10 - (sum % 10)) % 10;
}

// Local calendar: festivals (red-packet bursts) by local date; strength multiplies the red-packet weight.
const FESTIVALS: Record<string, number> = {};
for (const eve of ['2023-01-21', '2024-02-09', '2025-01-28', '2026-02-16', '2027-02-05', '2028-01-25']) {
  const t = Date.parse(`${eve}T00:00:00Z`);
  for (let k = 0; k < 3; k++) FESTIVALS[new Date(t + k * DAY).toISOString().slice(0, 10)] = k === 0 ? 1.5 : 1;
}
for (const d of ['2023-09-29', '2024-09-17', '2025-10-06', '2026-09-25', '2027-09-15', '2023-08-22', '2024-08-10', '2025-08-29', '2026-08-19', '2027-08-08']) FESTIVALS[d] = 0.6;
function festiveStrength(ymd: string): number {
  const md = ymd.slice(5);
  return FESTIVALS[ymd] ?? (md === '01-01' ? 0.5 : md === '02-14' || md === '05-20' ? 0.5 : 0);
}

interface DayInfo {
  start: number;
  ymd: string;
  compact: string;
  year: number;
  month: number;
  dom: number;
  dow: number;
  daysInMonth: number;
  festive: number;
  weekend: boolean;
}
function dayInfo(start: number): DayInfo {
  const local = new Date(start + CHINA_OFFSET_MS);
  const ymd = local.toISOString().slice(0, 10);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const dow = local.getUTCDay();
  return {
    start, ymd, compact: ymd.replace(/-/g, ''), year, month, dom: local.getUTCDate(), dow,
    daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(), festive: festiveStrength(ymd), weekend: dow === 0 || dow === 6,
  };
}
/** The day of the month a payday option lands on in a month: capped at the month's end, moved back to Friday off weekends. */
function effectivePayday(option: number, year: number, month: number, daysInMonth: number): number {
  let dom = Math.min(option, daysInMonth);
  const dow = new Date(Date.UTC(year, month - 1, dom)).getUTCDay();
  if (dow === 6) dom -= 1;
  else if (dow === 0) dom -= 2;
  return Math.max(1, dom);
}

// ---------------------------------------------------------------------------------------------------------------
// the population

const K_PERSON = 0;
const K_SECOND = 1;
const K_MERCHANT = 2;
const K_UTILITY = 3;
const K_BUSINESS = 4;
const K_EMPLOYER = 5;
const K_TREASURY = 6;
const K_SUPPLIER = 7;
const K_MULE_SLOT = 8;

const F_NIGHT = 1;
const F_YOUNG = 2;
const F_LANDLORD = 4;
const F_FORWARDER = 8;
const F_SALARIED = 16;
const F_RENTER = 32;
const F_SWEEPER = 64;

const RENT_DAYS = 5;

class Population {
  readonly n: number;
  readonly kind: Uint8Array;
  readonly bank: Uint8Array;
  readonly flags: Uint8Array;
  /** persons, each repeated by activity (1 low, 2 young, 3 medium, 6 high): a uniform pick is activity-weighted */
  readonly activePick: Int32Array;
  readonly activeFrom: Uint16Array;
  /** person → own second account; second → owner; merchant → owner (sweep target) */
  readonly link: Int32Array;
  /** person → employer; renter → landlord is in `landlord` */
  readonly employer: Int32Array;
  readonly landlord: Int32Array;
  /** position of an account in its kind's list */
  readonly ord: Int32Array;
  readonly hhStart: Int32Array;
  readonly hhSize: Uint8Array;
  readonly persons: Int32Array;
  readonly merchants: Int32Array;
  readonly utilities: Int32Array;
  readonly businesses: Int32Array;
  readonly employers: Int32Array;
  readonly treasuries: Int32Array;
  readonly suppliers: Int32Array;
  readonly muleSlots: Int32Array;
  readonly b2bPayers: Int32Array;
  readonly b2bPayees: Int32Array;
  readonly owners: Int32Array;
  readonly sweepers: Int32Array;
  /** employer ordinal → treasury or -1; payday option index */
  readonly employerTreasury: Int32Array;
  readonly employerPayday: Uint8Array;
  readonly employerSalary: Float64Array;
  readonly employeesStart: Int32Array;
  readonly employees: Int32Array;
  readonly rentersByDay: Int32Array[];
  readonly youngByDay: Int32Array[];
  readonly terminalsPerBank: number;
  private readonly ids: string[];
  private readonly cash: string[][];
  private readonly idKey: number;

  constructor(seed: number, n: number, days: number, muleSlots: number, p: VariantParams, structScale: number) {
    const r = new Rng(mix(seed, 1));
    const pp = p.population;
    this.n = n;
    const count = (share: number, min: number) => Math.max(min, Math.round(n * share));
    const nMerchant = count(pp.merchantShare, 3);
    const nUtility = count(pp.utilityShare, 2);
    const nBusiness = count(pp.businessShare, 2);
    const nEmployer = count(pp.employerShare, 2);
    const nTreasury = Math.max(1, Math.round(nEmployer / pp.employersPerTreasury));
    const nSupplier = count(pp.supplierShare, 2);
    const fixed = nMerchant + nUtility + nBusiness + nEmployer + nTreasury + nSupplier + muleSlots;
    const rest = n - fixed;
    if (rest < n * 0.5) throw new RangeError(`accounts ${n} too few for the population and ${muleSlots} mule accounts`);
    const nSecond = Math.round((rest * pp.secondAccountShare) / (1 + pp.secondAccountShare));
    const nPerson = rest - nSecond;

    // kinds laid out in blocks, then shuffled: an account's index says nothing of its kind
    this.kind = new Uint8Array(n);
    let at = 0;
    for (const [k, c] of [[K_PERSON, nPerson], [K_SECOND, nSecond], [K_MERCHANT, nMerchant], [K_UTILITY, nUtility], [K_BUSINESS, nBusiness], [K_EMPLOYER, nEmployer], [K_TREASURY, nTreasury], [K_SUPPLIER, nSupplier], [K_MULE_SLOT, muleSlots]] as const) {
      this.kind.fill(k, at, at + c);
      at += c;
    }
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(r.next() * (i + 1));
      const t = this.kind[i] ?? 0;
      this.kind[i] = this.kind[j] ?? 0;
      this.kind[j] = t;
    }
    const lists: number[][] = Array.from({ length: 9 }, () => []);
    this.ord = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const l = lists[this.kind[i] ?? 0] as number[];
      this.ord[i] = l.length;
      l.push(i);
    }
    const list = (k: number) => Int32Array.from(lists[k] ?? []);
    this.persons = list(K_PERSON);
    this.merchants = list(K_MERCHANT);
    this.utilities = list(K_UTILITY);
    this.businesses = list(K_BUSINESS);
    this.employers = list(K_EMPLOYER);
    this.treasuries = list(K_TREASURY);
    this.suppliers = list(K_SUPPLIER);
    this.muleSlots = list(K_MULE_SLOT);
    const seconds = list(K_SECOND);
    this.b2bPayers = Int32Array.from([...this.merchants, ...this.businesses]);
    this.b2bPayees = Int32Array.from([...this.suppliers, ...this.treasuries]);

    const bankCum = cumulative(pp.bankWeights);
    const muleBankCum = cumulative(p.mules.bankWeights);
    this.bank = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.bank[i] = pickCum(r, this.kind[i] === K_MULE_SLOT ? muleBankCum : bankCum);

    this.flags = new Uint8Array(n);
    const activity = new Uint8Array(n);
    this.activeFrom = new Uint16Array(n);
    this.link = new Int32Array(n).fill(-1);
    this.employer = new Int32Array(n).fill(-1);
    this.landlord = new Int32Array(n).fill(-1);
    this.hhStart = new Int32Array(n);
    this.hhSize = new Uint8Array(n);

    // households: runs of consecutive persons (their order is random)
    const hhCum = cumulative([25, 30, 25, 15, 5]);
    for (let pos = 0; pos < nPerson; ) {
      const size = Math.min(nPerson - pos, pickCum(r, hhCum) + 1);
      for (let k = 0; k < size; k++) {
        const i = this.persons[pos + k] ?? 0;
        this.hhStart[i] = pos;
        this.hhSize[i] = size;
      }
      pos += size;
    }
    const youngLists: number[][] = Array.from({ length: days }, () => []);
    const landlords: number[] = [];
    for (const i of this.persons) {
      const u = r.next();
      activity[i] = u < 0.3 ? 1 : u < 0.8 ? 3 : 6;
      if (r.next() < pp.nightShiftShare) this.setFlag(i, F_NIGHT);
      if (r.next() < pp.salariedShare * structScale) this.setFlag(i, F_SALARIED);
      if (r.next() < pp.landlordShare) {
        this.setFlag(i, F_LANDLORD);
        landlords.push(i);
      }
      if (r.next() < pp.youngShare) {
        this.setFlag(i, F_YOUNG);
        activity[i] = 2;
        // most young accounts were opened before the window; a third of them open inside it
        if (r.next() < 0.35 && days > 1) {
          const d = r.int(1, days - 1);
          this.activeFrom[i] = d;
          youngLists[d]?.push(i);
        }
      }
    }
    this.youngByDay = youngLists.map((l) => Int32Array.from(l));
    let picks = 0;
    for (const i of this.persons) picks += activity[i] ?? 1;
    this.activePick = new Int32Array(picks);
    let k = 0;
    for (const i of this.persons) for (let c = activity[i] ?? 1; c > 0; c--) this.activePick[k++] = i;
    if (landlords.length === 0) landlords.push(this.persons[0] ?? 0);
    // own second accounts: one per owner, 70 % at another bank
    const owners: number[] = [];
    for (const s of seconds) {
      let owner = -1;
      for (let tries = 0; tries < 50; tries++) {
        const c = pickOf(r, this.persons);
        if ((this.link[c] ?? 0) < 0 && this.activeFrom[c] === 0) {
          owner = c;
          break;
        }
      }
      if (owner < 0) continue;
      this.link[owner] = s;
      this.link[s] = owner;
      if (r.next() < 0.7) this.bank[s] = ((this.bank[owner] ?? 0) + r.int(1, BANK_CODES.length - 1)) % BANK_CODES.length;
      owners.push(owner);
    }
    this.owners = Int32Array.from(owners);

    // employers: sizes skewed, salary scale, payday, payroll treasury
    const E = this.employers.length;
    const paydayCum = cumulative(p.normal.paydayWeights);
    this.employerTreasury = new Int32Array(E);
    this.employerPayday = new Uint8Array(E);
    this.employerSalary = new Float64Array(E);
    for (let e = 0; e < E; e++) {
      this.employerTreasury[e] = r.next() < 0.7 ? pickOf(r, this.treasuries) : -1;
      this.employerPayday[e] = pickCum(r, paydayCum);
      this.employerSalary[e] = p.normal.salaryMedianYuan * Math.exp(0.35 * gauss(r));
    }
    const empCount = new Int32Array(E + 1);
    const rentLists: number[][] = Array.from({ length: RENT_DAYS }, () => []);
    for (const i of this.persons) {
      const f = this.flags[i] ?? 0;
      if (f & F_SALARIED) {
        const e = skewed(r, E, pp.employerSkew);
        this.employer[i] = this.employers[e] ?? -1;
        empCount[e + 1] = (empCount[e + 1] ?? 0) + 1;
        if ((this.link[i] ?? -1) >= 0 && r.next() < pp.forwarderShare) this.setFlag(i, F_FORWARDER);
      }
      if (!(f & F_LANDLORD) && r.next() < pp.renterShare * structScale) {
        this.setFlag(i, F_RENTER);
        this.landlord[i] = landlords[skewed(r, landlords.length, 1.6)] ?? -1;
        rentLists[r.int(0, RENT_DAYS - 1)]?.push(i);
      }
    }
    this.rentersByDay = rentLists.map((l) => Int32Array.from(l));
    this.employeesStart = new Int32Array(E + 1);
    for (let e = 0; e < E; e++) this.employeesStart[e + 1] = (this.employeesStart[e] ?? 0) + (empCount[e + 1] ?? 0);
    this.employees = new Int32Array(this.employeesStart[E] ?? 0);
    const fill = this.employeesStart.slice(0, E);
    for (const i of this.persons) {
      const emp = this.employer[i] ?? -1;
      if (emp < 0) continue;
      const e = this.ord[emp] ?? 0;
      this.employees[fill[e] ?? 0] = i;
      fill[e] = (fill[e] ?? 0) + 1;
    }

    // merchants: the owner is an ordinary person; sweepers move the day's takings to that person at night
    const sweepers: number[] = [];
    for (const m of this.merchants) {
      this.link[m] = pickOf(r, this.persons);
      if (r.next() < pp.sweeperShare * structScale) {
        this.setFlag(m, F_SWEEPER);
        sweepers.push(m);
      }
    }
    this.sweepers = Int32Array.from(sweepers);

    this.terminalsPerBank = Math.max(4, Math.round(n / 4000));
    this.ids = [];
    for (let i = 0; i < n; i++) this.ids.push(''); // packed, not a holey/dictionary array
    this.cash = BANK_CODES.map(() => []);
    this.idKey = mix(seed, 2);
  }

  private setFlag(i: number, f: number): void {
    this.flags[i] = (this.flags[i] ?? 0) | f;
  }

  /** The card number of account i: bank BIN, a 3-digit branch (19-digit cards), a scrambled serial, Luhn digit. */
  account(i: number): string {
    let s = this.ids[i] ?? '';
    if (s === '') {
      const b = this.bank[i] ?? 0;
      const serial = String(scramble(i, 15, this.idKey, 1_000_000_000)).padStart(9, '0');
      const branch = (CARD_LENGTH[b] ?? 19) === 19 ? String(100 + (hash32(i ^ this.idKey) % 900)) : '';
      const body = `${BINS[b] ?? '622202'}${branch}${serial}`;
      s = `${body}${luhnCheckDigit(body)}`;
      this.ids[i] = s;
    }
    return s;
  }

  /** Endpoint (account index ≥ 0, or a cash terminal encoded < 0) → identifier. */
  endpoint(e: number): string {
    if (e >= 0) return this.account(e);
    const code = -e - 2;
    const b = Math.floor(code / TERMINAL_STRIDE);
    const t = code % TERMINAL_STRIDE;
    const bankCash = this.cash[b] as string[];
    let s = bankCash[t];
    if (s === undefined) {
      s = `CASH:${BANK_CODES[b] ?? 'B-ICBC'}:${String(t).padStart(4, '0')}`;
      bankCash[t] = s;
    }
    return s;
  }
  endpointBank(e: number): string {
    return BANK_CODES[e >= 0 ? (this.bank[e] ?? 0) : Math.floor((-e - 2) / TERMINAL_STRIDE)] ?? 'B-ICBC';
  }
  /** A cash terminal of a bank, encoded as an endpoint ≤ -2 (-1 means "nobody"). */
  terminal(r: Rng, bank: number): number {
    return -(2 + bank * TERMINAL_STRIDE + r.int(0, this.terminalsPerBank - 1));
  }
  /** A household member other than i, or -1. */
  relative(r: Rng, i: number): number {
    const size = this.hhSize[i] ?? 1;
    if (size <= 1) return -1;
    const start = this.hhStart[i] ?? 0;
    for (let k = 0; k < 4; k++) {
      const j = this.persons[start + r.int(0, size - 1)] ?? i;
      if (j !== i) return j;
    }
    return -1;
  }
  /** Salary of employee i at employer ordinal e in a month, fen. */
  salary(r: Rng, e: number, i: number): number {
    const personal = Math.exp(0.3 * gaussFromUnits(hashUnit(i ^ this.idKey), hashUnit(i + 0x51ed27)));
    let yuan = (this.employerSalary[e] ?? 6000) * personal * (1 + 0.03 * gauss(r));
    if (r.next() < 0.05) yuan *= 1.5 + r.next(); // a bonus month
    return Math.max(200_000, Math.round(yuan * 100));
  }
  normalKind(i: number): NormalKind | null {
    switch (this.kind[i]) {
      case K_SECOND:
        return 'own_second';
      case K_MERCHANT:
        return 'merchant';
      case K_UTILITY:
        return 'utility';
      case K_BUSINESS:
        return 'business';
      case K_EMPLOYER:
        return 'employer';
      case K_TREASURY:
        return 'treasury';
      case K_SUPPLIER:
        return 'supplier';
      case K_PERSON: {
        const f = this.flags[i] ?? 0;
        if (f & F_LANDLORD) return 'landlord';
        if (f & F_FORWARDER) return 'salary_forwarder';
        if (f & F_NIGHT) return 'night_shift';
        if (f & F_YOUNG) return 'young';
        return null;
      }
      default:
        return null;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// the mule structures, planned up front

interface PlanTx {
  at: number;
  from: number;
  to: number;
  amount: number;
  channel: Channel;
  pattern: boolean;
  inst: number;
}

const ROLE_MULE = 1;
const ROLE_VICTIM = 2;

class Builder {
  readonly tx: { off: number; from: number; to: number; amount: number; channel: Channel }[] = [];
  readonly accounts: number[] = [];
  readonly roles: MuleRole[] = [];
  readonly victims: number[] = [];
  constructor(readonly planner: Planner, readonly typology: Typology) {}
  mule(role: MuleRole): number {
    const i = this.planner.allocateMule();
    this.accounts.push(i);
    this.roles.push(role);
    return i;
  }
  /** A victim, distinct within the structure. */
  victim(): number {
    let v = this.planner.victim();
    for (let tries = 0; tries < 20 && this.victims.includes(v); tries++) v = this.planner.victim();
    this.victims.push(v);
    return v;
  }
  add(offMs: number, from: number, to: number, amount: number, channel: Channel = 'transfer'): void {
    this.tx.push({ off: Math.max(0, Math.round(offMs / 1000) * 1000), from, to, amount: Math.max(100, Math.round(amount)), channel });
  }
  span(): number {
    let m = 0;
    for (const t of this.tx) if (t.off > m) m = t.off;
    return m;
  }
}

class Planner {
  readonly records: PlanTx[] = [];
  readonly instances: { typology: Typology; accounts: number[]; roles: MuleRole[]; victims: number[]; start: number; end: number; first: number; count: number }[] = [];
  readonly role: Uint8Array;
  readonly firstUse = new Map<number, number>();
  readonly muleTypology = new Map<number, Typology>();
  private slot = 0;
  patternCount = 0;
  warmupCount = 0;
  private readonly r: Rng;
  private readonly P: VariantParams['mules'];
  private readonly startProfile: Float64Array;
  private readonly cashNight: Float64Array;
  private current: Typology = 'fan_in';

  constructor(
    seed: number,
    readonly pop: Population,
    readonly params: VariantParams,
    readonly start: number,
    readonly days: number,
  ) {
    this.r = new Rng(mix(seed, 3));
    this.P = params.mules;
    this.role = new Uint8Array(pop.n);
    this.startProfile = cumulative(this.P.startProfile);
    this.cashNight = cumulative(CASH_NIGHT_PROFILE);
  }

  allocateMule(): number {
    const { pop, r } = this;
    let i = -1;
    if (this.slot < pop.muleSlots.length && r.next() >= this.P.seasonedShare) i = pop.muleSlots[this.slot++] ?? -1;
    for (let tries = 0; i < 0 && tries < 1000; tries++) {
      const c = pickOf(r, pop.persons);
      if (this.role[c] === 0 && pop.activeFrom[c] === 0) i = c;
    }
    if (i < 0) throw new RangeError('population too small for the mule structures');
    this.role[i] = ROLE_MULE;
    this.muleTypology.set(i, this.current);
    return i;
  }

  victim(): number {
    const { pop, r } = this;
    for (let tries = 0; tries < 1000; tries++) {
      const c = pickOf(r, pop.persons);
      if (this.role[c] !== ROLE_MULE && pop.activeFrom[c] === 0) {
        this.role[c] = ROLE_VICTIM;
        return c;
      }
    }
    throw new RangeError('population too small for victims');
  }

  victimAmount(): number {
    const { r } = this;
    const v = this.P.victimYuan;
    if (r.next() < v.underLimitShare) return r.pick(v.underLimit) * 100;
    const y = clamp(v.median * Math.exp(v.sigma * gauss(r)), v.min, v.max);
    const u = r.next();
    const step = u < 0.6 ? 100 : u < 0.9 ? 10 : 1;
    return Math.max(v.min, Math.round(y / step) * step) * 100;
  }
  victimChannel(): Channel {
    return this.r.next() < this.P.victimWallet ? 'wallet' : 'transfer';
  }
  /** Amount passed on after the mule's cut, whole yuan. */
  skim(fen: number): number {
    return Math.max(100, Math.floor((fen * (1 - uni(this.r, this.P.fee))) / 100) * 100);
  }
  hop(range: Range = this.P.hopMinutes): number {
    return uni(this.r, range) * MINUTE;
  }
  /** Splits whole-yuan `total` into k random parts (each ≥ 1 yuan). */
  split(total: number, k: number): number[] {
    const yuan = Math.floor(total / 100);
    k = Math.max(1, Math.min(k, yuan));
    const w: number[] = [];
    let sum = 0;
    for (let i = 0; i < k; i++) {
      const x = 0.5 + this.r.next();
      w.push(x);
      sum += x;
    }
    const parts = w.map((x) => Math.max(1, Math.floor((yuan * x) / sum)));
    const rest = yuan - parts.reduce((a, b) => a + b, 0);
    parts[k - 1] = Math.max(1, (parts[k - 1] ?? 0) + rest);
    return parts.map((y) => y * 100);
  }
  /** Pieces no larger than a transfer limit: 49,900 + 49,900 + remainder. */
  underLimit(total: number): number[] {
    const limit = this.r.pick(this.P.transferLimitYuan) * 100;
    const out: number[] = [];
    while (total > limit) {
      out.push(limit);
      total -= limit;
    }
    if (total >= 100) out.push(Math.floor(total / 100) * 100);
    return out;
  }
  /** Victims pay `to` at the given offsets; returns the total received. */
  fund(b: Builder, to: number, offsets: number[]): number {
    let total = 0;
    for (const off of offsets) {
      const a = this.victimAmount();
      b.add(off, b.victim(), to, a, this.victimChannel());
      total += a;
    }
    return total;
  }
  /** Victims pay `to` one after another (minutes apart, within `spanMs`) until at least `minFen` is in (at most 15 payers). */
  fundAtLeast(b: Builder, to: number, minFen: number, spanMs: number): number {
    const n = clamp(Math.ceil(minFen / (this.P.victimYuan.median * 100)), 1, 15);
    const offs = this.sortedOffsets(n + 3, spanMs);
    let total = 0;
    for (let i = 0; i < offs.length && (i < n || total < minFen); i++) {
      const a = this.victimAmount();
      b.add(offs[i] ?? 0, b.victim(), to, a, this.victimChannel());
      total += a;
    }
    return total;
  }
  sortedOffsets(k: number, spanMs: number, from = 0): number[] {
    const o: number[] = [];
    for (let i = 0; i < k; i++) o.push(from + this.r.next() * spanMs);
    return o.sort((a, b) => a - b);
  }

  build(typology: Typology): Builder {
    this.current = typology;
    const b = new Builder(this, typology);
    const { r, P } = this;
    switch (typology) {
      case 'fan_in': {
        const c = b.mule('collector');
        const up = b.mule('upstream');
        const k = intIn(r, P.fanIn.payers);
        const offs = this.sortedOffsets(k, uni(r, P.fanIn.windowHours) * HOUR);
        const sweeps = intIn(r, P.fanIn.sweeps);
        // the collector passes on what it holds after every k/sweeps receipts and at the end
        let held = 0;
        let t = 0;
        for (let i = 0; i < k; i++) {
          const off = offs[i] ?? 0;
          const a = this.victimAmount();
          b.add(off, b.victim(), c, a, this.victimChannel());
          held += a;
          const last = i === k - 1;
          if (last || (sweeps > 1 && (i + 1) % Math.ceil(k / sweeps) === 0)) {
            t = Math.max(t, off) + this.hop();
            for (const piece of this.underLimit(this.skim(held))) {
              b.add(t, c, up, piece);
              t += uni(r, [0.5, 3]) * MINUTE;
            }
            held = 0;
          }
        }
        break;
      }
      case 'fan_out': {
        // an upstream layer account (fed at another bank, outside this data) passes a lump in pieces under the limit
        const up = b.mule('upstream');
        const s = b.mule('source');
        const m = intIn(r, P.fanOut.receivers);
        let total = 0;
        let tIn = 0;
        for (const piece of this.underLimit(Math.round(m * uni(r, P.fanOut.perReceiverYuan)) * 100)) {
          b.add(tIn, up, s, piece);
          total += piece;
          tIn += uni(r, [0.5, 4]) * MINUTE;
        }
        const t0 = b.span() + this.hop();
        const offs = this.sortedOffsets(m, uni(r, P.fanOut.windowMinutes) * MINUTE, t0);
        const parts = this.split(this.skim(total), m);
        parts.forEach((amount, j) => {
          const recv = b.mule('receiver');
          const off = offs[j] ?? t0;
          b.add(off, s, recv, amount);
          if (r.next() < P.fanOut.cashOutShare && amount >= 100_000) {
            const cashAt = off + uni(r, [20, 180]) * MINUTE;
            b.add(cashAt, recv, this.pop.terminal(r, this.pop.bank[recv] ?? 0), Math.floor((amount * uni(r, [0.8, 1])) / 10_000) * 10_000, 'cash_out');
          }
        });
        break;
      }
      case 'cycle': {
        const k = intIn(r, P.cycle.length);
        const members: number[] = [];
        for (let i = 0; i < k; i++) members.push(b.mule('member'));
        const first = members[0] ?? 0;
        let amount = this.fund(b, first, this.sortedOffsets(r.int(1, 2), 30 * MINUTE));
        let t = b.span();
        const rounds = intIn(r, P.cycle.rounds);
        for (let round = 0; round < rounds; round++) {
          for (let i = 0; i < k; i++) {
            t += this.hop(P.cycle.hopMinutes);
            amount = this.skim(amount);
            b.add(t, members[i] ?? first, members[(i + 1) % k] ?? first, amount);
          }
          t += this.hop();
        }
        break;
      }
      case 'scatter_gather': {
        const s = b.mule('source');
        const k = intIn(r, P.scatterGather.intermediaries);
        const mids: number[] = [];
        for (let i = 0; i < k; i++) mids.push(b.mule('intermediary'));
        const sink = b.mule('sink');
        const total = this.fundAtLeast(b, s, k * uni(r, P.scatterGather.perIntermediaryYuan) * 100, uni(r, [0.3, 2]) * HOUR);
        let t = b.span() + this.hop();
        this.split(this.skim(total), k).forEach((part, j) => {
          const mid = mids[j] ?? s;
          t += uni(r, [0.2, 3]) * MINUTE;
          b.add(t, s, mid, part);
          b.add(t + this.hop(), mid, sink, this.skim(part));
        });
        break;
      }
      case 'gather_scatter': {
        const h = b.mule('hub');
        const n = intIn(r, P.gatherScatter.payers);
        const total = this.fund(b, h, this.sortedOffsets(n, uni(r, P.gatherScatter.windowHours) * HOUR));
        const m = intIn(r, P.gatherScatter.receivers);
        let t = b.span() + this.hop();
        for (const part of this.split(this.skim(total), m)) {
          b.add(t, h, b.mule('receiver'), part);
          t += uni(r, [0.3, 5]) * MINUTE;
        }
        break;
      }
      case 'bipartite': {
        const np = intIn(r, P.bipartite.payers);
        const nq = intIn(r, P.bipartite.receivers);
        const payers: number[] = [];
        const receivers: number[] = [];
        for (let i = 0; i < np; i++) payers.push(b.mule('payer'));
        for (let i = 0; i < nq; i++) receivers.push(b.mule('receiver'));
        // every receiver gets paid (receivers dealt round the payers), and each payer pays at least perPayer of them
        const targets = payers.map(() => new Set<number>());
        receivers.forEach((q, j) => targets[j % np]?.add(q));
        for (const set of targets) {
          const d = Math.min(nq, intIn(r, P.bipartite.perPayer));
          while (set.size < d) set.add(receivers[r.int(0, nq - 1)] ?? 0);
        }
        payers.forEach((p, i) => {
          const funded = this.sortedOffsets(r.int(1, 2), 2 * HOUR);
          const total = this.fund(b, p, funded);
          const to = [...(targets[i] ?? [])];
          let t = (funded[funded.length - 1] ?? 0) + this.hop();
          const parts = this.split(this.skim(total), to.length);
          to.forEach((q, j) => {
            b.add(t, p, q, parts[j] ?? 100);
            t += uni(r, [1, 20]) * MINUTE;
          });
        });
        break;
      }
      case 'stack': {
        const hops = intIn(r, P.stack.hops);
        const chains = intIn(r, P.stack.chains);
        const sink = b.mule('layer');
        for (let c = 0; c < chains; c++) {
          // victim → L1 → … → L(hops) → sink: `hops` mule-to-mule hops, the last layer shared by the chains
          const layers: number[] = [];
          for (let l = 0; l < hops; l++) layers.push(b.mule('layer'));
          layers.push(sink);
          let t = r.next() * HOUR;
          let amount = this.victimAmount();
          b.add(t, b.victim(), layers[0] ?? sink, amount, this.victimChannel());
          for (let l = 0; l < hops; l++) {
            t += this.hop(P.stack.hopMinutes);
            amount = this.skim(amount);
            b.add(t, layers[l] ?? sink, layers[l + 1] ?? sink, amount);
          }
        }
        break;
      }
      case 'fast_in_out': {
        const m = b.mule('mule');
        const onward = [b.mule('onward')];
        if (r.next() < 0.5) onward.push(b.mule('onward'));
        const rounds = intIn(r, P.fastInOut.rounds);
        const offs = this.sortedOffsets(rounds, uni(r, P.fastInOut.spanDays) * DAY);
        for (const off of offs) {
          const a = this.victimAmount();
          b.add(off, b.victim(), m, a, this.victimChannel());
          const out = Math.max(Math.ceil(a * 0.9), Math.floor((a * uni(r, P.fastInOut.forwardShare)) / 100) * 100);
          b.add(off + uni(r, P.fastInOut.minutes) * MINUTE, m, onward[r.int(0, onward.length - 1)] ?? m, out);
        }
        break;
      }
      case 'cash_out': {
        const m = b.mule('mule');
        const C = P.cashOut;
        const total = this.fund(b, m, this.sortedOffsets(intIn(r, C.inflows), uni(r, [0.5, 3]) * HOUR));
        const out = Math.floor((total * uni(r, [0.9, 1])) / 10_000); // hundreds of yuan
        const maxPer = C.maxPerWithdrawalYuan / 100;
        const w = Math.max(intIn(r, C.withdrawals), Math.ceil(out / maxPer));
        let t = b.span() + uni(r, [10, 90]) * MINUTE;
        const used = new Set<number>();
        const own = this.pop.bank[m] ?? 0;
        let left = out;
        for (let j = 0; j < w && left > 0; j++) {
          const hundreds = j === w - 1 ? Math.min(left, maxPer) : Math.min(left, maxPer, Math.max(1, Math.round((out / w) * uni(r, [0.7, 1.3]))));
          let term = 0;
          for (let tries = 0; tries < 10; tries++) {
            term = this.pop.terminal(r, r.next() < C.otherBankShare ? r.int(0, BANK_CODES.length - 1) : own);
            if (!used.has(term)) break;
          }
          used.add(term);
          b.add(t, m, term, hundreds * 10_000, 'cash_out');
          left -= hundreds;
          t += uni(r, C.gapMinutes) * MINUTE;
        }
        break;
      }
    }
    return b;
  }

  /** Places a built structure in the window and records it. */
  place(b: Builder): void {
    const { r } = this;
    const end = this.start + this.days * DAY;
    const windowMs = end - this.start;
    const span = b.span();
    const scale = span >= windowMs - 2000 ? (windowMs - 2000) / span : 1;
    const eff = Math.floor(span * scale);
    const profile = b.typology === 'cash_out' && r.next() < this.P.cashOut.nightShare ? this.cashNight : this.startProfile;
    let t0 = this.start + r.int(0, this.days - 1) * DAY + pickCum(r, profile) * HOUR + r.int(0, 3599) * 1000;
    if (t0 + eff >= end) t0 = end - 1000 - eff - r.int(0, Math.floor(Math.min(DAY, windowMs - eff - 1000) / 1000) - 1) * 1000;
    if (t0 < this.start) t0 = this.start;
    const inst = this.instances.length;
    const sorted = [...b.tx].sort((x, y) => x.off - y.off);
    const first = this.records.length;
    for (const t of sorted) {
      const at = t0 + Math.floor((t.off * scale) / 1000) * 1000;
      this.records.push({ at, from: t.from, to: t.to, amount: t.amount, channel: t.channel, pattern: true, inst });
      for (const a of [t.from, t.to]) if (a >= 0 && this.role[a] === ROLE_MULE && !this.firstUse.has(a)) this.firstUse.set(a, at);
    }
    this.patternCount += sorted.length;
    const last = this.records[this.records.length - 1];
    this.instances.push({ typology: b.typology, accounts: b.accounts, roles: b.roles, victims: b.victims, start: this.records[first]?.at ?? t0, end: last?.at ?? t0, first, count: sorted.length });
  }

  /** New mule accounts get one or two tiny test payments days before their first use (养卡), as mules do. */
  warmUps(): void {
    const { r, pop } = this;
    for (const [a, first] of this.firstUse) {
      if (pop.kind[a] !== K_MULE_SLOT || r.next() >= this.P.warmupShare) continue;
      const k = r.int(1, 2);
      for (let j = 0; j < k; j++) {
        const at = first - Math.floor(uni(r, [0.3, 4]) * DAY / 1000) * 1000;
        if (at < this.start) continue;
        const from = this.victimLikeSender();
        const amount = r.next() < 0.5 ? r.int(1, 100) : r.int(1, 50) * 100;
        this.records.push({ at, from, to: a, amount, channel: r.next() < 0.6 ? 'wallet' : 'transfer', pattern: false, inst: -1 });
        this.warmupCount++;
      }
    }
  }
  private victimLikeSender(): number {
    for (let tries = 0; tries < 100; tries++) {
      const c = pickOf(this.r, this.pop.persons);
      if (this.role[c] !== ROLE_MULE && this.pop.activeFrom[c] === 0) return c;
    }
    return this.pop.persons[0] ?? 0;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// ids

/** txIds: "T" + local date + a counter (< 1e12) permuted by a keyed 3-round Feistel network on base-10^6 halves. */
class TxIds {
  private readonly k0: number;
  private readonly k1: number;
  private readonly k2: number;
  private readonly dates = new Map<number, string>();
  constructor(seed: number) {
    this.k0 = mix(seed, 4, 0);
    this.k1 = mix(seed, 4, 1);
    this.k2 = mix(seed, 4, 2);
  }
  id(counter: number, at: number): string {
    const localDay = Math.floor((at + CHINA_OFFSET_MS) / DAY);
    let date = this.dates.get(localDay);
    if (date === undefined) {
      date = `T${new Date(localDay * DAY).toISOString().slice(0, 10).replace(/-/g, '')}`;
      this.dates.set(localDay, date);
    }
    let l = Math.floor(counter / 1e6);
    let r = counter - l * 1e6;
    let t = (l + (hash32((r ^ this.k0) >>> 0) % 1e6)) % 1e6;
    l = r;
    r = t;
    t = (l + (hash32((r ^ this.k1) >>> 0) % 1e6)) % 1e6;
    l = r;
    r = t;
    t = (l + (hash32((r ^ this.k2) >>> 0) % 1e6)) % 1e6;
    return date + String(r * 1e6 + t).padStart(12, '0');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// synthesize

interface Context {
  opts: Required<Omit<SynthOptions, 'typologies' | 'muleShare' | 'variant'>>;
  params: VariantParams;
  pop: Population;
  planned: Tx[];
  plannedCount: number;
  normalTarget: number;
  dayInfos: DayInfo[];
  /** expected scheduled ordinary transactions per day (salaries, rent, sweeps, first-day gifts) */
  expectedScheduled: Float64Array;
}

function validate(o: SynthOptions): void {
  const int = (v: number, name: string, min: number) => {
    if (!Number.isSafeInteger(v) || v < min) throw new RangeError(`${name} must be an integer ≥ ${min}`);
  };
  int(o.accounts, 'accounts', 500);
  int(o.transactions, 'transactions', 1);
  int(o.days, 'days', 1);
  if (o.days > 3650) throw new RangeError('days must be ≤ 3650');
  if (!Number.isSafeInteger(o.start)) throw new RangeError('start must be epoch ms');
  if (!Number.isFinite(o.seed)) throw new RangeError('seed must be a number');
  if (o.muleShare !== undefined && !(o.muleShare >= 0 && o.muleShare <= 0.1)) throw new RangeError('muleShare must be within [0, 0.1]');
  if (o.typologies) for (const t of o.typologies) if (!TYPOLOGIES.includes(t)) throw new RangeError(`unknown typology ${t}`);
}

/**
 * Builds the population and the mule plan, and returns the (lazy, re-iterable) transaction stream with the
 * labels, which are complete at once.
 */
export function synthesize(opts: SynthOptions): SynthResult {
  validate(opts);
  const seed = opts.seed >>> 0;
  const params = variantParams(opts.variant ?? 'train');
  const typologies = [...new Set(opts.typologies ?? TYPOLOGIES)];
  const muleShare = opts.muleShare ?? 0.005;
  const { accounts: n, transactions: T, days, start } = opts;

  // the scheduled part of ordinary life must fit the budget: scale the salaried/renting/sweeping shares down if not
  const pp = params.population;
  const personsApprox = n * (1 - pp.merchantShare - pp.businessShare - pp.employerShare - pp.supplierShare - muleShare) / (1 + pp.secondAccountShare);
  const months = days / 30.4;
  const perSalaried = 1 + pp.forwarderShare * pp.secondAccountShare + params.normal.postPaydayAtm;
  const rough = personsApprox * (pp.salariedShare * perSalaried * months + pp.renterShare * months) + n * pp.merchantShare * pp.sweeperShare * days * 0.8;
  const structScale = Math.min(1, (0.5 * T) / Math.max(1, rough));

  const muleTarget = Math.round(n * muleShare);
  if (muleShare === 0) typologies.length = 0;
  const seasoned = params.mules.seasonedShare;
  const slots = typologies.length === 0 ? 0 : Math.round(muleTarget * (1 - seasoned) * 1.1) + 2;
  const pop = new Population(seed, n, days, slots, params, structScale);

  // plan the structures: round robin over the typologies, each up to its share of the mule budget
  const planner = new Planner(seed, pop, params, start, days);
  const wsum = typologies.reduce((s, t) => s + params.mules.typologyWeights[t], 0);
  const budget = new Map(typologies.map((t) => [t, (muleTarget * params.mules.typologyWeights[t]) / Math.max(wsum, 1e-9)]));
  const used = new Map(typologies.map((t) => [t, 0]));
  const txCap = 0.25 * T;
  for (let pass = 0; ; pass++) {
    let built = 0;
    for (const t of typologies) {
      const u = used.get(t) ?? 0;
      if (pass > 0 && (u >= (budget.get(t) ?? 0) || planner.patternCount >= txCap)) continue;
      const b = planner.build(t);
      planner.place(b);
      used.set(t, u + b.accounts.length);
      built++;
    }
    if (built === 0) break;
  }
  planner.warmUps();

  // ids and objects for the planned transactions; then time order
  const ids = new TxIds(seed);
  const records = planner.records;
  const planned: Tx[] = new Array<Tx>(records.length);
  const patternTx = new Set<string>();
  const instTx: string[][] = planner.instances.map(() => []);
  for (let k = 0; k < records.length; k++) {
    const rec = records[k] as PlanTx;
    const tx: Tx = { txId: ids.id(k, rec.at), at: rec.at, from: pop.endpoint(rec.from), fromBank: pop.endpointBank(rec.from), to: pop.endpoint(rec.to), toBank: pop.endpointBank(rec.to), amount: rec.amount, channel: rec.channel };
    planned[k] = tx;
    if (rec.pattern) {
      patternTx.add(tx.txId);
      instTx[rec.inst]?.push(tx.txId);
    }
  }
  planned.sort((a, b) => a.at - b.at);

  const mules = new Map<string, Typology>();
  for (const [i, t] of planner.muleTypology) mules.set(pop.account(i), t);
  const instances: MuleInstance[] = planner.instances.map((x, id) => ({
    id,
    typology: x.typology,
    accounts: x.accounts.map((i) => pop.account(i)),
    roles: x.roles,
    victims: [...new Set(x.victims)].map((i) => pop.account(i)),
    txIds: instTx[id] ?? [],
    start: x.start,
    end: x.end,
  }));
  const normalKinds = new Map<string, NormalKind>();
  const sameOwner = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const k = pop.normalKind(i);
    if (k) normalKinds.set(pop.account(i), k);
    const kind = pop.kind[i];
    const l = pop.link[i] ?? -1;
    if (l >= 0 && (kind === K_SECOND || kind === K_MERCHANT)) sameOwner.set(pop.account(i), pop.account(l));
  }

  // the calendar and the expected scheduled load per day
  const dayInfos: DayInfo[] = [];
  for (let d = 0; d < days; d++) dayInfos.push(dayInfo(start + d * DAY));
  const expectedScheduled = new Float64Array(days);
  const rentersPerDay = pop.rentersByDay.map((l) => l.length);
  let forwarders = 0;
  let salaried = 0;
  for (const i of pop.persons) {
    const f = pop.flags[i] ?? 0;
    if (f & F_SALARIED) salaried++;
    if (f & F_FORWARDER) forwarders++;
  }
  const perEmployee = 1 + forwarders / Math.max(1, salaried) + params.normal.postPaydayAtm;
  for (let d = 0; d < days; d++) {
    const info = dayInfos[d] as DayInfo;
    let s = pop.sweepers.length * 0.8 + (pop.youngByDay[d]?.length ?? 0);
    if (info.dom <= RENT_DAYS) s += rentersPerDay[info.dom - 1] ?? 0;
    const paysToday = params.normal.paydays.map((option) => effectivePayday(option, info.year, info.month, info.daysInMonth) === info.dom);
    for (let e = 0; e < pop.employers.length; e++) {
      if (!paysToday[pop.employerPayday[e] ?? 0]) continue;
      const size = (pop.employeesStart[e + 1] ?? 0) - (pop.employeesStart[e] ?? 0);
      if (size > 0) s += size * perEmployee + 0.7;
    }
    expectedScheduled[d] = s;
  }

  const plannedCount = planned.length;
  const normalTarget = Math.max(0, T - plannedCount);
  const ctx: Context = { opts: { seed, accounts: n, transactions: T, start, days }, params, pop, planned, plannedCount, normalTarget, dayInfos, expectedScheduled };
  return {
    transactions: { [Symbol.iterator]: () => stream(ctx) },
    labels: { mules, patternTx, normalKinds, sameOwner, instances },
    params,
    plan: { patternTx: patternTx.size, warmupTx: planner.warmupCount, normalTarget, muleAccounts: mules.size },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// the ordinary day

const FAMILY_YUAN = [200, 500, 1000, 2000, 3000, 5000, 10_000, 20_000];
const FAMILY_CUM = cumulative([10, 20, 25, 15, 8, 12, 7, 3]);
const RED_PACKET_FEN = [666, 888, 1000, 2000, 5000, 6666, 8888, 10_000, 16_800, 20_000, 52_000, 131_400];
const ATM_YUAN = [100, 200, 300, 500, 800, 1000, 1500, 2000, 3000];
const FEE_YUAN = [200, 300, 500, 800, 1000, 1500, 2000, 3000, 5000];

const CHANNEL_LIST: readonly Channel[] = ['transfer', 'cash_out', 'cash_in', 'card', 'wallet'];
const CHANNEL_CODE: Record<Channel, number> = { transfer: 0, cash_out: 1, cash_in: 2, card: 3, wallet: 4 };

interface CarryRec {
  at: number;
  from: number;
  to: number;
  amount: number;
  ch: number;
  key: number;
}

/**
 * One day of transactions as columns (no objects, so a day costs ~40 bytes a transaction and nothing for the
 * garbage collector); `key` is the id counter of an ordinary transaction, or -(k+1) for planned transaction k.
 */
class DayBuffer {
  n = 0;
  at = new Float64Array(1024);
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  amount = new Float64Array(1024);
  ch = new Uint8Array(1024);
  key = new Float64Array(1024);
  private order = new Int32Array(1024);
  private readonly counts = new Int32Array(86_401);

  push(at: number, from: number, to: number, amount: number, ch: number, key: number): void {
    if (this.n === this.at.length) this.grow();
    const i = this.n++;
    this.at[i] = at;
    this.from[i] = from;
    this.to[i] = to;
    this.amount[i] = amount;
    this.ch[i] = ch;
    this.key[i] = key;
  }
  private grow(): void {
    const cap = this.at.length * 2;
    const g = <A extends Float64Array | Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.at = g(this.at, (c) => new Float64Array(c));
    this.from = g(this.from, (c) => new Int32Array(c));
    this.to = g(this.to, (c) => new Int32Array(c));
    this.amount = g(this.amount, (c) => new Float64Array(c));
    this.ch = g(this.ch, (c) => new Uint8Array(c));
    this.key = g(this.key, (c) => new Float64Array(c));
  }
  /**
   * Indices in time order (stable): a counting sort on the second of the day, as every time is a whole number of
   * seconds after `dayStart`; a comparison sort otherwise.
   */
  sorted(dayStart: number): Int32Array {
    const n = this.n;
    if (this.order.length < n) this.order = new Int32Array(this.at.length);
    const order = this.order;
    const counts = this.counts;
    counts.fill(0);
    let aligned = true;
    for (let i = 0; i < n; i++) {
      const off = (this.at[i] ?? 0) - dayStart;
      const sec = Math.floor(off / 1000);
      if (sec * 1000 !== off || sec < 0 || sec >= 86_400) {
        aligned = false;
        break;
      }
      counts[sec + 1] = (counts[sec + 1] ?? 0) + 1;
    }
    if (!aligned) {
      const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => (this.at[a] ?? 0) - (this.at[b] ?? 0) || a - b);
      for (let i = 0; i < n; i++) order[i] = idx[i] ?? 0;
      return order.subarray(0, n);
    }
    for (let s = 1; s <= 86_400; s++) counts[s] = (counts[s] ?? 0) + (counts[s - 1] ?? 0);
    for (let i = 0; i < n; i++) {
      const sec = ((this.at[i] ?? 0) - dayStart) / 1000;
      const pos = counts[sec] ?? 0;
      counts[sec] = pos + 1;
      order[pos] = i;
    }
    return order.subarray(0, n);
  }
}

class DayGen {
  readonly buf = new DayBuffer();
  carry: CarryRec[] = [];
  counter: number;
  generated = 0;
  private lastSweeps: number;
  private r: Rng = new Rng(0);
  private ds = 0;
  private de = 0;
  private d = 0;
  private readonly end: number;
  private readonly takings: Float64Array;
  private readonly ids: TxIds;
  private readonly dayCum: Float64Array;
  private readonly nightCum = cumulative(NIGHT_PROFILE);
  private readonly eveningCum = cumulative(EVENING_PROFILE);
  private readonly officeCum = cumulative(OFFICE_PROFILE);
  private readonly seed: number;
  private readonly pop: Population;
  private readonly N: VariantParams['normal'];

  constructor(private readonly ctx: Context) {
    this.pop = ctx.pop;
    this.N = ctx.params.normal;
    this.seed = ctx.opts.seed;
    this.end = ctx.opts.start + ctx.opts.days * DAY;
    this.takings = new Float64Array(ctx.pop.merchants.length);
    this.ids = new TxIds(ctx.opts.seed);
    this.counter = ctx.plannedCount;
    this.dayCum = cumulative(DAY_PROFILE);
    this.lastSweeps = ctx.pop.sweepers.length * 0.8;
  }

  private emit(at: number, from: number, to: number, amount: number, channel: Channel): void {
    if (at >= this.end || at < this.ds || from === to || from === -1 || to === -1 || amount <= 0) return;
    const p = this.pop;
    // accounts opened inside the window do nothing before their first day
    if ((from >= 0 && (p.activeFrom[from] ?? 0) > this.d) || (to >= 0 && (p.activeFrom[to] ?? 0) > this.d)) return;
    const ch = CHANNEL_CODE[channel];
    if (at < this.de) this.buf.push(at, from, to, amount, ch, this.counter++);
    else this.carry.push({ at, from, to, amount, ch, key: this.counter++ });
    this.generated++;
  }

  /** The transaction at buffer index i (created now, so that it dies young once the consumer is done with it). */
  tx(i: number, planned: readonly Tx[]): Tx {
    const b = this.buf;
    const key = b.key[i] ?? 0;
    if (key < 0) return planned[-key - 1] as Tx;
    const at = b.at[i] ?? 0;
    const from = b.from[i] ?? 0;
    const to = b.to[i] ?? 0;
    const p = this.pop;
    return { txId: this.ids.id(key, at), at, from: p.endpoint(from), fromBank: p.endpointBank(from), to: p.endpoint(to), toBank: p.endpointBank(to), amount: b.amount[i] ?? 0, channel: CHANNEL_LIST[b.ch[i] ?? 0] ?? 'transfer' };
  }
  private timeIn(cum: Float64Array): number {
    return this.ds + pickCum(this.r, cum) * HOUR + this.r.int(0, 3599) * 1000;
  }
  private personTime(i: number, cum: Float64Array): number {
    return this.timeIn((this.pop.flags[i] ?? 0) & F_NIGHT ? this.nightCum : cum);
  }
  private person(): number {
    const { pop, r } = this;
    const table = pop.activePick;
    let c = 0;
    for (let tries = 0; tries < 30; tries++) {
      c = table[Math.floor(r.next() * table.length)] ?? 0;
      if ((pop.activeFrom[c] ?? 0) <= this.d) return c;
    }
    return c;
  }
  private other(i: number): number {
    for (let k = 0; k < 5; k++) {
      const j = this.person();
      if (j !== i) return j;
    }
    return -1;
  }

  /** Generates day d: scheduled events, then background until `target` ordinary transactions (at least `floor` background ones). */
  day(d: number, target: number, floor: number): void {
    const { pop, N } = this;
    const info = this.ctx.dayInfos[d] as DayInfo;
    this.d = d;
    this.ds = info.start;
    this.de = Math.min(info.start + DAY, this.end);
    this.r = new Rng(mix(this.seed, 5, d));
    const r = this.r;
    const before = this.generated;

    // carried follow-ups that fall today
    const carried = this.carry;
    this.carry = [];
    for (const c of carried) {
      if (c.at < this.de) this.buf.push(c.at, c.from, c.to, c.amount, c.ch, c.key);
      else this.carry.push(c);
    }

    // paydays: payroll funding, the salary batch, forwards to own accounts, cash after payday
    const paysToday = N.paydays.map((option) => effectivePayday(option, info.year, info.month, info.daysInMonth) === info.dom);
    for (let e = 0; e < pop.employers.length; e++) {
      if (!paysToday[pop.employerPayday[e] ?? 0]) continue;
      const from = pop.employeesStart[e] ?? 0;
      const to = pop.employeesStart[e + 1] ?? 0;
      if (to === from) continue;
      const employer = pop.employers[e] ?? 0;
      const batch = this.ds + Math.floor(uni(r, N.salaryHour) * 3600) * 1000;
      const salaries: number[] = [];
      let total = 0;
      for (let k = from; k < to; k++) {
        const s = pop.salary(r, e, pop.employees[k] ?? 0);
        salaries.push(s);
        total += s;
      }
      const treasury = pop.employerTreasury[e] ?? -1;
      if (treasury >= 0) this.emit(batch - Math.floor(uni(r, [20, 120]) * 60) * 1000, treasury, employer, Math.round((total * uni(r, [1, 1.15])) / 10_000) * 10_000, 'transfer');
      let t = batch;
      for (let k = from; k < to; k++) {
        const emp = pop.employees[k] ?? 0;
        const s = salaries[k - from] ?? 0;
        t += r.int(0, 3) * 1000;
        this.emit(t, employer, emp, s, 'transfer');
        if ((pop.flags[emp] ?? 0) & F_FORWARDER) {
          const share = uni(r, N.forwardShare);
          const amount = r.next() < 0.5 ? Math.floor((s * share) / 10_000) * 10_000 : Math.round(s * share);
          this.emit(t + Math.floor(uni(r, N.forwardMinutes) * 60) * 1000, emp, pop.link[emp] ?? -1, amount, r.next() < 0.7 ? 'transfer' : 'wallet');
        }
        if (r.next() < N.postPaydayAtm) {
          // a small cash withdrawal the same evening or within two days
          const at = this.ds + r.int(0, 2) * DAY + r.int(8 * 3600, 22 * 3600) * 1000;
          this.emit(Math.max(t + 10 * MINUTE, at), emp, pop.terminal(r, pop.bank[emp] ?? 0), r.pick(ATM_YUAN) * 100, 'cash_out');
        }
      }
    }

    // rent on the first days of the month (landlords of 城中村 get dozens the same day)
    if (info.dom <= RENT_DAYS) {
      for (const tenant of pop.rentersByDay[info.dom - 1] ?? []) {
        const yuan = 800 + 100 * (hash32(tenant ^ 0x2545f491) % 53);
        this.emit(this.personTime(tenant, this.eveningCum), tenant, pop.landlord[tenant] ?? -1, yuan * 100, r.next() < 0.6 ? 'transfer' : 'wallet');
      }
    }

    // young people's new accounts: a first transfer from a parent
    for (const young of pop.youngByDay[d] ?? []) {
      const parent = pop.relative(r, young);
      this.emit(this.timeIn(this.eveningCum), parent >= 0 ? parent : this.other(young), young, r.pick([500, 1000, 2000, 3000, 5000]) * 100, 'transfer');
    }

    // everyday background up to the day's target, leaving room for tonight's sweeps
    const weights = BG_KINDS.map((k) => {
      let w = N.mix[k];
      if (k === 'redpacket') w *= 1 + info.festive * N.festiveRedPacket;
      if ((k === 'supplier' || k === 'merchant_cash') && info.weekend) w *= 0.3;
      if ((k === 'family' || k === 'aa') && info.weekend) w *= 1.3;
      return w;
    });
    const cum = cumulative(weights);
    const bgTarget = Math.max(floor, target - (this.generated - before) - this.lastSweeps);
    const bgStart = this.generated;
    while (this.generated - bgStart < bgTarget) this.background(BG_KINDS[pickCum(r, cum)] ?? 'shop', info);

    // night sweeps of the day's takings to the owner's own account
    const beforeSweeps = this.generated;
    for (const m of pop.sweepers) {
      const o = pop.ord[m] ?? 0;
      const takings = this.takings[o] ?? 0;
      if (takings < 10_000) continue; // under 100 yuan stays in the shop's account
      const amount = Math.floor((takings * uni(r, N.sweepShare)) / 100) * 100;
      if (amount >= 100) this.emit(this.ds + Math.floor(uni(r, N.sweepHour) * 3600) * 1000, m, pop.link[m] ?? -1, amount, 'transfer');
    }
    this.takings.fill(0);
    this.lastSweeps = this.generated - beforeSweeps;
  }

  private background(kind: BgKind, info: DayInfo): void {
    const { pop, r } = this;
    switch (kind) {
      case 'shop': {
        const p = this.person();
        const m = pop.merchants[skewed(r, pop.merchants.length, 2)] ?? 0;
        const fen = Math.round(clamp(60 * Math.exp(1.0 * gauss(r)), 1, 30_000) * 100);
        this.emit(this.personTime(p, this.dayCum), p, m, fen, r.next() < 0.5 ? 'card' : 'wallet');
        const o = pop.ord[m] ?? 0;
        this.takings[o] = (this.takings[o] ?? 0) + fen;
        return;
      }
      case 'bill': {
        const p = this.person();
        this.emit(this.personTime(p, this.dayCum), p, pickOf(r, pop.utilities), Math.round(clamp(150 * Math.exp(0.7 * gauss(r)), 10, 3000) * 100), r.next() < 0.6 ? 'wallet' : 'transfer');
        return;
      }
      case 'family': {
        const p = this.person();
        const q = pop.relative(r, p);
        const to = q >= 0 ? q : this.other(p);
        this.emit(this.personTime(p, this.eveningCum), p, to, (FAMILY_YUAN[pickCum(r, FAMILY_CUM)] ?? 500) * 100, r.next() < 0.6 ? 'transfer' : 'wallet');
        return;
      }
      case 'redpacket': {
        const p = this.person();
        const q = r.next() < 0.6 ? pop.relative(r, p) : -1;
        let fen = r.pick(RED_PACKET_FEN);
        if (info.ymd.endsWith('05-20') && r.next() < 0.5) fen = 52_000;
        this.emit(this.personTime(p, this.eveningCum), p, q >= 0 ? q : this.other(p), fen, 'wallet');
        return;
      }
      case 'friend': {
        const p = this.person();
        const y = clamp(120 * Math.exp(gauss(r)), 1, 20_000);
        this.emit(this.personTime(p, this.dayCum), p, this.other(p), r.next() < 0.5 ? Math.round(y) * 100 : Math.round(y * 100), r.next() < 0.7 ? 'wallet' : 'transfer');
        return;
      }
      case 'atm': {
        const p = this.person();
        const bank = r.next() < 0.8 ? (pop.bank[p] ?? 0) : r.int(0, BANK_CODES.length - 1);
        this.emit(this.personTime(p, this.dayCum), p, pop.terminal(r, bank), r.pick(ATM_YUAN) * 100, 'cash_out');
        return;
      }
      case 'supplier': {
        const from = pickOf(r, pop.b2bPayers);
        const to = pop.b2bPayees[skewed(r, pop.b2bPayees.length, 1.5)] ?? 0;
        this.emit(this.timeIn(this.officeCum), from, to, Math.round(clamp(8000 * Math.exp(0.9 * gauss(r)), 300, 300_000)) * 100, 'transfer');
        return;
      }
      case 'collect': {
        const p = this.person();
        const biz = pop.businesses[skewed(r, pop.businesses.length, 1.5)] ?? 0;
        const fee = FEE_YUAN[hash32(biz) % FEE_YUAN.length] ?? 500;
        this.emit(this.personTime(p, this.dayCum), p, biz, fee * (r.next() < 0.75 ? 1 : r.int(2, 4)) * 100, r.next() < 0.5 ? 'wallet' : 'transfer');
        return;
      }
      case 'merchant_cash': {
        const m = pickOf(r, pop.merchants);
        const term = pop.terminal(r, pop.bank[m] ?? 0);
        if (r.next() < 0.5) this.emit(this.timeIn(this.officeCum), m, term, r.int(20, 200) * 10_000, 'cash_out');
        else this.emit(this.timeIn(this.officeCum), term, m, r.int(10, 500) * 10_000, 'cash_in');
        return;
      }
      case 'own_move': {
        const o = pickOf(r, pop.owners);
        if (o < 0 || (pop.activeFrom[o] ?? 0) > this.d) return;
        const s = pop.link[o] ?? -1;
        const fen = (r.next() < 0.7 ? r.pick([500, 1000, 2000, 3000, 5000, 10_000, 20_000]) : r.int(100, 20_000)) * 100;
        const at = this.personTime(o, this.dayCum);
        if (r.next() < 0.7) this.emit(at, o, s, fen, 'transfer');
        else this.emit(at, s, o, fen, 'transfer');
        return;
      }
      case 'aa': {
        // one person collects an equal share from friends after a dinner or a trip: a benign fan-in
        const organizer = this.person();
        const k = intIn(r, this.N.aaSize);
        const share = Math.round(clamp(90 * Math.exp(0.6 * gauss(r)), 10, 800) * 100);
        const t0 = this.personTime(organizer, this.eveningCum);
        const within = uni(r, [0.5, 3]) * HOUR;
        const payers = new Set<number>();
        for (let j = 0; j < k; j++) {
          const f = j === 0 ? pop.relative(r, organizer) : this.other(organizer);
          if (f < 0 || payers.has(f)) continue;
          payers.add(f);
          this.emit(t0 + Math.floor((r.next() * within) / 1000) * 1000, f, organizer, share, 'wallet');
        }
        return;
      }
    }
  }
}

function* stream(ctx: Context): Generator<Tx> {
  const { days } = ctx.opts;
  const gen = new DayGen(ctx);
  // cumulative ordinary target: expected scheduled load plus the background spread by day weight
  const weights = ctx.dayInfos.map((i) => 1 + (i.weekend ? 0.1 : 0) + 0.2 * Math.min(1, i.festive));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const scheduled = ctx.expectedScheduled.reduce((a, b) => a + b, 0);
  const background = Math.max(0, ctx.normalTarget - scheduled);
  let cumTarget = 0;
  let p = 0;
  const planned = ctx.planned;
  for (let d = 0; d < days; d++) {
    cumTarget += (ctx.expectedScheduled[d] ?? 0) + (background * (weights[d] ?? 1)) / wsum;
    const last = d === days - 1;
    const target = last ? ctx.normalTarget - gen.generated : Math.round(cumTarget) - gen.generated;
    // a day never goes without ordinary shopping because an earlier day overshot (except the last, which settles the count)
    const floor = last ? 0 : (0.3 * background * (weights[d] ?? 1)) / wsum;
    const buf = gen.buf;
    buf.n = 0;
    gen.day(d, Math.max(target, 0), floor);
    const ds = ctx.opts.start + d * DAY;
    const de = ds + DAY;
    for (; p < planned.length && (planned[p] as Tx).at < de; p++) {
      const t = planned[p] as Tx;
      buf.push(t.at, 0, 0, t.amount, 0, -(p + 1));
    }
    const order = buf.sorted(ds);
    for (let k = 0; k < order.length; k++) yield gen.tx(order[k] ?? 0, planned);
  }
  while (p < planned.length) yield planned[p++] as Tx;
}
