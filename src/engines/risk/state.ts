/**
 * Per-account sliding-window state, kept in flat typed arrays (structure of arrays) indexed by a dense account
 * number, so a million accounts cost a few hundred bytes each and no garbage is made per transaction.
 *
 * - Counters over a 24-hour window use two aligned buckets (this day-bucket and the previous one); the window's
 *   value is `previous × (1 − elapsed share of this bucket) + current`, the usual sliding-window estimate.
 * - The last RING inflows and outflows of each account (counterparty, time, amount) are kept in small rings:
 *   they answer "what arrived in the last 30 minutes", dwell time, and the short graph searches (cycles,
 *   scatter-gather, bipartite groups).
 * - Times are whole seconds since 2020-01-01 UTC in an Int32 (good until 2088); amounts in the rings are
 *   yuan in a Float32 (exact to the fen below 167,772 yuan, close enough above for similarity tests).
 */
export const RING = 8;
export const WINDOW_SEC = 24 * 3600;
export const BASE_MS = Date.UTC(2020, 0, 1);

// Counter slots (each has a current and a previous bucket).
export const C_IN_COUNT = 0;
export const C_IN_SUM = 1;
export const C_OUT_COUNT = 2;
export const C_OUT_SUM = 3;
export const C_DISTINCT_IN = 4;
export const C_DISTINCT_OUT = 5;
export const C_NIGHT_COUNT = 6;
export const C_NIGHT_SUM = 7;
export const C_UNDER_LIMIT = 8;
export const C_PASS = 9;
export const C_CASH_OUT_SUM = 10;
/** distinct payees that were new accounts when paid (first seen within the new-account period) */
export const C_NEW_PAYEES = 11;
export const COUNTERS = 12;

/** What the center's lists say about an account (stopped, frozen, named in a case, its holder punished). */
export const LISTED_NONE = 0;
export const LISTED_KINDS = ['', 'stopped', 'frozen', 'case', 'punished'] as const;
export type ListedKind = Exclude<(typeof LISTED_KINDS)[number], ''>;

export function toSec(ms: number): number {
  return Math.floor((ms - BASE_MS) / 1000);
}
export function fromSec(sec: number): number {
  return BASE_MS + sec * 1000;
}

export class AccountTable {
  readonly index = new Map<string, number>();
  keys: string[] = [];
  banks: string[] = [];
  private readonly bankIndex = new Map<string, number>();
  size = 0;
  private cap = 0;

  bank!: Uint16Array;
  cash!: Uint8Array;
  listed!: Uint8Array;
  firstSeen!: Int32Array;
  lastSeen!: Int32Array;
  bucket!: Int32Array;
  /** COUNTERS × 2 per account: [current…, previous…] */
  counters!: Float64Array;
  inCp!: Int32Array;
  inT!: Int32Array;
  inAmt!: Float32Array;
  inHead!: Uint8Array;
  outCp!: Int32Array;
  outT!: Int32Array;
  outAmt!: Float32Array;
  outHead!: Uint8Array;
  /** pass-through layers upstream of the money that last reached the account, and when */
  chainDepth!: Uint8Array;
  chainAt!: Int32Array;
  /** time of the inflow the last counted pass-through consumed */
  passInAt!: Int32Array;
  /** start of the account's current run of inflows (an inflow more than the dwell time after it starts a new run) */
  lastInAt!: Int32Array;
  /** yuan sent since that run of inflows began: what a fan-out after a burst of inflows passed on */
  outSinceIn!: Float64Array;
  /** accounts changed since the last snapshot */
  dirty!: Uint8Array;

  constructor(initialCapacity = 1024) {
    this.grow(Math.max(16, initialCapacity));
  }

  private grow(cap: number): void {
    const g = <T extends Int32Array | Uint8Array | Uint16Array | Float64Array | Float32Array>(old: T | undefined, make: (n: number) => T, per = 1): T => {
      const next = make(cap * per);
      if (old) next.set(old);
      return next;
    };
    this.bank = g(this.bank, (n) => new Uint16Array(n));
    this.cash = g(this.cash, (n) => new Uint8Array(n));
    this.listed = g(this.listed, (n) => new Uint8Array(n));
    this.firstSeen = g(this.firstSeen, (n) => new Int32Array(n));
    this.lastSeen = g(this.lastSeen, (n) => new Int32Array(n));
    this.bucket = g(this.bucket, (n) => new Int32Array(n));
    this.counters = g(this.counters, (n) => new Float64Array(n), COUNTERS * 2);
    this.inCp = g(this.inCp, (n) => new Int32Array(n), RING);
    this.inT = g(this.inT, (n) => new Int32Array(n), RING);
    this.inAmt = g(this.inAmt, (n) => new Float32Array(n), RING);
    this.inHead = g(this.inHead, (n) => new Uint8Array(n));
    this.outCp = g(this.outCp, (n) => new Int32Array(n), RING);
    this.outT = g(this.outT, (n) => new Int32Array(n), RING);
    this.outAmt = g(this.outAmt, (n) => new Float32Array(n), RING);
    this.outHead = g(this.outHead, (n) => new Uint8Array(n));
    this.chainDepth = g(this.chainDepth, (n) => new Uint8Array(n));
    this.chainAt = g(this.chainAt, (n) => new Int32Array(n));
    this.passInAt = g(this.passInAt, (n) => new Int32Array(n));
    this.lastInAt = g(this.lastInAt, (n) => new Int32Array(n));
    this.outSinceIn = g(this.outSinceIn, (n) => new Float64Array(n));
    this.dirty = g(this.dirty, (n) => new Uint8Array(n));
    this.cap = cap;
  }

  bankId(code: string): number {
    let b = this.bankIndex.get(code);
    if (b === undefined) {
      b = this.banks.length;
      this.banks.push(code);
      this.bankIndex.set(code, b);
    }
    return b;
  }

  /** The account's number, creating its state on first sight. Empty ring slots hold counterparty −1. */
  ensure(key: string, bank: string, sec: number, isCash: boolean): number {
    const found = this.index.get(key);
    if (found !== undefined) return found;
    if (this.size === this.cap) this.grow(this.cap * 2);
    const i = this.size++;
    this.index.set(key, i);
    this.keys.push(key);
    this.bank[i] = this.bankId(bank);
    this.cash[i] = isCash ? 1 : 0;
    this.firstSeen[i] = sec;
    this.lastSeen[i] = sec;
    this.bucket[i] = Math.floor(sec / WINDOW_SEC);
    this.inCp.fill(-1, i * RING, i * RING + RING);
    this.outCp.fill(-1, i * RING, i * RING + RING);
    return i;
  }

  /** Moves the account's counters to the bucket of `sec` (a later transaction rolls them over). */
  roll(i: number, sec: number): void {
    const b = Math.floor(sec / WINDOW_SEC);
    const had = (this.bucket[i] ?? 0);
    if (b <= had) return;
    const base = i * COUNTERS * 2;
    const c = this.counters;
    if (b === had + 1) {
      for (let k = 0; k < COUNTERS; k++) {
        c[base + COUNTERS + k] = (c[base + k] ?? 0);
        c[base + k] = 0;
      }
    } else {
      c.fill(0, base, base + COUNTERS * 2);
    }
    this.bucket[i] = b;
  }

  add(i: number, counter: number, value: number): void {
    this.counters[i * COUNTERS * 2 + counter] = (this.counters[i * COUNTERS * 2 + counter] ?? 0) + value;
  }

  /** The counter's value over the 24 hours up to `sec` (after `roll`). */
  windowed(i: number, counter: number, sec: number): number {
    const base = i * COUNTERS * 2;
    const b = (this.bucket[i] ?? 0);
    const bucketNow = Math.floor(sec / WINDOW_SEC);
    if (bucketNow > b + 1) return 0;
    const cur = (this.counters[base + counter] ?? 0);
    const prev = (this.counters[base + COUNTERS + counter] ?? 0);
    if (bucketNow === b + 1) return cur * (1 - (sec - bucketNow * WINDOW_SEC) / WINDOW_SEC);
    return cur + prev * (1 - (sec - b * WINDOW_SEC) / WINDOW_SEC);
  }

  private wCur = 1;
  private wPrev = 0;
  private wBase = 0;

  /** Prepares `win` for the account at `sec`: the two buckets' weights in the sliding window. */
  weigh(i: number, sec: number): void {
    const b = (this.bucket[i] ?? 0);
    const bucketNow = Math.floor(sec / WINDOW_SEC);
    this.wBase = i * COUNTERS * 2;
    if (bucketNow > b + 1) {
      this.wCur = 0;
      this.wPrev = 0;
    } else if (bucketNow === b + 1) {
      this.wCur = 1 - (sec - bucketNow * WINDOW_SEC) / WINDOW_SEC;
      this.wPrev = 0;
    } else {
      this.wCur = 1;
      this.wPrev = 1 - (sec - b * WINDOW_SEC) / WINDOW_SEC;
    }
  }

  /** The counter over the window, for the account and time last given to `weigh`. */
  win(_i: number, counter: number): number {
    const c = this.counters;
    return (c[this.wBase + counter] ?? 0) * this.wCur + (c[this.wBase + COUNTERS + counter] ?? 0) * this.wPrev;
  }

  /** True when `cp` is among the account's last RING counterparties in that direction within the window. */
  recentlyPaired(cps: Int32Array, ts: Int32Array, i: number, cp: number, sec: number): boolean {
    const o = i * RING;
    for (let k = 0; k < RING; k++) if (cps[o + k] === cp && sec - (ts[o + k] ?? 0) <= WINDOW_SEC) return true;
    return false;
  }

  pushIn(i: number, cp: number, sec: number, yuan: number): void {
    const h = (this.inHead[i] ?? 0);
    const o = i * RING + h;
    this.inCp[o] = cp;
    this.inT[o] = sec;
    this.inAmt[o] = yuan;
    this.inHead[i] = (h + 1) % RING;
  }

  pushOut(i: number, cp: number, sec: number, yuan: number): void {
    const h = (this.outHead[i] ?? 0);
    const o = i * RING + h;
    this.outCp[o] = cp;
    this.outT[o] = sec;
    this.outAmt[o] = yuan;
    this.outHead[i] = (h + 1) % RING;
  }

  /** The account's state as plain data (counterparties by key), for a snapshot. */
  exportAccount(i: number): AccountSnapshot {
    const base = i * COUNTERS * 2;
    const ring = (cps: Int32Array, ts: Int32Array, amts: Float32Array): [string, number, number][] => {
      const out: [string, number, number][] = [];
      for (let k = 0; k < RING; k++) {
        const cp = cps[i * RING + k] ?? -1;
        out.push(cp < 0 ? ['', 0, 0] : [this.keys[cp] ?? '', ts[i * RING + k] ?? 0, amts[i * RING + k] ?? 0]);
      }
      return out;
    };
    return {
      b: this.banks[this.bank[i] ?? 0] ?? '',
      x: (this.cash[i] ?? 0),
      f: (this.firstSeen[i] ?? 0),
      l: (this.lastSeen[i] ?? 0),
      k: (this.bucket[i] ?? 0),
      c: Array.from(this.counters.subarray(base, base + COUNTERS * 2)),
      i: ring(this.inCp, this.inT, this.inAmt),
      ih: (this.inHead[i] ?? 0),
      o: ring(this.outCp, this.outT, this.outAmt),
      oh: (this.outHead[i] ?? 0),
      d: [this.chainDepth[i] ?? 0, this.chainAt[i] ?? 0, this.passInAt[i] ?? 0, this.lastInAt[i] ?? 0, this.outSinceIn[i] ?? 0],
    };
  }

  /** Loads a snapshot of one account (creating its counterparties' slots as needed). */
  importAccount(key: string, s: AccountSnapshot): number {
    const i = this.ensure(key, s.b, s.f, s.x === 1);
    this.bank[i] = this.bankId(s.b);
    this.cash[i] = s.x;
    this.firstSeen[i] = s.f;
    this.lastSeen[i] = s.l;
    this.bucket[i] = s.k;
    this.counters.set(s.c.slice(0, COUNTERS * 2), i * COUNTERS * 2);
    const ring = (entries: [string, number, number][], cps: 'inCp' | 'outCp', ts: Int32Array, amts: Float32Array): void => {
      entries.slice(0, RING).forEach(([cpKey, t, a], k) => {
        // the counterparty may be seen for the first time here; its own snapshot row fills it in later
        const cp = cpKey === '' ? -1 : this.ensure(cpKey, s.b, t, false);
        this[cps][i * RING + k] = cp;
        ts[i * RING + k] = t;
        amts[i * RING + k] = a;
      });
    };
    ring(s.i, 'inCp', this.inT, this.inAmt);
    ring(s.o, 'outCp', this.outT, this.outAmt);
    this.inHead[i] = s.ih % RING;
    this.outHead[i] = s.oh % RING;
    [this.chainDepth[i], this.chainAt[i], this.passInAt[i], this.lastInAt[i], this.outSinceIn[i]] = [s.d[0] ?? 0, s.d[1] ?? 0, s.d[2] ?? 0, s.d[3] ?? 0, s.d[4] ?? 0];
    return i;
  }

  /** Approximate bytes held per account slot (typed arrays only; the key map comes on top). */
  static bytesPerAccount(): number {
    return 2 + 1 + 1 + 4 * 3 + COUNTERS * 2 * 8 + RING * 2 * (4 + 4 + 4) + 2 + 1 + 4 * 3 + 8 + 1;
  }

  capacity(): number {
    return this.cap;
  }
}

/** One account's state in a snapshot row (short keys: a million of these are written at a time). */
export interface AccountSnapshot {
  b: string;
  x: number;
  f: number;
  l: number;
  k: number;
  c: number[];
  i: [string, number, number][];
  ih: number;
  o: [string, number, number][];
  oh: number;
  d: number[];
}
