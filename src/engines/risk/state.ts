import type { RuleParams } from './config.ts';
/**
 * Per-account sliding-window state, kept in flat typed arrays indexed by a dense account number, so a million
 * accounts cost a few hundred bytes each and no garbage is made per transaction. An account's fields sit side
 * by side (its scalars in one cache line, its counters and each ring in a few more): at a million accounts
 * nearly every access misses the cache, and adjacent fields come in the same or a prefetched line.
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
/** after the counters: yuan sent since the account's current run of inflows began */
export const C_OUT_SINCE = COUNTERS * 2;
/** Float32 slots per account in `counters` (counts and yuan; exact to the yuan below 16.7 million, close enough above) */
export const CS = COUNTERS * 2 + 2;
export const RING3 = RING * 3;

// Scalar fields per account in `sc` (Int32), SC of them side by side.
export const F_BANK = 0;
export const F_CASH = 1;
export const F_LISTED = 2;
export const F_FIRST = 3;
export const F_LAST = 4;
export const F_BUCKET = 5;
export const F_IN_HEAD = 6;
export const F_OUT_HEAD = 7;
/** pass-through layers upstream of the money that last reached the account, and when */
export const F_CHAIN_DEPTH = 8;
export const F_CHAIN_AT = 9;
/** time of the inflow the last counted pass-through consumed */
export const F_PASS_IN_AT = 10;
/** start of the account's current run of inflows (an inflow more than the dwell time after it starts a new run) */
export const F_LAST_IN_AT = 11;
/** changed since the last snapshot */
export const F_DIRTY = 12;
/**
 * 1 + when a rule of the live (F_MEM_LIVE) or shadow (F_MEM_SHADOW) rule set last fired on the account, 0 never:
 * the engine looks up the strengths it remembers for a day only when this says there are some, so the common
 * case (nothing fired) costs no lookup outside the account's own cache line. Not part of snapshots.
 */
export const F_MEM_LIVE = 13;
export const F_MEM_SHADOW = 14;
export const SC = 16;

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

/**
 * Account key → dense number. Bank card numbers (digits only, up to 28) are held as two exact doubles in an
 * open-addressing table of one Float64Array, so a lookup costs one probe into adjacent memory instead of a Map
 * entry plus a comparison with a stored string elsewhere in the heap (the largest cost per transaction at a
 * million accounts). Any other key (a cash point, an e-wallet id) goes to a Map.
 */
export class AccountIndex {
  /** [a, b, number + 1] per slot; 0 in the third place: empty */
  private slots: Float64Array;
  private mask: number;
  private used = 0;
  private readonly other = new Map<string, number>();
  private a = 0;
  private b = 0;

  /** Sized for `expected` keys without rehashing (the table stays at most half full). */
  constructor(expected = 512) {
    let slots = 1024;
    while (slots < expected * 2) slots *= 2;
    this.slots = new Float64Array(3 * slots);
    this.mask = slots - 1;
  }

  get size(): number {
    return this.used + this.other.size;
  }

  /** Sets this.a/this.b for a digits-only key; false for any other key. */
  private split(key: string): boolean {
    const n = key.length;
    if (n === 0 || n > 28) return false;
    const cut = n > 14 ? 14 : n;
    let a = 0;
    let b = 0;
    for (let k = 0; k < cut; k++) {
      const c = key.charCodeAt(k) - 48;
      if (c < 0 || c > 9) return false;
      a = a * 10 + c;
    }
    for (let k = cut; k < n; k++) {
      const c = key.charCodeAt(k) - 48;
      if (c < 0 || c > 9) return false;
      b = b * 10 + c;
    }
    // the length keeps leading zeros apart ("0123" ≠ "123")
    this.a = a * 32 + n;
    this.b = b;
    return true;
  }

  private slot(a: number, b: number): number {
    let h = (Math.imul(a >>> 0, 0x9e3779b1) ^ Math.imul(b >>> 0, 0x85ebca77) ^ Math.imul((a / 4294967296) >>> 0, 0xc2b2ae35)) >>> 0;
    h = (h ^ (h >>> 15)) & this.mask;
    const s = this.slots;
    for (;;) {
      const o = h * 3;
      if (s[o + 2] === 0 || (s[o] === a && s[o + 1] === b)) return o;
      h = (h + 1) & this.mask;
    }
  }

  get(key: string): number | undefined {
    if (!this.split(key)) return this.other.get(key);
    const o = this.slot(this.a, this.b);
    const v = this.slots[o + 2] ?? 0;
    return v === 0 ? undefined : v - 1;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: number): void {
    if (!this.split(key)) {
      this.other.set(key, value);
      return;
    }
    const a = this.a;
    const b = this.b;
    let o = this.slot(a, b);
    if (this.slots[o + 2] === 0) {
      if ((this.used + 1) * 2 > this.mask + 1) {
        this.grow();
        o = this.slot(a, b);
      }
      this.used++;
    }
    this.slots[o] = a;
    this.slots[o + 1] = b;
    this.slots[o + 2] = value + 1;
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Float64Array(3 * (this.mask + 1));
    for (let o = 0; o < old.length; o += 3) {
      const v = old[o + 2] ?? 0;
      if (v === 0) continue;
      const a = old[o] ?? 0;
      const b = old[o + 1] ?? 0;
      const n = this.slot(a, b);
      this.slots[n] = a;
      this.slots[n + 1] = b;
      this.slots[n + 2] = v;
    }
  }
}

/**
 * Doubling up to a million slots, then a quarter more each time: the arrays cost ~400 bytes a slot, and while
 * growing the old and the new arrays are both held, so past a million doubling would pass a gigabyte for
 * accounts that may never come.
 */
export const DOUBLING_LIMIT = 1 << 20;
export function nextCapacity(cap: number): number {
  return cap < DOUBLING_LIMIT ? cap * 2 : cap + (cap >>> 2);
}

export class AccountTable {
  readonly index: AccountIndex;
  keys: string[] = [];
  banks: string[] = [];
  private readonly bankIndex = new Map<string, number>();
  size = 0;
  private cap = 0;

  /** SC scalar fields per account, side by side (one cache line): see the F_ constants */
  sc!: Int32Array;
  /** CS per account: the counters [current…, previous…], then what left since the run of inflows began (Float32: two cache lines an account) */
  counters!: Float32Array;
  /** the inflow ring: RING × [counterparty, time, amount bits]; `inF` is the same memory read as Float32 */
  inR!: Int32Array;
  inF!: Float32Array;
  outR!: Int32Array;
  outF!: Float32Array;

  /** `initialCapacity`: the accounts expected, so that neither the arrays nor the index grow while they arrive. */
  constructor(initialCapacity = 1024) {
    this.index = new AccountIndex(initialCapacity);
    this.grow(Math.max(16, initialCapacity));
  }

  private grow(cap: number): void {
    const sc = new Int32Array(cap * SC);
    if (this.sc) sc.set(this.sc);
    this.sc = sc;
    const counters = new Float32Array(cap * CS);
    if (this.counters) counters.set(this.counters);
    this.counters = counters;
    const inR = new Int32Array(cap * RING3);
    if (this.inR) inR.set(this.inR);
    this.inR = inR;
    this.inF = new Float32Array(inR.buffer);
    const outR = new Int32Array(cap * RING3);
    if (this.outR) outR.set(this.outR);
    this.outR = outR;
    this.outF = new Float32Array(outR.buffer);
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

  get(i: number, field: number): number {
    return this.sc[i * SC + field] ?? 0;
  }

  /** The account's number, creating its state on first sight. Empty ring slots hold counterparty −1. */
  ensure(key: string, bank: string, sec: number, isCash: boolean): number {
    const found = this.index.get(key);
    if (found !== undefined) return found;
    if (this.size === this.cap) this.grow(nextCapacity(this.cap));
    const i = this.size++;
    this.index.set(key, i);
    this.keys.push(key);
    const o = i * SC;
    const sc = this.sc;
    sc[o + F_BANK] = this.bankId(bank);
    sc[o + F_CASH] = isCash ? 1 : 0;
    sc[o + F_FIRST] = sec;
    sc[o + F_LAST] = sec;
    sc[o + F_BUCKET] = Math.floor(sec / WINDOW_SEC);
    for (let k = 0; k < RING; k++) {
      this.inR[i * RING3 + 3 * k] = -1;
      this.outR[i * RING3 + 3 * k] = -1;
    }
    return i;
  }

  /** Moves the account's counters to the bucket of `sec` (a later transaction rolls them over). */
  roll(i: number, sec: number): void {
    const b = Math.floor(sec / WINDOW_SEC);
    const had = this.sc[i * SC + F_BUCKET] ?? 0;
    if (b <= had) return;
    const base = i * CS;
    const c = this.counters;
    if (b === had + 1) {
      for (let k = 0; k < COUNTERS; k++) {
        c[base + COUNTERS + k] = c[base + k] ?? 0;
        c[base + k] = 0;
      }
    } else {
      c.fill(0, base, base + COUNTERS * 2);
    }
    this.sc[i * SC + F_BUCKET] = b;
  }

  add(i: number, counter: number, value: number): void {
    const at = i * CS + counter;
    this.counters[at] = (this.counters[at] ?? 0) + value;
  }

  /** The counter's value over the 24 hours up to `sec` (after `roll`). */
  windowed(i: number, counter: number, sec: number): number {
    this.weigh(i, sec);
    return this.win(i, counter);
  }

  private wCur = 1;
  private wPrev = 0;
  private wBase = 0;

  /** Prepares `win` for the account at `sec`: the two buckets' weights in the sliding window. */
  weigh(i: number, sec: number): void {
    const b = this.sc[i * SC + F_BUCKET] ?? 0;
    const bucketNow = Math.floor(sec / WINDOW_SEC);
    this.wBase = i * CS;
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
  recentlyPaired(ring: Int32Array, i: number, cp: number, sec: number): boolean {
    const o = i * RING3;
    for (let k = 0; k < RING; k++) if (ring[o + 3 * k] === cp && sec - (ring[o + 3 * k + 1] ?? 0) <= WINDOW_SEC) return true;
    return false;
  }

  pushIn(i: number, cp: number, sec: number, yuan: number): void {
    const h = this.sc[i * SC + F_IN_HEAD] ?? 0;
    const o = i * RING3 + 3 * h;
    this.inR[o] = cp;
    this.inR[o + 1] = sec;
    this.inF[o + 2] = yuan;
    this.sc[i * SC + F_IN_HEAD] = (h + 1) % RING;
  }

  pushOut(i: number, cp: number, sec: number, yuan: number): void {
    const h = this.sc[i * SC + F_OUT_HEAD] ?? 0;
    const o = i * RING3 + 3 * h;
    this.outR[o] = cp;
    this.outR[o + 1] = sec;
    this.outF[o + 2] = yuan;
    this.sc[i * SC + F_OUT_HEAD] = (h + 1) % RING;
  }

  /**
   * The counters and rings of one transfer u → v of `yuan` at `sec` (both accounts rolled to `sec`): distinct
   * counterparties, new payees, sums, the run of inflows, cash-outs, amounts just under a limit, night-time.
   * `startSec` is the first transaction's time (accounts seen in the warm-up are not new). Shared by the engine
   * and the benchmark's peer, so both update the state alike.
   */
  record(u: number, v: number, sec: number, yuan: number, p: RuleParams, startSec: number): void {
    const na = p.new_account_volume;
    // Sender side.
    if (!this.recentlyPaired(this.outR, u, v, sec)) {
      this.add(u, C_DISTINCT_OUT, 1);
      const firstV = this.sc[v * SC + F_FIRST] ?? 0;
      if (sec - firstV <= na.newDays * DAY_SEC && firstV - startSec >= na.warmupDays * DAY_SEC) this.add(u, C_NEW_PAYEES, 1);
    }
    this.add(u, C_OUT_COUNT, 1);
    this.add(u, C_OUT_SUM, yuan);
    this.pushOut(u, v, sec, yuan);
    this.counters[u * CS + C_OUT_SINCE] = (this.counters[u * CS + C_OUT_SINCE] ?? 0) + yuan;
    if (this.sc[v * SC + F_CASH]) this.add(u, C_CASH_OUT_SUM, yuan);
    if (underLimit(yuan, p.just_under_limit.limitsYuan, p.just_under_limit.belowShare)) this.add(u, C_UNDER_LIMIT, 1);
    // Receiver side.
    if (!this.recentlyPaired(this.inR, v, u, sec)) this.add(v, C_DISTINCT_IN, 1);
    this.add(v, C_IN_COUNT, 1);
    this.add(v, C_IN_SUM, yuan);
    this.pushIn(v, u, sec, yuan);
    // a run of inflows lasts at most the dwell time; the outflows after its start are weighed against it
    if (sec - (this.sc[v * SC + F_LAST_IN_AT] ?? 0) > p.fast_in_out.dwellMinutes * 60) {
      this.sc[v * SC + F_LAST_IN_AT] = sec;
      this.counters[v * CS + C_OUT_SINCE] = 0;
    }
    const hour = Math.floor(((sec + 8 * 3600) % DAY_SEC) / 3600);
    if (hour >= p.night_burst.fromHour && hour < p.night_burst.toHour) {
      this.add(u, C_NIGHT_COUNT, 1);
      this.add(u, C_NIGHT_SUM, yuan);
      this.add(v, C_NIGHT_COUNT, 1);
      this.add(v, C_NIGHT_SUM, yuan);
    }
  }

  /** The account's state as plain data (counterparties by key), for a snapshot. */
  exportAccount(i: number): AccountSnapshot {
    const base = i * CS;
    const ring = (r: Int32Array, f: Float32Array): [string, number, number][] => {
      const out: [string, number, number][] = [];
      for (let k = 0; k < RING; k++) {
        const o = i * RING3 + 3 * k;
        const cp = r[o] ?? -1;
        out.push(cp < 0 ? ['', 0, 0] : [this.keys[cp] ?? '', r[o + 1] ?? 0, f[o + 2] ?? 0]);
      }
      return out;
    };
    const g = (f: number) => this.sc[i * SC + f] ?? 0;
    return {
      b: this.banks[g(F_BANK)] ?? '',
      x: g(F_CASH),
      f: g(F_FIRST),
      l: g(F_LAST),
      k: g(F_BUCKET),
      c: Array.from(this.counters.subarray(base, base + COUNTERS * 2)),
      i: ring(this.inR, this.inF),
      ih: g(F_IN_HEAD),
      o: ring(this.outR, this.outF),
      oh: g(F_OUT_HEAD),
      d: [g(F_CHAIN_DEPTH), g(F_CHAIN_AT), g(F_PASS_IN_AT), g(F_LAST_IN_AT), this.counters[base + C_OUT_SINCE] ?? 0],
    };
  }

  /** Loads a snapshot of one account (creating its counterparties' slots as needed). */
  importAccount(key: string, s: AccountSnapshot): number {
    const i = this.ensure(key, s.b, s.f, s.x === 1);
    const set = (f: number, v: number) => {
      this.sc[i * SC + f] = v;
    };
    set(F_BANK, this.bankId(s.b));
    set(F_CASH, s.x);
    set(F_FIRST, s.f);
    set(F_LAST, s.l);
    set(F_BUCKET, s.k);
    this.counters.set(s.c.slice(0, COUNTERS * 2), i * CS);
    const ring = (entries: [string, number, number][], r: Int32Array, f: Float32Array): void => {
      entries.slice(0, RING).forEach(([cpKey, t, a], k) => {
        // the counterparty may be seen for the first time here; its own snapshot row fills it in later
        const cp = cpKey === '' ? -1 : this.ensure(cpKey, s.b, t, false);
        const o = i * RING3 + 3 * k;
        r[o] = cp;
        r[o + 1] = t;
        f[o + 2] = a;
      });
    };
    ring(s.i, this.inR, this.inF);
    ring(s.o, this.outR, this.outF);
    set(F_IN_HEAD, s.ih % RING);
    set(F_OUT_HEAD, s.oh % RING);
    set(F_CHAIN_DEPTH, s.d[0] ?? 0);
    set(F_CHAIN_AT, s.d[1] ?? 0);
    set(F_PASS_IN_AT, s.d[2] ?? 0);
    set(F_LAST_IN_AT, s.d[3] ?? 0);
    this.counters[i * CS + C_OUT_SINCE] = s.d[4] ?? 0;
    return i;
  }

  /** Bytes held per account slot (typed arrays only; the key index and the key strings come on top). */
  static bytesPerAccount(): number {
    return SC * 4 + CS * 4 + 2 * RING3 * 4;
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

const DAY_SEC = 86_400;

/** True when the amount is just under one of the limits (within `share` of it). */
export function underLimit(yuan: number, limits: readonly number[], share: number): boolean {
  for (const l of limits) if (yuan < l && yuan >= l * (1 - share)) return true;
  return false;
}
