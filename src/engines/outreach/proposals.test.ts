import { describe, expect, it } from 'vitest';
import { audienceOf, proposeDirectives, type UnitFigures } from './proposals.ts';

const unit = (code: string, recent: Record<string, number>, before: Record<string, number>, ages: Record<string, number> = {}): UnitFigures => ({ code, name: code, recent, before, ages });

describe('precision directives proposed from the statistics', () => {
  it('proposes where a type rose enough, largest rise first, aimed at the group most hit', () => {
    const p = proposeDirectives([
      unit('A', { 刷单返利: 9, 冒充公检法: 3 }, { 刷单返利: 4, 冒充公检法: 3 }, { '18-25': 7, '61+': 2 }),
      unit('B', { 虚假网络投资理财: 4 }, {}, { '61+': 3, '36-45': 1 }),
      unit('C', { 刷单返利: 2 }, {}, {}),
    ]);
    expect(p).toEqual([
      { orgCode: 'A', orgName: 'A', fraudType: '刷单返利', recent: 9, before: 4, ratio: 2.25, audience: 'students' },
      { orgCode: 'B', orgName: 'B', fraudType: '虚假网络投资理财', recent: 4, before: 0, ratio: null, audience: 'elderly' },
    ]);
  });

  it('leaves out steady types and small numbers', () => {
    expect(proposeDirectives([unit('A', { 刷单返利: 5 }, { 刷单返利: 4 })])).toEqual([]);
    expect(proposeDirectives([unit('A', { 刷单返利: 2 }, {})])).toEqual([]);
    expect(proposeDirectives([unit('A', { 刷单返利: 6 }, { 刷单返利: 4 })])).toHaveLength(1);
  });

  it('picks the audience by the commonest known age band', () => {
    expect(audienceOf({ unknown: 10, '26-35': 1 })).toBe('workers');
    expect(audienceOf({ '0-17': 2, '61+': 2 })).toBe('students');
    expect(audienceOf({})).toBe('general');
  });
});
