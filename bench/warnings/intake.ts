/**
 * Benchmark 1: warnings intake through HTTP (the real app listening on a port, a child process as the
 * partner) against the floor of plain multi-row INSERTs of the same rows into the same table.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { systemContext } from '../../src/server/context.ts';
import { buildApp } from '../../src/server/app.ts';
import { create as createToken } from '../../src/modules/tokens/tokens.service.ts';
import { DEFAULT_DEADLINES, dueAt } from '../../src/modules/warnings/warning-workflow.ts';
import { warningItems } from './items.ts';
import type { BenchDb } from './setup.ts';
import { elapsed, type Timing } from './stats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface IntakeResult {
  warnings: number;
  batchSize: number;
  concurrency: number;
  ms: number;
  perSecond: number;
  batchLatency: Timing;
  accepted: number;
  rejected: number;
  duplicates: number;
  triage: number;
  byDepth: Record<string, number>;
  stored: number;
  events: number;
  vulnerable: number;
}

export interface FloorResult {
  warnings: number;
  batchSize: number;
  ms: number;
  perSecond: number;
}

interface SenderReport {
  ms: number;
  batches: number;
  latency: Timing;
  accepted: number;
  rejected: number;
  duplicates: number;
  triage: number;
  byDepth: Record<string, number>;
}

function runSender(env: Record<string, string>): Promise<SenderReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'sender.ts')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line) reject(new Error(`sender exited with ${code}: ${out.slice(0, 500)}`));
      else resolve(JSON.parse(line) as SenderReport);
    });
  });
}

async function count(bench: BenchDb, table: 'warnings' | 'warning_events' | 'vulnerable_people'): Promise<number> {
  const r = await bench.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function benchIntake(bench: BenchDb, opts: { warnings: number; batchSize: number; concurrency: number; seed: number }): Promise<IntakeResult> {
  const { token } = await createToken(bench.deps, systemContext, null, { orgCode: '149900', role: 'center_analyst', name: 'bench' });
  const app = await buildApp(bench.deps, { serveWeb: false, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = app.server.address() as AddressInfo;
    const report = await runSender({
      BENCH_SENDER_URL: `http://127.0.0.1:${port}`,
      BENCH_SENDER_TOKEN: token,
      BENCH_SENDER_COUNT: String(opts.warnings),
      BENCH_SENDER_BATCH: String(opts.batchSize),
      BENCH_SENDER_CONCURRENCY: String(opts.concurrency),
      BENCH_SENDER_SEED: String(opts.seed),
      BENCH_SENDER_NOW: bench.deps.clock.now().toISOString(),
    });
    return {
      warnings: opts.warnings,
      batchSize: opts.batchSize,
      concurrency: opts.concurrency,
      ms: report.ms,
      perSecond: (report.accepted / report.ms) * 1000,
      batchLatency: report.latency,
      accepted: report.accepted,
      rejected: report.rejected,
      duplicates: report.duplicates,
      triage: report.triage,
      byDepth: report.byDepth,
      stored: await count(bench, 'warnings'),
      events: await count(bench, 'warning_events'),
      vulnerable: await count(bench, 'vulnerable_people'),
    };
  } finally {
    await app.close();
  }
}

/**
 * The floor: the same items as rows, already routed to one fixed org, deadlined, no validation, no
 * duplicate or repeat lookups, no events or audit; one autocommitted multi-row INSERT per batch.
 */
export async function benchFloor(bench: BenchDb, opts: { warnings: number; batchSize: number; seed: number; orgId: number }): Promise<FloorResult> {
  const now = bench.deps.clock.now();
  const at = now.toISOString();
  const rows = warningItems(opts.warnings, opts.seed, now).map((w) => ({
    source: w.source,
    external_id: w.externalId,
    level: w.level,
    status: 'dispatched' as const,
    victim_phone: w.victimPhone,
    victim_name: w.victimName ?? null,
    address: w.address ?? null,
    region_code: w.regionCode ?? null,
    detected_at: w.detectedAt,
    received_at: at,
    due_at: dueAt(w.level, now, DEFAULT_DEADLINES).toISOString(),
    next_escalation_at: dueAt(w.level, now, DEFAULT_DEADLINES).toISOString(),
    assigned_org_id: opts.orgId,
    routed_via: 'region' as const,
    created_at: at,
    updated_at: at,
  }));
  const { ms } = await elapsed(async () => {
    for (let i = 0; i < rows.length; i += opts.batchSize) {
      await bench.database.db.insertInto('warnings').values(rows.slice(i, i + opts.batchSize)).execute();
    }
  });
  return { warnings: rows.length, batchSize: opts.batchSize, ms, perSecond: (rows.length / ms) * 1000 };
}
