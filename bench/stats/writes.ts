/**
 * What the statistics triggers cost the writes to warnings: the same statements with every trigger on (the
 * product: the three `stat_days_warnings_*` triggers, and the `stat_months_*` triggers on `stat_days` that keep
 * the monthly rollup), with just the `stat_days_warnings_*` ones disabled (no figures are written; the
 * open-count and foreign-key triggers stay on), and with only the `stat_months_*` ones disabled (the share
 * of the monthly rollup). Every statement commits on its own (as the service's writes do: an intake batch, an
 * officer's close); after each run the same triggers undo it (the new rows deleted, the changed rows put
 * back), the tables are vacuumed, and the next mode writes the same rows. The order of the modes alternates
 * between rounds; each figure is the median of the rounds.
 *  - INSERT of new warnings (received in the last two hours, dispatched, across every unit): one statement of
 *    all rows, statements of 1,000 rows, and single-row statements (a warning at a time);
 *  - UPDATE closing open warnings with an outcome: one statement, and single-row statements (the officer's close);
 *  - UPDATE acknowledging open warnings (no figure changes, the trigger still runs): single-row statements.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/types.ts';
import { log } from './stats.ts';

export interface WriteResult {
  name: string;
  rows: number;
  statements: number;
  /** Median over the rounds, ms for the whole run: all triggers on (the product), the warnings' `stat_days` triggers off, and those on with the `stat_months` triggers off. */
  on: number;
  off: number;
  days: number;
}

const COLS = sql.raw(`source, external_id, level, status, victim_phone, region_code, detected_at, received_at, due_at, assigned_org_id, routed_via, created_at, updated_at`);
const TRIGGERS = ['stat_days_warnings_ins', 'stat_days_warnings_upd', 'stat_days_warnings_del'];
const MONTH_TRIGGERS = ['stat_months_ins', 'stat_months_upd', 'stat_months_del'];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] ?? 0) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
};

export async function benchWrites(db: Kysely<DB>, now: Date, opts: { inserts: number; updates: number; singles: number; rounds: number }): Promise<WriteResult[]> {
  const { inserts, updates, singles, rounds } = opts;
  const modes = ['on', 'off', 'days'] as const;
  await sql`DROP TABLE IF EXISTS bench_new_warnings, bench_open_ids, bench_open_orig`.execute(db);
  await sql`DROP INDEX IF EXISTS bench_warnings_repeat_idx`.execute(db);
  await sql`SELECT setseed(0.31)`.execute(db);
  await sql`
    CREATE UNLOGGED TABLE bench_new_warnings AS
    SELECT g AS k, 'bench' AS source, 'NEW' || g AS external_id, 'normal' AS level, 'dispatched' AS status,
           '139' || lpad((g * 7919 % 100000000)::text, 8, '0') AS victim_phone, o.region_code,
           ${now}::timestamptz - interval '2 hours' * random() - interval '40 seconds' AS detected_at,
           ${now}::timestamptz - interval '2 hours' * random() AS received_at, o.id AS assigned_org_id
    FROM generate_series(1, ${inserts}::int) g
    JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS i, id, region_code FROM orgs WHERE kind IN ('station', 'township', 'grid', 'county')) o
      ON o.i = g % (SELECT count(*) FROM orgs WHERE kind IN ('station', 'township', 'grid', 'county'))`.execute(db);
  // Open warnings in a fixed random order: the first `updates` are closed in one statement, the first `singles` one by one.
  await sql`
    CREATE UNLOGGED TABLE bench_open_ids AS
    SELECT row_number() OVER (ORDER BY md5(id::text)) AS k, id FROM warnings WHERE status <> 'closed'`.execute(db);
  const open = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_open_ids`.execute(db)).rows[0]?.n ?? 0);
  if (open < updates) throw new Error(`only ${open} open warnings to close, ${updates} wanted`);
  // Keyed, so a single-row statement finds its row by index (not a scan of the staging table).
  await sql`ALTER TABLE bench_new_warnings ADD PRIMARY KEY (k)`.execute(db);
  await sql`ALTER TABLE bench_open_ids ADD PRIMARY KEY (k)`.execute(db);
  await sql`ANALYZE bench_new_warnings, bench_open_ids`.execute(db);

  // The rows the updates change, as they were, to put back after each run.
  await sql`
    CREATE UNLOGGED TABLE bench_open_orig AS
    SELECT w.id, w.status, w.closed_at, w.outcome, w.acknowledged_at, w.updated_at FROM warnings w JOIN bench_open_ids b ON b.id = w.id
    WHERE b.k <= ${Math.max(updates, singles)}`.execute(db);

  const insertFrom = (from: number, to: number) =>
    sql`INSERT INTO warnings (${COLS})
        SELECT source, external_id, level, status, victim_phone, region_code, detected_at, received_at, received_at + interval '24 hours', assigned_org_id, 'keyword', received_at, received_at
        FROM bench_new_warnings WHERE k BETWEEN ${from} AND ${to}`.execute(db);
  const closeSql = (from: number, to: number) =>
    sql`UPDATE warnings w SET status = 'closed', closed_at = ${now}, updated_at = ${now},
               outcome = (ARRAY['dissuaded','dissuaded','dissuaded','unreachable','refused','defrauded','false_positive'])[1 + w.id % 7]
        FROM bench_open_ids b WHERE b.id = w.id AND b.k BETWEEN ${from} AND ${to}`.execute(db);
  const ackSql = (k: number) =>
    sql`UPDATE warnings w SET status = 'acknowledged', acknowledged_at = ${now}, updated_at = ${now}
        FROM bench_open_ids b WHERE b.id = w.id AND b.k = ${k}`.execute(db);
  // warnings.repeat_of_id references warnings without an index, so each deleted row's foreign-key check would
  // scan the table: an index on it exists only while the new rows are deleted (not while they are inserted).
  const removeInserted = async () => {
    await sql`CREATE INDEX bench_warnings_repeat_idx ON warnings (repeat_of_id)`.execute(db);
    await sql`DELETE FROM warnings WHERE source = 'bench'`.execute(db);
    await sql`DROP INDEX bench_warnings_repeat_idx`.execute(db);
  };
  const restoreUpdated = async () =>
    void (await sql`UPDATE warnings w SET status = o.status, closed_at = o.closed_at, outcome = o.outcome, acknowledged_at = o.acknowledged_at, updated_at = o.updated_at
                    FROM bench_open_orig o WHERE o.id = w.id`.execute(db));

  const variants: { name: string; rows: number; statements: number; run: () => Promise<void>; undo: () => Promise<void> }[] = [
    { name: `INSERT ${inserts.toLocaleString('en')} new warnings, one statement`, rows: inserts, statements: 1, run: async () => void (await insertFrom(1, inserts)), undo: removeInserted },
    {
      name: `INSERT ${inserts.toLocaleString('en')} new warnings, statements of 1,000 rows`,
      rows: inserts,
      statements: Math.ceil(inserts / 1000),
      run: async () => {
        for (let k = 1; k <= inserts; k += 1000) await insertFrom(k, Math.min(inserts, k + 999));
      },
      undo: removeInserted,
    },
    {
      name: `INSERT ${singles.toLocaleString('en')} new warnings, one row per statement`,
      rows: singles,
      statements: singles,
      run: async () => {
        for (let k = 1; k <= singles; k++) await insertFrom(k, k);
      },
      undo: removeInserted,
    },
    { name: `UPDATE closing ${updates.toLocaleString('en')} open warnings, one statement`, rows: updates, statements: 1, run: async () => void (await closeSql(1, updates)), undo: restoreUpdated },
    {
      name: `UPDATE closing ${singles.toLocaleString('en')} open warnings, one row per statement`,
      rows: singles,
      statements: singles,
      run: async () => {
        for (let k = 1; k <= singles; k++) await closeSql(k, k);
      },
      undo: restoreUpdated,
    },
    {
      name: `UPDATE acknowledging ${singles.toLocaleString('en')} open warnings, one row per statement (no figure changes)`,
      rows: singles,
      statements: singles,
      run: async () => {
        for (let k = 1; k <= singles; k++) await ackSql(k);
      },
      undo: restoreUpdated,
    },
  ];

  // Trigger states, committed before a run; the run and its undo go through the same triggers, so the
  // figures (and the prototype rollup) end where they started.
  const setTriggers = async (mode: Mode | 'default') => {
    for (const t of TRIGGERS) await sql`ALTER TABLE warnings ${sql.raw(mode === 'off' ? 'DISABLE' : 'ENABLE')} TRIGGER ${sql.raw(t)}`.execute(db);
    for (const t of MONTH_TRIGGERS) await sql`ALTER TABLE stat_days ${sql.raw(mode === 'days' ? 'DISABLE' : 'ENABLE')} TRIGGER ${sql.raw(t)}`.execute(db);
  };
  const vacuum = sql`VACUUM warnings, stat_days, stat_months`;

  const samples = variants.map(() => ({ on: [] as number[], off: [] as number[], days: [] as number[] }));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [i, v] of variants.entries()) {
        for (const mode of round % 2 === 0 ? modes : [...modes].reverse()) {
          await setTriggers(mode);
          const t0 = performance.now();
          await v.run();
          samples[i]?.[mode].push(performance.now() - t0);
          await v.undo();
          await setTriggers('default');
          await vacuum.execute(db);
        }
        log(`writes round ${round + 1}/${rounds}: ${v.name}: on ${samples[i]?.on.at(-1)?.toFixed(0)} ms, off ${samples[i]?.off.at(-1)?.toFixed(0)} ms, stat_days only ${samples[i]?.days.at(-1)?.toFixed(0)} ms`);
      }
    }
  } finally {
    await setTriggers('default');
  }
  await sql`DROP TABLE bench_new_warnings, bench_open_ids, bench_open_orig`.execute(db);
  return variants.map((v, i) => ({ name: v.name, rows: v.rows, statements: v.statements, on: median(samples[i]?.on ?? []), off: median(samples[i]?.off ?? []), days: median(samples[i]?.days ?? []) }));
}

type Mode = 'on' | 'off' | 'days';
