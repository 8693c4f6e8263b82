/**
 * Bank account and card numbers. Personal cards are 16–19 digits with a Luhn check digit; corporate and
 * older passbook accounts are other lengths and carry no Luhn digit, so a failed Luhn check is a warning
 * for the officer (a typo is likely), never a reason to refuse a report.
 */
export function normalizeAccount(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

export function isAccountNumber(v: string): boolean {
  return /^\d{8,32}$/.test(v);
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** A card-length number whose check digit is wrong: worth a second look. */
export function cardCheckWarning(v: string): string | null {
  if (v.length >= 16 && v.length <= 19 && !luhnValid(v)) return 'card number fails the Luhn check digit (a typo?); stored as given';
  return null;
}
