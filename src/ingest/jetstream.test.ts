import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import { txToContractLine } from '../engines/risk/ndjson.ts';
import type { Tx } from '../engines/risk/types.ts';
import { startStreamConsumer, type StreamOptions } from './jetstream.ts';

/**
 * Against a real NATS server with JetStream (TEST_NATS_URL, or the local one at 127.0.0.1:4222); skipped when
 * none answers, as on a machine without the service.
 */
const SERVERS = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const T0 = Date.parse('2026-11-02T10:00:00+08:00');
let n = 0;
const tx = (from: string, to: string, yuan: number, minutes: number): Tx => ({
  txId: `NATS-${process.pid}-${++n}`,
  at: T0 + minutes * 60_000,
  from,
  fromBank: 'ICBC',
  to,
  toBank: 'ICBC',
  amount: yuan * 100,
  channel: 'transfer',
});

describe('bank streams over NATS JetStream', () => {
  let nc: NatsConnection | null = null;
  let t: TestDb;
  const tag = `${process.pid}${Date.now() % 100000}`;
  const opts: StreamOptions = { servers: SERVERS, stream: `FZTEST_${tag}`, subjectPrefix: `fztest${tag}.tx`, durable: `fztest-${tag}`, batch: 50 };

  beforeAll(async () => {
    try {
      nc = await connect({ servers: SERVERS, timeout: 1500 });
      await (await jetstreamManager(nc)).getAccountInfo();
    } catch {
      nc = null;
      return;
    }
    t = await createTestDb({ demo: true, clockStart: '2026-11-02T02:00:00Z' });
  });
  afterAll(async () => {
    if (!nc) return;
    await (await jetstreamManager(nc)).streams.delete(opts.stream).catch(() => undefined);
    await nc.close();
    await t.close();
  });

  it('consumes a bank subject, resumes after a restart where it stopped, and stores every txId once', async (ctx) => {
    if (!nc) return ctx.skip();
    const js = jetstream(nc);
    const first = await startStreamConsumer(t.deps, opts);
    const publish = async (txs: Tx[], subject = `${opts.subjectPrefix}.ICBC`) => {
      await js.publish(subject, txs.map(txToContractLine).join('\n'));
    };
    // a mule: three victims' money forwarded within minutes, one message per transaction
    const pattern = [0, 1, 2].flatMap((k) => [tx(`62220200000${k}1`, '6222029999999999991', 5000, k * 60), tx('6222029999999999991', `62220288888${k}`, 4950, k * 60 + 5)]);
    for (const p of pattern.slice(0, 4)) await publish([p]);
    await first.idle();
    expect(first.stats).toMatchObject({ messages: 4, accepted: 4, duplicates: 0 });
    await first.stop();

    // published while no worker runs; one repeats a txId already stored; one is for a bank that does not exist
    await publish(pattern.slice(4));
    await publish([pattern[0] as Tx]);
    await publish([tx('1', '2', 1, 0)], `${opts.subjectPrefix}.NOBANK`);
    await js.publish(`${opts.subjectPrefix}.ICBC`, 'not json\n' + txToContractLine(tx('6222020000000077', '6222020000000078', 12, 400)));

    const second = await startStreamConsumer(t.deps, opts);
    await second.idle();
    // the restarted consumer saw only what came after the first one stopped
    expect(second.stats).toMatchObject({ messages: 3, accepted: 3, duplicates: 1, rejectedLines: 1, unknownBank: 1 });
    await second.stop();

    const stored = await t.deps.db.selectFrom('risk_transactions').select(['tx_id']).where('tx_id', 'like', `NATS-${process.pid}-%`).execute();
    expect(stored.length).toBe(pattern.length + 1);
    const alerts = await t.deps.db.selectFrom('risk_alerts').select(['account', 'decision']).where('account', '=', '6222029999999999991').execute();
    expect(alerts.length).toBe(1);
    expect(alerts[0]?.decision).toBe('review');
  });
});
