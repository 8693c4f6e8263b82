/**
 * EXPLAIN ANALYZE of exactly what a service call sends: the call runs once against a Kysely instance that
 * records each compiled query with its parameters, then every recorded SELECT is explained on the same
 * server. Used with BENCH_EXPLAIN=1 to show where the time of a slow benchmark goes.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../../src/db/types.ts';
import type { Deps } from '../../src/server/context.ts';

export interface Explained {
  sql: string;
  plan: string;
}

export async function explainCall(url: string, deps: Deps, call: (deps: Deps) => Promise<unknown>): Promise<Explained[]> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const recorded: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') recorded.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  try {
    await call({ ...deps, db });
    const out: Explained[] = [];
    for (const q of recorded.filter((r) => /^\s*(select|with)\b/i.test(r.sql))) {
      const res = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, [...q.parameters]);
      out.push({ sql: q.sql, plan: res.rows.map((r) => r['QUERY PLAN']).join('\n') });
    }
    return out;
  } finally {
    await db.destroy();
  }
}

/** EXPLAIN ANALYZE of a query the benchmark writes itself. */
export async function explainSql(url: string, text: string, parameters: unknown[]): Promise<Explained> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, parameters);
    return { sql: text, plan: res.rows.map((r) => r['QUERY PLAN']).join('\n') };
  } finally {
    await client.end();
  }
}

export function printExplained(title: string, items: Explained[]): void {
  console.error(`\n### EXPLAIN: ${title}`);
  for (const e of items) console.error(`\n${e.sql.replace(/\s+/g, ' ').trim()}\n${e.plan}`);
}
