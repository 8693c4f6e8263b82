/** Timing helpers shared by the warnings benchmarks. */

export interface Timing {
  n: number;
  p50: number;
  p95: number;
  mean: number;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank percentiles: with 200 samples p95 is the 190th, not an interpolation between two.
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length) };
}

/**
 * Runs fn up to n times after `warmup` untimed runs (plans cached, pages in memory) and summarizes the
 * times in ms. A budget stops a slow baseline early (after at least `min` samples) so the whole benchmark
 * stays within minutes; the sample count is reported with the result.
 */
export async function time(n: number, fn: (i: number) => Promise<unknown>, opts: { warmup?: number; budgetMs?: number; min?: number } = {}): Promise<Timing> {
  const { warmup = 3, budgetMs = Infinity, min = 10 } = opts;
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
    if (samples.length >= min && performance.now() - start > budgetMs) break;
  }
  return summarize(samples);
}

export async function elapsed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export function log(message: string): void {
  console.error(`[bench:warnings ${new Date().toISOString().slice(11, 19)}] ${message}`);
}
