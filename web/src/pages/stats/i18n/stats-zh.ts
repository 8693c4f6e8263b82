/**
 * Chinese messages of the 统计研判 screens. The KPI names themselves come from the server's definitions
 * (GET /api/v1/stats/kpis), so a KPI is named the same on the dashboard, in reports and in Excel.
 */
export const STATS_ZH = {
  'stats.title': '统计研判',
  'stats.intro': '“两升两降”考核指标和预警劝阻、资金、断卡统计：按期间、辖区查看同比和环比，逐级钻取到下级单位和背后的案件、预警。',

  'stats.period.label': '统计期间',
  'stats.period.month': '月',
  'stats.period.quarter': '季度',
  'stats.period.year': '年',
  'stats.period.custom': '自定义',
  'stats.period.line': '{from} 至 {to}',
  'stats.period.compare': '同比：{lyFrom} 至 {lyTo}；环比：{pvFrom} 至 {pvTo}',
  'stats.org.label': '辖区',
  'stats.org.outside': '地址中的单位 {code} 不在您的辖区内，现显示本单位的数据。',

  'stats.headline': '两升两降',
  'stats.headlineHint': '发案数、损失金额下降，破案数、抓获人数上升',
  'stats.others': '其他指标',
  'stats.yoy': '同比',
  'stats.mom': '环比',
  'stats.flat': '持平',
  'stats.none': '—',
  'stats.pp': '{v} 个百分点',
  'stats.tip.lastYear': '去年同期（{from} 至 {to}）：{value}',
  'stats.tip.previous': '上期（{from} 至 {to}）：{value}',
  'stats.tip.noValue': '分母为 0 或缺少基础数据，无法计算',
  'stats.tip.better.up': '上升为好',
  'stats.tip.better.down': '下降为好',
  'stats.drill.cases': '查看案件',
  'stats.drill.warnings': '查看预警',

  'stats.unit.yuan': '元',
  'stats.unit.wan': '万元',
  'stats.unit.million': '百万元',
  'stats.unit.people': '人',

  'stats.trend.title': '近 12 个月趋势',
  'stats.trend.pick': '选择指标',
  'stats.trend.axis.count': '数量',
  'stats.trend.axis.yuan': '金额（万元）',
  'stats.trend.axis.rate': '比率（%）',
  'stats.trend.pickOne': '请至少选择一个指标',

  'stats.types.title': '诈骗类型构成',
  'stats.types.hint': '点击类型查看该类案件',
  'stats.types.unclassified': '未分类',
  'stats.types.tip': '{name}：{n} 起，占 {share}',
  'stats.victims.age': '受害人年龄',
  'stats.victims.occupation': '受害人职业',
  'stats.victims.tip': '{name}：{n} 人，占 {share}',
  'stats.age.band': '{band} 岁',
  'stats.age.61+': '61 岁以上',
  'stats.age.0-17': '未成年',
  'stats.age.unknown': '年龄不详',
  'stats.occupation.unknown': '未填写',
  'stats.money.title': '资金止付、冻结与返还',
  'stats.money.now': '本期',
  'stats.money.lastYear': '去年同期',
  'stats.money.previous': '上期',

  'stats.heat.title': '各单位指标',
  'stats.heat.hint': '单元格绿色为好、红色为差（按各列在下级单位中的高低）；点击单位查看其下级。',
  'stats.heat.money': '金额单位：万元。',
  'stats.heat.unit': '单位',
  'stats.heat.self': '{name}（本级）',
  'stats.heat.total': '合计',
  'stats.heat.empty': '没有下级单位',
  'stats.heat.drill': '进入 {name}',

  'stats.empty': '本期没有数据',
  'stats.loadFailed': '统计数据加载失败',
  'stats.retry': '重试',
} as const;

export type StatsKey = keyof typeof STATS_ZH;
