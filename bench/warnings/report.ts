/** Markdown tables and the JSON line of the warnings benchmarks (stdout; progress goes to stderr). */
import type { FloorResult, IntakeResult } from './intake.ts';
import type { Compared } from './queues.ts';
import type { Timing } from './stats.ts';
import type { SweepBench } from './sweep.ts';

export interface Report {
  when: string;
  /** 1, 5 and 15 minute load averages when the run started and ended. */
  loadavg: { before: number[]; after: number[] };
  scale: number;
  postgres: Record<string, string>;
  seedMs: number;
  intake: IntakeResult;
  floor: FloorResult;
  historyRows: number;
  historyLoadMs: number;
  queues: Compared[];
  openRows: number;
  openLoadMs: number;
  sweep: SweepBench;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const int = (x: number) => Math.round(x).toLocaleString('en');
const ratio = (a: number, b: number) => `${(a / b).toFixed(b > 0 && a / b < 10 ? 2 : 0)}×`;
const mark = (ok: boolean) => (ok ? 'yes' : '**no**');
const cell = (t: Timing) => `${ms(t.p50)} / ${ms(t.p95)}`;

export function printReport(r: Report, targets: { intakePerSecond: number; p95Ms: number; sweepMs: number }): void {
  const out: string[] = [];
  out.push(`PostgreSQL ${r.postgres.server_version ?? '?'} (shared_buffers ${r.postgres.shared_buffers ?? '?'}, work_mem ${r.postgres.work_mem ?? '?'}), scale ${r.scale}, demo city seeded in ${ms(r.seedMs)} ms; load average ${r.loadavg.before.map((x) => x.toFixed(1)).join('/')} before, ${r.loadavg.after.map((x) => x.toFixed(1)).join('/')} after`);
  out.push('');
  out.push('| intake | warnings | seconds | warnings/s | batch p50 / p95 ms | target |');
  out.push('| --- | --- | --- | --- | --- | --- |');
  const i = r.intake;
  out.push(
    `| POST /api/v1/warnings over HTTP, batches of ${int(i.batchSize)}, ${i.concurrency} in flight (validate, dedupe, repeat lookup, route, deadline, insert, events, audit) | ${int(i.accepted)} | ${(i.ms / 1000).toFixed(1)} | ${int(i.perSecond)} | ${cell(i.batchLatency)} | ≥ ${int(targets.intakePerSecond)}/s: ${mark(i.perSecond >= targets.intakePerSecond)} |`,
  );
  out.push(`| floor: plain multi-row INSERT into warnings, batches of ${int(r.floor.batchSize)}, one fixed org, no validation | ${int(r.floor.warnings)} | ${(r.floor.ms / 1000).toFixed(1)} | ${int(r.floor.perSecond)} | – | – |`);
  out.push('');
  out.push(`intake / floor throughput = ${(i.perSecond / r.floor.perSecond).toFixed(2)} (floor is ${ratio(r.floor.perSecond, i.perSecond)} faster); routed: ${JSON.stringify(i.byDepth)}, triage ${int(i.triage)}, rejected ${i.rejected}, duplicates ${i.duplicates}; stored ${int(i.stored)} warnings, ${int(i.events)} events, ${int(i.vulnerable)} repeat victims registered`);
  out.push('');
  out.push(`Queues and board over ${int(r.historyRows)} warnings (bulk-loaded by SQL in ${(r.historyLoadMs / 1000).toFixed(1)} s):`);
  out.push('');
  out.push('| benchmark | result | n | p50 / p95 ms | baseline | n | p50 / p95 ms | baseline / product (p50) | p95 < target |');
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const q of r.queues) {
    out.push(`| ${q.name} | ${q.sample} | ${q.product.n} | ${cell(q.product)} | ${q.baselineName} | ${q.baseline.n} | ${cell(q.baseline)} | ${ratio(q.baseline.p50, q.product.p50)} | ${ms(targets.p95Ms)} ms: ${mark(q.product.p95 < targets.p95Ms)} |`);
  }
  out.push('');
  const s = r.sweep;
  out.push(`Overdue sweep over ${int(s.open)} open warnings, ${int(s.due)} past their next escalation (bulk-loaded in ${(r.openLoadMs / 1000).toFixed(1)} s):`);
  out.push('');
  out.push('| benchmark | n | p50 / p95 ms | first run ms | result | target |');
  out.push('| --- | --- | --- | --- | --- | --- |');
  out.push(`| sweepOverdue (find, escalate, events, notifications, audit) | ${s.sweep.n} | ${cell(s.sweep)} | ${ms(s.firstRunMs)} | escalated ${s.escalated.join(', ')} | < ${int(targets.sweepMs)} ms: ${mark(s.sweep.p95 < targets.sweepMs)} |`);
  out.push(`| naive find only: SELECT all open, filter due in JS (no writes) | ${s.naiveFind.n} | ${cell(s.naiveFind)} | – | found ${int(s.naiveFound)} | – |`);
  out.push('');
  out.push(`naive find / full sweep (p50) = ${ratio(s.naiveFind.p50, s.sweep.p50)}`);
  console.log(out.join('\n'));
  console.log(JSON.stringify(r));
}
