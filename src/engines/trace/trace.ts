/**
 * Fund tracing (资金追踪): follows a victim's money hop by hop through the accounts it was moved to, from the
 * victim's own transfers (the seeds) and the movements banks report (the flows). Pure: no I/O.
 *
 * The whole computation is one sweep over all flows in time order. Each account keeps the money it is known to
 * have received (its opening balance is unknown and taken as 0), and every outflow takes money out of it by the
 * chosen attribution rule; the victim's share of an outflow becomes a tainted inflow of the receiver. Because
 * the sweep follows the clock, money that comes back to an account it already passed is just a later inflow
 * (cycles end by themselves), and an outflow made before the victim's money arrived carries none of it.
 */

import { formatYuan, fromFen, toFen } from '../../lib/money.ts';

export type FlowChannel = 'transfer' | 'cash_out' | 'cash_in' | 'card' | 'wallet';

export interface Flow {
  from: string;
  to: string;
  /** Integer fen (分), > 0. */
  amount: number;
  /** Epoch ms. */
  at: number;
  channel?: FlowChannel;
  toBank?: string | null;
}

export type Attribution = 'proportional' | 'fifo';

export interface TraceInput {
  /** The victim's own transfers (victim account → first-hop accounts); all of it is victim money. */
  seeds: Flow[];
  /** Known movements between accounts, in any order, including money from other sources. */
  flows: Flow[];
  method: Attribution;
  /** Default 6; hop 1 is the seeds' receiving accounts. */
  maxHops?: number;
}

export interface TraceNode {
  account: string;
  bank: string | null;
  /** The fewest transfers from the victim by which victim money reached the account. */
  hop: number;
  taintedIn: number;
  /** Victim money that left the account, cash withdrawals included. */
  taintedOut: number;
  /** The part of taintedOut withdrawn in cash (channel cash_out): it leaves the traced system there. */
  cashedOut: number;
  /** taintedIn − taintedOut: victim money that can still be in the account. */
  held: number;
}

export interface TraceEdge {
  from: string;
  to: string;
  amount: number;
  tainted: number;
  at: number;
  channel: string;
}

export interface TraceResult {
  method: Attribution;
  /** Accounts that received at least 1 fen of victim money, by hop, then by taintedIn (largest first). */
  nodes: TraceNode[];
  /** Movements carrying at least 1 fen of victim money, in the order they happened. */
  edges: TraceEdge[];
  totalSeed: number;
  totalHeld: number;
  totalCashedOut: number;
  /** Victim money moved on from an account at the hop limit: it left the trace there, destination not followed. */
  totalBeyond: number;
  /** Victim money sent back to one of the victim's own (seed source) accounts. */
  totalReturned: number;
}

const DEFAULT_MAX_HOPS = 6;

/**
 * A run of money in an account's FIFO queue. Adjacent runs of the same kind are merged, so an account that
 * never saw victim money keeps a single clean run whatever its traffic.
 */
interface Lot {
  amount: number;
  tainted: boolean;
}

interface AccountState {
  bank: string | null;
  hop: number;
  /** Known balance in fen (integer: only whole-fen amounts are ever added or taken). */
  balance: number;
  /** Victim money in the balance; fractional under proportional attribution. */
  tainted: number;
  lots: Lot[];
  head: number;
  taintedIn: number;
  taintedOut: number;
  cashedOut: number;
}

interface Event {
  flow: Flow;
  seed: boolean;
}

// Proportional shares are sums of quotients: 99.9999999 fen is 100 fen that lost a bit to floating point.
const EPS = 1e-6;
const floorFen = (x: number): number => Math.max(0, Math.floor(x + EPS));

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const identity = (f: Flow): string => `${f.from}\u0000${f.to}\u0000${f.at}\u0000${f.amount}`;

function pushLot(lots: Lot[], head: number, amount: number, tainted: boolean): void {
  if (amount <= 0) return;
  const last = lots.length > head ? lots[lots.length - 1] : undefined;
  if (last && last.tainted === tainted) last.amount += amount;
  else lots.push({ amount, tainted });
}

/** Takes `amount` off the front of the queue; returns the runs taken, in order, and the victim money among them. */
function takeFifo(s: AccountState, amount: number): { runs: Lot[]; tainted: number; known: number } {
  const runs: Lot[] = [];
  let remaining = amount;
  let tainted = 0;
  while (remaining > 0 && s.head < s.lots.length) {
    const lot = s.lots[s.head];
    if (!lot) break;
    const take = Math.min(lot.amount, remaining);
    pushLot(runs, 0, take, lot.tainted);
    if (lot.tainted) tainted += take;
    lot.amount -= take;
    remaining -= take;
    if (lot.amount === 0) s.head++;
  }
  // Drop consumed runs now and then, so a busy account's queue does not keep its whole history.
  if (s.head > 64 && s.head * 2 > s.lots.length) {
    s.lots.splice(0, s.head);
    s.head = 0;
  }
  const known = amount - remaining;
  s.balance -= known;
  s.tainted -= tainted;
  return { runs, tainted, known };
}

function takeProportional(s: AccountState, amount: number): { tainted: number; known: number } {
  if (s.balance <= 0) return { tainted: 0, known: 0 };
  if (amount >= s.balance) {
    // Taking everything takes all the victim money: no quotient, so nothing is left behind by rounding.
    const r = { tainted: s.tainted, known: s.balance };
    s.balance = 0;
    s.tainted = 0;
    return r;
  }
  const tainted = (s.tainted * amount) / s.balance;
  s.balance -= amount;
  s.tainted = Math.min(s.balance, Math.max(0, s.tainted - tainted));
  return { tainted, known: amount };
}

/**
 * Flows at the same instant are ordered so that an account's inflows come before its outflows (Kahn's order over
 * the accounts of the group). A same-instant cycle has no such order: it is broken at its first flow in the
 * canonical order.
 */
function sameInstantOrder(group: Event[], victims: Set<string>): Event[] {
  if (group.length === 1) return group;
  const pendingIn = new Map<string, number>();
  const byFrom = new Map<string, Event[]>();
  for (const e of group) {
    if (e.flow.channel !== 'cash_out') pendingIn.set(e.flow.to, (pendingIn.get(e.flow.to) ?? 0) + 1);
    const list = byFrom.get(e.flow.from);
    if (list) list.push(e);
    else byFrom.set(e.flow.from, [e]);
  }
  const independent = (e: Event) => e.seed || victims.has(e.flow.from) || !pendingIn.get(e.flow.from);
  const done = new Set<Event>();
  const released = new Set<string>();
  const queue: Event[] = group.filter(independent);
  for (const e of queue) released.add(e.flow.from);
  const order: Event[] = [];
  const release = (account: string) => {
    if (released.has(account)) return;
    released.add(account);
    for (const e of byFrom.get(account) ?? []) if (!done.has(e)) queue.push(e);
  };
  let q = 0;
  let cursor = 0;
  while (order.length < group.length) {
    let next = queue[q++];
    if (!next) {
      while (cursor < group.length && done.has(group[cursor] as Event)) cursor++;
      next = group[cursor];
    }
    if (!next) break;
    if (done.has(next)) continue;
    if (!released.has(next.flow.from)) release(next.flow.from);
    done.add(next);
    order.push(next);
    if (next.flow.channel !== 'cash_out') {
      const left = (pendingIn.get(next.flow.to) ?? 0) - 1;
      pendingIn.set(next.flow.to, left);
      if (left <= 0) release(next.flow.to);
    }
  }
  return order;
}

export function trace(input: TraceInput): TraceResult {
  const { method } = input;
  const maxHops = input.maxHops ?? DEFAULT_MAX_HOPS;
  if (!Number.isInteger(maxHops) || maxHops < 1) throw new RangeError('maxHops must be a positive integer');
  const victims = new Set(input.seeds.map((s) => s.from));
  const seedIds = new Set(input.seeds.map(identity));

  const events: Event[] = [];
  for (const flow of input.seeds) events.push({ flow, seed: true });
  // A seed also reported by a bank is the same movement: counting it again would double the victim's loss.
  // (Only a victim's own transfers can repeat a seed: the identity string is built for those alone.)
  for (const flow of input.flows) if (!victims.has(flow.from) || !seedIds.has(identity(flow))) events.push({ flow, seed: false });
  for (const e of events) {
    if (!Number.isSafeInteger(e.flow.amount) || e.flow.amount <= 0) throw new RangeError(`flow amount must be a positive integer of fen: ${e.flow.amount}`);
  }
  // Ties at one instant are put in a canonical order (not the input's): the result must not depend on the order
  // the database happened to return rows in. fund_flows' identity (from, to, at, amount) makes it total.
  events.sort((a, b) => a.flow.at - b.flow.at || Number(b.seed) - Number(a.seed) || cmp(a.flow.from, b.flow.from) || cmp(a.flow.to, b.flow.to) || a.flow.amount - b.flow.amount);

  const accounts = new Map<string, AccountState>();
  const state = (account: string): AccountState => {
    let s = accounts.get(account);
    if (!s) {
      s = { bank: null, hop: Infinity, balance: 0, tainted: 0, lots: [], head: 0, taintedIn: 0, taintedOut: 0, cashedOut: 0 };
      accounts.set(account, s);
    }
    return s;
  };

  const edges: TraceEdge[] = [];
  let totalSeed = 0;
  let seedCashOut = 0;
  let beyond = 0;
  let returned = 0;

  const move = (e: Event): void => {
    const f = e.flow;
    const channel = f.channel ?? 'transfer';
    let tainted = 0;
    let runs: Lot[] | null = null;
    let hop = 1;
    if (e.seed) {
      tainted = f.amount;
      totalSeed += f.amount;
      if (channel === 'cash_out') seedCashOut += f.amount;
    } else if (!victims.has(f.from)) {
      // The victim's other transfers are the victim's business, not part of the loss: only seeds carry taint out.
      const src = state(f.from);
      if (method === 'fifo') {
        const taken = takeFifo(src, f.amount);
        tainted = taken.tainted;
        runs = taken.runs;
        // What the known balance could not cover is the account's other money (its unknown opening balance).
        pushLot(runs, 0, f.amount - taken.known, false);
      } else {
        tainted = takeProportional(src, f.amount).tainted;
      }
      if (tainted > 0) {
        src.taintedOut += tainted;
        if (channel === 'cash_out') src.cashedOut += tainted;
      }
      hop = src.hop + 1;
    }

    if (channel !== 'cash_out') {
      let delivered = tainted;
      if (victims.has(f.to)) {
        // Victim accounts are the source, not a node: money coming back is counted as returned.
        returned += tainted;
      } else {
        const dst = state(f.to);
        if (dst.bank === null && f.toBank) dst.bank = f.toBank;
        if (tainted > 0 && hop > maxHops) {
          // Past the limit the money is no longer followed; for the receiver it is money of unknown origin.
          beyond += tainted;
          delivered = 0;
        } else if (tainted > 0) {
          dst.hop = Math.min(dst.hop, hop);
          dst.taintedIn += tainted;
        }
        dst.balance += f.amount;
        dst.tainted += delivered;
        if (method === 'fifo') {
          if (runs === null) pushLot(dst.lots, dst.head, f.amount, delivered > 0);
          else for (const r of runs) pushLot(dst.lots, dst.head, r.amount, r.tainted && delivered > 0);
        }
      }
    }
    const shown = floorFen(tainted);
    if (shown >= 1) edges.push({ from: f.from, to: f.to, amount: f.amount, tainted: shown, at: f.at, channel });
  };

  for (let i = 0; i < events.length; ) {
    let j = i + 1;
    const first = events[i] as Event;
    while (j < events.length && events[j]?.flow.at === first.flow.at) j++;
    if (j === i + 1) move(first);
    else for (const e of sameInstantOrder(events.slice(i, j), victims)) move(e);
    i = j;
  }

  const nodes: TraceNode[] = [];
  for (const [account, s] of accounts) {
    const taintedIn = floorFen(s.taintedIn);
    if (taintedIn < 1) continue;
    // Held is rounded down and the rounding goes to taintedOut, so taintedIn = taintedOut + held holds exactly.
    const held = Math.min(taintedIn, floorFen(s.taintedIn - s.taintedOut));
    const taintedOut = taintedIn - held;
    nodes.push({ account, bank: s.bank, hop: s.hop, taintedIn, taintedOut, cashedOut: Math.min(taintedOut, floorFen(s.cashedOut)), held });
  }
  nodes.sort((a, b) => a.hop - b.hop || b.taintedIn - a.taintedIn || cmp(a.account, b.account));

  return {
    method,
    nodes,
    edges,
    totalSeed,
    totalHeld: nodes.reduce((t, n) => t + n.held, 0),
    totalCashedOut: seedCashOut + nodes.reduce((t, n) => t + n.cashedOut, 0),
    totalBeyond: floorFen(beyond),
    totalReturned: floorFen(returned),
  };
}

/**
 * Where victim money first arrived, per account holding at least `minAmount` fen of it: what a loader guided by
 * the trace (loadTraceFlows' `follow`) reads next. Arrivals under 1 fen are not edges and do not count.
 */
export function arrivals(result: TraceResult, minAmount = 1): Map<string, { at: number; hop: number }> {
  const hops = new Map<string, number>();
  for (const n of result.nodes) if (n.taintedIn >= minAmount) hops.set(n.account, n.hop);
  const out = new Map<string, { at: number; hop: number }>();
  // Edges are in time order: the first edge into an account is its first arrival.
  for (const e of result.edges) {
    const hop = hops.get(e.to);
    if (hop !== undefined && !out.has(e.to)) out.set(e.to, { at: e.at, hop });
  }
  return out;
}

export interface StopSuggestion {
  account: string;
  bank: string | null;
  /** Victim money that can still be in the account (held), fen. */
  amount: number;
  hop: number;
  reason: string;
}

/**
 * The accounts worth a stop-payment next: those that can still hold victim money and are not frozen yet,
 * the largest amount first (then the nearer hop: its bank answers with the next hops).
 */
export function suggestNextStops(result: TraceResult, covered: Set<string>, minAmount = 1): StopSuggestion[] {
  return result.nodes
    .filter((n) => n.held >= minAmount && n.held > 0 && !covered.has(n.account))
    .sort((a, b) => b.held - a.held || a.hop - b.hop || cmp(a.account, b.account))
    .map((n) => ({ account: n.account, bank: n.bank, amount: n.held, hop: n.hop, reason: `受害资金约 ${formatYuan(n.held)} 元仍可能留存（第 ${n.hop} 跳）` }));
}

// Money conversions are the product's one implementation (exact, safe-integer checked).
export { formatYuan, fromFen as fenToYuan, toFen as yuanToFen };
