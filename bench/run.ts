/**
 * Benchmarks of the foundation, each against the obvious alternative in the same run:
 *  1. scope: counting a county's subtree as one indexed path-prefix match vs a recursive CTE over parent_id,
 *     on a province-sized tree (default 11 cities × 12 counties × 25 townships × 20 grids ≈ 69,000 orgs);
 *  2. audit: appending hash-chained audit rows (advisory lock + link) vs a plain INSERT of the same rows.
 * Runs on PGlite, or on PostgreSQL when BENCH_DATABASE_URL is set. Prints a table and JSON.
 */
import { sql } from 'kysely';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { loadConfig } from '../src/config.ts';
import { recordAlone } from '../src/modules/audit/audit.service.ts';
import { scopeOf, pathInScope } from '../src/modules/orgs/scope.ts';
import type { Principal } from '../src/server/context.ts';

const url = process.env.BENCH_DATABASE_URL;
const CITIES = Number(process.env.BENCH_CITIES ?? 11);
const database = await openDatabase({ url });
await migrate(database);
const { db } = database;
if (url) await sql`TRUNCATE orgs, audit_log_plain RESTART IDENTITY CASCADE`.execute(db).catch(() => undefined);

async function time<T>(n: number, fn: (i: number) => Promise<T>): Promise<{ p50: number; p95: number; mean: number }> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

// A province-sized tree, inserted with set-based SQL (ids and paths computed in the statement).
console.error(`building a tree of ${CITIES} cities…`);
await sql`
  INSERT INTO orgs (id, code, name, kind, parent_id, region_code, path, depth)
  VALUES (1, '140000', '省', 'city', NULL, '140000', '/1/', 0)`.execute(db);
await sql`
  INSERT INTO orgs (id, code, name, kind, parent_id, region_code, path, depth)
  SELECT 1 + c, '14' || lpad(c::text, 2, '0') || '00', '市' || c, 'county', 1, '14' || lpad(c::text, 2, '0') || '00', '/1/' || (1 + c) || '/', 1
  FROM generate_series(1, ${CITIES}) c`.execute(db);
await sql`
  INSERT INTO orgs (id, code, name, kind, parent_id, region_code, path, depth)
  SELECT 1000 + c * 100 + k, '14' || lpad(c::text, 2, '0') || lpad(k::text, 2, '0'), '县' || k, 'county', 1 + c,
         '14' || lpad(c::text, 2, '0') || lpad(k::text, 2, '0'), '/1/' || (1 + c) || '/' || (1000 + c * 100 + k) || '/', 2
  FROM generate_series(1, ${CITIES}) c, generate_series(1, 12) k`.execute(db);
await sql`
  INSERT INTO orgs (id, code, name, kind, parent_id, region_code, path, depth)
  SELECT 100000 + o.id * 100 + t, o.code || lpad(t::text, 3, '0'), '乡' || t, 'township', o.id, o.code || lpad(t::text, 3, '0'),
         o.path || (100000 + o.id * 100 + t) || '/', 3
  FROM orgs o, generate_series(1, 25) t WHERE o.depth = 2`.execute(db);
await sql`
  INSERT INTO orgs (id, code, name, kind, parent_id, region_code, path, depth)
  SELECT 20000000 + (o.id - 100000) * 100 + g, o.code || lpad(g::text, 3, '0'), '网格' || g, 'grid', o.id, o.code || lpad(g::text, 3, '0'),
         o.path || (20000000 + (o.id - 100000) * 100 + g) || '/', 4
  FROM orgs o, generate_series(1, 20) g WHERE o.depth = 3`.execute(db);
await sql`ANALYZE orgs`.execute(db);
const total = Number((await sql<{ n: number }>`SELECT count(*)::int8 AS n FROM orgs`.execute(db)).rows[0]?.n);
const counties = (await sql<{ id: number; code: string; path: string }>`SELECT id, code, path FROM orgs WHERE depth = 2 ORDER BY id`.execute(db)).rows;

const principalFor = (c: { id: number; code: string; path: string }): Principal => ({
  type: 'user', id: 1, name: 'bench', role: 'center_analyst', orgId: c.id, orgCode: c.code, orgKind: 'county', orgPath: c.path,
});
const N = Number(process.env.BENCH_ITERATIONS ?? 300);
const pick = (i: number) => counties[(i * 7919) % counties.length] ?? { id: 0, code: '', path: '' };

const prefix = await time(N, async (i) => {
  const scope = await scopeOf(db, principalFor(pick(i)));
  return db.selectFrom('orgs').select((eb) => eb.fn.countAll().as('n')).where(pathInScope(scope, 'orgs.path')).execute();
});
const cte = await time(N, async (i) =>
  sql`WITH RECURSIVE sub AS (SELECT id, code FROM orgs WHERE id = ${pick(i).id}
        UNION ALL SELECT o.id, o.code FROM orgs o JOIN sub ON o.parent_id = sub.id)
      SELECT count(*) AS n FROM sub`.execute(db),
);

// Audit: the chained append (lock + read last + insert, one transaction each) vs a plain insert.
await sql`CREATE TABLE IF NOT EXISTS audit_log_plain (LIKE audit_log INCLUDING DEFAULTS)`.execute(db);
const clock = fixedClock('2026-01-01T00:00:00Z');
const deps = { db, dbKind: database.kind, clock, config: loadConfig({}) };
const A = Number(process.env.BENCH_AUDIT_ROWS ?? 2000);
const chained = await time(A, async (i) => {
  clock.advance(1);
  await recordAlone(deps, { principal: null, ip: '127.0.0.1', requestId: `b${i}` }, { action: 'bench.event', targetType: 'thing', targetId: i, detail: { i } });
});
const plain = await time(A, async (i) =>
  db.transaction().execute(async (trx) =>
    sql`INSERT INTO audit_log_plain (id, at, actor_type, action, target_type, target_id, ip, request_id, detail, prev_hash, hash)
        VALUES (${i + 1}, now(), 'system', 'bench.event', 'thing', ${String(i)}, '127.0.0.1', ${`b${i}`}, ${JSON.stringify({ i })}::jsonb, '', '')`.execute(trx),
  ),
);
await database.close();

const ms = (x: number) => x.toFixed(3);
const rows = [
  { bench: `county subtree of ${total.toLocaleString('en')} orgs: path prefix`, ...prefix },
  { bench: 'same via recursive CTE (baseline)', ...cte },
  { bench: 'audit append, hash-chained', ...chained },
  { bench: 'audit append, plain INSERT (floor)', ...plain },
];
console.log(`database: ${database.kind}; iterations: ${N} scope queries, ${A} audit rows`);
console.log('| benchmark | p50 ms | p95 ms | mean ms |\n| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.bench} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.mean)} |`);
console.log(`ratio: recursive CTE / path prefix (mean) = ${(cte.mean / prefix.mean).toFixed(2)}×`);
console.log(`ratio: chained / plain audit append (mean) = ${(chained.mean / plain.mean).toFixed(2)}×; chained throughput ${(1000 / chained.mean).toFixed(0)} rows/s`);
console.log(JSON.stringify({ db: database.kind, orgs: total, prefix, cte, chained, plain }));
