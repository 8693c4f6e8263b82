/**
 * Money is a decimal string in yuan at the edges ("1234.56") and integer fen inside computations, so
 * sums are exact. Amounts up to 90 trillion yuan stay exact in a double (2^53 fen).
 */
export function toFen(yuan: string): number {
  const m = /^\s*(-?)(\d+)(?:\.(\d{0,2}))?\s*$/.exec(yuan);
  if (!m) throw new RangeError(`not a yuan amount: ${JSON.stringify(yuan)}`);
  const [, sign = '', whole = '0', frac = ''] = m;
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new RangeError(`yuan amount too large for exact fen: ${yuan}`);
  return sign === '-' && fen !== 0 ? -fen : fen;
}

/** Integer fen to exact decimal yuan with two places ("1234.56"). */
export function fromFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer: ${fen}`);
  const abs = Math.abs(fen);
  const yuan = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return fen < 0 ? `-${yuan}` : yuan;
}

/** "12,345.00": yuan for people. */
export function formatYuan(fen: number): string {
  const [int = '0', frac = '00'] = fromFen(fen).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/**
 * Splits `totalFen` over claims in proportion to their bases, exactly: each gets the floor of its share
 * and the fen left over go one by one to the largest remainders (ties: earlier claim first), so the
 * parts always add up to the total and no part exceeds what its basis allows.
 */
export function allocateProRata(totalFen: number, basesFen: number[]): number[] {
  const sum = basesFen.reduce((a, b) => a + b, 0);
  if (sum <= 0 || totalFen <= 0) return basesFen.map(() => 0);
  const pay = Math.min(totalFen, sum);
  const exact = basesFen.map((b) => (pay * b) / sum);
  const parts = exact.map(Math.floor);
  let left = pay - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}
