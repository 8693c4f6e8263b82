/**
 * Running one browser flow on its own (`npx tsx test/e2e/<name>-flow.ts`): a fresh web bundle of the current
 * sources in a temporary directory (E2E_BUNDLE=dev, the default, keeps React's and antd's runtime warnings;
 * E2E_BUNDLE=prod builds what ships) and its own server on a fresh demo city, or a running server given by
 * E2E_BASE_URL and E2E_PASSWORD. smoke.ts runs the same flows against its servers instead.
 * Env: CHROMIUM_PATH, SCREENSHOTS_DIR, KEEP_E2E_DATA=1, E2E_TIMEOUT_MS.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, DEV_STEP_TIMEOUT_MS, describePages, type Ctx } from './flows.ts';
import { Report } from './report.ts';
import { startServer, type RunningServer } from './server.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type Flow = (browser: Browser, ctx: Ctx, report: Report, label?: string) => Promise<void>;

/** True when the module at `metaUrl` was started directly rather than imported (by smoke.ts). */
export function startedDirectly(metaUrl: string): boolean {
  return Boolean(process.argv[1]) && metaUrl === pathToFileURL(process.argv[1] ?? '').href;
}

/** A fresh bundle of the current sources in a temporary directory, so a stale web/dist cannot pass. */
function buildBundle(mode: 'dev' | 'prod', name: string): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `fanzha-e2e-${name}-`));
  const args = ['build', '--config', 'web/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', ...(mode === 'dev' ? ['--mode', 'development'] : [])];
  const env = mode === 'dev' ? { ...process.env, NODE_ENV: 'development' } : process.env;
  const r = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/vite'), args, { cwd: REPO_ROOT, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`web build failed (exit ${r.status ?? r.signal})`);
  return outDir;
}

/** Runs one flow standalone and answers the process exit code (0: every check passed). */
export async function runStandalone(name: string, flow: Flow, opts: { password: string; timeoutMs?: number }): Promise<number> {
  const report = new Report();
  report.setDiagnostics(describePages);
  const mode = process.env.E2E_BUNDLE === 'prod' ? 'prod' : 'dev';
  const external = process.env.E2E_BASE_URL;
  const password = external ? (process.env.E2E_PASSWORD ?? '') : opts.password;
  const timeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? opts.timeoutMs ?? 300_000);
  const run: { server?: RunningServer; browser?: Browser; bundle?: string; baseUrl?: string } = {};
  process.on('exit', () => run.server?.killNow());
  const overall = setTimeout(() => {
    report.fail('overall timeout', `not finished within ${timeoutMs / 1000} s`);
    console.log(report.summary());
    process.exit(1);
  }, timeoutMs);
  try {
    if (external) run.baseUrl = external;
    else {
      await report.check(`server starts with a fresh ${mode} bundle`, async () => {
        run.bundle = buildBundle(mode, name);
        run.server = await startServer(REPO_ROOT, password, { WEB_DIST: run.bundle });
        run.baseUrl = run.server.baseUrl;
      });
    }
    if (run.baseUrl) {
      run.browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
      });
      const shotDirs = [path.join(REPO_ROOT, 'test-output/screenshots')];
      if (process.env.SCREENSHOTS_DIR) shotDirs.push(path.resolve(process.env.SCREENSHOTS_DIR));
      const ctx: Ctx = { baseUrl: run.baseUrl, password, shotDirs, noteProblem: (text) => report.noteBrowserProblem(text), stepTimeoutMs: mode === 'dev' ? DEV_STEP_TIMEOUT_MS : undefined };
      await flow(run.browser, ctx, report);
      if (report.failed && run.server) console.log(`\n--- server output (last lines):\n${run.server.output()}`);
    }
  } catch (err) {
    report.fail(`${name} flow crashed`, err instanceof Error ? (err.stack ?? err.message) : String(err));
  } finally {
    clearTimeout(overall);
    await run.browser?.close().catch(() => undefined);
    await run.server?.stop();
    if (run.bundle) fs.rmSync(run.bundle, { recursive: true, force: true });
  }
  console.log(report.summary());
  return report.failed ? 1 : 0;
}
