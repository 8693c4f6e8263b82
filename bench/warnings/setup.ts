/**
 * The benchmark's database: a fresh PostgreSQL database (fz_bench_warn on the local server unless
 * BENCH_DATABASE_URL names one), migrated and seeded with the small demo city, plus the org lists the
 * loaders and queries need. Warnings benchmarks are PostgreSQL-only: the question is city scale.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import type { OrgKind } from '../../src/lib/roles.ts';
import type { Deps, Principal } from '../../src/server/context.ts';
import { elapsed, log } from './stats.ts';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_NAME = 'fz_bench_warn';
export const BENCH_PASSWORD = 'Bench-pass-123';

export type BenchClock = ReturnType<typeof fixedClock>;

export interface BenchOrg {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  path: string;
  regionCode: string | null;
}

export interface BenchDb {
  database: Database;
  url: string;
  deps: Deps & { clock: BenchClock };
  orgs: BenchOrg[];
  seedMs: number;
  close(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The orgs of the jurisdiction tree, as principals and loaders need them. */
export async function jurisdictionOrgs(database: Database): Promise<BenchOrg[]> {
  const rows = await database.db
    .selectFrom('orgs')
    .select(['id', 'code', 'name', 'kind', 'parent_id', 'path', 'region_code'])
    .where('kind', 'in', ['city', 'county', 'station', 'township', 'grid'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id, path: r.path, regionCode: r.region_code }));
}

export function principalFor(org: BenchOrg, role: Principal['role']): Principal {
  return { type: 'user', id: 0, name: `bench-${role}`, role, orgId: org.id, orgCode: org.code, orgKind: org.kind, orgPath: org.path };
}

/**
 * Opens (creating it unless BENCH_DATABASE_URL is given) the benchmark database. A given database must be
 * empty or a previous benchmark database: its warnings are truncated by the benchmarks.
 */
export async function openBenchDb(now: Date, name = DEFAULT_NAME): Promise<BenchDb> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given && !/^postgres(ql)?:\/\//.test(given)) throw new Error('BENCH_DATABASE_URL must be a postgres:// URL: the warnings benchmarks run on PostgreSQL');
  const adminUrl = process.env.BENCH_ADMIN_URL ?? DEFAULT_ADMIN_URL;
  const url = given ?? withDatabase(adminUrl, name);
  if (!given) {
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin(adminUrl, `CREATE DATABASE ${name}`);
  }
  // Room for the app's requests, the benchmark's parallel queries and the loaders at once.
  const database = await openDatabase({ url, poolSize: 12 });
  await migrate(database);
  const clock = fixedClock(now);
  const deps = { db: database.db, dbKind: database.kind, clock, config: loadConfig({}) };
  log('seeding the small demo city…');
  // The tree, routing rules and accounts only: each benchmark loads the warnings it measures.
  const seed = await elapsed(() => seedDemo(deps, { scale: 'small', password: BENCH_PASSWORD, warnings: 0, cases: 0 }));
  await sql`ANALYZE`.execute(database.db);
  return {
    database,
    url,
    deps,
    orgs: await jurisdictionOrgs(database),
    seedMs: seed.ms,
    close: async () => {
      await database.close();
      if (!given && process.env.BENCH_KEEP_DB !== '1') await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Empties the warning tables between phases (audit_log is append-only by trigger and stays). */
export async function truncateWarnings(database: Database): Promise<void> {
  await sql`TRUNCATE warnings, warning_events, warning_attempts, vulnerable_people, notifications, case_events, case_identifiers, case_transfers, cases RESTART IDENTITY`.execute(database.db);
}

export async function serverSettings(database: Database): Promise<Record<string, string>> {
  const rows = await sql<{ name: string; setting: string; unit: string | null }>`
    SELECT name, setting, unit FROM pg_settings
    WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'synchronous_commit', 'max_parallel_workers_per_gather', 'random_page_cost', 'server_version')`.execute(database.db);
  return Object.fromEntries(rows.rows.map((r) => [r.name, r.unit ? `${r.setting}×${r.unit}` : r.setting]));
}
