/**
 * Warnings at city scale (预警劝阻), on PostgreSQL:
 *  1. intake of 100,000 warnings over HTTP in batches of 5,000 vs plain multi-row INSERTs (the floor);
 *  2. queues and the city board over 1,000,000 bulk-loaded warnings vs naive baselines;
 *  3. the overdue sweep over 1,000,000 open warnings vs reading them all and filtering in JS.
 * Run: npx tsx bench/warnings/run.ts (about 7–10 minutes on 2 cores). Env: BENCH_DATABASE_URL (an empty
 * postgres database; default: create and drop fz_bench_warn via BENCH_ADMIN_URL, postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_SCALE (e.g. 0.05 for a one-minute run), BENCH_ITERATIONS (200), BENCH_INTAKE_CONCURRENCY (1),
 * BENCH_REPEAT_SHARE (0.05), BENCH_EXPLAIN=1 (query plans to stderr), BENCH_KEEP_DB=1 (keep fz_bench_warn).
 */
import os from 'node:os';
import { benchFloor, benchIntake } from './intake.ts';
import { loadHistory, loadOpen, targetsOf } from './load.ts';
import { benchQueues } from './queues.ts';
import { printReport } from './report.ts';
import { openBenchDb, serverSettings, truncateWarnings } from './setup.ts';
import { elapsed, log } from './stats.ts';
import { benchSweep } from './sweep.ts';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number`);
  return v;
};
const SCALE = num('BENCH_SCALE', 1);
const INTAKE = Math.max(1000, Math.round(100_000 * SCALE));
const ROWS = Math.max(10_000, Math.round(1_000_000 * SCALE));
const DUE = Math.max(10, Math.round(1000 * SCALE));
const ITERATIONS = num('BENCH_ITERATIONS', 200);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
// Saturday 10:00 in the city: a fixed clock makes deadlines, windows and the due set reproducible.
const NOW = new Date('2026-11-28T02:00:00Z');

// Other work on the machine skews every number; the load average before and after says how much.
const loadBefore = os.loadavg();
const bench = await openBenchDb(NOW);
try {
  const postgres = await serverSettings(bench.database);
  const targets = targetsOf(bench.orgs);
  const fixedOrg = targets.units[0];
  if (!fixedOrg) throw new Error('the demo city has no stations or townships');

  log(`floor: ${INTAKE} rows by plain INSERT…`);
  const floor = await benchFloor(bench, { warnings: INTAKE, batchSize: 1000, seed: 7, orgId: fixedOrg.id });
  await truncateWarnings(bench.database);
  log(`intake: ${INTAKE} warnings over HTTP…`);
  const intake = await benchIntake(bench, { warnings: INTAKE, batchSize: 5000, concurrency: num('BENCH_INTAKE_CONCURRENCY', 1), seed: 7 });

  await truncateWarnings(bench.database);
  log(`loading ${ROWS} warnings of history…`);
  const history = await elapsed(() => loadHistory(bench.database.db, ROWS, NOW, targets));
  log('queues and board…');
  const queues = await benchQueues(bench, { iterations: ITERATIONS, baselineBudgetMs: 10_000, explain: EXPLAIN });

  await truncateWarnings(bench.database);
  log(`loading ${ROWS} open warnings, ${DUE} due…`);
  const open = await elapsed(() => loadOpen(bench.database.db, ROWS, DUE, NOW, targets));
  log('sweep…');
  const sweep = await benchSweep(bench, { runs: 5, naiveRuns: 3, explain: EXPLAIN });

  printReport(
    { when: new Date().toISOString(), loadavg: { before: loadBefore, after: os.loadavg() }, scale: SCALE, postgres, seedMs: bench.seedMs, intake, floor, historyRows: ROWS, historyLoadMs: history.ms, queues, openRows: ROWS, openLoadMs: open.ms, sweep },
    { intakePerSecond: 1700, p95Ms: 100, sweepMs: 1000 },
  );
} finally {
  await bench.close();
}
