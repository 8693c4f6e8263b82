/**
 * A bank transaction as the risk engine sees it. The partner contract's NDJSON line
 * (`{txId, at, fromAccount, fromBank, toAccount, toBank, amount, channel, fromName?, toName?}`, amount a decimal
 * string in yuan, at ISO 8601) is turned into this shape once, at the edge: times in epoch milliseconds and money
 * in integer fen, so the engine never parses or rounds.
 *
 * Cash movements name the teller or ATM as the other side: a `cash_out` has the cash point as `to`, a `cash_in`
 * as `from` (any non-empty identifier, e.g. `CASH:<bank>:<terminal>`).
 */
export type Channel = 'transfer' | 'cash_out' | 'cash_in' | 'card' | 'wallet';
export const CHANNELS: readonly Channel[] = ['transfer', 'cash_out', 'cash_in', 'card', 'wallet'];

export interface Tx {
  txId: string;
  /** epoch milliseconds */
  at: number;
  from: string;
  fromBank: string;
  to: string;
  toBank: string;
  /** integer fen (1 yuan = 100) */
  amount: number;
  channel: Channel;
}
