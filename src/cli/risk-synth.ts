/**
 * `fanzha risk-synth --out tx.ndjson [--labels labels.json] [--accounts n] [--transactions n] [--days n]
 *   [--seed n] [--variant train|holdout] [--start 2025-03-01] [--mule-share 0.005] [--typologies fan_in,cycle]`
 *
 * Writes labelled synthetic bank transactions (src/engines/risk/synth.ts) as NDJSON in the partner contract format,
 * streaming with backpressure, and the labels as one JSON document, or as NDJSON records when the labels path ends
 * in `.ndjson` (`{"kind":"mule"|"patternTx"|"instance"|"normal"|"sameOwner", …}`) for very large runs.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { fenToYuan, isoChina, parseIsoWithOffset, txToContractLine } from '../engines/risk/ndjson.ts';
import { synthesize, TYPOLOGIES, type SynthLabels, type Typology } from '../engines/risk/synth.ts';
import { optionalOption, requireOption, UsageError, type Parsed } from './args.ts';

const CHUNK_BYTES = 1 << 20;

function intOption(args: Parsed, name: string, fallback: number, min: number): number {
  const raw = optionalOption(args, name);
  if (raw === undefined) return fallback;
  const v = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(v) || v < min) throw new UsageError(`--${name} takes a whole number ≥ ${min}`);
  return v;
}

/** "2025-03-01" is local midnight in China (+08:00); a full ISO date-time needs its offset. */
function startOption(args: Parsed): number {
  const raw = optionalOption(args, 'start') ?? '2025-03-01';
  const at = parseIsoWithOffset(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00+08:00` : raw);
  if (Number.isNaN(at)) throw new UsageError('--start takes a date (2025-03-01, local midnight) or an ISO date-time with offset');
  return at;
}

/** A writer that waits for 'drain' whenever the stream's buffer is full, and surfaces the stream's errors. */
function writer(stream: fs.WriteStream): { write: (s: string | Buffer) => Promise<void>; close: () => Promise<void> } {
  let failure: Error | null = null;
  stream.on('error', (err) => {
    failure = err;
  });
  return {
    write: async (s) => {
      if (failure) throw failure;
      if (!stream.write(s)) await once(stream, 'drain');
    },
    close: async () => {
      if (failure) throw failure;
      stream.end();
      await finished(stream);
    },
  };
}

async function writeLabels(path: string, labels: SynthLabels, meta: Record<string, unknown>): Promise<void> {
  const w = writer(fs.createWriteStream(path));
  const j = JSON.stringify;
  if (path.endsWith('.ndjson')) {
    await w.write(`${j({ kind: 'meta', ...meta })}\n`);
    let batch = '';
    const put = async (line: string) => {
      batch += `${line}\n`;
      if (batch.length > 1 << 16) {
        await w.write(batch);
        batch = '';
      }
    };
    for (const [account, typology] of labels.mules) await put(j({ kind: 'mule', account, typology }));
    for (const txId of labels.patternTx) await put(j({ kind: 'patternTx', txId }));
    for (const inst of labels.instances) await put(j({ kind: 'instance', ...inst }));
    for (const [account, normalKind] of labels.normalKinds) await put(j({ kind: 'normal', account, normalKind }));
    for (const [account, owner] of labels.sameOwner) await put(j({ kind: 'sameOwner', account, owner }));
    if (batch) await w.write(batch);
  } else {
    // one JSON document, written piece by piece
    const obj = async (m: Map<string, string>) => {
      let first = true;
      let batch = '{';
      for (const [k, v] of m) {
        batch += `${first ? '' : ','}${j(k)}:${j(v)}`;
        first = false;
        if (batch.length > 1 << 16) {
          await w.write(batch);
          batch = '';
        }
      }
      await w.write(`${batch}}`);
    };
    await w.write(`{"meta":${j(meta)},"mules":`);
    await obj(labels.mules);
    await w.write(`,"patternTx":${j([...labels.patternTx])},"instances":[`);
    for (let i = 0; i < labels.instances.length; i++) await w.write(`${i ? ',' : ''}${j(labels.instances[i])}`);
    await w.write('],"normalKinds":');
    await obj(labels.normalKinds);
    await w.write(',"sameOwner":');
    await obj(labels.sameOwner);
    await w.write('}\n');
  }
  await w.close();
}

export async function riskSynthCommand(args: Parsed): Promise<number> {
  const out = requireOption(args, 'out');
  const labelsPath = optionalOption(args, 'labels');
  const accounts = intOption(args, 'accounts', 10_000, 500);
  const transactions = intOption(args, 'transactions', 100_000, 1);
  const days = intOption(args, 'days', 30, 1);
  const seed = intOption(args, 'seed', 1, 0);
  const variant = optionalOption(args, 'variant') ?? 'train';
  if (variant !== 'train' && variant !== 'holdout') throw new UsageError('--variant is train or holdout');
  const shareRaw = optionalOption(args, 'mule-share');
  const muleShare = shareRaw === undefined ? undefined : Number(shareRaw);
  if (muleShare !== undefined && !(muleShare >= 0 && muleShare <= 0.1)) throw new UsageError('--mule-share takes a fraction within [0, 0.1]');
  const typRaw = optionalOption(args, 'typologies');
  const typologies = typRaw?.split(',').map((t) => t.trim()) as Typology[] | undefined;
  for (const t of typologies ?? []) if (!TYPOLOGIES.includes(t)) throw new UsageError(`--typologies: unknown "${t}" (${TYPOLOGIES.join(', ')})`);
  const start = startOption(args);

  const started = Date.now();
  let result: ReturnType<typeof synthesize>;
  try {
    result = synthesize({ seed, accounts, transactions, days, start, variant, ...(muleShare === undefined ? {} : { muleShare }), ...(typologies ? { typologies } : {}) });
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }

  // lines are encoded straight into 1 MB buffers (a fresh one each time: the stream holds on to what it was given)
  const w = writer(fs.createWriteStream(out, { highWaterMark: CHUNK_BYTES }));
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  let lines = 0;
  let volume = 0;
  for (const tx of result.transactions) {
    const line = txToContractLine(tx);
    if (used + line.length * 3 + 1 > CHUNK_BYTES) {
      await w.write(chunk.subarray(0, used));
      chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      used = 0;
    }
    used += chunk.write(line, used, 'utf8');
    chunk[used++] = 0x0a;
    volume += tx.amount;
    if (++lines % 200_000 === 0 && process.stderr.isTTY) process.stderr.write(`\rrisk-synth: ${lines.toLocaleString('en')} transactions`);
  }
  if (used) await w.write(chunk.subarray(0, used));
  await w.close();
  if (process.stderr.isTTY && lines >= 200_000) process.stderr.write('\n');

  const { labels } = result;
  if (labelsPath) {
    await writeLabels(labelsPath, labels, { seed, variant, accounts, transactions: lines, days, start: isoChina(start), muleShare: muleShare ?? 0.005, plan: result.plan });
  }
  console.log(
    `risk-synth: ${lines} transactions (${labels.patternTx.size} in ${labels.instances.length} mule structures, ${labels.mules.size} mule accounts; ` +
      `${fenToYuan(volume)} yuan) → ${out}${labelsPath ? `, labels → ${labelsPath}` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return 0;
}
