/**
 * End to end through HTTP: `POST /api/v1/transactions` (application/x-ndjson, a bank_liaison's bearer token)
 * against the real server in its own process (bench/risk/server.ts), which parses the lines, stores them, runs
 * the engine and stores the decisions and alerts in one database transaction per request.
 *
 * PostgreSQL: a template database (migrated, the small demo city, one token) is made once; every configuration
 * (lines per request × concurrent clients) gets a fresh copy of it and a fresh server, so each starts from an
 * empty engine and empty tables. In it, first the floor (the same rows INSERTed straight into
 * risk_transactions, same batches and concurrency), then the product on the emptied table. After one
 * configuration, single-transaction requests one after another give the decision latency.
 * PGlite (in the server's process, in memory): one configuration, for reference.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { create as createToken } from '../../src/modules/tokens/tokens.service.ts';
import { systemContext } from '../../src/server/context.ts';
import { HERE } from './data.ts';
import { log, percentiles } from './log.ts';
import { BANK, PASSWORD } from './server.shared.ts';

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TEMPLATE = 'fz_bench_risk_tpl';
const RUN = 'fz_bench_risk_run';

function dbUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function postgresSettings(): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const r = await client.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'shared_buffers', 'synchronous_commit', 'wal_level', 'fsync', 'max_wal_size', 'checkpoint_timeout')`,
    );
    return Object.fromEntries(r.rows.map((x) => [x.name, x.unit ? `${x.setting}×${x.unit}` : x.setting]));
  } finally {
    await client.end();
  }
}

/** The template database: migrated, the small demo city, a bank_liaison token for ICBC. */
export async function makeTemplate(): Promise<string> {
  await admin(`DROP DATABASE IF EXISTS ${RUN} WITH (FORCE)`);
  await admin(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${TEMPLATE}`);
  const database = await openDatabase({ url: dbUrl(TEMPLATE) });
  try {
    await migrate(database);
    const deps = { db: database.db, dbKind: database.kind, clock: systemClock, config: loadConfig({}) };
    log('http: seeding the small demo city into the template database…');
    await seedDemo(deps, { scale: 'small', password: PASSWORD, warnings: 0, cases: 0 });
    const { token } = await createToken(deps, systemContext, null, { orgCode: BANK, role: 'bank_liaison', name: 'bench risk' });
    await sql`ANALYZE`.execute(database.db);
    return token;
  } finally {
    await database.close();
  }
}

export async function dropDatabases(): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${RUN} WITH (FORCE)`);
  await admin(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
}

async function freshRunDb(): Promise<string> {
  await admin(`DROP DATABASE IF EXISTS ${RUN} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${RUN} TEMPLATE ${TEMPLATE}`);
  return dbUrl(RUN);
}

interface Server {
  port: number;
  token: string | undefined;
  call<T>(cmd: string, body?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

async function startServer(args: string[]): Promise<Server> {
  const child = fork(path.join(HERE, 'server.ts'), args, {
    execPath: process.execPath,
    // the loader exactly as bin/fanzha.mjs registers it
    execArgv: [path.join(HERE, 'tsx-launch.mjs')],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let seq = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const ready = new Promise<{ port: number; token?: string }>((resolve, reject) => {
    child.on('message', (raw) => {
      const m = raw as { id?: number; ready?: boolean; port: number; token?: string; error?: string };
      if (m.ready) return resolve(m);
      const w = m.id === undefined ? undefined : waiting.get(m.id);
      if (!w) return;
      waiting.delete(m.id ?? -1);
      if (m.error) w.reject(new Error(m.error));
      else w.resolve(m);
    });
    child.on('exit', (code) => {
      const err = new Error(`server exited with ${code}`);
      reject(err);
      for (const w of waiting.values()) w.reject(err);
    });
  });
  const { port, token } = await ready;
  const call = <T>(cmd: string, body: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = ++seq;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, cmd, ...body });
    });
  return {
    port,
    token,
    call,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      await call('stop').catch(() => undefined);
      await exited;
    },
  };
}

interface IngestOut {
  received: number;
  accepted: number;
  duplicates: number;
  rejected: unknown[];
  alerts: unknown[];
}

async function post(port: number, token: string, body: string): Promise<IngestOut> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/transactions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body,
  });
  const json = (await res.json()) as IngestOut;
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

export interface Usage {
  /** statements sent to PostgreSQL since the server started */
  queries: number;
  cpuMs: number;
  rssMB: number;
  heapUsedMB: number;
  arrayBuffersMB: number;
  maxRssMB: number;
  accounts: number;
  processed: number;
}

export interface BatchRun {
  db: 'postgres' | 'pglite';
  batch: number;
  clients: number;
  lines: number;
  ms: number;
  perSec: number;
  /** server process CPU time per transaction (µs) */
  serverCpuUsPerTx: number;
  /** the load generator's (this process's) CPU time per transaction (µs) */
  clientCpuUsPerTx: number;
  requestMs: ReturnType<typeof percentiles>;
  accepted: number;
  responseAlerts: number;
  stored: { tx: number; flagged: number; alerts: number };
  floor: { rows: number; stored: number; ms: number; perSec: number; requestMs: ReturnType<typeof percentiles> };
  server: Usage;
  singles: { n: number; latency: ReturnType<typeof percentiles>; serverCpuUsPerTx: number; queriesPerRequest: number; flagged: number } | null;
}

export interface HttpPlan {
  file: string;
  /** lines[0] warms the server up (runtime init); lines[1 … n] are the measured batches; then the singles */
  lines: string[];
  n: number;
  singles: number;
}

async function runConfig(server: Server, token: string, plan: HttpPlan, db: 'postgres' | 'pglite', batch: number, clients: number, singles: number, profile?: string): Promise<BatchRun> {
  const floor = await server.call<{ rows: number; stored: number; ms: number; latencies: number[] }>('floor', { file: plan.file, skip: 1, count: plan.n, batch, clients });
  log(`http ${db} ${batch}×${clients}: floor ${Math.round((floor.rows / floor.ms) * 1000).toLocaleString('en')} rows/s`);
  await post(server.port, token, `${plan.lines[0]}\n`);
  const bodies: string[] = [];
  for (let i = 1; i < 1 + plan.n; i += batch) bodies.push(`${plan.lines.slice(i, Math.min(i + batch, 1 + plan.n)).join('\n')}\n`);
  if (profile) await server.call('profile-start');
  const u0 = await server.call<Usage>('usage');
  const c0 = process.cpuUsage();
  let next = 0;
  let accepted = 0;
  let responseAlerts = 0;
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (;;) {
        const body = bodies[next++];
        if (body === undefined) return;
        const s = performance.now();
        const out = await post(server.port, token, body);
        latencies.push(performance.now() - s);
        accepted += out.accepted;
        responseAlerts += out.alerts.length;
      }
    }),
  );
  const ms = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  const u1 = await server.call<Usage>('usage');
  if (profile) await server.call('profile-stop', { file: profile });
  const stored = await server.call<BatchRun['stored']>('counts');
  log(`http ${db} ${batch}×${clients}: ${Math.round((plan.n / ms) * 1000).toLocaleString('en')} tx/s (${accepted.toLocaleString('en')} accepted, ${stored.flagged.toLocaleString('en')} flagged, ${stored.alerts.toLocaleString('en')} alerts stored)`);
  let single: BatchRun['singles'] = null;
  if (singles > 0) {
    const lat: number[] = [];
    let flagged = 0;
    if (profile) await server.call('profile-start');
    const s0 = await server.call<Usage>('usage');
    for (let i = 0; i < singles; i++) {
      const line = plan.lines[1 + plan.n + i];
      if (line === undefined) break;
      const s = performance.now();
      const out = await post(server.port, token, `${line}\n`);
      lat.push(performance.now() - s);
      if (out.alerts.length) flagged++;
    }
    const s1 = await server.call<Usage>('usage');
    if (profile) await server.call('profile-stop', { file: profile.replace(/\.cpuprofile$/, '-singles.cpuprofile') });
    single = { n: lat.length, latency: percentiles(lat), serverCpuUsPerTx: ((s1.cpuMs - s0.cpuMs) * 1000) / Math.max(1, lat.length), queriesPerRequest: (s1.queries - s0.queries) / Math.max(1, lat.length), flagged };
    log(`http ${db} single transactions: p50 ${single.latency.p50.toFixed(2)} / p95 ${single.latency.p95.toFixed(2)} / p99 ${single.latency.p99.toFixed(2)} ms`);
  }
  return {
    db,
    batch,
    clients,
    lines: plan.n,
    ms,
    perSec: (plan.n / ms) * 1000,
    serverCpuUsPerTx: ((u1.cpuMs - u0.cpuMs) * 1000) / plan.n,
    clientCpuUsPerTx: (c1.user + c1.system) / plan.n,
    requestMs: percentiles(latencies),
    accepted,
    responseAlerts,
    stored,
    floor: { rows: floor.rows, stored: floor.stored, ms: floor.ms, perSec: (floor.rows / floor.ms) * 1000, requestMs: percentiles(floor.latencies) },
    server: await server.call<Usage>('usage'),
    singles: single,
  };
}

/** One configuration on a fresh PostgreSQL database and a fresh server. */
export async function postgresConfig(token: string, plan: HttpPlan, batch: number, clients: number, singles: number, profile?: string): Promise<BatchRun> {
  const url = await freshRunDb();
  const server = await startServer(['--url', url]);
  try {
    return await runConfig(server, token, plan, 'postgres', batch, clients, singles, profile);
  } finally {
    await server.stop();
  }
}

/** One configuration on PGlite in the server's process (migrated and seeded there). */
export async function pgliteConfig(plan: HttpPlan, batch: number, singles: number): Promise<BatchRun> {
  const server = await startServer(['--pglite']);
  try {
    if (!server.token) throw new Error('the PGlite server made no token');
    return await runConfig(server, server.token, plan, 'pglite', batch, 1, singles);
  } finally {
    await server.stop();
  }
}
