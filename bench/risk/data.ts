/**
 * The benchmark's transaction stream, generated once and cached under bench/risk/.data (gitignored): labelled
 * synthetic bank transactions from `synthesize` (src/engines/risk/synth.ts) written as partner-contract NDJSON
 * (`txToContractLine`), in time order. The cache key covers the generator's and the line format's source text
 * and the options, so a changed generator makes a new file (older files of the same size are removed).
 *
 * Next to the file, `<name>.meta.json`: counts, the generator's plan, and the center's lists the benchmark
 * hands to the engine (every 10th labelled mule account as named in a case, so `listed_counterparty` fires as
 * it would with real lists).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { txToContractLine } from '../../src/engines/risk/ndjson.ts';
import { synthesize } from '../../src/engines/risk/synth.ts';
import type { ListedKind } from '../../src/engines/risk/state.ts';
import { log } from './log.ts';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.join(HERE, '.data');
const ROOT = path.resolve(HERE, '../..');

export interface DataOptions {
  accounts: number;
  transactions: number;
  days: number;
  seed: number;
  /** epoch ms, local midnight */
  start: number;
}

export interface DataMeta {
  options: DataOptions;
  file: string;
  lines: number;
  bytes: number;
  firstAt: string;
  lastAt: string;
  distinctAccountsPlanned: number;
  muleAccounts: number;
  patternTx: number;
  plan: Record<string, number>;
  channels: Record<string, number>;
  generatedMs: number;
  lists: [string, ListedKind][];
}

export function optionsFor(scale: number): DataOptions {
  return {
    accounts: Math.max(2_000, Math.round(1_000_000 * scale)),
    transactions: Math.max(10_000, Math.round(5_000_000 * scale)),
    days: 30,
    seed: 20_250_301,
    start: Date.parse('2025-03-01T00:00:00+08:00'),
  };
}

function cacheKey(o: DataOptions): string {
  const h = createHash('sha256');
  for (const f of ['src/engines/risk/synth.ts', 'src/engines/risk/ndjson.ts', 'src/engines/risk/types.ts', 'src/demo/random.ts']) h.update(fs.readFileSync(path.join(ROOT, f)));
  h.update(JSON.stringify(o));
  return h.digest('hex').slice(0, 10);
}

/** The cached stream for these options, generating it first when missing. */
export async function ensureData(o: DataOptions): Promise<DataMeta> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const prefix = `tx-${o.accounts}a-${o.transactions}t-`;
  const name = `${prefix}${cacheKey(o)}`;
  const file = path.join(DATA_DIR, `${name}.ndjson`);
  const metaFile = path.join(DATA_DIR, `${name}.meta.json`);
  if (fs.existsSync(file) && fs.existsSync(metaFile)) {
    log(`data: cached ${path.relative(ROOT, file)}`);
    return JSON.parse(fs.readFileSync(metaFile, 'utf8')) as DataMeta;
  }
  for (const f of fs.readdirSync(DATA_DIR)) if (f.startsWith(prefix)) fs.rmSync(path.join(DATA_DIR, f));
  log(`data: generating ${o.transactions.toLocaleString('en')} transactions over ${o.accounts.toLocaleString('en')} accounts with synthesize() (once; cached)…`);
  const t0 = performance.now();
  const r = synthesize({ seed: o.seed, accounts: o.accounts, transactions: o.transactions, start: o.start, days: o.days });
  const tmp = `${file}.part`;
  const out = fs.createWriteStream(tmp);
  let lines = 0;
  let bytes = 0;
  let first = 0;
  let last = 0;
  let batch = '';
  const channels: Record<string, number> = {};
  for (const tx of r.transactions) {
    if (lines === 0) first = tx.at;
    if (tx.at < last) throw new Error(`synthesize() gave a transaction out of time order at line ${lines + 1}`);
    last = tx.at;
    lines++;
    channels[tx.channel] = (channels[tx.channel] ?? 0) + 1;
    batch += `${txToContractLine(tx)}\n`;
    if (batch.length >= 1 << 20) {
      bytes += batch.length;
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
      if (lines % 500_000 < 5_000) log(`data: ${lines.toLocaleString('en')} lines…`);
    }
  }
  bytes += batch.length;
  out.end(batch);
  await finished(out);
  fs.renameSync(tmp, file);
  const mules = [...r.labels.mules.keys()];
  const meta: DataMeta = {
    options: o,
    file,
    lines,
    bytes,
    firstAt: new Date(first).toISOString(),
    lastAt: new Date(last).toISOString(),
    distinctAccountsPlanned: o.accounts,
    muleAccounts: mules.length,
    patternTx: r.labels.patternTx.size,
    plan: r.plan,
    channels,
    generatedMs: performance.now() - t0,
    lists: mules.filter((_, i) => i % 10 === 0).map((a) => [a, 'case'] as [string, ListedKind]),
  };
  fs.writeFileSync(metaFile, JSON.stringify(meta));
  log(`data: ${lines.toLocaleString('en')} lines, ${(bytes / 1e6).toFixed(0)} MB in ${(meta.generatedMs / 1000).toFixed(0)} s`);
  return meta;
}
