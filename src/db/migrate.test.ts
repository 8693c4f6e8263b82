import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import { listMigrations, migrate, splitStatements } from './migrate.ts';

describe('splitStatements', () => {
  it('splits on semicolons outside quotes, comments and dollar-quoted bodies', () => {
    const parts = splitStatements(`
      -- a comment; with a semicolon
      CREATE TABLE a (x text DEFAULT 'a;b');
      CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;
      /* block; comment */ SELECT "we;ird" FROM a`);
    expect(parts).toHaveLength(3);
    expect(parts[1]).toContain('RETURN 1; END;');
    expect(parts[2]).toBe('SELECT "we;ird" FROM a');
  });
});

describe('migrate', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());

  it('is a no-op on a migrated database and records every file', async () => {
    expect(await migrate(t.database)).toEqual([]);
    const rows = await t.deps.db.selectFrom('schema_migrations').select('version').orderBy('version').execute();
    expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
  });
});
