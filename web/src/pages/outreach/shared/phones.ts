import { isMobilePhone, normalizePhone } from '../../../../../src/lib/phone.ts';

/** The numbers in a pasted list (one a line, or separated by commas, spaces or 、), and the tokens that are none. */
export function parsePhones(text: string | undefined): { phones: string[]; bad: string[] } {
  const tokens = (text ?? '').split(/[\s,，;；、]+/).filter(Boolean);
  const phones = new Set<string>();
  const bad: string[] = [];
  for (const token of tokens) {
    const n = normalizePhone(token);
    if (isMobilePhone(n)) phones.add(n);
    else bad.push(token);
  }
  return { phones: [...phones], bad };
}

