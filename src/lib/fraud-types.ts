/** The 13 fraud-type labels of the police statistics platform (PARTNER-API FraudType). */
export const FRAUD_TYPES = [
  '刷单返利',
  '虚假网络投资理财',
  '贷款代办信用卡',
  '冒充电商物流客服',
  '虚假征信',
  '虚假购物服务',
  '冒充公检法',
  '冒充领导熟人',
  '网络游戏虚假交易',
  '网络婚恋交友',
  '冒充军警购物',
  '网黑',
  '其他',
] as const;
export type FraudType = (typeof FRAUD_TYPES)[number];
