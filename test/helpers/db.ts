import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { fixedClock, type Clock } from '../../src/lib/clock.ts';
import type { Deps } from '../../src/server/context.ts';

export interface TestDb {
  database: Database;
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  /** The connection URL of this file's PostgreSQL database (undefined on PGlite). */
  url: string | undefined;
  close(): Promise<void>;
}

let counter = 0;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A private, migrated database for one test file: a copy of the empty template or of the demo city.
 * The clock starts at the real time (or `clockStart`) and only moves when a test moves it.
 */
export async function createTestDb(opts: { demo?: boolean; config?: Partial<Config>; clock?: Clock; clockStart?: string } = {}): Promise<TestDb> {
  const templates = inject('fzTemplates');
  const template = opts.demo ? templates.demo : templates.empty;
  let database: Database;
  let dropName: string | null = null;
  let url: string | undefined;
  if (templates.kind === 'postgres') {
    const name = `fz_t_${process.pid}_${++counter}_${template.split('_').slice(-2).join('_')}`;
    const admin = new pg.Client({ connectionString: templates.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    url = withDatabase(templates.url, name);
    database = await openDatabase({ url, poolSize: 5 });
    dropName = name;
  } else {
    database = await openDatabase({ pgliteLoad: new Blob([fs.readFileSync(template)]) });
  }
  const clock = fixedClock(opts.clockStart ? new Date(opts.clockStart) : new Date());
  const config: Config = { ...loadConfig({}), ...opts.config };
  const deps: Deps = { db: database.db, dbKind: database.kind, clock: opts.clock ?? clock, config };
  return {
    database,
    deps,
    clock,
    url,
    close: async () => {
      await database.close();
      if (dropName && templates.kind === 'postgres') {
        const admin = new pg.Client({ connectionString: templates.url });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dropName} WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}
