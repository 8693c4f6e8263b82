/**
 * Fraud-type classifier for case narratives (pure, no I/O). Each of the 13 statistics labels has cue
 * phrases with weights drawn from how victims and officers describe the methods (DOMAIN.md "打", the
 * police platform's labels). A narrative scores the sum of the weights of the cues it contains (each cue
 * once); the best label wins when it reaches MIN_SCORE and leads the runner-up by MIN_MARGIN, otherwise
 * the case stays unclassified for an analyst to label. Explainable: the matched cues are returned.
 */
import type { FraudType } from '../../lib/fraud-types.ts';

type Cues = readonly (readonly [string, number])[];

const CUES: Record<Exclude<FraudType, '其他'>, Cues> = {
  刷单返利: [['刷单', 3], ['返利', 2], ['点赞', 2], ['做任务', 2], ['垫付', 2], ['佣金', 2], ['兼职', 1], ['关注抖音', 2], ['派单', 2], ['连单', 2]],
  虚假网络投资理财: [['投资', 2], ['理财', 2], ['炒股', 3], ['股票', 2], ['虚拟币', 3], ['数字货币', 3], ['导师', 2], ['荐股', 3], ['收益', 1], ['期货', 2], ['外汇', 2], ['平台提现', 2]],
  贷款代办信用卡: [['贷款', 3], ['放款', 2], ['解冻金', 3], ['流水', 1], ['额度', 1], ['信用卡代办', 3], ['办理信用卡', 3], ['手续费', 1], ['保证金', 1]],
  冒充电商物流客服: [['客服', 2], ['退款', 2], ['快递', 2], ['理赔', 2], ['丢件', 3], ['商品质量', 2], ['淘宝', 1], ['京东', 1], ['拼多多', 1], ['百万保障', 3], ['会员扣费', 2]],
  虚假征信: [['征信', 3], ['注销', 2], ['校园贷', 3], ['学生账户', 2], ['影响征信', 3], ['消除记录', 2], ['京东金条', 2], ['借呗', 1]],
  虚假购物服务: [['购物', 2], ['低价', 2], ['代购', 2], ['演唱会门票', 3], ['二手', 1], ['发货', 1], ['定金', 1], ['预售', 1]],
  冒充公检法: [['公安局', 2], ['检察院', 3], ['法院', 2], ['通缉', 3], ['洗钱', 3], ['安全账户', 3], ['逮捕令', 3], ['涉嫌', 2], ['警官', 1], ['资金核查', 3], ['冻结你的', 2]],
  冒充领导熟人: [['领导', 3], ['老板', 2], ['熟人', 2], ['老同学', 2], ['加我微信', 1], ['帮忙转账', 3], ['急用钱', 2], ['冒充', 1]],
  网络游戏虚假交易: [['游戏', 3], ['装备', 3], ['游戏账号', 3], ['皮肤', 2], ['点券', 2], ['代练', 2]],
  网络婚恋交友: [['婚恋', 3], ['交友', 2], ['网恋', 3], ['男朋友', 2], ['女朋友', 2], ['相亲', 2], ['杀猪盘', 3], ['结婚', 1]],
  冒充军警购物: [['部队', 3], ['军人', 3], ['军官', 3], ['采购', 2], ['营区', 3], ['武警', 3]],
  网黑: [['网黑', 3], ['黑产', 2], ['裸聊', 3], ['敲诈', 2], ['不雅视频', 3], ['赌博', 2], ['博彩', 2]],
};

export const MIN_SCORE = 3;
export const MIN_MARGIN = 2;

export interface Classification {
  fraudType: FraudType | null;
  score: number;
  /** The cues found for the winning type (empty when unclassified). */
  cues: string[];
}

export function classifyNarrative(narrative: string): Classification {
  const text = narrative.replace(/\s+/g, '');
  let best: { type: FraudType; score: number; cues: string[] } | null = null;
  let second = 0;
  for (const [type, cues] of Object.entries(CUES) as [Exclude<FraudType, '其他'>, Cues][]) {
    let score = 0;
    const found: string[] = [];
    for (const [cue, weight] of cues) {
      if (text.includes(cue)) {
        score += weight;
        found.push(cue);
      }
    }
    if (!best || score > best.score) {
      second = best?.score ?? 0;
      best = { type, score, cues: found };
    } else if (score > second) {
      second = score;
    }
  }
  if (!best || best.score < MIN_SCORE || best.score - second < MIN_MARGIN) return { fraudType: null, score: best?.score ?? 0, cues: [] };
  return { fraudType: best.type, score: best.score, cues: best.cues };
}
