import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadConfig, type Config } from '../config.ts';
import { seedDemo, type DemoScale, type SeedResult } from '../demo/seed-demo.ts';
import { verifyChain } from '../modules/audit/audit.service.ts';
import * as tokens from '../modules/tokens/tokens.service.ts';
import { TokenCreate } from '../modules/tokens/tokens.schema.ts';
import * as users from '../modules/users/users.service.ts';
import { UserCreate } from '../modules/users/users.schema.ts';
import { JOBS, startJobs } from '../jobs/scheduler.ts';
import { buildApp } from '../server/app.ts';
import { LiveBus } from '../server/live.ts';
import { listenLive, pgRelay } from '../server/live-pg.ts';
import { systemContext } from '../server/context.ts';
import { AppError } from '../server/errors.ts';
import { riskReplayCommand } from './risk-replay.ts';
import { riskSynthCommand } from './risk-synth.ts';
import { startStreamConsumer } from '../ingest/jetstream.ts';
import { runtimeFor } from '../modules/risk/risk.runtime.ts';
import { optionalOption, parseArgs, requireOption, UsageError, type Parsed } from './args.ts';
import { loadDemoPassword, openRuntime, progress, saveDemoPassword } from './runtime.ts';

const USAGE = `fanzha – anti-telecom-fraud operations platform

  fanzha start                      migrate, seed the demo city if empty, build the web app if missing, serve
  fanzha serve                      migrate and serve the API and web app (PORT, DATABASE_URL, DATA_DIR)
  fanzha worker                     background jobs: warning deadline sweep, expired-session clean-up
  fanzha migrate                    apply pending database migrations
  fanzha seed-demo [--scale small|city] [--password <p>] [--seed <n>]
  fanzha token create --org <orgCode> --role <role> [--name <label>]
  fanzha user create --org <orgCode> --role <role> --username <u> --password <p> [--display-name <n>] [--phone <p>]
  fanzha audit verify               re-compute the audit hash chain; exit 1 if a row was tampered with
  fanzha risk replay --input <tx.ndjson> [--rules <version>|<file.json>] [--labels <labels.json>] [--json]
                                    run the risk engine over a file of transactions and summarise its decisions
  fanzha risk synth --out <tx.ndjson> [--labels <file>] [--accounts n] [--transactions n] [--days n] [--seed n]
                    [--variant train|holdout]   labelled synthetic bank transactions for tests and rule tuning
`;

type Command = (config: Config, args: Parsed) => Promise<number>;

const commands: Record<string, Command> = {
  risk: async (config, args) => {
    const sub = args.positionals[1];
    if (sub === 'replay') return riskReplayCommand(config, args);
    if (sub === 'synth') return riskSynthCommand(args);
    throw new UsageError('usage: fanzha risk replay --input <file> | fanzha risk synth --out <file>');
  },
  start: async (config) => serve(config, { seed: true, buildWeb: true, jobs: true }),
  serve: async (config) => serve(config, { seed: false, buildWeb: false, jobs: process.env.RUN_JOBS === 'true' }),
  worker: async (config) => worker(config),
  migrate: async (config) => {
    const { database, applied } = await openRuntime(config);
    await database.close();
    console.log(applied.length ? `migrated: ${applied.join(', ')}` : 'database is up to date');
    return 0;
  },
  'seed-demo': async (config, args) => {
    const scale = optionalOption(args, 'scale') ?? 'small';
    if (scale !== 'small' && scale !== 'city') throw new UsageError('--scale is small or city');
    const seedRaw = optionalOption(args, 'seed');
    const seed = seedRaw === undefined ? undefined : Number(seedRaw);
    if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed takes an integer');
    const { database, deps } = await openRuntime(config);
    try {
      const started = Date.now();
      const result = await seedDemo(deps, { scale: scale as DemoScale, password: optionalOption(args, 'password'), seed, onProgress: progress('seed-demo') });
      if (result.password) saveDemoPassword(config, result.password);
      printAccounts(result, result.password ?? loadDemoPassword(config));
      console.log(
        result.seeded
          ? `seed-demo: 示例市 built (${result.orgs} organisations, ${result.users} users, ${result.warnings} warnings, ${result.cases} cases) in ${((Date.now() - started) / 1000).toFixed(1)} s`
          : 'seed-demo: 示例市 already present, nothing changed',
      );
    } finally {
      await database.close();
    }
    return 0;
  },
  token: async (config, args) => {
    if (args.positionals[1] !== 'create') throw new UsageError('usage: fanzha token create --org <orgCode> --role <role> [--name <label>]');
    const input = TokenCreate.parse({
      orgCode: requireOption(args, 'org'),
      role: requireOption(args, 'role'),
      name: optionalOption(args, 'name') ?? `cli ${new Date().toISOString().slice(0, 10)}`,
    });
    const { database, deps } = await openRuntime(config);
    try {
      const created = await tokens.create(deps, systemContext, null, input);
      console.log(created.token);
      console.error(`token ${created.id} for ${input.orgCode} as ${input.role}: shown once, store it now`);
    } finally {
      await database.close();
    }
    return 0;
  },
  user: async (config, args) => {
    if (args.positionals[1] !== 'create') throw new UsageError('usage: fanzha user create --org <orgCode> --role <role> --username <u> --password <p>');
    const input = UserCreate.parse({
      orgCode: requireOption(args, 'org'),
      role: requireOption(args, 'role'),
      username: requireOption(args, 'username'),
      password: requireOption(args, 'password'),
      displayName: optionalOption(args, 'display-name') ?? requireOption(args, 'username'),
      ...(optionalOption(args, 'phone') ? { phone: optionalOption(args, 'phone') } : {}),
    });
    const { database, deps } = await openRuntime(config);
    try {
      const user = await users.create(deps, systemContext, null, input);
      console.log(`user ${user.username} (id ${user.id}) created as ${user.role} in ${user.orgCode} ${user.orgName}`);
    } finally {
      await database.close();
    }
    return 0;
  },
  audit: async (config, args) => {
    if (args.positionals[1] !== 'verify') throw new UsageError('usage: fanzha audit verify');
    const { database, deps } = await openRuntime(config);
    try {
      const r = await verifyChain(deps.db);
      if (r.ok) {
        console.log(`audit verify: ok, ${r.checked} entries, chain intact`);
        return 0;
      }
      console.log(`audit verify: BROKEN at entry ${r.broken?.id} (${r.broken?.reason}); ${r.checked} entries before it are intact`);
      return 1;
    } finally {
      await database.close();
    }
  },
};

function printAccounts(result: SeedResult, password: string | null): void {
  console.log('\nDemo accounts 演示账号:');
  for (const a of result.accounts) console.log(`  ${a.username.padEnd(24)} ${a.role.padEnd(17)} ${a.orgCode.padEnd(13)} ${a.orgName}`);
  console.log(password ? `  password 密码: ${password}\n` : '  password: as printed when the demo city was built (or reset it: fanzha user …)\n');
}

function ensureWebBuilt(config: Config): void {
  if (fs.existsSync(path.join(config.webDist, 'index.html'))) return;
  console.log('building the web app (first start only)…');
  const vite = path.resolve('node_modules/.bin/vite');
  const r = spawnSync(vite, ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('web build failed; the API still works, run `npm run build:web` to see why');
}

async function serve(config: Config, opts: { seed: boolean; buildWeb: boolean; jobs: boolean }): Promise<number> {
  const started = Date.now();
  if (opts.buildWeb) ensureWebBuilt(config);
  const { database, deps, applied } = await openRuntime(config);
  if (applied.length) console.log(`migrated: ${applied.join(', ')}`);
  if (opts.seed) {
    const count = (name: string) => {
      const v = process.env[name] ? Number(process.env[name]) : undefined;
      if (v !== undefined && !(Number.isInteger(v) && v >= 0)) throw new UsageError(`${name} must be a whole number`);
      return v;
    };
    const result = await seedDemo(deps, { scale: 'small', password: process.env.DEMO_PASSWORD || undefined, warnings: count('DEMO_WARNINGS'), cases: count('DEMO_CASES'), onProgress: progress('demo city') });
    if (result.password) saveDemoPassword(config, result.password);
    printAccounts(result, result.password ?? loadDemoPassword(config));
  }
  // On PostgreSQL, events travel through NOTIFY so that a separate worker's escalations reach browsers.
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  const logLive = (msg: string, err?: unknown) => app?.log.warn({ err }, msg);
  const live = database.kind === 'postgres' ? new LiveBus(pgRelay(deps.db), (err) => logLive('live relay failed', err)) : new LiveBus();
  const listener = database.kind === 'postgres' && config.databaseUrl ? await listenLive(config.databaseUrl, live, logLive) : null;
  app = await buildApp({ ...deps, live }, { logger: { level: config.logLevel } });
  const jobs = opts.jobs ? startJobs({ ...deps, live }, (msg, extra) => app.log.info(extra ?? {}, msg)) : null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await jobs?.stop();
    await listener?.close();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(`fanzha ready on http://localhost:${config.port} (${database.kind}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return await new Promise<number>(() => undefined);
}

async function worker(config: Config): Promise<number> {
  const { database, deps } = await openRuntime(config);
  console.log(`fanzha worker started (${database.kind}): ${JOBS.map((j) => j.name).join(', ')}`);
  const log = (msg: string, extra?: unknown) => console.log(`${new Date().toISOString()} ${msg} ${JSON.stringify(extra ?? {})}`);
  // Escalations found here are announced to the servers' open screens through NOTIFY (PostgreSQL only).
  const live = database.kind === 'postgres' ? new LiveBus(pgRelay(deps.db), (err) => log('live relay failed', { err: String(err) })) : undefined;
  const runner = startJobs({ ...deps, ...(live ? { live } : {}) }, log);
  // Bank transaction streams (JetStream) when NATS_URL is set: this process then owns the risk engine.
  const streams = config.natsUrl
    ? await startStreamConsumer({ ...deps, ...(live ? { live } : {}) }, { servers: config.natsUrl, stream: config.natsStream, subjectPrefix: config.natsSubjectPrefix, log })
    : null;
  if (streams) console.log(`fanzha worker: consuming ${config.natsSubjectPrefix}.* from stream ${config.natsStream} at ${config.natsUrl}`);
  const stop = async () => {
    await streams?.stop();
    if (streams) await runtimeFor(deps).exclusive(() => runtimeFor(deps).snapshotNow()).catch((err: unknown) => log('risk snapshot failed', { err: String(err) }));
    await runner.stop();
    await live?.flush();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  return await new Promise<number>(() => undefined);
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const name = args.positionals[0];
  if (!name || name === 'help' || args.options.help) {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(loadConfig(), args);
  } catch (err) {
    if (err instanceof UsageError) console.error(err.message);
    else if (err instanceof z.ZodError) console.error(err.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
    else if (err instanceof AppError) console.error(`${err.code}: ${err.message}`);
    else console.error(err);
    return err instanceof UsageError || err instanceof z.ZodError || err instanceof AppError ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
if (process.exitCode !== undefined) process.exit(process.exitCode);
