import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { systemClock } from '../src/lib/clock.ts';
import { DEMO_PASSWORD, type TemplateInfo } from './helpers/templates.ts';

let cleanup: (() => Promise<void>) | undefined;

async function build(database: Database, demo: boolean): Promise<void> {
  await migrate(database);
  if (demo) {
    const deps = { db: database.db, dbKind: database.kind, clock: systemClock, config: loadConfig({}) };
    // The organisation tree and accounts only: tests bring the warnings they reason about.
    await seedDemo(deps, { scale: 'small', password: DEMO_PASSWORD, warnings: 0, cases: 0 });
  }
}

/**
 * Builds two migrated templates once per run, an empty one and one holding the demo city; each test
 * file then starts from a private copy (a PGlite data-dir dump, or CREATE DATABASE … TEMPLATE).
 */
export async function setup(project: TestProject): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const stamp = `${Date.now().toString(36)}_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const names = { empty: `fz_tpl_empty_${stamp}`, demo: `fz_tpl_demo_${stamp}` };
    for (const [kind, name] of Object.entries(names)) {
      await admin.query(`CREATE DATABASE ${name}`);
      const database = await openDatabase({ url: withDatabase(url, name) });
      await build(database, kind === 'demo');
      await database.close();
    }
    const info: TemplateInfo = { kind: 'postgres', url, empty: names.empty, demo: names.demo };
    project.provide('fzTemplates', info);
    cleanup = async () => {
      const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'fz\\_t\\_%${stamp}' OR datname IN ($1, $2)`, [names.empty, names.demo]);
      for (const row of stale.rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await admin.end();
    };
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fanzha-test-'));
  const files = { empty: path.join(dir, 'empty.tar'), demo: path.join(dir, 'demo.tar') };
  for (const [kind, file] of Object.entries(files)) {
    const database = await openDatabase({});
    await build(database, kind === 'demo');
    const dump = await dumpPglite(database);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
  }
  project.provide('fzTemplates', { kind: 'pglite', ...files } satisfies TemplateInfo);
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

export async function teardown(): Promise<void> {
  await cleanup?.();
}

async function dumpPglite(database: Database): Promise<Blob> {
  if (!database.pglite) throw new Error('not a PGlite database');
  return database.pglite.dumpDataDir('none');
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
