import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { shiftedClock, systemClock } from '../lib/clock.ts';
import type { Deps } from '../server/context.ts';

/** Opens the configured database (PGlite under DATA_DIR unless DATABASE_URL is set) and migrates it. */
export async function openRuntime(config: Config): Promise<{ database: Database; deps: Deps; applied: string[] }> {
  const database = await openDatabase({ url: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
  const applied = await migrate(database);
  return { database, applied, deps: { db: database.db, dbKind: database.kind, clock: config.clockStart ? shiftedClock(config.clockStart) : systemClock, config } };
}

/** Progress on a terminal (one rewritten line); silent when output is a file or a pipe. */
export function progress(label: string): (done: number, total: number, what?: string) => void {
  if (!process.stderr.isTTY) return () => undefined;
  let last = 0;
  return (done, total, what) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    const pct = Math.min(100, Math.round((done / Math.max(1, total)) * 100));
    process.stderr.write(`\r${label} ${pct}% (${done}/${total}) ${(what ?? '').slice(0, 30).padEnd(30)}`);
    if (done >= total) process.stderr.write('\n');
  };
}

const CREDENTIALS_FILE = 'demo-credentials.json';

export function saveDemoPassword(config: Config, password: string): void {
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(path.join(config.dataDir, CREDENTIALS_FILE), JSON.stringify({ password }), { mode: 0o600 });
}

export function loadDemoPassword(config: Config): string | null {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(config.dataDir, CREDENTIALS_FILE), 'utf8')) as { password?: unknown };
    return typeof raw.password === 'string' ? raw.password : null;
  } catch {
    return null;
  }
}
