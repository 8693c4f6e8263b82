import { describe, expect, it } from 'vitest';
import { classifyNarrative } from './fraud-type.ts';

describe('fraud-type classifier', () => {
  it.each([
    ['受害人在抖音看到兼职刷单广告，做任务点赞后被要求垫付，连单后无法提现', '刷单返利', ['刷单', '点赞', '做任务', '垫付', '兼职', '连单']],
    ['对方自称检察院工作人员，称其涉嫌洗钱，要求将资金转入安全账户配合资金核查', '冒充公检法', ['检察院', '洗钱', '安全账户', '涉嫌', '资金核查']],
    ['被拉进炒股群，所谓导师荐股，在虚假平台投资后无法提现', '虚假网络投资理财', ['投资', '炒股', '导师', '荐股']],
    ['自称京东客服，称其开通了百万保障会员，需要注销否则影响征信', '虚假征信', ['征信', '注销', '影响征信']],
    ['网上认识的男朋友介绍网恋，后以结婚为由借钱', '网络婚恋交友', ['网恋', '男朋友', '结婚']],
  ])('labels %s', (text, type, cues) => {
    const r = classifyNarrative(text);
    expect(r.fraudType).toBe(type);
    expect(r.cues).toEqual(cues);
  });

  it('leaves vague or evenly split narratives unclassified', () => {
    expect(classifyNarrative('被骗了，对方让我转账').fraudType).toBeNull();
    // 贷款 (3) + 征信 (3): no clear winner.
    expect(classifyNarrative('办贷款时对方说征信有问题').fraudType).toBeNull();
    expect(classifyNarrative('').fraudType).toBeNull();
  });

  it('ignores whitespace inside cues', () => {
    expect(classifyNarrative('刷 单 返 利').fraudType).toBe('刷单返利');
  });
});
