/**
 * The real server in a process of its own, as `fanzha start` runs it (started through tsx's loader by
 * bench/risk/tsx-launch.mjs, like bin/fanzha.mjs): `buildApp` on the given database with the request logger at
 * `info` (to /dev/null), the live bus relaying through PostgreSQL NOTIFY, the system clock, default pool.
 * Controlled over IPC by bench/risk/http.ts:
 *   → ready {port, token?}         (PGlite: migrated and seeded here, in memory, with a bank_liaison token)
 *   ← usage                        → process CPU time, memory, the engine's state size, statements sent so far
 *   ← counts                       → rows stored: transactions, flagged transactions, alerts
 *   ← floor {file, skip, count, batch, clients}
 *                                  → the same rows INSERTed straight into risk_transactions (same table and
 *                                    indexes), batch by batch, without HTTP, parsing or the engine; the table
 *                                    is emptied before and after
 *   ← profile-start / profile-stop {file}   a CPU profile of this process between the two (V8 inspector)
 *   ← stop
 * Args: --url postgres://… | --pglite
 */
import { sql } from 'kysely';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { isParseError, parseContractLine } from '../../src/engines/risk/ndjson.ts';
import type { Tx } from '../../src/engines/risk/types.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { fromFen } from '../../src/lib/money.ts';
import { runtimeFor } from '../../src/modules/risk/risk.runtime.ts';
import { create as createToken } from '../../src/modules/tokens/tokens.service.ts';
import { buildApp } from '../../src/server/app.ts';
import { systemContext } from '../../src/server/context.ts';
import { LiveBus } from '../../src/server/live.ts';
import { pgRelay } from '../../src/server/live-pg.ts';
import { readLines } from './lines.ts';
import { BANK, PASSWORD } from './server.shared.ts';

const argv = process.argv.slice(2);
const url = argv[argv.indexOf('--url') + 1];
const pglite = argv.includes('--pglite');
const send = (m: unknown) => process.send?.(m);

// Counts the statements sent to PostgreSQL (each one a round trip), for the latency of single requests.
let queries = 0;
const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
  queries++;
  return query.apply(this, a);
} as typeof pg.Client.prototype.query;

const database = await openDatabase({ url: pglite ? undefined : url });
const config = loadConfig({});
const deps = { db: database.db, dbKind: database.kind, clock: systemClock, config };
let token: string | undefined;
if (pglite) {
  await migrate(database);
  await seedDemo(deps, { scale: 'small', password: PASSWORD, warnings: 0, cases: 0 });
  token = (await createToken(deps, systemContext, null, { orgCode: BANK, role: 'bank_liaison', name: 'bench risk' })).token;
}
const live = database.kind === 'postgres' ? new LiveBus(pgRelay(database.db), () => undefined) : new LiveBus();
const app = await buildApp({ ...deps, live }, { logger: { level: 'info' }, serveWeb: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as AddressInfo;

const MB = (n: number) => Math.round((n / 1048576) * 10) / 10;

async function counts() {
  const r = await sql<{ tx: number; flagged: number; alerts: number; org: number }>`
    SELECT (SELECT count(*) FROM risk_transactions)::int AS tx,
           (SELECT count(*) FROM risk_transactions WHERE decision <> 'allow')::int AS flagged,
           (SELECT count(*) FROM risk_alerts)::int AS alerts`.execute(database.db);
  return r.rows[0];
}

async function floor(m: { file: string; skip: number; count: number; batch: number; clients: number }) {
  const lines = (await readLines(m.file, m.skip + m.count)).slice(m.skip);
  const txs = lines.map((l) => {
    const r = parseContractLine(l);
    if (isParseError(r)) throw new Error('bad line');
    return r;
  });
  const org = await database.db.selectFrom('orgs').select('id').where('code', '=', BANK).executeTakeFirstOrThrow();
  // the columns of each batch, made before the clock starts
  const batches: unknown[][] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < txs.length; i += m.batch) {
    const part = txs.slice(i, i + m.batch);
    const col = <T>(f: (t: Tx) => T) => part.map(f);
    batches.push([
      col((t) => t.txId),
      col((t) => new Date(t.at).toISOString()),
      col((t) => t.from),
      col((t) => t.fromBank),
      col((t) => t.to),
      col((t) => t.toBank),
      col((t) => fromFen(t.amount)),
      col((t) => t.channel),
    ]);
  }
  await sql`TRUNCATE risk_transactions, risk_alerts RESTART IDENTITY CASCADE`.execute(database.db);
  if (database.kind === 'postgres') await sql`CHECKPOINT`.execute(database.db);
  let next = 0;
  const latencies: number[] = [];
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: m.clients }, async () => {
      for (;;) {
        const b = batches[next++];
        if (!b) return;
        const s = performance.now();
        const [ids, ats, fa, fb, ta, tb, amounts, channels] = b;
        await sql`
          INSERT INTO risk_transactions (tx_id, org_id, at, from_account, from_bank, to_account, to_bank, amount, channel, rules_version, received_at)
          SELECT u.tx_id, ${org.id}, u.at, u.fa, u.fb, u.ta, u.tb, u.amount, u.channel, 'v1', ${now}::timestamptz
          FROM unnest(${ids}::text[], ${ats}::timestamptz[], ${fa}::text[], ${fb}::text[], ${ta}::text[], ${tb}::text[], ${amounts}::numeric[], ${channels}::text[])
            AS u(tx_id, at, fa, fb, ta, tb, amount, channel)`.execute(database.db);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const stored = (await counts())?.tx ?? 0;
  await sql`TRUNCATE risk_transactions, risk_alerts RESTART IDENTITY CASCADE`.execute(database.db);
  if (database.kind === 'postgres') await sql`CHECKPOINT`.execute(database.db);
  return { rows: txs.length, stored, ms, cpuMs: (c.user + c.system) / 1000, latencies };
}

let session: Session | null = null;

async function profileStart() {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return { started: true };
}

async function profileStop(file: string) {
  if (!session) throw new Error('no profile running');
  const { profile } = await session.post('Profiler.stop');
  fs.writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
  session = null;
  return { file };
}

process.on('message', (raw) => {
  const m = raw as { id: number; cmd: string; [k: string]: unknown };
  const reply = (body: unknown) => send({ id: m.id, ...(body as object) });
  const fail = (err: unknown) => send({ id: m.id, error: err instanceof Error ? err.stack : String(err) });
  switch (m.cmd) {
    case 'usage': {
      const c = process.cpuUsage();
      const mem = process.memoryUsage();
      const st = runtimeFor(deps).status();
      reply({ queries, cpuMs: (c.user + c.system) / 1000, rssMB: MB(mem.rss), heapUsedMB: MB(mem.heapUsed), arrayBuffersMB: MB(mem.arrayBuffers), maxRssMB: MB(process.resourceUsage().maxRSS * 1024), accounts: st.accounts, processed: st.processed });
      break;
    }
    case 'counts':
      counts().then((c) => reply(c ?? {}), fail);
      break;
    case 'floor':
      floor(m as unknown as Parameters<typeof floor>[0]).then(reply, fail);
      break;
    case 'profile-start':
      profileStart().then(reply, fail);
      break;
    case 'profile-stop':
      profileStop(String(m.file)).then(reply, fail);
      break;
    case 'stop':
      void app
        .close()
        .then(() => database.close())
        .then(() => {
          reply({ stopped: true });
          process.disconnect?.();
          setTimeout(() => process.exit(0), 50).unref();
        });
      break;
    default:
      fail(new Error(`unknown command ${m.cmd}`));
  }
});
send({ ready: true, port, token, kind: database.kind });
