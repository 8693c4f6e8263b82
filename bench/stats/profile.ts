/**
 * Where a dashboard's time goes: the call runs once against a Kysely instance that records each query's
 * duration (they run in parallel, so they overlap), and then, for a miss, each query is explained with
 * EXPLAIN (ANALYZE, BUFFERS) on its own (bench/warnings/explain.ts).
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../../src/db/types.ts';
import type { Deps } from '../../src/server/context.ts';

export interface QueryTime {
  ms: number;
  sql: string;
}

export async function profileCall(url: string, deps: Deps, call: (deps: Deps) => Promise<unknown>): Promise<{ totalMs: number; queries: QueryTime[] }> {
  const pool = new pg.Pool({ connectionString: url, max: 12 });
  const queries: QueryTime[] = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') queries.push({ ms: event.queryDurationMillis, sql: event.query.sql.replace(/\s+/g, ' ').trim() });
    },
  });
  try {
    await call({ ...deps, db }); // warm the new pool's connections
    queries.length = 0;
    const t0 = performance.now();
    await call({ ...deps, db });
    return { totalMs: performance.now() - t0, queries: queries.sort((a, b) => b.ms - a.ms) };
  } finally {
    await db.destroy();
  }
}

export function printProfile(title: string, p: { totalMs: number; queries: QueryTime[] }): void {
  console.error(`\n### queries of ${title}: ${p.totalMs.toFixed(1)} ms in all (parallel, so they overlap)`);
  for (const q of p.queries) console.error(`${q.ms.toFixed(1).padStart(8)} ms  ${q.sql.slice(0, 220)}`);
}
