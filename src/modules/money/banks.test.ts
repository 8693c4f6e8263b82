import { describe, expect, it } from 'vitest';
import { bankCore, matchBank, type BankOrg } from './banks.ts';

const banks: BankOrg[] = [
  ['ICBC', '中国工商银行示例市分行'],
  ['BOC', '中国银行示例市分行'],
  ['PSBC', '中国邮政储蓄银行示例市分行'],
  ['SLRCB', '示例农村商业银行'],
].map(([code, name], i) => ({ id: i + 1, code: code ?? '', name: name ?? '', core: bankCore(name ?? '') }));

describe('bank names', () => {
  it('reduces names to their core', () => {
    expect(bankCore('中国工商银行示例市分行')).toBe('工商银行');
    expect(bankCore('中国银行示例市分行')).toBe('中国银行');
    expect(bankCore('工行')).toBe('工商银行');
    expect(bankCore('中国工商银行股份有限公司')).toBe('工商银行');
  });
  it('matches codes, full names, short names and aliases, and nothing else', () => {
    const code = (s: string) => matchBank(banks, s)?.code ?? null;
    expect(code('icbc')).toBe('ICBC');
    expect(code('中国工商银行')).toBe('ICBC');
    expect(code('工商银行北京分行')).toBe('ICBC');
    expect(code('工行')).toBe('ICBC');
    expect(code('中国银行')).toBe('BOC');
    expect(code('邮储')).toBe('PSBC');
    expect(code('示例农村商业银行')).toBe('SLRCB');
    expect(code('招商银行')).toBeNull();
    expect(code('银')).toBeNull();
  });
});
