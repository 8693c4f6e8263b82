import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** The last lines the server printed, for the failure report. */
  output: () => string;
  stop: () => Promise<void>;
  /** Synchronous last resort for process 'exit' handlers. */
  killNow: () => void;
}

export function ensureWebBuilt(repoRoot: string): void {
  if (fs.existsSync(path.join(repoRoot, 'web/dist/index.html'))) return;
  console.log('web/dist missing: building the web app…');
  const vite = path.join(repoRoot, 'node_modules/.bin/vite');
  const r = spawnSync(vite, ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal})`);
}

/**
 * A development build (React and antd keep their runtime warnings: missing keys, deprecated props)
 * in a temporary directory, for E2E_DEV_BUNDLE=1. Production bundles strip those warnings, so only
 * this run proves the pages are free of them.
 */
export function buildDevBundle(repoRoot: string): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fanzha-e2e-web-'));
  const vite = path.join(repoRoot, 'node_modules/.bin/vite');
  const args = ['build', '--config', 'web/vite.config.ts', '--mode', 'development', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  const r = spawnSync(vite, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development' } });
  if (r.status !== 0) throw new Error(`development build failed (exit ${r.status ?? r.signal})`);
  return outDir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `fanzha start` on a free port with a fresh data directory. It runs in its own process group
 * so stopping it also ends anything it spawned (the first-start web build).
 */
export async function startServer(repoRoot: string, password: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fanzha-e2e-'));
  // A few hundred demo warnings keep the screens realistic without the full year's seeding time.
  // The server's day starts at 10:00 China time whatever the real hour, so "today's outcomes" and other
  // local-day figures cannot cross midnight during a run; the web app follows the server's clock.
  const chinaToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    DEMO_PASSWORD: password,
    DEMO_WARNINGS: '400',
    LOG_LEVEL: 'warn',
    CLOCK_START: `${chinaToday}T10:00:00+08:00`,
    ...extraEnv,
  };
  // Never let a developer's DATABASE_URL point the smoke test at a real database.
  delete env.DATABASE_URL;
  if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;

  const child: ChildProcess = spawn(process.execPath, ['bin/fanzha.mjs', 'start'], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const signalGroup = (signal: NodeJS.Signals) => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const server: RunningServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => lines.slice(-40).join('\n'),
    killNow: () => signalGroup('SIGKILL'),
    stop: async () => {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 8_000);
      await exitedPromise;
      clearTimeout(timer);
      if (!process.env.KEEP_E2E_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw Object.assign(new Error(`server exited before it was ready:\n${server.output()}`), { server });
    try {
      const res = await fetch(`${server.baseUrl}/api/health`);
      if (res.status === 200) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`server not healthy after 120 s:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
