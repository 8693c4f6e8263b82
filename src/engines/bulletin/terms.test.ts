import { describe, expect, it } from 'vitest';
import { emergingTerms } from './terms.ts';

const old = [
  '受害人在社交平台看到兼职刷单广告，按对方要求做任务垫付资金，连单后无法提现。',
  '受害人被拉入炒股群，在虚假投资平台充值后无法提现。',
  '受害人网上申请贷款，对方以解冻金为由要求转账。',
];
const earlier = Array.from({ length: 30 }, (_, i) => old[i % old.length] ?? '');
const recent = [
  ...Array.from({ length: 6 }, () => '受害人接到自称客服电话，对方要求下载会议软件并开启共享屏幕，随后转走银行卡内资金。'),
  ...Array.from({ length: 4 }, () => '受害人被拉入炒股群，对方要求用USDT充值，在虚假投资平台无法提现。'),
  '受害人在社交平台看到兼职刷单广告，按对方要求做任务垫付资金，连单后无法提现。',
];

describe('emerging terms of the narratives', () => {
  it('finds the new methods (screen sharing, USDT) and not what was always there', () => {
    const terms = emergingTerms(recent, earlier, { limit: 10 });
    const words = terms.map((t) => t.term);
    expect(words.some((w) => w.includes('共享屏幕'))).toBe(true);
    expect(words).toContain('USDT');
    expect(words.some((w) => w.includes('刷单') || w.includes('炒股'))).toBe(false);
    // Whole phrases, without the ordinary words at their ends (受害人, 对方要求, 资金).
    expect(words).toEqual(['下载会议软件并开启共享屏幕', '接到自称客服电话', '随后转走银行卡内', 'USDT']);
    const usdt = terms.find((t) => t.term === 'USDT');
    expect(usdt).toMatchObject({ recent: 4, earlier: 0 });
  });

  it('keeps the longest phrase of a family rather than its fragments', () => {
    const words = emergingTerms(recent, earlier, { limit: 10 }).map((t) => t.term);
    const screen = words.filter((w) => w.includes('共享') || w.includes('屏幕'));
    expect(screen).toHaveLength(1);
  });

  it('needs support: a phrase in fewer narratives than minSupport is no trend', () => {
    expect(emergingTerms(recent.slice(0, 2), earlier)).toEqual([]);
    expect(emergingTerms([], earlier)).toEqual([]);
  });
});
