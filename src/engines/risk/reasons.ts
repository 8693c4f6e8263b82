import type { RuleId } from './config.ts';

/**
 * The human reason for a rule hit, from the numbers the rule measured. Built only for hits that lead to a
 * review or stronger, never on the hot path. `facts` are the rule's own numbers, in the order documented per rule.
 */
const yuan = (n: number): string => `${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}元`;
const count = (n: number): string => String(Math.round(n));

const LISTED = ['', '止付', '冻结', '涉案', '惩戒'] as const;

export function subRuleOf(rule: RuleId, facts: readonly number[]): string {
  switch (rule) {
    case 'listed_counterparty':
      return facts[1] === 1 ? 'listed_counterparty.listed_sender' : facts[1] === 2 ? 'listed_counterparty.pays_listed' : 'listed_counterparty.paid_by_listed';
    case 'stack':
      return facts[1] === 1 ? 'stack.receiver' : 'stack.layer';
    case 'fan_in':
      return 'fan_in.distinct_payers';
    case 'fan_out':
      return facts[1] === 1 ? 'fan_out.payee' : 'fan_out.funded_payees';
    case 'fast_in_out':
      return 'fast_in_out.dwell';
    case 'new_account_volume':
      return 'new_account_volume.first_seen';
    case 'night_burst':
      return 'night_burst.count';
    case 'cash_out_after_inflow':
      return 'cash_out_after_inflow.share';
    case 'just_under_limit':
      return 'just_under_limit.count';
    case 'cycle':
      return `cycle.length_${facts[0] ?? 0}`;
    case 'scatter_gather':
      return facts[1] === 1 ? 'scatter_gather.source' : 'scatter_gather.branch';
    case 'gather_scatter':
      return facts[1] === 1 ? 'gather_scatter.payee' : 'gather_scatter.hub';
    case 'bipartite':
      return 'bipartite.group';
  }
}

export function reasonOf(rule: RuleId, facts: readonly number[]): string {
  const [a = 0, b = 0, c = 0] = facts;
  switch (rule) {
    case 'fast_in_out':
      return `24小时内${count(a)}次资金到账后${count(b)}分钟内转出（快进快出）`;
    case 'fan_in':
      return `24小时内约${count(a)}个不同账户转入，合计${yuan(b)}`;
    case 'fan_out':
      return b === 1 && a === 0 ? '收到可疑分散转账账户的资金（下一层）' : `24小时内转给约${count(a)}个不同账户，合计${yuan(b)}，资金为当日转入`;
    case 'new_account_volume':
      return `账户首次出现${count(a)}天内交易${count(c)}笔、金额${yuan(b)}`;
    case 'night_burst':
      return `24小时内夜间交易${count(a)}笔，合计${yuan(b)}`;
    case 'cash_out_after_inflow':
      return `转入${yuan(a)}后${count(c)}分钟内取现${yuan(b)}`;
    case 'just_under_limit':
      return `24小时内${count(a)}笔金额略低于限额（如${yuan(b)}）`;
    case 'listed_counterparty': {
      const kind = LISTED[c] ?? '名单';
      return b === 1 ? `本账户在${kind}名单上仍在转出资金` : b === 2 ? `向${kind}名单账户转账` : `收到${kind}名单账户转来的资金`;
    }
    case 'cycle':
      return `资金经${count(a)}个账户在${count(b)}分钟内回流（闭环）`;
    case 'scatter_gather':
      return `同一来源分散到${count(a)}个账户后汇集到同一账户`;
    case 'gather_scatter':
      return b === 1 && a === 0 ? '收到可疑汇集-分散账户转出的资金（下一层）' : `约${count(a)}个账户汇入后转给约${count(b)}个账户`;
    case 'bipartite':
      return `${count(a)}个付款账户交叉转入同一组收款账户`;
    case 'stack':
      return b === 1 ? `收到经${count(a)}层账户快速转手的资金` : `资金已经${count(a)}层账户快速转手（层层转移）`;
  }
}
