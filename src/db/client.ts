import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './types.ts';

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DbKind;
  /** The embedded instance (for data-dir dumps); null on PostgreSQL. */
  pglite: PGlite | null;
  /** Runs a multi-statement SQL script (migrations) outside Kysely's prepared-statement path. */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise the embedded PGlite is used. */
  url?: string | undefined;
  /** Directory of the PGlite data; omitted means in memory. */
  pgliteDir?: string | undefined;
  /** A PGlite data directory dump to start from (tests start from a migrated template). */
  pgliteLoad?: Blob | undefined;
  poolSize?: number | undefined;
}

const INT8 = 20;
const NUMERIC = 1700;

// bigint ids fit comfortably in a double; money (numeric) stays a decimal string end to end.
pg.types.setTypeParser(INT8, (v: string) => Number(v));

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url && /^postgres(ql)?:\/\//.test(opts.url)) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    pool.on('error', () => undefined); // idle client errors surface on the next query instead
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      pglite: null,
      exec: async (script) => {
        const client = await pool.connect();
        try {
          await client.query(script);
        } finally {
          client.release();
        }
      },
      close: () => db.destroy(),
    };
  }
  if (opts.pgliteDir) fs.mkdirSync(path.resolve(opts.pgliteDir), { recursive: true });
  const pglite = await PGlite.create({
    ...(opts.pgliteDir ? { dataDir: path.resolve(opts.pgliteDir) } : {}),
    ...(opts.pgliteLoad ? { loadDataDir: opts.pgliteLoad } : {}),
    parsers: { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => v },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    pglite,
    exec: async (script) => {
      // Goes through Kysely's connection mutex so a script never interleaves with a transaction.
      await db.connection().execute(async () => {
        await pglite.exec(script);
      });
    },
    close: () => db.destroy(),
  };
}
