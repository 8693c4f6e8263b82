import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { DB } from '../db/types.ts';
import type { LiveBus, LiveRelay } from './live.ts';

export const LIVE_CHANNEL = 'fanzha_live';

/** Publishes packed events with one statement per flush. */
export function pgRelay(db: Kysely<DB>): LiveRelay {
  return async (payloads) => {
    await sql`SELECT pg_notify(${LIVE_CHANNEL}, p) FROM unnest(${payloads}::text[]) AS p`.execute(db);
  };
}

/**
 * Listens on the live channel with a connection of its own and hands what arrives to the bus; when the
 * connection drops it reconnects with backoff (up to 10 s), so a database restart costs only the events
 * sent while it was down.
 */
export async function listenLive(url: string, bus: LiveBus, log: (msg: string, err?: unknown) => void): Promise<{ close(): Promise<void> }> {
  let client: pg.Client | null = null;
  let closed = false;
  let delay = 500;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (m) => {
      if (m.channel === LIVE_CHANNEL && m.payload) bus.deliverPayload(m.payload);
    });
    c.on('error', (err) => log('live listener connection error', err));
    c.on('end', () => {
      if (closed) return;
      client = null;
      log(`live listener disconnected; reconnecting in ${delay} ms`);
      setTimeout(() => void retry(), delay).unref();
    });
    await c.connect();
    await c.query(`LISTEN ${LIVE_CHANNEL}`);
    client = c;
    delay = 500;
  };
  const retry = async (): Promise<void> => {
    if (closed) return;
    try {
      await connect();
      log('live listener reconnected');
    } catch (err) {
      delay = Math.min(delay * 2, 10_000);
      log(`live listener reconnect failed; next try in ${delay} ms`, err);
      setTimeout(() => void retry(), delay).unref();
    }
  };
  await connect();
  return {
    close: async () => {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}
