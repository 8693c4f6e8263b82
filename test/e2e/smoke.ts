/**
 * Browser smoke test: starts the real server on a free port with a fresh demo city, signs in as every
 * demo role through the login form, checks each home page and menu, walks the admin pages (issuing and
 * revoking a token through the UI), runs the warnings flow (warnings-flow.ts), the cases flow
 * (cases-flow.ts), the cards flow (cards-flow.ts), the persons flow (persons-flow.ts), the stats flow
 * (stats-flow.ts), the outreach flow (outreach-flow.ts), the joint-office flow (liaison-flow.ts) and the transaction
 * monitoring flow (risk-flow.ts), and fails on any browser console error or warning.
 *
 *   npx tsx test/e2e/smoke.ts
 *
 * It runs two passes, each against its own server: `prod` serves web/dist (what ships; built first if
 * missing) and `dev` serves a development build in a temporary directory, because React's and antd's
 * runtime warnings (missing keys, deprecated props) exist only in development builds.
 *
 * Env: E2E_BUNDLES (default "prod,dev"), CHROMIUM_PATH (default /usr/bin/chromium), SCREENSHOTS_DIR
 * (extra copy of the screenshots, taken in the prod pass), E2E_DATABASE_URL (PostgreSQL instead of a
 * fresh PGlite; the database must be empty, so use it with a single bundle), KEEP_E2E_DATA=1,
 * E2E_TIMEOUT_MS (default 900000).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { cardsFlow } from './cards-flow.ts';
import { casesFlow } from './cases-flow.ts';
import { liaisonFlow } from './liaison-flow.ts';
import { outreachFlow } from './outreach-flow.ts';
import { personsFlow } from './persons-flow.ts';
import { riskFlow } from './risk-flow.ts';
import { statsFlow } from './stats-flow.ts';
import { CHROMIUM_ARGS, DEV_STEP_TIMEOUT_MS, describePages, type Ctx } from './flows.ts';
import { Report } from './report.ts';
import { allRounds } from './rounds.ts';
import { buildDevBundle, ensureWebBuilt, startServer, type RunningServer } from './server.ts';
import { warningsFlow } from './warnings-flow.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PASSWORD = 'Smoke-test-2024';
// Two bundles of every flow take 8–10 minutes on the 2-core machines; the margin keeps a slow run from failing.
const OVERALL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 1_200_000);
type Bundle = 'prod' | 'dev';
const BUNDLES = (process.env.E2E_BUNDLES ?? 'prod,dev').split(',').map((b) => b.trim()).filter((b): b is Bundle => b === 'prod' || b === 'dev');

const report = new Report();
report.setDiagnostics(describePages);
const servers = new Map<Bundle, RunningServer>();
let browser: Browser | null = null;
let devBundle: string | null = null;

async function cleanup(): Promise<void> {
  await browser?.close().catch(() => undefined);
  browser = null;
  const running = [...servers.values()];
  servers.clear();
  await Promise.all(running.map((s) => s.stop()));
  if (devBundle) fs.rmSync(devBundle, { recursive: true, force: true });
  devBundle = null;
}

function finish(code: number): never {
  console.log(report.summary());
  process.exit(code);
}

function serverOutput(): string {
  return [...servers.entries()].map(([b, s]) => `--- ${b} server output (last lines):\n${s.output()}`).join('\n');
}

// Whatever happens, no server child may outlive this process.
process.on('exit', () => {
  for (const s of servers.values()) s.killNow();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    report.fail('interrupted', `received ${signal}`);
    void cleanup().finally(() => finish(1));
  });
}
const overall = setTimeout(() => {
  report.fail('overall timeout', `smoke test did not finish within ${OVERALL_TIMEOUT_MS / 1000} s\n${serverOutput()}`);
  void cleanup().finally(() => finish(1));
}, OVERALL_TIMEOUT_MS);

async function startAll(): Promise<void> {
  if (BUNDLES.length === 0) throw new Error('E2E_BUNDLES names no bundle (use prod, dev or prod,dev)');
  if (BUNDLES.includes('prod')) ensureWebBuilt(REPO_ROOT);
  if (BUNDLES.includes('dev')) devBundle = buildDevBundle(REPO_ROOT);
  // Both servers migrate and seed at the same time; that is most of the start-up.
  await Promise.all(
    BUNDLES.map(async (b) => {
      const s = await startServer(REPO_ROOT, PASSWORD, b === 'dev' && devBundle ? { WEB_DIST: devBundle } : {});
      servers.set(b, s);
    }),
  );
}

async function main(): Promise<void> {
  const shotDirs = [path.join(REPO_ROOT, 'test-output/screenshots')];
  if (process.env.SCREENSHOTS_DIR) shotDirs.push(path.resolve(process.env.SCREENSHOTS_DIR));

  const started = await report.check(`servers start: ${BUNDLES.join(' and ')} bundle (web build, migrations, demo city)`, startAll);
  if (!started) return;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  for (const bundle of BUNDLES) {
    const server = servers.get(bundle);
    if (!server) continue;
    const ctx: Ctx = {
      baseUrl: server.baseUrl,
      password: PASSWORD,
      // Screenshots show what ships; the development pass only hunts warnings.
      shotDirs: bundle === 'prod' || !BUNDLES.includes('prod') ? shotDirs : [],
      noteProblem: (text) => report.noteBrowserProblem(text),
      // React's development build renders 3–5× slower; on a busy CI machine a step took over 10 s there.
      stepTimeoutMs: bundle === 'dev' ? DEV_STEP_TIMEOUT_MS : undefined,
    };
    const label = BUNDLES.length > 1 ? `[${bundle}] ` : '';
    await allRounds(browser, ctx, report, label);
    // The warnings screens' own flow (test/e2e/warnings-flow.ts), on the same server.
    await warningsFlow(browser, ctx, report, label);
    // The cases and funds screens' flow (test/e2e/cases-flow.ts): intake, a bank's answer, next hops, trace.
    await casesFlow(browser, ctx, report, label);
    // The 断卡 screens' flow (test/e2e/cards-flow.ts): ministry leads, verification, joint punishment, notice, appeal, partners.
    await cardsFlow(browser, ctx, report, label);
    // The 控 screens' flow (test/e2e/persons-flow.ts): a stranded person's file from listing to control.
    await personsFlow(browser, ctx, report, label);
    // The 统计研判 dashboard's flow (test/e2e/stats-flow.ts): periods, units, drilling down and through to the records.
    await statsFlow(browser, ctx, report, label);
    // The 宣传 screens' flow (test/e2e/outreach-flow.ts): a directive proposed from the statistics, answered by an activity.
    await outreachFlow(browser, ctx, report, label);
    // The 联席办 screens' flow (test/e2e/liaison-flow.ts): a meeting's decisions become tasks, answered, and a letter signed.
    await liaisonFlow(browser, ctx, report, label);
    // The 交易监测 screens' flow (test/e2e/risk-flow.ts): alerts escalated, stopped for a case, allow-listed; rule set versions.
    await riskFlow(browser, ctx, report, label);
  }
}

try {
  await main();
} catch (err) {
  report.fail('smoke test crashed', err instanceof Error ? (err.stack ?? err.message) : String(err));
} finally {
  clearTimeout(overall);
  if (report.failed && servers.size) console.log(`\n${serverOutput()}`);
  await cleanup();
}
finish(report.failed ? 1 : 0);
