/**
 * The obvious alternative to the hop-by-hop loader: one recursive CTE that walks time-ordered paths from the
 * first-hop accounts (each next movement at or after the one that reached the account) and returns the
 * movements it passed, with the fewest hops at which each was reached.
 */
import { sql, type Kysely } from 'kysely';
import type { DB, FlowChannel } from '../../src/db/types.ts';
import { yuanToFen, type Flow } from '../../src/engines/trace/trace.ts';
import type { TraceSeedAccount } from '../../src/modules/money/trace.repo.ts';

export interface CteWalk {
  flows: Flow[];
  /** Reached account → the earliest time a walked path arrives there (what the loader calls `since`). */
  arrivals: Map<string, number>;
  /** Accounts reached within maxHops: the seed accounts and the receivers of movements made at hops 1..maxHops−1. */
  reached: Set<string>;
  rows: number;
}

interface Row {
  id: number;
  from_account: string;
  to_account: string;
  to_bank: string | null;
  amount: string;
  at: Date;
  channel: FlowChannel;
  hop: number;
}

export async function walkByRecursiveCte(db: Kysely<DB>, seeds: TraceSeedAccount[], maxHops: number, skip: string[]): Promise<CteWalk> {
  // UNION (not UNION ALL) drops a movement reached again at the same hop; the walk still re-expands an account
  // once for every path that reaches it, which is the price of not having a per-account "read from" time.
  const result = await sql<Row>`
    WITH RECURSIVE walk(id, to_account, at, channel, hop) AS (
      SELECT f.id, f.to_account, f.at, f.channel, 1
      FROM unnest(${seeds.map((s) => s.account)}::text[], ${seeds.map((s) => s.at.toISOString())}::timestamptz[]) AS s(account, since)
      JOIN fund_flows f ON f.from_account = s.account AND f.at >= s.since
      UNION
      SELECT f.id, f.to_account, f.at, f.channel, w.hop + 1
      FROM walk w JOIN fund_flows f ON f.from_account = w.to_account AND f.at >= w.at
      WHERE w.hop < ${maxHops}::int AND w.channel <> 'cash_out' AND w.to_account <> ALL(${skip}::text[])
    )
    SELECT f.id, f.from_account, f.to_account, f.to_bank, f.amount::text AS amount, f.at, f.channel, min(w.hop)::int AS hop
    FROM walk w JOIN fund_flows f ON f.id = w.id
    GROUP BY f.id`.execute(db);
  const arrivals = new Map<string, number>();
  const arrive = (account: string, at: number) => arrivals.set(account, Math.min(arrivals.get(account) ?? Infinity, at));
  for (const s of seeds) arrive(s.account, s.at.getTime());
  const skipped = new Set(skip);
  const flows: Flow[] = [];
  for (const r of result.rows) {
    if (r.hop < maxHops && r.channel !== 'cash_out' && !skipped.has(r.to_account)) arrive(r.to_account, r.at.getTime());
    flows.push({ from: r.from_account, to: r.to_account, amount: yuanToFen(r.amount), at: r.at.getTime(), channel: r.channel, toBank: r.to_bank });
  }
  return { flows, arrivals, reached: new Set(arrivals.keys()), rows: result.rows.length };
}

/**
 * The second half of a CTE-based loader: the other inflows of the reached accounts from their arrival on, which
 * the walk does not return and trace() needs to mix (the same rows the product's loader reads with its outflows).
 */
export async function otherInflows(db: Kysely<DB>, arrivals: Map<string, number>): Promise<Flow[]> {
  const accounts = [...arrivals.keys()];
  const since = accounts.map((a) => new Date(arrivals.get(a) ?? 0).toISOString());
  const result = await sql<Omit<Row, 'hop'>>`
    SELECT f.id, f.from_account, f.to_account, f.to_bank, f.amount::text AS amount, f.at, f.channel
    FROM unnest(${accounts}::text[], ${since}::timestamptz[]) AS s(account, since)
    JOIN fund_flows f ON f.to_account = s.account AND f.at >= s.since`.execute(db);
  return result.rows.map((r) => ({ from: r.from_account, to: r.to_account, amount: yuanToFen(r.amount), at: r.at.getTime(), channel: r.channel, toBank: r.to_bank }));
}
