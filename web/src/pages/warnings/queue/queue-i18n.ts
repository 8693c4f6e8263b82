import { useCallback } from 'react';
import { useLang } from '../../../i18n/lang-context.tsx';
import type { Lang, Vars } from '../../../i18n/lang.ts';

/**
 * The queue's own words for the filters the statistics click through with (days received, outcome, unit,
 * every status). Kept beside the queue, like the statistics module's catalogue, so they can be spread into
 * warnings-zh.ts / warnings-en.ts later.
 */
const QUEUE_ZH = {
  'queue.filter.allStatuses': '全部状态',
  'queue.filter.unit': '所属单位（含下级）',
  'queue.filter.received': '接收日期',
  'queue.filter.receivedPrefix': '接收',
  'queue.filter.outcome': '反馈结果',
  'queue.filter.today': '今天',
  'queue.filter.last7': '近 7 天',
  'queue.filter.last30': '近 30 天',
  'queue.filter.thisMonth': '本月',
  'queue.filter.orgOutside': '链接中的单位 {code} 不在您的管辖范围内，已按您的全部管辖范围显示。',
} as const;

export type QueueKey = keyof typeof QUEUE_ZH;

const QUEUE_EN: Record<QueueKey, string> = {
  'queue.filter.allStatuses': 'All statuses',
  'queue.filter.unit': 'Unit (and below)',
  'queue.filter.received': 'Received on',
  'queue.filter.receivedPrefix': 'Received',
  'queue.filter.outcome': 'Outcome',
  'queue.filter.today': 'Today',
  'queue.filter.last7': 'Last 7 days',
  'queue.filter.last30': 'Last 30 days',
  'queue.filter.thisMonth': 'This month',
  'queue.filter.orgOutside': 'The unit {code} in the link is outside your jurisdiction; showing all of it instead.',
};

const CATALOGUES: Record<Lang, Record<QueueKey, string>> = { zh: QUEUE_ZH, en: QUEUE_EN };

export type QueueT = (key: QueueKey, vars?: Vars) => string;

/** Works like useT(), in the language chosen in the header. */
export function useQueueT(): QueueT {
  const { lang } = useLang();
  return useCallback<QueueT>(
    (key, vars) => {
      const text = CATALOGUES[lang][key];
      return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
    },
    [lang],
  );
}
