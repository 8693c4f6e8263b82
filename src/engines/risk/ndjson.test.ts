import { describe, expect, it } from 'vitest';
import { fenToYuan, isParseError, isoChina, parseContractLine, parseIsoWithOffset, parseYuan, txToContractLine, type ParseResult } from './ndjson.ts';
import { synthesize } from './synth.ts';
import type { Tx } from './types.ts';

const GOOD = {
  txId: 'T1',
  at: '2025-03-01T09:30:05+08:00',
  fromAccount: '6222020200112233446',
  fromBank: 'B-ICBC',
  toAccount: '6228480012345678903',
  toBank: 'B-ABC',
  amount: '1234.56',
  channel: 'transfer',
};

function line(patch: Record<string, unknown>, drop: string[] = []): string {
  const o: Record<string, unknown> = { ...GOOD, ...patch };
  for (const k of drop) delete o[k];
  return JSON.stringify(o);
}
function errorsOf(r: ParseResult): { path: string; message: string }[] {
  return isParseError(r) ? r.errors : [];
}
function paths(r: ParseResult): string[] {
  return errorsOf(r).map((e) => e.path);
}
function fen(amount: string): number {
  const r = parseContractLine(line({ amount }));
  if (isParseError(r)) throw new Error(`rejected ${amount}: ${JSON.stringify(r.errors)}`);
  return r.amount;
}

describe('parseContractLine', () => {
  it('converts a good line to a Tx', () => {
    expect(parseContractLine(line({}))).toEqual({
      txId: 'T1',
      at: Date.parse('2025-03-01T01:30:05Z'),
      from: '6222020200112233446',
      fromBank: 'B-ICBC',
      to: '6228480012345678903',
      toBank: 'B-ABC',
      amount: 123456,
      channel: 'transfer',
    });
  });

  it('turns yuan into exact integer fen without float rounding', () => {
    expect(fen('0.1')).toBe(10);
    expect(fen('0.01')).toBe(1);
    expect(fen('1234.56')).toBe(123456);
    expect(fen('1234.5')).toBe(123450);
    expect(fen('1234')).toBe(123400);
    expect(fen('0.29')).toBe(29); // 0.29 * 100 = 28.999999999999996 in floats
    expect(fen('19999.99')).toBe(1_999_999);
    expect(fen('007.10')).toBe(710);
    expect(fen('1000000000000')).toBe(100_000_000_000_000);
    expect(fen('999999999999.99')).toBe(99_999_999_999_999);
  });

  it('rejects amounts that are not positive decimal strings with at most two decimals', () => {
    for (const bad of ['1e3', '-5', '12.345', '+5', '', ' 5', '5 ', '1,000.00', '.5', '5.', '0x10', 'NaN', 'Infinity', '1.2.3', '５']) {
      expect(paths(parseContractLine(line({ amount: bad }))), bad).toEqual(['amount']);
    }
    expect(errorsOf(parseContractLine(line({ amount: '0' })))[0]?.message).toMatch(/positive/);
    expect(errorsOf(parseContractLine(line({ amount: '0.00' })))[0]?.message).toMatch(/positive/);
    expect(errorsOf(parseContractLine(line({ amount: '1000000000000.01' })))[0]?.message).toMatch(/exceed/);
    expect(errorsOf(parseContractLine(line({ amount: '99999999999999999999999' })))[0]?.message).toMatch(/exceed/);
    expect(paths(parseContractLine(line({ amount: 1234.56 })))).toEqual(['amount']);
    expect(paths(parseContractLine(line({}, ['amount'])))).toEqual(['amount']);
  });

  it('rejects bad ids, accounts and banks', () => {
    expect(paths(parseContractLine(line({ txId: '' })))).toEqual(['txId']);
    expect(paths(parseContractLine(line({ txId: 'x'.repeat(65) })))).toEqual(['txId']);
    expect(paths(parseContractLine(line({ txId: 'x'.repeat(64) })))).toEqual([]);
    expect(paths(parseContractLine(line({ txId: 42 })))).toEqual(['txId']);
    expect(paths(parseContractLine(line({}, ['txId'])))).toEqual(['txId']);
    expect(paths(parseContractLine(line({ fromAccount: '' })))).toEqual(['fromAccount']);
    expect(paths(parseContractLine(line({ toAccount: '9'.repeat(65) })))).toEqual(['toAccount']);
    expect(paths(parseContractLine(line({ toAccount: null })))).toEqual(['toAccount']);
    expect(paths(parseContractLine(line({ fromBank: '' })))).toEqual(['fromBank']);
    expect(paths(parseContractLine(line({}, ['toBank'])))).toEqual(['toBank']);
  });

  it('rejects times that are not ISO 8601 with an offset', () => {
    for (const bad of ['2025-03-01T09:30:05', '2025-03-01 09:30:05+08:00', '2025-02-29T09:30:05+08:00', '2025-13-01T09:30:05+08:00', '2025-03-01T24:00:00+08:00', '2025-03-01T09:60:00+08:00', '2025-03-01T09:30:05+0800', '2025-03-01', '1740792605000', '2025-03-01T09:30:05.+08:00', '2025-03-01T09:30:05+08:00x', '0099-03-01T09:30:05Z']) {
      expect(paths(parseContractLine(line({ at: bad }))), bad).toEqual(['at']);
    }
    expect(paths(parseContractLine(line({ at: 1740792605000 })))).toEqual(['at']);
    expect(paths(parseContractLine(line({}, ['at'])))).toEqual(['at']);
  });

  it('reads offsets, Z, fractions and leap days', () => {
    expect(parseIsoWithOffset('2025-03-01T09:30:05+08:00')).toBe(Date.parse('2025-03-01T01:30:05Z'));
    expect(parseIsoWithOffset('2025-03-01T01:30:05Z')).toBe(Date.parse('2025-03-01T01:30:05Z'));
    expect(parseIsoWithOffset('2025-03-01T01:30:05-05:30')).toBe(Date.parse('2025-03-01T07:00:05Z'));
    expect(parseIsoWithOffset('2025-03-01T09:30:05.5+08:00')).toBe(Date.parse('2025-03-01T01:30:05.500Z'));
    expect(parseIsoWithOffset('2025-03-01T09:30:05.123456+08:00')).toBe(Date.parse('2025-03-01T01:30:05.123Z'));
    expect(parseIsoWithOffset('2024-02-29T00:00:00+08:00')).toBe(Date.parse('2024-02-28T16:00:00Z'));
    expect(parseIsoWithOffset('1900-02-29T00:00:00Z')).toBeNaN();
  });

  it('rejects unknown channels and reports every bad field at once', () => {
    expect(paths(parseContractLine(line({ channel: 'crypto' })))).toEqual(['channel']);
    expect(paths(parseContractLine(line({}, ['channel'])))).toEqual(['channel']);
    expect(paths(parseContractLine(line({ txId: '', amount: '1e3', channel: 'x', at: 'now' })))).toEqual(['txId', 'at', 'amount', 'channel']);
  });

  it('rejects what is not a JSON object and ignores unknown fields', () => {
    for (const bad of ['', '{', 'null', '[]', '"x"', '42', `${line({})}x`]) expect(paths(parseContractLine(bad)), bad).toEqual(['']);
    expect(isParseError(parseContractLine(line({ fromName: '张三', extra: { a: 1 } })))).toBe(false);
  });
});

describe('txToContractLine', () => {
  it('encodes amounts and times exactly', () => {
    expect(fenToYuan(1)).toBe('0.01');
    expect(fenToYuan(10)).toBe('0.10');
    expect(fenToYuan(123456)).toBe('1234.56');
    expect(fenToYuan(100_000_000_000_000)).toBe('1000000000000.00');
    expect(isoChina(Date.parse('2025-03-01T01:30:05Z'))).toBe('2025-03-01T09:30:05+08:00');
    expect(isoChina(Date.parse('2025-03-01T16:30:05.042Z'))).toBe('2025-03-02T00:30:05.042+08:00');
    expect(parseYuan('12')).toBe(1200);
  });

  it('writes exactly what JSON.stringify would, also for unusual strings, and times round-trip', () => {
    const tx: Tx = { txId: 'a"b\\c\n\u0001\ud800', at: Date.parse('2025-03-01T16:30:05.042Z'), from: '张三 6222', fromBank: '工商银行', to: 'y\u2028', toBank: 'z', amount: 5, channel: 'card' };
    const expected = JSON.stringify({ txId: tx.txId, at: '2025-03-02T00:30:05.042+08:00', fromAccount: tx.from, fromBank: tx.fromBank, toAccount: tx.to, toBank: tx.toBank, amount: '0.05', channel: 'card' });
    expect(txToContractLine(tx)).toBe(expected);
    expect(parseContractLine(txToContractLine({ ...tx, txId: 'ok' }))).toEqual({ ...tx, txId: 'ok' });
    expect(isoChina(Date.parse('1969-12-31T15:00:00Z'))).toBe('1969-12-31T23:00:00+08:00');
    expect(isoChina(Date.parse('1969-12-31T15:00:00.5Z'))).toBe('1969-12-31T23:00:00.500+08:00');
    let x = 1_700_000_000_000;
    for (let i = 0; i < 2000; i++) {
      x += (i * 7919 * 104_729) % 900_000_000;
      expect(parseIsoWithOffset(isoChina(x))).toBe(x);
      expect(isoChina(x)).toBe(`${new Date(x + 8 * 3_600_000).toISOString().slice(0, x % 1000 === 0 ? 19 : 23)}+08:00`);
    }
  });

  it('round-trips every synthetic transaction', () => {
    const { transactions } = synthesize({ seed: 11, accounts: 2000, transactions: 8000, start: Date.parse('2025-01-20T00:00:00+08:00'), days: 10, muleShare: 0.03 });
    let n = 0;
    for (const tx of transactions) {
      const text = txToContractLine(tx);
      const o = JSON.parse(text) as Record<string, string>;
      expect(Object.keys(o)).toEqual(['txId', 'at', 'fromAccount', 'fromBank', 'toAccount', 'toBank', 'amount', 'channel']);
      expect(o.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+08:00$/);
      expect(parseContractLine(text)).toEqual(tx satisfies Tx);
      n++;
    }
    expect(n).toBeGreaterThan(7800);
  });
});
