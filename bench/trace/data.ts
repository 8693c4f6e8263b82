/**
 * The fund-tracing benchmark's data: background movements among ordinary accounts (generate_series in SQL) with
 * mule networks embedded in them (generated here, deterministic). Rows go into fund_flows in time order, noise
 * and networks interleaved, as a bank statement feed would leave the heap: a network's rows sit among the
 * thousands of other movements of the same hours, not in a few hot pages at the end of the table.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/types.ts';
import type { Flow, FlowChannel } from '../../src/engines/trace/trace.ts';
import { fenToYuan } from '../../src/engines/trace/trace.ts';

export const BANKS = ['工商银行', '农业银行', '中国银行', '建设银行', '交通银行', '邮储银行', '招商银行', '浦发银行', '中信银行', '光大银行', '民生银行', '兴业银行'];
const DAY = 86_400_000;
const MIN = 60_000;

export interface DataSpec {
  /** Background rows (10,000,000 at scale 1). */
  rows: number;
  /** Ordinary accounts the background moves among (2,000,000 at scale 1). */
  accounts: number;
  networks: number;
  /**
   * Extra networks whose hop-3 layer pays one collector account (汇聚账户) that is also busy with ordinary trade:
   * `hubActivity` outflows and as many inflows over the month around the fraud.
   */
  hubs: number;
  hubActivity: number;
  /** The feed ends here; it covers `days` before. */
  end: Date;
  days: number;
  seed: number;
}

export interface Network {
  victim: string;
  hub: boolean;
  seeds: Flow[];
  /** Accounts of the network by hop (index 0 = hop 1); the last level is one past the tracing limit. */
  levels: string[][];
  rows: number;
}

interface Row {
  from: string;
  to: string;
  toBank: string | null;
  amount: number;
  at: number;
  channel: FlowChannel;
}

/** mulberry32: small, fast and the same networks on every run. */
function rng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const ordinary = (k: number) => `6217${String(k).padStart(13, '0')}`;

/**
 * One network per victim: 3–5 first-hop accounts, then layers of 6–12 accounts down to hop 7 (one past the
 * 6-hop limit, so the last traced hop has somewhere to send to). Each mule forwards 85–100 % of what it got to 1–3
 * accounts of the next layer within minutes to hours; mules also receive other people's money (mixing), some
 * pay an ordinary account (the trace leaks into the background), mules from hop 4 on withdraw cash, and one
 * network in five sends money back to an earlier layer (a cycle).
 */
export function generateNetworks(spec: DataSpec): { networks: Network[]; rows: Row[] } {
  const rand = rng(spec.seed);
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const endMs = spec.end.getTime();
  const rows: Row[] = [];
  const seen = new Set<string>();
  const bankOf = new Map<string, string>();
  const add = (r: Row) => {
    // fund_flows has a unique identity (from, to, at, amount): a draw that repeats one is dropped.
    const key = `${r.from}|${r.to}|${r.at}|${r.amount}`;
    if (seen.has(key) || r.amount < 100) return false;
    seen.add(key);
    rows.push(r);
    return true;
  };
  let mules = 0;
  const networks: Network[] = [];
  for (let n = 0; n < spec.networks + spec.hubs; n++) {
    const hub = n >= spec.networks;
    const before = rows.length;
    const victim = `6212${String(n).padStart(13, '0')}`;
    const sizes = [int(3, 5), int(6, 8), int(8, 12), int(8, 12), int(6, 10), int(4, 8), int(2, 4)];
    const levels = sizes.map((size) =>
      Array.from({ length: size }, () => {
        const account = `6230${String(mules++).padStart(13, '0')}`;
        bankOf.set(account, pick(BANKS));
        return account;
      }),
    );
    const collector = hub ? `6230${String(mules++).padStart(13, '0')}` : null;
    if (collector) {
      bankOf.set(collector, pick(BANKS));
      levels[3]?.push(collector);
    }
    const t0 = Math.round(endMs - between(5, spec.days - 5) * DAY);
    const firstIn = new Map<string, number>();
    const got = new Map<string, number>();
    const receive = (account: string, amount: number, at: number) => {
      firstIn.set(account, Math.min(firstIn.get(account) ?? Infinity, at));
      got.set(account, (got.get(account) ?? 0) + amount);
    };
    const seeds: Flow[] = [];
    const loss = int(50_000, 500_000) * 100;
    const first = levels[0] ?? [];
    first.forEach((account, i) => {
      const at = t0 + i * 2 * MIN + int(0, 59_999);
      const amount = Math.round(loss / first.length);
      const row: Row = { from: victim, to: account, toBank: bankOf.get(account) ?? null, amount, at, channel: 'transfer' };
      if (add(row)) {
        seeds.push({ from: victim, to: account, amount, at, toBank: row.toBank });
        receive(account, amount, at);
      }
    });
    const cycle = rand() < 0.2;
    for (let hop = 1; hop <= 6; hop++) {
      const here = levels[hop - 1] ?? [];
      const next = levels[hop] ?? [];
      // Every account of the next layer is paid by someone: spread the layer over this one first.
      const receivers = new Map<string, string[]>(here.map((a) => [a, []]));
      next.forEach((to, j) => receivers.get(here[j % here.length] as string)?.push(to));
      for (const from of here) {
        const list = receivers.get(from) ?? [];
        while (list.length < int(1, 3)) list.push(pick(next));
        if (collector && hop === 3 && !list.includes(collector)) list.push(collector);
        const start = firstIn.get(from);
        if (start === undefined) continue;
        let total = got.get(from) ?? 0;
        for (let k = int(0, 3); k > 0; k--) {
          const amount = int(500, 20_000) * 100;
          const at = start + int(-120, 180) * MIN + int(0, 59_999);
          if (add({ from: ordinary(int(0, spec.accounts - 1)), to: from, toBank: bankOf.get(from) ?? null, amount, at, channel: 'transfer' })) total += amount;
        }
        if (rand() < 0.15) {
          const amount = int(200, 3_000) * 100;
          const to = int(0, spec.accounts - 1);
          if (add({ from, to: ordinary(to), toBank: BANKS[to % BANKS.length] ?? null, amount, at: start + int(10, 300) * MIN + int(0, 59_999), channel: rand() < 0.5 ? 'card' : 'wallet' })) total -= amount;
        }
        if (hop >= 4 && rand() < 0.3) {
          const amount = Math.round(total * between(0.3, 0.8));
          if (add({ from, to: `ATM-${String(int(0, 4998)).padStart(5, '0')}`, toBank: null, amount, at: start + int(30, 240) * MIN + int(0, 59_999), channel: 'cash_out' })) total -= amount;
        }
        const forward = Math.max(0, total * between(0.85, 1));
        const weights = list.map(() => between(0.5, 1.5));
        const sum = weights.reduce((a, b) => a + b, 0);
        list.forEach((to, i) => {
          const amount = Math.round((forward * (weights[i] ?? 1)) / sum);
          const at = start + int(5, 180) * MIN + int(0, 59_999);
          if (add({ from, to, toBank: bankOf.get(to) ?? null, amount, at, channel: 'transfer' })) receive(to, amount, at);
        });
      }
      if (collector && hop === 4) {
        // The collector's own trade, before and long after the fraud: what a walk that reaches it has to read.
        const at0 = firstIn.get(collector) ?? t0;
        for (let k = 0; k < spec.hubActivity; k++) {
          const other = int(0, spec.accounts - 1);
          const out = at0 + Math.round(between(-10, 20) * DAY);
          const inn = at0 + Math.round(between(-10, 20) * DAY);
          // The feed ends at `end`: trade after it is not in the statements yet.
          if (out < endMs) add({ from: collector, to: ordinary(other), toBank: BANKS[other % BANKS.length] ?? null, amount: int(100, 5_000) * 100, at: out, channel: 'transfer' });
          if (inn < endMs) add({ from: ordinary(int(0, spec.accounts - 1)), to: collector, toBank: bankOf.get(collector) ?? null, amount: int(100, 5_000) * 100, at: inn, channel: 'transfer' });
        }
      }
      if (cycle && hop === 5) {
        // A layering mule pays an earlier layer again, which passes it on once more.
        const from = pick(here);
        const back = pick(levels[1] ?? []);
        const at = (firstIn.get(from) ?? t0) + int(200, 400) * MIN;
        const amount = Math.round((got.get(from) ?? 0) * 0.2);
        if (add({ from, to: back, toBank: bankOf.get(back) ?? null, amount, at, channel: 'transfer' })) {
          const on = pick(levels[2] ?? []);
          add({ from: back, to: on, toBank: bankOf.get(on) ?? null, amount, at: at + int(10, 60) * MIN, channel: 'transfer' });
        }
      }
    }
    networks.push({ victim, hub, seeds, levels, rows: rows.length - before });
  }
  return { networks, rows };
}

export interface LoadTimes {
  networksMs: number;
  insertMs: number;
  indexMs: number;
  analyzeMs: number;
  totalRows: number;
}

const since = (t0: number) => performance.now() - t0;

/**
 * Fills fund_flows: the networks go to a staging table first; then the background is generated in time-ordered
 * chunks, each inserted together with the network rows of its time span, sorted by time. The secondary indexes
 * are dropped during the load and rebuilt after it (as a restore does: one sorted build instead of ten million
 * random B-tree insertions), from their definitions in pg_indexes so they are exactly the migration's.
 */
export async function loadFlows(db: Kysely<DB>, spec: DataSpec, rows: Row[], log: (m: string) => void): Promise<LoadTimes> {
  const start = spec.end.getTime() - spec.days * DAY;
  const stepMs = (spec.days * DAY) / spec.rows;
  // Whole milliseconds, distinct per row: the identity index stays unique and JS Dates lose nothing.
  if (stepMs < 1) throw new Error('too many rows for the period: background timestamps would collide');
  const timeOf = (g: number) => start + Math.floor((g - 1) * stepMs);
  const chunk = Math.max(10_000, Math.ceil(spec.rows / 100));
  const times: LoadTimes = { networksMs: 0, insertMs: 0, indexMs: 0, analyzeMs: 0, totalRows: 0 };

  await db.connection().execute(async (conn) => {
    let t = performance.now();
    await sql`CREATE UNLOGGED TABLE bench_network_flows (from_account text, to_account text, to_bank text, amount numeric(16,2), at timestamptz, channel text)`.execute(conn);
    for (let i = 0; i < rows.length; i += 10_000) {
      const part = rows.slice(i, i + 10_000);
      await sql`INSERT INTO bench_network_flows SELECT * FROM unnest(${part.map((r) => r.from)}::text[], ${part.map((r) => r.to)}::text[], ${part.map((r) => r.toBank)}::text[],
        ${part.map((r) => fenToYuan(r.amount))}::numeric[], ${part.map((r) => new Date(r.at).toISOString())}::timestamptz[], ${part.map((r) => r.channel)}::text[])`.execute(conn);
    }
    await sql`CREATE INDEX ON bench_network_flows (at)`.execute(conn);
    times.networksMs = since(t);

    const indexes = await sql<{ indexname: string; indexdef: string }>`
      SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'fund_flows' AND indexname <> 'fund_flows_pkey'`.execute(conn);
    for (const ix of indexes.rows) await sql`DROP INDEX ${sql.id(ix.indexname)}`.execute(conn);
    await sql`SELECT setseed(${(spec.seed % 1000) / 1000})`.execute(conn);
    // fund_flows' foreign keys (case, stop payment) are NULL here; replica mode skips their per-row triggers.
    await sql`SET session_replication_role = replica`.execute(conn);
    await sql`SET work_mem = '256MB'`.execute(conn);
    t = performance.now();
    for (let lo = 1; lo <= spec.rows; lo += chunk) {
      const hi = Math.min(spec.rows, lo + chunk - 1);
      const from = lo === 1 ? '-infinity' : new Date(timeOf(lo)).toISOString();
      const to = hi === spec.rows ? 'infinity' : new Date(timeOf(hi + 1)).toISOString();
      await sql`
        INSERT INTO fund_flows (from_account, to_account, to_bank, amount, at, channel)
        SELECT from_account, to_account, to_bank, amount, at, channel FROM (
          SELECT CASE WHEN d.ch = 'cash_in' THEN 'CASH-' || lpad((d.a % 997)::text, 4, '0') ELSE '6217' || lpad(d.a::text, 13, '0') END AS from_account,
                 CASE WHEN d.ch = 'cash_out' THEN 'ATM-' || lpad((d.b % 4999)::text, 5, '0') ELSE '6217' || lpad(d.b::text, 13, '0') END AS to_account,
                 CASE WHEN d.ch = 'cash_out' THEN NULL ELSE (${BANKS}::text[])[1 + d.b % ${BANKS.length}::int] END AS to_bank,
                 -- log-uniform between 1 and 50,000 yuan
                 (floor(exp(ln(100) + d.r * ln(50000))) / 100)::numeric(16,2) AS amount,
                 timestamptz 'epoch' + (${start}::float8 + floor((d.g - 1) * ${stepMs}::float8)) * interval '1 millisecond' AS at,
                 d.ch AS channel
          FROM (
            SELECT s.g, s.a, (s.a + 1 + floor(random() * (${spec.accounts}::int - 1))::int) % ${spec.accounts}::int AS b, random() AS r,
                   CASE WHEN s.x < 0.02 THEN 'cash_out' WHEN s.x < 0.04 THEN 'cash_in' WHEN s.x < 0.10 THEN 'card' WHEN s.x < 0.20 THEN 'wallet' ELSE 'transfer' END AS ch
            FROM (SELECT g, floor(random() * ${spec.accounts}::int)::int AS a, random() AS x FROM generate_series(${lo}::int, ${hi}::int) AS g OFFSET 0) s
            OFFSET 0
          ) d
          UNION ALL
          SELECT from_account, to_account, to_bank, amount, at, channel FROM bench_network_flows WHERE at >= ${from}::timestamptz AND at < ${to}::timestamptz
        ) u ORDER BY at`.execute(conn);
      if (((lo - 1) / chunk) % 10 === 9) log(`  ${hi.toLocaleString('en')} of ${spec.rows.toLocaleString('en')} background rows…`);
    }
    await sql`SET session_replication_role = DEFAULT`.execute(conn);
    await sql`RESET work_mem`.execute(conn);
    times.insertMs = since(t);

    t = performance.now();
    await sql`SET maintenance_work_mem = '1GB'`.execute(conn);
    for (const ix of indexes.rows) {
      log(`  ${ix.indexname}…`);
      await sql.raw(ix.indexdef).execute(conn);
    }
    times.indexMs = since(t);
    await sql`DROP TABLE bench_network_flows`.execute(conn);
    t = performance.now();
    await sql`VACUUM (ANALYZE) fund_flows`.execute(conn);
    times.analyzeMs = since(t);
    // The connection goes back to the pool the benchmark measures with: no load-time settings may stay on it.
    await sql`RESET ALL`.execute(conn);
    const n = await sql<{ n: string }>`SELECT count(*)::text AS n FROM fund_flows`.execute(conn);
    times.totalRows = Number(n.rows[0]?.n ?? 0);
  });
  return times;
}
