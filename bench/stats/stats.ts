/** Timing helpers of the warnings benchmarks, with this benchmark's progress prefix. */
export { elapsed, summarize, time, type Timing } from '../warnings/stats.ts';

export function log(message: string): void {
  console.error(`[bench:stats ${new Date().toISOString().slice(11, 19)}] ${message}`);
}
