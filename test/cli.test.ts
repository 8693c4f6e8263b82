import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';

const run = promisify(execFile);

/** The `fanzha` command as an operator runs it, against its own database (PGlite dir or PostgreSQL). */
describe('fanzha command line', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fanzha-cli-'));
  const pgUrl = process.env.TEST_DATABASE_URL;
  const dbName = `fz_cli_${process.pid}`;
  let env: NodeJS.ProcessEnv;

  const fanzha = async (...args: string[]) => {
    try {
      const r = await run(process.execPath, ['bin/fanzha.mjs', ...args], { env, timeout: 120_000 });
      return { code: 0, out: r.stdout, err: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  };

  beforeAll(async () => {
    env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    if (pgUrl) {
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${dbName}`);
      await admin.end();
      const u = new URL(pgUrl);
      u.pathname = `/${dbName}`;
      env.DATABASE_URL = u.toString();
    }
  });
  afterAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (pgUrl) {
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('migrates, seeds once, creates users and tokens, and verifies the audit chain', { timeout: 240_000 }, async () => {
    const migrated = await fanzha('migrate');
    expect(migrated).toMatchObject({ code: 0 });
    expect(migrated.out).toContain('0001_foundation.sql');
    expect((await fanzha('migrate')).out).toContain('up to date');

    const seeded = await fanzha('seed-demo', '--password', 'Cli-demo-2024');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/demo-admin\s+admin\s+149900/);
    expect(seeded.out).toMatch(/demo-bank_liaison\s+bank_liaison\s+ICBC/);
    expect(seeded.out).toContain('Cli-demo-2024');
    expect(seeded.out.trim().split('\n').at(-1)).toMatch(/^seed-demo: 示例市 built \(\d+ organisations, \d+ users, \d+ warnings, \d+ cases\)/);
    expect((await fanzha('seed-demo')).out).toContain('already present');

    const user = await fanzha('user', 'create', '--org', '149902', '--role', 'center_analyst', '--username', 'cli-analyst', '--password', 'Cli-analyst-1');
    expect(user).toMatchObject({ code: 0 });
    expect(user.out).toContain('cli-analyst');
    const misfit = await fanzha('user', 'create', '--org', 'ICBC', '--role', 'grid_worker', '--username', 'cli-bad', '--password', 'Cli-analyst-1');
    expect(misfit.code).toBe(2);
    expect(misfit.err).toContain('grid_worker');
    expect((await fanzha('user', 'create', '--org', '149902')).err).toContain('--role');

    const token = await fanzha('token', 'create', '--org', 'ICBC', '--role', 'bank_liaison', '--name', 'ICBC core');
    expect(token.code).toBe(0);
    expect(token.out.trim()).toMatch(/^fz_[\w-]{40,}$/);
    expect((await fanzha('token', 'create', '--org', 'NOPE', '--role', 'bank_liaison')).code).toBe(2);

    const ok = await fanzha('audit', 'verify');
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toMatch(/ok, \d+ entries/);

    // Tamper with one row behind the append-only trigger's back: verify must notice.
    const database = await openDatabase({ url: env.DATABASE_URL || undefined, pgliteDir: path.join(dataDir, 'pglite') });
    await database.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET actor_name = 'someone-else' WHERE id = 5;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    await database.close();
    const broken = await fanzha('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('BROKEN at entry 5 (hash)');

    expect((await fanzha('no-such-command')).code).toBe(2);
  });

  it('serves the API on PORT and shuts down cleanly on SIGTERM', { timeout: 120_000 }, async () => {
    const port = 20_000 + (process.pid % 20_000);
    const child = spawn(process.execPath, ['bin/fanzha.mjs', 'serve'], { env: { ...env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      let health: { status: string; db: string } | null = null;
      for (let i = 0; i < 120 && !health; i++) {
        await new Promise((r) => setTimeout(r, 500));
        health = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => (r.ok ? r.json() : null), () => null);
      }
      expect(health, output).toEqual({ status: 'ok', db: pgUrl ? 'postgres' : 'pglite' });
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'cli-analyst', password: 'Cli-analyst-1' }),
      });
      expect(login.status).toBe(200);
      expect(login.headers.get('set-cookie')).toMatch(/fz_sid=[^;]+;.*HttpOnly/i);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
