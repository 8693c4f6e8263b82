/**
 * Transaction monitoring (资金链监测, src/engines/risk and src/modules/risk): speed of the risk engine alone
 * and end to end through HTTP, each against a floor and a peer in the same run.
 *
 *  1. Engine alone, all rules on, one core: a synthetic stream of 5,000,000 transactions over 1,000,000 accounts
 *     (`synthesize`, labelled mule structures mixed in; generated once into bench/risk/.data, bench/risk/data.ts)
 *     read from the NDJSON file. Each variant runs in its own process (bench/risk/child.ts) so its memory is its
 *     own: the floor (read + split, and read + split + `parseContractLine`), the engine line by line including
 *     parsing (lines/s), and the engine alone over pre-parsed Tx objects (tx/s) – each as the product runs it
 *     (tsx's loader, as bin/fanzha.mjs) and as an esbuild bundle. Targets: ≥ 200,000 tx/s, memory < 1 GB.
 *     Then json-rules-engine (bench/risk/peer.ts) on a prefix of the same stream with the engine beside it.
 *  2. End to end (bench/risk/http.ts): the real server in its own process on a fresh PostgreSQL database per
 *     configuration, NDJSON batches of 1,000 / 5,000 / 20,000 lines from one or two clients, decisions and alerts
 *     stored; the floor is a plain INSERT of the same rows into the same table. Then single-transaction requests
 *     one after another (decision latency). Targets: ≥ 20,000 tx/s, p99 < 10 ms. PGlite once, for reference.
 * The key measurements run `--reps` times (3) and the median is reported.
 *
 * Run: npm run bench:risk [-- --scale 0.02] (full size by default: about 30–40 minutes on 2 cores)
 * Options: --scale (or BENCH_SCALE; 1 = 5,000,000 transactions), --reps 3, --only engine|http,
 *   --peer-prefix (200,000 × scale), --http-lines (200,000 × scale), --singles (2,000), --no-pglite,
 *   --investigate (also a bundle built with tsx's transform options), --profile (CPU profiles of the
 *   line-by-line engine runs into bench/risk/.data/profiles, with the hot spots in the report),
 *   BENCH_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_KEEP_DB=1.
 * Markdown on stdout, progress on stderr, everything as JSON in bench/risk/.data/results-*.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundle } from './build.ts';
import { DATA_DIR, ensureData, optionsFor, type DataMeta } from './data.ts';
import { dropDatabases, makeTemplate, pgliteConfig, postgresConfig, postgresSettings, type BatchRun, type HttpPlan } from './http.ts';
import { readLines } from './lines.ts';
import { log, median } from './log.ts';
import { flag, option as opt, positive as num } from './options.ts';
import { hotSpots, type HotSpot } from './profile.ts';
import { runChild, type Runner } from './spawn.ts';

// ---- options ---------------------------------------------------------------------------------------------

const SCALE = num('scale', Number(process.env.BENCH_SCALE ?? 1));
const REPS = Math.round(num('reps', 3));
const ONLY = opt('only');
const PEER_PREFIX = Math.round(num('peer-prefix', Math.max(20_000, 200_000 * SCALE)));
const HTTP_LINES = Math.round(num('http-lines', Math.max(20_000, 200_000 * SCALE)));
const SINGLES = Math.round(num('singles', 2_000));
const BATCHES = [1_000, 5_000, 20_000];
const CLIENTS = [1, 2];
const LATENCY_AFTER = { batch: 5_000, clients: 1 };
const PGLITE = !flag('no-pglite');
const INVESTIGATE = flag('investigate');
const PROFILE = flag('profile');
const TARGET = { engineTxPerSec: 200_000, engineMemMB: 1024, httpTxPerSec: 20_000, singleP99Ms: 10 };

const loadavg = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en') : '–');
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b < 10 ? 2 : 0)}×`;
const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
const spread = (xs: number[]) => (xs.length > 1 ? ` (${int(Math.min(...xs))}–${int(Math.max(...xs))})` : '');

// ---- engine alone ----------------------------------------------------------------------------------------

interface Timed {
  n: number;
  ms: number;
  cpuMs: number;
  perSec: number;
  perCpuSec: number;
}
interface Mem {
  rssMB: number;
  heapUsedMB: number;
  heapTotalMB: number;
  externalMB: number;
  arrayBuffersMB: number;
  maxRssMB: number;
}
interface FloorResult {
  runner: Runner;
  readSplit: Timed;
  parse: Timed;
  memory: Mem;
}
interface EngineResult {
  runner: Runner;
  mode: 'stream' | 'preparsed';
  run: Timed;
  parse?: Timed;
  decisions: Record<string, number>;
  alerts: number;
  accounts: number;
  capacity: number;
  memory: Mem;
  memoryBefore?: Mem;
}
interface PeerResult {
  runner: Runner;
  prefix: number;
  engine: { run: Timed; decisions: Record<string, number>; alerts: number };
  engineNoGraph: { run: Timed; decisions: Record<string, number>; alerts: number };
  peer: { run: Timed; decisions: Record<string, number>; alerts: number; runs: number; events: number };
  check: { transactions: number; agree: number; differing: Record<string, number>; flaggedByEngine: number; flaggedByPeer: number; sameHits: number; flaggedByFullEngine: number };
  memory: Mem;
}

async function engineBench(meta: DataMeta) {
  log('engine: bundling bench/risk/child.ts with esbuild…');
  const bundles: Partial<Record<Runner, string>> = { bundle: await bundle('child.ts', 'child') };
  const runners: Runner[] = ['tsx', 'bundle'];
  if (INVESTIGATE) {
    bundles['bundle-tsxopts'] = await bundle('child.ts', 'child', 'tsx');
    runners.push('bundle-tsxopts');
  }
  const metaFile = meta.file.replace(/\.ndjson$/, '.meta.json');
  const base = ['--file', meta.file, '--meta', metaFile];
  const profileDir = path.join(DATA_DIR, 'profiles');
  if (PROFILE) fs.mkdirSync(profileDir, { recursive: true });
  const floors: FloorResult[] = [];
  const engines: EngineResult[] = [];
  const load: string[] = [];
  const profiles: Partial<Record<Runner, string>> = {};
  for (let rep = 1; rep <= REPS; rep++) {
    load.push(`before repetition ${rep} ${loadavg()}`);
    log(`engine: repetition ${rep} of ${REPS} (load average ${loadavg()})`);
    for (const runner of runners) floors.push({ runner, ...(await runChild<Omit<FloorResult, 'runner'>>({ runner, bundles, args: [...base, '--variant', 'floor'] })) });
    for (const runner of runners) {
      const prof = PROFILE && rep === 1 ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `engine-stream-${runner}.cpuprofile`] : [];
      if (prof.length) profiles[runner] = path.join(profileDir, `engine-stream-${runner}.cpuprofile`);
      const r = await runChild<Omit<EngineResult, 'runner'>>({ runner, bundles, args: [...base, '--variant', 'engine', '--mode', 'stream'], nodeFlags: prof });
      engines.push({ runner, ...r });
      log(`engine stream ${runner}: ${int(r.run.perSec)} lines/s, peak RSS ${int(r.memory.maxRssMB)} MB`);
    }
    for (const runner of runners) {
      // five million Tx objects need more than the default old space
      const r = await runChild<Omit<EngineResult, 'runner'>>({ runner, bundles, args: [...base, '--variant', 'engine', '--mode', 'preparsed'], nodeFlags: ['--max-old-space-size=8192'] });
      engines.push({ runner, ...r });
      log(`engine preparsed ${runner}: ${int(r.run.perSec)} tx/s`);
    }
  }
  load.push(`after ${loadavg()}`);
  log(`engine: json-rules-engine peer on the first ${int(PEER_PREFIX)} lines…`);
  const peer: PeerResult = { runner: 'tsx', ...(await runChild<Omit<PeerResult, 'runner'>>({ runner: 'tsx', bundles, args: [...base, '--variant', 'peer', '--prefix', String(PEER_PREFIX)] })) };
  load.push(`after the peer ${loadavg()}`);
  const hot: Partial<Record<Runner, HotSpot[]>> = {};
  for (const [runner, file] of Object.entries(profiles)) if (file && fs.existsSync(file)) hot[runner as Runner] = hotSpots(file, 14, runner !== 'tsx');
  return { runners, floors, engines, peer, load, hot };
}

function engineReport(meta: DataMeta, e: Awaited<ReturnType<typeof engineBench>>): string[] {
  const out: string[] = [];
  const label: Record<Runner, string> = { tsx: 'tsx loader (as `fanzha` runs)', bundle: 'esbuild bundle', 'bundle-tsxopts': 'esbuild bundle, tsx transform options' };
  out.push(
    `Stream: ${int(meta.lines)} transactions over ${int(meta.options.accounts)} accounts, ${meta.options.days} days (${meta.firstAt.slice(0, 10)} – ${meta.lastAt.slice(0, 10)}), ${(meta.bytes / 1e6).toFixed(0)} MB of NDJSON; ${int(meta.muleAccounts)} labelled mule accounts, ${int(meta.patternTx)} pattern transactions; ${int(meta.lists.length)} accounts on the center's lists. Medians of ${REPS} runs (min–max); each variant in its own process. Load average (1 / 5 / 15 min): ${e.load.join('; ')}.`,
  );
  out.push('');
  out.push('| variant | runner | lines/s incl. read + parse | tx/s, engine only (pre-parsed Tx) | tx per CPU-second (engine only) | ÷ floor (read + split + parse) | peak RSS MB | heap after MB (typed arrays) | decisions (review / hold / block), alerts |');
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const runner of e.runners) {
    const fl = e.floors.filter((f) => f.runner === runner);
    const st = e.engines.filter((x) => x.runner === runner && x.mode === 'stream');
    const pre = e.engines.filter((x) => x.runner === runner && x.mode === 'preparsed');
    const floorParse = median(fl.map((f) => f.parse.perSec));
    const rs = fl.map((f) => f.readSplit.perSec);
    out.push(`| floor: read + split | ${label[runner]} | ${int(median(rs))}${spread(rs)} | – | – | – | ${int(median(fl.map((f) => f.memory.maxRssMB)))} | – | – |`);
    const ps = fl.map((f) => f.parse.perSec);
    out.push(`| floor: read + split + \`parseContractLine\` | ${label[runner]} | ${int(median(ps))}${spread(ps)} | – | – | 1 | (same process) | – | – |`);
    const ss = st.map((x) => x.run.perSec);
    const s0 = st[0];
    const dec = (x: EngineResult | undefined) => (x ? `${int(x.decisions.review ?? 0)} / ${int(x.decisions.hold ?? 0)} / ${int(x.decisions.block ?? 0)}, ${int(x.alerts)}` : '–');
    out.push(
      `| engine, line by line, all rules | ${label[runner]} | ${int(median(ss))}${spread(ss)} | – | ${int(median(st.map((x) => x.run.perCpuSec)))} (incl. parse) | ${(median(ss) / floorParse).toFixed(2)} | ${int(median(st.map((x) => x.memory.maxRssMB)))} | ${int(median(st.map((x) => x.memory.heapUsedMB)))} (${int(median(st.map((x) => x.memory.arrayBuffersMB)))}) | ${dec(s0)} |`,
    );
    const pp = pre.map((x) => x.run.perSec);
    const p0 = pre[0];
    const engineHeap = (x: EngineResult) => x.memory.heapUsedMB - (x.memoryBefore?.heapUsedMB ?? 0);
    out.push(
      `| engine only, all rules, over ${int(meta.lines)} pre-parsed Tx | ${label[runner]} | – | ${int(median(pp))}${spread(pp)} | ${int(median(pre.map((x) => x.run.perCpuSec)))} | – | ${int(median(pre.map((x) => x.memory.maxRssMB)))} (with the Tx array) | engine: +${int(median(pre.map(engineHeap)))} (${int(median(pre.map((x) => x.memory.arrayBuffersMB)))}) | ${dec(p0)} |`,
    );
  }
  const tsxPre = median(e.engines.filter((x) => x.runner === 'tsx' && x.mode === 'preparsed').map((x) => x.run.perSec));
  const bunPre = median(e.engines.filter((x) => x.runner === 'bundle' && x.mode === 'preparsed').map((x) => x.run.perSec));
  const tsxSt = median(e.engines.filter((x) => x.runner === 'tsx' && x.mode === 'stream').map((x) => x.run.perSec));
  const tsxMem = median(e.engines.filter((x) => x.runner === 'tsx' && x.mode === 'stream').map((x) => x.memory.maxRssMB));
  out.push('');
  out.push(`bundle ÷ tsx, engine only: ${ratio(bunPre, tsxPre)}; accounts in the engine's table: ${int(e.engines[0]?.accounts ?? 0)} (capacity ${int(e.engines[0]?.capacity ?? 0)}).`);
  out.push('');
  out.push('| target (engine alone, as the product runs it: tsx) | measured | meets |');
  out.push('| --- | --- | --- |');
  out.push(`| ≥ ${int(TARGET.engineTxPerSec)} tx/s on one core, engine only | ${int(tsxPre)} tx/s (bundled ${int(bunPre)}) | ${yes(tsxPre >= TARGET.engineTxPerSec)} |`);
  out.push(`| ≥ ${int(TARGET.engineTxPerSec)} lines/s including parsing | ${int(tsxSt)} lines/s | ${yes(tsxSt >= TARGET.engineTxPerSec)} |`);
  out.push(`| memory < 1 GB (peak RSS, line by line, ${int(meta.options.accounts)} accounts) | ${int(tsxMem)} MB | ${yes(tsxMem < TARGET.engineMemMB)} |`);
  const p = e.peer;
  out.push('');
  out.push(`json-rules-engine on the first ${int(p.prefix)} transactions of the same stream (pre-parsed; one \`engine.run(facts)\` per scored account; tsx loader):`);
  out.push('');
  out.push('| on the same prefix | tx/s | tx per CPU-second | engine ÷ this | review / hold / block | alerts |');
  out.push('| --- | --- | --- | --- | --- | --- |');
  const row = (name: string, x: { run: Timed; decisions: Record<string, number>; alerts: number }) =>
    out.push(`| ${name} | ${int(x.run.perSec)} | ${int(x.run.perCpuSec)} | ${ratio(p.engine.run.perSec, x.run.perSec)} | ${int(x.decisions.review ?? 0)} / ${int(x.decisions.hold ?? 0)} / ${int(x.decisions.block ?? 0)} | ${int(x.alerts)} |`);
  row('RiskEngine, all rules', p.engine);
  row('RiskEngine, graph rules off (the peer’s rules)', p.engineNoGraph);
  row('json-rules-engine peer (9 per-account rules; same state, features, scoring)', p.peer);
  out.push('');
  const diff = Object.entries(p.check.differing).map(([k, v]) => `${k} ${v}`).join(', ');
  out.push(
    `Peer vs engine with the graph rules off: ${int(p.check.agree)} of ${int(p.check.transactions)} decisions equal${diff ? ` (differing: ${diff})` : ''}; on ${int(p.check.sameHits)} of ${int(p.check.flaggedByEngine)} flagged transactions the same accounts, scores, rules, strengths and reasons. The full engine flags ${int(p.check.flaggedByFullEngine)} (the graph searches find the rest). The peer made ${int(p.peer.runs)} rule-engine runs (${int(p.peer.events)} events).`,
  );
  for (const [runner, spots] of Object.entries(e.hot)) {
    if (!spots?.length) continue;
    out.push('');
    out.push(`CPU profile, engine line by line (${label[runner as Runner]}, repetition 1), self time:`);
    out.push('');
    out.push('| function | self % | busiest lines (share of the function) |');
    out.push('| --- | --- | --- |');
    for (const h of spots) out.push(`| ${h.fn} | ${h.selfPct.toFixed(1)} | ${h.lines.map((l) => `${l.pct.toFixed(0)} % \`${l.text.replace(/\|/g, '\\|')}\``).join('; ')} |`);
  }
  return out;
}

// ---- HTTP ------------------------------------------------------------------------------------------------

async function httpBench(meta: DataMeta) {
  const lines = await readLines(meta.file, 1 + HTTP_LINES + SINGLES);
  const plan: HttpPlan = { file: meta.file, lines, n: Math.min(HTTP_LINES, lines.length - 1 - SINGLES), singles: SINGLES };
  const settings = await postgresSettings();
  log('http: template database…');
  const token = await makeTemplate();
  const runs: BatchRun[] = [];
  const load: string[] = [];
  const profile = PROFILE ? path.join(DATA_DIR, 'profiles', `server-${LATENCY_AFTER.batch}x${LATENCY_AFTER.clients}.cpuprofile`) : undefined;
  if (profile) fs.mkdirSync(path.dirname(profile), { recursive: true });
  try {
    for (let rep = 1; rep <= REPS; rep++) {
      load.push(`before repetition ${rep} ${loadavg()}`);
      log(`http: repetition ${rep} of ${REPS} (load average ${loadavg()})`);
      for (const batch of BATCHES) {
        for (const clients of CLIENTS) {
          const singles = batch === LATENCY_AFTER.batch && clients === LATENCY_AFTER.clients ? SINGLES : 0;
          runs.push(await postgresConfig(token, plan, batch, clients, singles, rep === 1 && singles > 0 ? profile : undefined));
        }
      }
    }
    load.push(`after ${loadavg()}`);
  } finally {
    if (process.env.BENCH_KEEP_DB !== '1') await dropDatabases();
  }
  let pglite: BatchRun | null = null;
  if (PGLITE) {
    log('http: PGlite, for reference…');
    const n = Math.min(plan.n, 50_000);
    pglite = await pgliteConfig({ ...plan, n, lines: [...plan.lines.slice(0, 1 + n), ...plan.lines.slice(1 + plan.n)] }, LATENCY_AFTER.batch, Math.min(SINGLES, 500));
  }
  const hot = profile && fs.existsSync(profile) ? hotSpots(profile, 20, false) : null;
  const singlesProfile = profile?.replace(/\.cpuprofile$/, '-singles.cpuprofile');
  const hotSingles = singlesProfile && fs.existsSync(singlesProfile) ? hotSpots(singlesProfile, 20, false) : null;
  return { plan: { n: plan.n, singles: plan.singles }, settings, runs, pglite, load, hot, hotSingles };
}

function httpReport(h: Awaited<ReturnType<typeof httpBench>>): string[] {
  const out: string[] = [];
  const s = h.settings;
  out.push(
    `PostgreSQL ${s.server_version} (shared_buffers ${s.shared_buffers}, synchronous_commit ${s.synchronous_commit}, fsync ${s.fsync}, max_wal_size ${s.max_wal_size}) on the same 2 cores; server in its own process through tsx's loader as \`fanzha start\` (request log at info to /dev/null, live bus via NOTIFY); ${int(h.plan.n)} transactions per configuration (the first of the stream, after one warm-up line), each configuration on a fresh database and a fresh engine; medians of ${REPS} runs. Load average (1 / 5 / 15 min): ${h.load.join('; ')}.`,
  );
  out.push('');
  out.push('| lines per request × clients | product tx/s (decided, decisions and alerts stored) | floor: plain INSERT of the same rows, rows/s | product ÷ floor | request p50 / p95 ms | server / client CPU µs per tx | flagged tx / alerts stored | ≥ 20,000 tx/s |');
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const best: number[] = [];
  for (const batch of BATCHES) {
    for (const clients of CLIENTS) {
      const rs = h.runs.filter((r) => r.batch === batch && r.clients === clients);
      if (!rs.length) continue;
      const p = rs.map((r) => r.perSec);
      const f = rs.map((r) => r.floor.perSec);
      const mp = median(p);
      best.push(mp);
      const r0 = rs[0];
      out.push(
        `| ${int(batch)} × ${clients} | ${int(mp)}${spread(p)} | ${int(median(f))}${spread(f)} | ${(mp / median(f)).toFixed(2)} | ${ms(median(rs.map((r) => r.requestMs.p50)))} / ${ms(median(rs.map((r) => r.requestMs.p95)))} | ${ms(median(rs.map((r) => r.serverCpuUsPerTx)))} / ${ms(median(rs.map((r) => r.clientCpuUsPerTx)))} | ${r0 ? `${int(r0.stored.flagged)} / ${int(r0.stored.alerts)}` : '–'} | ${yes(mp >= TARGET.httpTxPerSec)} |`,
      );
    }
  }
  const singles = h.runs.map((r) => r.singles).filter((x): x is NonNullable<BatchRun['singles']> => x !== null);
  if (singles.length) {
    out.push('');
    out.push(`Single-transaction requests, one after another, after the ${int(LATENCY_AFTER.batch)} × ${LATENCY_AFTER.clients} configuration (engine warm, ${int(h.plan.n)} transactions stored); client-side round trip:`);
    out.push('');
    out.push('| requests | p50 ms | p95 ms | p99 ms | max ms | server CPU µs per request | statements to PostgreSQL per request | p99 < 10 ms |');
    out.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const [i, x] of singles.entries()) out.push(`| run ${i + 1}: ${int(x.n)} | ${ms(x.latency.p50)} | ${ms(x.latency.p95)} | ${ms(x.latency.p99)} | ${ms(x.latency.max)} | ${int(x.serverCpuUsPerTx)} | ${x.queriesPerRequest.toFixed(1)} | ${yes(x.latency.p99 < TARGET.singleP99Ms)} |`);
    const p99 = median(singles.map((x) => x.latency.p99));
    out.push(`| median | ${ms(median(singles.map((x) => x.latency.p50)))} | ${ms(median(singles.map((x) => x.latency.p95)))} | ${ms(p99)} | – | ${int(median(singles.map((x) => x.serverCpuUsPerTx)))} | ${median(singles.map((x) => x.queriesPerRequest)).toFixed(1)} | ${yes(p99 < TARGET.singleP99Ms)} |`);
  }
  const last = h.runs.at(-1);
  if (last) out.push('', `Server process after the last configuration: peak RSS ${int(last.server.maxRssMB)} MB, ${int(last.server.accounts)} accounts in the engine.`);
  if (h.hot?.length) {
    out.push('');
    out.push(`CPU profile of the server process during the ${int(LATENCY_AFTER.batch)} × ${LATENCY_AFTER.clients} batches (repetition 1), self time:`);
    out.push('');
    out.push('| function | self % |');
    out.push('| --- | --- |');
    for (const x of h.hot) out.push(`| ${x.fn} | ${x.selfPct.toFixed(1)} |`);
  }
  if (h.hotSingles?.length) {
    out.push('');
    out.push('CPU profile of the server process during the single-transaction requests (repetition 1), self time:');
    out.push('');
    out.push('| function | self % |');
    out.push('| --- | --- |');
    for (const x of h.hotSingles) out.push(`| ${x.fn} | ${x.selfPct.toFixed(1)} |`);
  }
  if (h.pglite) {
    const p = h.pglite;
    out.push('');
    out.push(
      `PGlite (in the server's process), for reference: ${int(p.lines)} transactions in batches of ${int(p.batch)}: ${int(p.perSec)} tx/s; floor ${int(p.floor.perSec)} rows/s (product ÷ floor ${(p.perSec / p.floor.perSec).toFixed(2)}); ${p.singles ? `${int(p.singles.n)} single requests p50 / p95 / p99 ${ms(p.singles.latency.p50)} / ${ms(p.singles.latency.p95)} / ${ms(p.singles.latency.p99)} ms` : ''}.`,
    );
  }
  return out;
}

// ---- main ------------------------------------------------------------------------------------------------

const started = Date.now();
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; Node ${process.version}; load average at start ${loadavg()}`;
log(`scale ${SCALE}, ${REPS} repetitions; ${machine}`);
const meta = await ensureData(optionsFor(SCALE));
const engine = ONLY === 'http' ? null : await engineBench(meta);
const http = ONLY === 'engine' ? null : await httpBench(meta);
const report: string[] = [`Machine: ${machine}. Finished with load average ${loadavg()} after ${((Date.now() - started) / 60000).toFixed(0)} min.`, ''];
if (engine) report.push('### Engine alone', '', ...engineReport(meta, engine), '');
if (http) report.push('### End to end through HTTP', '', ...httpReport(http), '');
console.log(report.join('\n'));
const results = { scale: SCALE, reps: REPS, machine, data: { ...meta, lists: meta.lists.length }, engine, http };
fs.mkdirSync(DATA_DIR, { recursive: true });
const resultsFile = path.join(DATA_DIR, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(resultsFile, JSON.stringify(results, null, 1));
log(`results: ${resultsFile}`);
