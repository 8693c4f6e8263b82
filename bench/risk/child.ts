/**
 * One measurement in its own process, so that each variant's memory is its own. Started by bench/risk/run.ts
 * either through tsx's loader exactly as bin/fanzha.mjs runs the product (bench/risk/tsx-launch.mjs) or as an
 * esbuild bundle of this file (bench/risk/build.ts). Prints progress on stderr and one `RESULT {json}` line.
 *
 *   --variant floor               read + split the file; then read + split + parseContractLine (the floor)
 *   --variant engine --mode stream     read + split + parse + RiskEngine.process, line by line (lines/s incl. parsing)
 *   --variant engine --mode preparsed  parse everything into Tx objects first, then time RiskEngine.process alone
 *   --variant peer --prefix N     the first N lines pre-parsed; the engine (all rules), the engine with the graph
 *                                 rules off, and json-rules-engine (bench/risk/peer.ts) over them, with the
 *                                 decisions compared
 * Always: --file <ndjson> --meta <meta.json>. Run with --expose-gc.
 */
import fs from 'node:fs';
import { DEFAULT_RULESET } from '../../src/engines/risk/config.ts';
import { RiskEngine, type TxVerdict } from '../../src/engines/risk/engine.ts';
import { isParseError, parseContractLine } from '../../src/engines/risk/ndjson.ts';
import type { Tx } from '../../src/engines/risk/types.ts';
import type { DataMeta } from './data.ts';
import { lineBatches, readLines } from './lines.ts';
import { option } from './options.ts';

const variant = option('variant') ?? 'engine';
const mode = option('mode') ?? 'stream';
const file = option('file') ?? '';
const meta = JSON.parse(fs.readFileSync(option('meta') ?? '', 'utf8')) as DataMeta;
const runner = import.meta.url.endsWith('.mjs') ? 'bundle' : 'tsx';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const MB = (n: number) => Math.round((n / 1048576) * 10) / 10;
function memory() {
  gc();
  const m = process.memoryUsage();
  return { rssMB: MB(m.rss), heapUsedMB: MB(m.heapUsed), heapTotalMB: MB(m.heapTotal), externalMB: MB(m.external), arrayBuffersMB: MB(m.arrayBuffers), maxRssMB: MB(process.resourceUsage().maxRSS * 1024) };
}
function progress(msg: string): void {
  console.error(`  [${variant}${variant === 'engine' ? `/${mode}` : ''} ${runner}] ${msg}`);
}

interface Timed {
  n: number;
  ms: number;
  cpuMs: number;
  perSec: number;
  perCpuSec: number;
}
function timed(n: number, t0: number, c0: NodeJS.CpuUsage): Timed {
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  return { n, ms, cpuMs, perSec: (n / ms) * 1000, perCpuSec: (n / cpuMs) * 1000 };
}

function newEngine(rs = DEFAULT_RULESET): RiskEngine {
  // Sized for the accounts planned, as the product sizes a restarted engine from the accounts in its snapshot;
  // `--grow` starts from the default 1,024 slots and grows while the accounts arrive (a first start).
  const e = new RiskEngine(rs, option('grow') === '1' ? {} : { capacity: meta.distinctAccountsPlanned });
  e.setLists(meta.lists);
  return e;
}

class Tally {
  readonly decisions: Record<string, number> = { allow: 0, review: 0, hold: 0, block: 0 };
  alerts = 0;
  add(v: TxVerdict): void {
    this.decisions[v.decision] = (this.decisions[v.decision] ?? 0) + 1;
    this.alerts += v.alerts.length;
  }
}

function parseAll(lines: string[]): Tx[] {
  const txs: Tx[] = new Array<Tx>(lines.length);
  let k = 0;
  for (const l of lines) {
    const r = parseContractLine(l);
    if (isParseError(r)) throw new Error(`bad line: ${l.slice(0, 120)}`);
    txs[k++] = r;
  }
  txs.length = k;
  return txs;
}

async function floor() {
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  let n = 0;
  let chars = 0;
  for await (const batch of lineBatches(file)) {
    for (const l of batch) {
      if (l === '') continue;
      n++;
      chars += l.length;
    }
  }
  const readSplit = timed(n, t0, c0);
  progress(`read + split: ${Math.round(readSplit.perSec).toLocaleString('en')} lines/s`);
  t0 = performance.now();
  c0 = process.cpuUsage();
  n = 0;
  let bad = 0;
  let fen = 0;
  for await (const batch of lineBatches(file)) {
    for (const l of batch) {
      if (l === '') continue;
      const r = parseContractLine(l);
      if (isParseError(r)) bad++;
      else fen += r.amount;
      n++;
    }
  }
  const parse = timed(n, t0, c0);
  progress(`read + split + parse: ${Math.round(parse.perSec).toLocaleString('en')} lines/s`);
  return { readSplit, parse, bad, chars, fen, memory: memory() };
}

async function engineStream() {
  const engine = newEngine();
  const tally = new Tally();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let n = 0;
  for await (const batch of lineBatches(file)) {
    for (const l of batch) {
      if (l === '') continue;
      const r = parseContractLine(l);
      if (isParseError(r)) throw new Error(`bad line ${n + 1}`);
      tally.add(engine.process(r));
      n++;
      if (n % 1_000_000 === 0) progress(`${n.toLocaleString('en')} lines, ${Math.round((n / (performance.now() - t0)) * 1000).toLocaleString('en')} lines/s so far`);
    }
  }
  const run = timed(n, t0, c0);
  return { run, ...tally, accounts: engine.table.size, capacity: engine.table.capacity(), memory: memory() };
}

async function enginePreparsed() {
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  const txs = parseAll(await readLines(file));
  const parse = timed(txs.length, t0, c0);
  progress(`${txs.length.toLocaleString('en')} lines parsed into Tx objects (${Math.round(parse.perSec).toLocaleString('en')} lines/s incl. reading)`);
  const before = memory();
  const engine = newEngine();
  const tally = new Tally();
  t0 = performance.now();
  c0 = process.cpuUsage();
  for (let i = 0; i < txs.length; i++) tally.add(engine.process(txs[i] as Tx));
  const run = timed(txs.length, t0, c0);
  progress(`engine: ${Math.round(run.perSec).toLocaleString('en')} tx/s`);
  const after = memory();
  return { parse, run, ...tally, accounts: engine.table.size, capacity: engine.table.capacity(), memoryBefore: before, memory: after, txsKept: txs.length };
}

async function peer() {
  const { checkAgainstEngineDecisions, PeerEngine, withoutGraphRules } = await import('./peer.ts');
  const prefix = Number(option('prefix') ?? 100_000);
  const txs = parseAll(await readLines(file, prefix));
  progress(`${txs.length.toLocaleString('en')} lines parsed`);
  const runEngine = (rs = DEFAULT_RULESET) => {
    const engine = newEngine(rs);
    const tally = new Tally();
    const out: TxVerdict[] = new Array<TxVerdict>(txs.length);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let i = 0; i < txs.length; i++) {
      const v = engine.process(txs[i] as Tx);
      tally.add(v);
      out[i] = v;
    }
    return { run: timed(txs.length, t0, c0), ...tally, verdicts: out };
  };
  const full = runEngine();
  progress(`engine, all rules: ${Math.round(full.run.perSec).toLocaleString('en')} tx/s`);
  const scoped = runEngine(withoutGraphRules(DEFAULT_RULESET));
  progress(`engine, graph rules off: ${Math.round(scoped.run.perSec).toLocaleString('en')} tx/s`);
  const p = new PeerEngine(DEFAULT_RULESET);
  p.setLists(meta.lists);
  const peerVerdicts = new Array<Awaited<ReturnType<typeof p.process>>>(txs.length);
  const decisions: Record<string, number> = { allow: 0, review: 0, hold: 0, block: 0 };
  let alerts = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < txs.length; i++) {
    const v = await p.process(txs[i] as Tx);
    decisions[v.decision] = (decisions[v.decision] ?? 0) + 1;
    alerts += v.alerts;
    peerVerdicts[i] = v;
    if ((i + 1) % 50_000 === 0) progress(`peer: ${(i + 1).toLocaleString('en')} tx, ${Math.round(((i + 1) / (performance.now() - t0)) * 1000).toLocaleString('en')} tx/s so far`);
  }
  const run = timed(txs.length, t0, c0);
  progress(`json-rules-engine peer: ${Math.round(run.perSec).toLocaleString('en')} tx/s (${p.runs.toLocaleString('en')} runs)`);
  const check = checkAgainstEngineDecisions(scoped.verdicts, peerVerdicts, full.verdicts);
  return {
    prefix: txs.length,
    engine: { run: full.run, decisions: full.decisions, alerts: full.alerts },
    engineNoGraph: { run: scoped.run, decisions: scoped.decisions, alerts: scoped.alerts },
    peer: { run, decisions, alerts, runs: p.runs, events: p.events },
    check,
    memory: memory(),
  };
}

const started = performance.now();
const result = variant === 'floor' ? await floor() : variant === 'peer' ? await peer() : mode === 'preparsed' ? await enginePreparsed() : await engineStream();
process.stdout.write(`RESULT ${JSON.stringify({ variant, mode: variant === 'engine' ? mode : null, runner, node: process.version, wallMs: performance.now() - started, ...result })}\n`);
