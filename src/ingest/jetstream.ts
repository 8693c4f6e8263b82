import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Deps } from '../server/context.ts';
import { isParseError, parseContractLine } from '../engines/risk/ndjson.ts';
import type { Tx } from '../engines/risk/types.ts';
import { ingestParsed } from '../modules/risk/risk.service.ts';

/**
 * Bank transaction streams over NATS JetStream. A bank publishes NDJSON (one or many contract lines per message)
 * to `<prefix>.<its org code>`; one stream holds every bank's subject; a durable pull consumer feeds the same
 * engine path as `POST /api/v1/transactions`.
 *
 * Nothing is processed twice: a message is acknowledged only after its transactions are stored and decided in
 * one database transaction, so a crash before the acknowledgement makes JetStream deliver it again, and the
 * txIds already stored are then counted once and not decided again. The durable consumer keeps its position on
 * the server, so a restarted worker resumes where it stopped.
 */
export interface StreamOptions {
  servers: string;
  stream: string;
  subjectPrefix: string;
  durable?: string;
  /** messages fetched per pull */
  batch?: number;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
}

export interface StreamStats {
  messages: number;
  accepted: number;
  duplicates: number;
  rejectedLines: number;
  unknownBank: number;
  failures: number;
}

export interface StreamConsumer {
  stats: StreamStats;
  stop(): Promise<void>;
  /** resolves when the consumer has processed every message published so far (for tests and shutdown) */
  idle(): Promise<void>;
}

/** Creates the stream and the durable consumer if they do not exist yet. */
export async function ensureStream(nc: NatsConnection, opts: Pick<StreamOptions, 'stream' | 'subjectPrefix' | 'durable'>): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const subjects = [`${opts.subjectPrefix}.*`];
  try {
    await jsm.streams.info(opts.stream);
  } catch {
    await jsm.streams.add({ name: opts.stream, subjects });
  }
  const durable = opts.durable ?? 'fanzha-risk';
  try {
    await jsm.consumers.info(opts.stream, durable);
  } catch {
    await jsm.consumers.add(opts.stream, { durable_name: durable, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, filter_subject: `${opts.subjectPrefix}.*`, ack_wait: 60_000_000_000 });
  }
}

export async function startStreamConsumer(deps: Deps, opts: StreamOptions): Promise<StreamConsumer> {
  const log = opts.log ?? (() => undefined);
  const nc = await connect({ servers: opts.servers, name: 'fanzha-worker' });
  await ensureStream(nc, opts);
  const js = jetstream(nc);
  const consumer = await js.consumers.get(opts.stream, opts.durable ?? 'fanzha-risk');
  const stats: StreamStats = { messages: 0, accepted: 0, duplicates: 0, rejectedLines: 0, unknownBank: 0, failures: 0 };
  const orgIds = new Map<string, number | null>();
  let stopped = false;
  let pending = 0;

  const orgOf = async (subject: string): Promise<number | null> => {
    const code = subject.slice(opts.subjectPrefix.length + 1);
    if (!orgIds.has(code)) {
      const row = await deps.db.selectFrom('orgs').select('id').where('code', '=', code).where('kind', '=', 'bank').executeTakeFirst();
      orgIds.set(code, row ? row.id : null);
    }
    return orgIds.get(code) ?? null;
  };

  /** One pull: group the messages by bank, ingest each group, then acknowledge (or ask for redelivery). */
  const handle = async (msgs: JsMsg[]): Promise<void> => {
    const byOrg = new Map<number, { txs: Tx[]; msgs: JsMsg[] }>();
    for (const m of msgs) {
      const orgId = await orgOf(m.subject);
      if (orgId === null) {
        stats.unknownBank++;
        log('jetstream: message for an unknown bank, dropped', { subject: m.subject });
        m.term();
        continue;
      }
      let group = byOrg.get(orgId);
      if (!group) byOrg.set(orgId, (group = { txs: [], msgs: [] }));
      for (const line of m.string().split('\n')) {
        if (line.trim() === '') continue;
        const r = parseContractLine(line);
        if (isParseError(r)) stats.rejectedLines++;
        else group.txs.push(r);
      }
      group.msgs.push(m);
    }
    for (const [orgId, group] of byOrg) {
      try {
        const out = await ingestParsed(deps, orgId, group.txs);
        stats.accepted += out.accepted;
        stats.duplicates += out.duplicates;
        stats.messages += group.msgs.length;
        for (const m of group.msgs) m.ack();
      } catch (err) {
        stats.failures++;
        log('jetstream: batch failed, will be redelivered', { error: String(err) });
        for (const m of group.msgs) m.nak(5_000);
      }
    }
  };

  const loop = (async () => {
    while (!stopped) {
      const batch: JsMsg[] = [];
      try {
        const iter = await consumer.fetch({ max_messages: opts.batch ?? 500, expires: 1_000 });
        for await (const m of iter) batch.push(m);
      } catch (err) {
        if (!stopped) log('jetstream: fetch failed', { error: String(err) });
        await new Promise((r) => setTimeout(r, 1_000));
        continue;
      }
      if (batch.length) {
        pending++;
        try {
          await handle(batch);
        } finally {
          pending--;
        }
      }
    }
  })();

  return {
    stats,
    async stop() {
      stopped = true;
      await loop;
      await nc.drain();
    },
    async idle() {
      const jsm = await jetstreamManager(nc);
      for (;;) {
        const info = await jsm.consumers.info(opts.stream, opts.durable ?? 'fanzha-risk');
        if (info.num_pending === 0 && info.num_ack_pending === 0 && pending === 0) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}
