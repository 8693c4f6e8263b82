/**
 * Fixed-window counter of login attempts per client address and per address+username. Kept in memory:
 * one server process guards its own door; the per-account lockout in the database covers the rest.
 */
export class LoginLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();
  constructor(
    private readonly perUser: number,
    private readonly perAddress: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; returns seconds to wait when over the limit, otherwise 0. */
  take(ip: string, username: string, now: number): number {
    if (this.hits.size > 50_000) this.sweep(now);
    const a = this.bump(`ip:${ip}`, now);
    const u = this.bump(`u:${ip}:${username.toLowerCase()}`, now);
    const over = [a.count > this.perAddress ? a : null, u.count > this.perUser ? u : null].filter((x) => x !== null);
    if (over.length === 0) return 0;
    return Math.max(1, Math.ceil((Math.max(...over.map((o) => o.resetAt)) - now) / 1000));
  }

  private bump(key: string, now: number): { count: number; resetAt: number } {
    let entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, entry);
    }
    entry.count++;
    return entry;
  }

  private sweep(now: number): void {
    for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
  }
}
