import { isValidIdNumber } from '../../../../../src/lib/id-number.ts';

export interface IdList {
  /** Valid resident ID numbers, upper-cased, each once, in the order given. */
  valid: string[];
  /** ID-like tokens that fail the check digit, birth date or region. */
  invalid: string[];
}

/**
 * ID numbers out of whatever a bank or operator pastes or exports: one per line, or in CSV cells next to
 * names and accounts. Tokens of 15–18 digits (the last may be X) are taken; anything else is ignored.
 */
export function readIdNumbers(text: string): IdList {
  const valid: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/[\s,，;；|"'=]+/)) {
    const token = raw.trim().toUpperCase();
    if (!/^\d{14,17}[\dX]$/.test(token)) continue;
    if (seen.has(token)) continue;
    seen.add(token);
    (isValidIdNumber(token) ? valid : invalid).push(token);
  }
  return { valid, invalid };
}
