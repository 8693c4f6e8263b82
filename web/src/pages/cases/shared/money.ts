import { formatYuan, toFen } from '../../../../../src/lib/money.ts';

/** "1234.5" → "1,234.50"; anything that is not an amount is shown as it came. */
export function yuan(v: string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  try {
    return formatYuan(toFen(v));
  } catch {
    return v;
  }
}

/** Exact sum of decimal yuan strings, in fen. */
export function sumFen(values: readonly (string | null | undefined)[]): number {
  let total = 0;
  for (const v of values) {
    if (!v) continue;
    try {
      total += toFen(v);
    } catch {
      // Not an amount (yet): the form's own rule reports it.
    }
  }
  return total;
}

export { formatYuan, fromFen, toFen } from '../../../../../src/lib/money.ts';
