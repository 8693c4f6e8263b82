import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/helpers/db.ts';
import { listenLive, pgRelay } from './live-pg.ts';
import { LiveBus, pack, type LiveEvent } from './live.ts';

const event = (id: number, pad = 0): LiveEvent => ({ type: 'warning.escalated', id, orgPaths: [`/1/${id}/`], data: { note: 'x'.repeat(pad) } });

describe('live events', () => {
  it('packs events into NOTIFY-sized arrays, in order, none lost', () => {
    const events = Array.from({ length: 500 }, (_, i) => event(i, i % 7 === 0 ? 300 : 0));
    const payloads = pack(events);
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8000);
    expect(payloads.flatMap((p) => JSON.parse(p) as LiveEvent[])).toEqual(events);
    // One event larger than a payload still travels, alone.
    expect(pack([event(1), event(2, 9000), event(3)]).map((p) => (JSON.parse(p) as LiveEvent[]).map((e) => e.id))).toEqual([[1], [2], [3]]);
  });

  it('delivers straight to subscribers without a relay, and ignores malformed relayed payloads', () => {
    const bus = new LiveBus();
    const got: number[] = [];
    const off = bus.subscribe((e) => got.push(e.id));
    bus.publish(event(1));
    bus.deliverPayload('not json');
    bus.deliverPayload('{"type":"x"}');
    bus.deliverPayload(JSON.stringify([event(2), { nope: true }]));
    off();
    bus.publish(event(3));
    expect(got).toEqual([1, 2]);
  });

  it('relays a worker’s events to a server process through PostgreSQL NOTIFY', async (ctx) => {
    const t = await createTestDb();
    if (t.deps.dbKind !== 'postgres' || !t.url) {
      await t.close();
      ctx.skip();
      return;
    }
    const server = new LiveBus(pgRelay(t.deps.db));
    const listener = await listenLive(t.url, server, () => undefined);
    const worker = new LiveBus(pgRelay(t.deps.db));
    const got: number[] = [];
    server.subscribe((e) => got.push(e.id));
    for (let i = 1; i <= 300; i++) worker.publish(event(i, 40));
    server.publish(event(1000));
    await worker.flush();
    await server.flush();
    const until = Date.now() + 5000;
    while (got.length < 301 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(got.slice().sort((a, b) => a - b)).toEqual([...Array.from({ length: 300 }, (_, i) => i + 1), 1000]);
    await listener.close();
    await t.close();
  });
});
