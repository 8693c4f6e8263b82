/**
 * Resident ID numbers (GB 11643-1999): 17 digits then a check character computed with
 * ISO 7064 MOD 11-2. The first six digits are a GB/T 2260 region code, then the birth date.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK.charAt(sum % 11);
}

export type IdNumberProblem = 'format' | 'region' | 'birthDate' | 'checkDigit';

export function checkIdNumber(value: string, today: Date = new Date()): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  if (!/^[1-9]\d{5}$/.test(value.slice(0, 6)) || !isProvinceCode(value.slice(0, 2))) return 'region';
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (
    y < 1900 ||
    birth.getUTCFullYear() !== y ||
    birth.getUTCMonth() !== m - 1 ||
    birth.getUTCDate() !== d ||
    birth.getTime() > today.getTime()
  ) {
    return 'birthDate';
  }
  if (idCheckChar(value.slice(0, 17)) !== value.charAt(17)) return 'checkDigit';
  return null;
}

export function isValidIdNumber(value: string, today?: Date): boolean {
  return checkIdNumber(value, today) === null;
}

/** Province-level codes of GB/T 2260 (the first two digits of every region code). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43',
  '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

export function isProvinceCode(code: string): boolean {
  return PROVINCES.has(code);
}

/** A 6-digit GB/T 2260 code; 9 and 12 digits extend it to township and village level (GB/T 10114 style). */
export function isRegionCode(code: string, lengths: readonly number[] = [6]): boolean {
  return /^\d+$/.test(code) && lengths.includes(code.length) && isProvinceCode(code.slice(0, 2));
}
