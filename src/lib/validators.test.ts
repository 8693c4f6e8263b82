import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckChar, isRegionCode } from './id-number.ts';
import { maskAccount, maskFields, maskIdNumber, maskName, maskPhone } from './mask.ts';
import { isMobilePhone, mobileOperator, normalizePhone } from './phone.ts';

describe('GB 11643 ID numbers', () => {
  it('computes the MOD 11-2 check character of the standard example', () => {
    // The worked example of GB 11643-1999: 11010519491231002X.
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(checkIdNumber('11010519491231002X')).toBeNull();
  });
  it('rejects a wrong check digit, an impossible date, a future birth and a bad region', () => {
    expect(checkIdNumber('110105194912310021')).toBe('checkDigit');
    expect(checkIdNumber('110105194902300028')).toBe('birthDate');
    expect(checkIdNumber('110105209901010011', new Date('2026-01-01'))).toBe('birthDate');
    expect(checkIdNumber('990105194912310021')).toBe('region');
    expect(checkIdNumber('11010519491231002x')).toBe('format');
    expect(checkIdNumber('1101051949123100')).toBe('format');
  });
  it('accepts 6-, 9- and 12-digit region codes only where asked', () => {
    expect(isRegionCode('140100')).toBe(true);
    expect(isRegionCode('990100')).toBe(false);
    expect(isRegionCode('140100001')).toBe(false);
    expect(isRegionCode('140100001', [9])).toBe(true);
    expect(isRegionCode('14010a', [6])).toBe(false);
  });
});

describe('mobile numbers', () => {
  it('knows the operator of allocated prefixes and strips the country code', () => {
    expect(mobileOperator('13800138000')).toBe('cmcc');
    expect(mobileOperator('+86 186-0000-1111')).toBe('cucc');
    expect(mobileOperator('19912345678')).toBe('ctcc');
    expect(normalizePhone('0086 13912345678')).toBe('13912345678');
  });
  it('rejects unallocated prefixes, landlines and wrong lengths', () => {
    expect(isMobilePhone('12012345678')).toBe(false);
    expect(isMobilePhone('10086')).toBe(false);
    expect(isMobilePhone('1380013800')).toBe(false);
    expect(isMobilePhone('02912345678')).toBe(false);
  });
});

describe('masking', () => {
  it('keeps only what identifies the record to a colleague', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskAccount('6222020200112233445')).toBe('************3445');
  });
  it('masks listed fields unless revealed', () => {
    const row = { phone: '13800138000', name: '李四', other: 'x' };
    expect(maskFields(row, { phone: 'phone', name: 'name' }, false)).toEqual({ phone: '138****8000', name: '李*', other: 'x' });
    expect(maskFields(row, { phone: 'phone' }, true)).toBe(row);
  });
});
