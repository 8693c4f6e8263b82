/**
 * Loads what fund tracing (src/engines/trace) needs from fund_flows: the outflows of every account victim money
 * can have reached within maxHops, and those accounts' inflows from other sources (other money mixes with the
 * victim's and changes what each outflow carries). One round trip per hop.
 */
import { sql, type Kysely } from 'kysely';
import type { DB, FlowChannel } from '../../db/types.ts';
import { yuanToFen, type Flow } from '../../engines/trace/trace.ts';

export interface TraceSeedAccount {
  /** A first-hop account: where the victim's transfer went. */
  account: string;
  /** When the victim's money arrived there. */
  at: Date;
}

/** An account victim money reached: when it first arrived and at which hop (as trace() reports them). */
export interface Arrival {
  at: number;
  hop: number;
}

export interface LoadTraceOptions {
  /** Accounts never walked from (the victim's own: their other payments are not the loss). */
  skip?: Iterable<string>;
  /**
   * Stop after this many rows: a walk that reaches a hub (a payment processor, a merchant with millions of
   * inflows) would otherwise read its whole history. The result says it was cut.
   */
  maxRows?: number;
  /**
   * Walk only where victim money went instead of along every time-ordered path: called after each round trip
   * with all rows read so far, it returns the accounts holding victim money and its first arrival (e.g.
   * `arrivals(trace(...))`), and only those are read next. This keeps a trace that passes a busy account from
   * walking all of that account's later trade; the hop limit is the caller's (trace()'s). The result can differ
   * from the full walk where an account was reached earlier through accounts that never held victim money: the
   * full walk reads it from then, the guided walk from the first arrival it knows of.
   */
  follow?: (flows: Flow[]) => Map<string, Arrival>;
}

export interface LoadedTrace {
  flows: Flow[];
  /** Every account read, with the hop at which it was first reached (seed accounts: 1). */
  reached: Map<string, number>;
  queries: number;
  truncated: boolean;
}

interface FlowRow {
  id: number | string;
  from_account: string;
  to_account: string;
  to_bank: string | null;
  amount: string;
  at: Date;
  channel: FlowChannel;
  outflow: boolean;
}

const DEFAULT_MAX_ROWS = 200_000;

/**
 * Walks fund_flows hop by hop from the seed accounts. Each account is read from the earliest time victim money can
 * have reached it (its `since`), following only movements at or after the one that reached it, so the walk is
 * time-respecting and reaches the accounts a recursive walk over time-ordered paths reaches. An account
 * reached again later in the walk by an earlier path is read again for the missing interval only.
 *
 * The balance an account had before `since` is not read: the engine takes it as unknown (0), which puts the
 * victim's money at the front of a FIFO queue. Reading an account's whole history would make every busy account
 * as expensive as its lifetime of statements.
 */
export async function loadTraceFlows(db: Kysely<DB>, seeds: TraceSeedAccount[], maxHops = 6, opts: LoadTraceOptions = {}): Promise<LoadedTrace> {
  const skip = new Set(opts.skip ?? []);
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  /** account → ms from which its flows have been read */
  const since = new Map<string, number>();
  const reached = new Map<string, number>();
  const seen = new Set<string>();
  const flows: Flow[] = [];
  let queries = 0;

  /** account → [read from, hop] */
  let frontier = new Map<string, [number, number]>();
  for (const s of seeds) {
    if (skip.has(s.account)) continue;
    const at = s.at.getTime();
    frontier.set(s.account, [Math.min(frontier.get(s.account)?.[0] ?? Infinity, at), 1]);
  }
  // Guided, a cycle can move an account's first arrival earlier after it was read: a few more round trips than
  // hops may be needed, never unboundedly many (each one reads an account earlier than before).
  const maxSteps = opts.follow ? maxHops * 4 : maxHops;

  for (let step = 1; step <= maxSteps && frontier.size > 0; step++) {
    const accounts: string[] = [];
    const from: string[] = [];
    const until: string[] = [];
    for (const [account, [at, hop]] of frontier) {
      accounts.push(account);
      from.push(new Date(at).toISOString());
      const before = since.get(account);
      until.push(before === undefined ? 'infinity' : new Date(before).toISOString());
      since.set(account, at);
      if (!reached.has(account)) reached.set(account, hop);
    }
    // Per-account bounds (not one earliest time for the hop): an account reached late must not bring in its
    // earlier history, which would be both more rows and paths that go back in time. Both halves are nested
    // index range scans, on (from_account, at) and (to_account, at).
    const result = await sql<FlowRow>`
      WITH s AS (
        SELECT * FROM unnest(${accounts}::text[], ${from}::timestamptz[], ${until}::timestamptz[]) AS s(account, since, until)
      )
      SELECT f.id, f.from_account, f.to_account, f.to_bank, f.amount::text AS amount, f.at, f.channel, true AS outflow
      FROM s JOIN fund_flows f ON f.from_account = s.account AND f.at >= s.since AND f.at < s.until
      UNION ALL
      SELECT f.id, f.from_account, f.to_account, f.to_bank, f.amount::text AS amount, f.at, f.channel, false AS outflow
      FROM s JOIN fund_flows f ON f.to_account = s.account AND f.at >= s.since AND f.at < s.until`.execute(db);
    queries++;

    const next = new Map<string, [number, number]>();
    const reach = (account: string, at: number, hop: number) => {
      if (skip.has(account)) return;
      const known = since.get(account);
      // New, or reached earlier than it was read from: read it (again) from then.
      if (known === undefined || at < known) next.set(account, [Math.min(next.get(account)?.[0] ?? Infinity, at), hop]);
    };
    for (const r of result.rows) {
      const at = r.at.getTime();
      const hop = frontier.get(r.from_account)?.[1] ?? 0;
      if (!opts.follow && r.outflow && hop < maxHops && r.channel !== 'cash_out') reach(r.to_account, at, hop + 1);
      const id = String(r.id);
      if (seen.has(id)) continue;
      seen.add(id);
      flows.push({ from: r.from_account, to: r.to_account, amount: yuanToFen(r.amount), at, channel: r.channel, toBank: r.to_bank });
    }
    if (opts.follow) {
      // A guided read starts at the account's first arrival along the rows already read, not at the victim money:
      // a known movement into an account must never lack the movements out of it that followed (its money
      // would otherwise seem to stay and be counted ahead of the victim's in a FIFO queue).
      const earliest = new Map<string, number>();
      for (const f of flows) {
        const from = since.get(f.from);
        if (from !== undefined && f.at >= from && f.channel !== 'cash_out') earliest.set(f.to, Math.min(earliest.get(f.to) ?? Infinity, f.at));
      }
      for (const [account, a] of opts.follow(flows)) reach(account, Math.min(a.at, earliest.get(account) ?? Infinity), a.hop);
      for (const [account, at] of earliest) if (since.has(account)) reach(account, at, reached.get(account) ?? 0);
    }
    frontier = next;
    if (flows.length > maxRows) break;
  }
  // Accounts still to read when the walk stopped (row cap, or the guided walk's step cap): the trace is partial.
  return { flows, reached, queries, truncated: frontier.size > 0 };
}
