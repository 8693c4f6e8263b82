import { describe, expect, it } from 'vitest';
import { cardCheckWarning, isAccountNumber, luhnValid, normalizeAccount } from './bank-account.ts';

describe('bank account numbers', () => {
  it('checks the Luhn digit of card numbers', () => {
    expect(luhnValid('6222020200112233440')).toBe(false);
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });
  it('warns about card-length numbers failing Luhn, never about other lengths', () => {
    expect(cardCheckWarning('4111111111111111')).toBeNull();
    expect(cardCheckWarning('4111111111111112')).toMatch(/Luhn/);
    expect(cardCheckWarning('12345678901')).toBeNull();
  });
  it('accepts digits only after removing spaces and dashes', () => {
    expect(normalizeAccount('6222 0202-0011 2233')).toBe('6222020200112233');
    expect(isAccountNumber('6222020200112233')).toBe(true);
    expect(isAccountNumber('62220x')).toBe(false);
    expect(isAccountNumber('1234567')).toBe(false);
  });
});
