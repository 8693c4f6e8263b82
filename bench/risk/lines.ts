/**
 * Reads an NDJSON file in large chunks and hands out its lines in arrays (one array per chunk), the way a feed
 * consumer would: cut at the last newline of each chunk, decode that part, split it; the rest waits for the next
 * chunk. A newline byte never occurs inside a UTF-8 sequence, so cutting there is safe.
 */
import fs from 'node:fs/promises';

const CHUNK = 4 << 20;

export async function* lineBatches(file: string, limit = Infinity): AsyncGenerator<string[]> {
  const fh = await fs.open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let carry = Buffer.alloc(0);
    let seen = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const data = carry.length ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
      const cut = data.lastIndexOf(10);
      if (cut < 0) {
        carry = Buffer.from(data);
        continue;
      }
      const lines = data.toString('utf8', 0, cut).split('\n');
      carry = Buffer.from(data.subarray(cut + 1));
      if (seen + lines.length >= limit) {
        yield lines.slice(0, limit - seen);
        return;
      }
      seen += lines.length;
      yield lines;
    }
    if (carry.length && seen < limit) yield [carry.toString('utf8')];
  } finally {
    await fh.close();
  }
}

/** The first `limit` lines (all by default) as one array of strings. */
export async function readLines(file: string, limit = Infinity): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of lineBatches(file, limit)) for (const l of batch) if (l !== '') out.push(l);
  return out;
}
