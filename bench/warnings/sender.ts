/**
 * The partner side of the intake benchmark, run as a child process so that building and parsing JSON on
 * the client does not compete with the server for its event loop. Sends pre-serialized batches over real
 * HTTP with a bearer token, `BENCH_CONCURRENCY` requests in flight, and prints one JSON line of results.
 * Usage (by intake.ts): node --import tsx bench/warnings/sender.ts with BENCH_SENDER_* variables set.
 */
import { warningItems } from './items.ts';
import { summarize } from './stats.ts';

interface Accepted {
  status: string;
  assignedOrgCode: string;
  duplicate: boolean;
}

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

const baseUrl = env('BENCH_SENDER_URL');
const token = env('BENCH_SENDER_TOKEN');
const count = Number(env('BENCH_SENDER_COUNT'));
const batchSize = Number(env('BENCH_SENDER_BATCH'));
const concurrency = Number(process.env.BENCH_SENDER_CONCURRENCY ?? 1);
const items = warningItems(count, Number(env('BENCH_SENDER_SEED')), new Date(env('BENCH_SENDER_NOW')));
const bodies: string[] = [];
for (let i = 0; i < items.length; i += batchSize) bodies.push(JSON.stringify({ items: items.slice(i, i + batchSize) }));

const latencies: number[] = [];
const tally = { accepted: 0, rejected: 0, duplicates: 0, triage: 0, byDepth: {} as Record<string, number> };
let next = 0;

async function worker(): Promise<void> {
  for (let b = next++; b < bodies.length; b = next++) {
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/api/v1/warnings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: bodies[b],
    });
    const text = await res.text();
    latencies.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`batch ${b}: HTTP ${res.status} ${text.slice(0, 500)}`);
    const body = JSON.parse(text) as { accepted: Accepted[]; rejected: unknown[] };
    tally.accepted += body.accepted.length;
    tally.rejected += body.rejected.length;
    for (const a of body.accepted) {
      if (a.duplicate) tally.duplicates++;
      if (a.status === 'received') tally.triage++;
      // Demo codes grow by three digits per level: 6 county (or city), 9 station/township, 12 grid.
      const depth = a.assignedOrgCode.length === 6 ? (a.assignedOrgCode.endsWith('00') ? 'city' : 'county') : a.assignedOrgCode.length === 9 ? 'unit' : 'grid';
      tally.byDepth[depth] = (tally.byDepth[depth] ?? 0) + 1;
    }
  }
}

const t0 = performance.now();
await Promise.all(Array.from({ length: Math.max(1, concurrency) }, () => worker()));
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ ms, batches: bodies.length, latency: summarize(latencies), ...tally })}\n`);
