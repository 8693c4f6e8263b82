import { describe, expect, it } from 'vitest';
import { allocateProRata, formatYuan, fromFen, toFen } from './money.ts';

describe('money', () => {
  it('converts yuan strings to fen and back exactly', () => {
    expect(toFen('1234.56')).toBe(123456);
    expect(toFen('0.1')).toBe(10);
    expect(toFen('7')).toBe(700);
    expect(toFen('-3.05')).toBe(-305);
    expect(fromFen(123456)).toBe('1234.56');
    expect(fromFen(5)).toBe('0.05');
    expect(fromFen(-305)).toBe('-3.05');
    expect(toFen('0.1') + toFen('0.2')).toBe(toFen('0.3'));
    expect(() => toFen('1.234')).toThrow();
    expect(() => toFen('abc')).toThrow();
  });
  it('formats with thousands separators', () => {
    expect(formatYuan(123456789)).toBe('1,234,567.89');
    expect(formatYuan(100)).toBe('1.00');
  });
});

describe('pro-rata allocation', () => {
  it('splits exactly, largest remainders first, never above the bases', () => {
    expect(allocateProRata(10000, [30000, 10000])).toEqual([7500, 2500]);
    expect(allocateProRata(100, [100, 100, 100])).toEqual([34, 33, 33]);
    expect(allocateProRata(100, [1, 1, 1])).toEqual([1, 1, 1]);
    expect(allocateProRata(1000, [200, 300])).toEqual([200, 300]);
    expect(allocateProRata(0, [5, 5])).toEqual([0, 0]);
    const parts = allocateProRata(999_999, [123_457, 654_321, 222_222]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(999_999);
  });
});
