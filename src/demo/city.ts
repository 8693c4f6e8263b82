/** The layout of the synthetic city 示例市: fictional names on GB/T 2260-shaped codes (province 14). */
export const CITY = { code: '149900', name: '示例市', regionCode: '149900' } as const;

export const COUNTIES = [
  { regionCode: '149902', name: '城关区', urban: true },
  { regionCode: '149903', name: '河东区', urban: true },
  { regionCode: '149921', name: '北山县', urban: false },
  { regionCode: '149922', name: '南湖县', urban: false },
  { regionCode: '149923', name: '西岭县', urban: false },
] as const;

/** Eight stations/townships per county; districts are mostly police stations, counties mostly townships. */
export const UNIT_NAMES = {
  urban: ['城东派出所', '城西派出所', '城南派出所', '城北派出所', '站前派出所', '新区派出所', '滨河街道', '高新街道'],
  rural: ['城关派出所', '东关派出所', '北关镇', '石桥镇', '柳林乡', '杏花乡', '双河镇', '青山乡'],
} as const;

export const BANKS = [
  { code: 'ICBC', name: '中国工商银行示例市分行', branch: '工商银行' },
  { code: 'ABC', name: '中国农业银行示例市分行', branch: '农业银行' },
  { code: 'BOC', name: '中国银行示例市分行', branch: '中国银行' },
  { code: 'CCB', name: '中国建设银行示例市分行', branch: '建设银行' },
  { code: 'PSBC', name: '中国邮政储蓄银行示例市分行', branch: '邮储银行' },
  { code: 'SLRCB', name: '示例农村商业银行', branch: '农商银行' },
] as const;

export const OPERATORS = [
  { code: 'CMCC', name: '中国移动示例分公司', outlet: '移动营业厅' },
  { code: 'CUCC', name: '中国联通示例分公司', outlet: '联通营业厅' },
  { code: 'CTCC', name: '中国电信示例分公司', outlet: '电信营业厅' },
] as const;

export const MEMBER_UNITS = [
  { code: 'PBOC', name: '中国人民银行示例市分行' },
  { code: 'POST', name: '示例市邮政管理局' },
  { code: 'EDU', name: '示例市教育局' },
  { code: 'SAMR', name: '示例市市场监督管理局' },
  { code: 'CAC', name: '示例市委网信办' },
  { code: 'CIVIL', name: '示例市民政局' },
] as const;
