/**
 * Benchmark 3: the overdue sweep over a table of open warnings of which a small number are past their
 * next escalation time: `sweepOverdue` (partial index on next_escalation_at, batches of 2,000, updates,
 * events, notifications, one audit row per batch) vs the naive find (read every open warning, filter by
 * due time in JavaScript). Each sweep run starts from the same state: the due rows are reset in between.
 */
import { sql } from 'kysely';
import { dueForEscalation } from '../../src/modules/warnings/warnings.repo.ts';
import { sweepOverdue } from '../../src/modules/warnings/warnings.sweep.ts';
import { explainCall, printExplained } from './explain.ts';
import type { BenchDb } from './setup.ts';
import { elapsed, summarize, time, type Timing } from './stats.ts';

export interface SweepBench {
  open: number;
  due: number;
  escalated: number[];
  sweep: Timing;
  firstRunMs: number;
  naiveFind: Timing;
  naiveFound: number;
}

export async function benchSweep(bench: BenchDb, opts: { runs: number; naiveRuns: number; explain: boolean }): Promise<SweepBench> {
  const { deps } = bench;
  const db = deps.db;
  const now = deps.clock.now();
  await sql`DROP TABLE IF EXISTS bench_sweep_reset`.execute(db);
  await sql`CREATE TABLE bench_sweep_reset AS
    SELECT id, next_escalation_at, escalated_org_id, escalation_level, overdue, updated_at
    FROM warnings WHERE status <> 'closed' AND next_escalation_at <= ${now}`.execute(db);
  const counts = await sql<{ open: number; due: number }>`
    SELECT (SELECT count(*)::int FROM warnings WHERE status <> 'closed') AS open, (SELECT count(*)::int FROM bench_sweep_reset) AS due`.execute(db);
  const { open = 0, due = 0 } = counts.rows[0] ?? {};
  if (opts.explain) {
    printExplained('sweep: dueForEscalation', await explainCall(bench.url, deps, (d) => d.db.transaction().execute((trx) => dueForEscalation(trx, now, 2000))));
  }

  const reset = () =>
    sql`UPDATE warnings w SET next_escalation_at = r.next_escalation_at, escalated_org_id = r.escalated_org_id,
          escalation_level = r.escalation_level, overdue = r.overdue, updated_at = r.updated_at
        FROM bench_sweep_reset r WHERE w.id = r.id`.execute(db);
  const escalated: number[] = [];
  const samples: number[] = [];
  for (let run = 0; run < opts.runs; run++) {
    if (run > 0) await reset();
    const { ms, value } = await elapsed(() => sweepOverdue(deps));
    samples.push(ms);
    escalated.push(value.escalated);
  }

  // The naive find must see the same due rows the sweeper saw.
  await reset();
  let naiveFound = 0;
  const naiveFind = await time(
    opts.naiveRuns,
    async () => {
      const rows = await db
        .selectFrom('warnings')
        .select(['id', 'status', 'level', 'due_at', 'escalation_level', 'assigned_org_id', 'escalated_org_id', 'next_escalation_at'])
        .where('status', '<>', 'closed')
        .execute();
      naiveFound = rows.filter((r) => r.next_escalation_at !== null && r.next_escalation_at <= now).length;
    },
    // Ten seconds a run: the table was just loaded and read, so a warm-up run would only add minutes.
    { warmup: 0, min: 1 },
  );
  await sql`DROP TABLE bench_sweep_reset`.execute(db);
  return { open, due, escalated, sweep: summarize(samples), firstRunMs: samples[0] ?? 0, naiveFind, naiveFound };
}
