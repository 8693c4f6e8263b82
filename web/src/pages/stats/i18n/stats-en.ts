import type { StatsKey } from './stats-zh.ts';

/** English messages of the 统计研判 screens; every Chinese key has its English text. */
export const STATS_EN: Record<StatsKey, string> = {
  'stats.title': 'Statistics',
  'stats.intro':
    'The “two up, two down” KPIs and the warnings, money and two-card figures: by period and jurisdiction, against last year and the previous period, down to the units below and the records behind a figure.',

  'stats.period.label': 'Period',
  'stats.period.month': 'Month',
  'stats.period.quarter': 'Quarter',
  'stats.period.year': 'Year',
  'stats.period.custom': 'Custom',
  'stats.period.line': '{from} to {to}',
  'stats.period.compare': 'Year on year: {lyFrom} to {lyTo}; previous period: {pvFrom} to {pvTo}',
  'stats.org.label': 'Jurisdiction',
  'stats.org.outside': 'Unit {code} from the address is not in your jurisdiction; your own unit is shown.',

  'stats.headline': 'Two up, two down',
  'stats.headlineHint': 'Cases and losses down, cases solved and suspects caught up',
  'stats.others': 'Other KPIs',
  'stats.yoy': 'YoY',
  'stats.mom': 'vs prev.',
  'stats.flat': 'No change',
  'stats.none': '—',
  'stats.pp': '{v} pp',
  'stats.tip.lastYear': 'Same period last year ({from} to {to}): {value}',
  'stats.tip.previous': 'Previous period ({from} to {to}): {value}',
  'stats.tip.noValue': 'Cannot be computed: nothing to divide by, or reference figures missing',
  'stats.tip.better.up': 'Higher is better',
  'stats.tip.better.down': 'Lower is better',
  'stats.drill.cases': 'Show cases',
  'stats.drill.warnings': 'Show warnings',

  'stats.unit.yuan': 'yuan',
  'stats.unit.wan': '10k yuan',
  'stats.unit.million': 'M yuan',
  'stats.unit.people': 'people',

  'stats.trend.title': 'Last 12 months',
  'stats.trend.pick': 'KPIs shown',
  'stats.trend.axis.count': 'Count',
  'stats.trend.axis.yuan': 'Amount (10k yuan)',
  'stats.trend.axis.rate': 'Rate (%)',
  'stats.trend.pickOne': 'Choose at least one KPI',

  'stats.types.title': 'Fraud types',
  'stats.types.hint': 'Click a type to list its cases',
  'stats.types.unclassified': 'Unclassified',
  'stats.types.tip': '{name}: {n} cases, {share}',
  'stats.victims.age': 'Victims by age',
  'stats.victims.occupation': 'Victims by occupation',
  'stats.victims.tip': '{name}: {n} victims, {share}',
  'stats.age.band': '{band}',
  'stats.age.61+': '61 and over',
  'stats.age.0-17': 'Under 18',
  'stats.age.unknown': 'Age unknown',
  'stats.occupation.unknown': 'Not recorded',
  'stats.money.title': 'Money stopped, frozen and returned',
  'stats.money.now': 'This period',
  'stats.money.lastYear': 'Same period last year',
  'stats.money.previous': 'Previous period',

  'stats.heat.title': 'By unit',
  'stats.heat.hint': 'Green is good, red is bad (each column against the other units); click a unit to see the units below it.',
  'stats.heat.money': 'Amounts in 10k yuan.',
  'stats.heat.unit': 'Unit',
  'stats.heat.self': '{name} (own records)',
  'stats.heat.total': 'Total',
  'stats.heat.empty': 'No units below',
  'stats.heat.drill': 'Open {name}',

  'stats.empty': 'No figures for this period',
  'stats.loadFailed': 'The statistics could not be loaded',
  'stats.retry': 'Retry',
};

/** Occupations as the case forms record them (free text); the usual ones in English, others as entered. */
export const OCCUPATIONS_EN: Readonly<Record<string, string>> = {
  学生: 'Student',
  退休人员: 'Retired',
  企业职工: 'Company employee',
  个体经营: 'Self-employed',
  公职人员: 'Civil servant',
  自由职业: 'Freelancer',
  务农: 'Farmer',
  无业: 'Unemployed',
};
