/**
 * Colours of the trace graph's accounts, by what became of the money in them: stopped green, a request
 * pending or proposed orange, cashed out grey, nothing asked yet red. The victim's own accounts are blue.
 */
export const TRACE_COLORS: Record<string, string> = {
  victim: '#1677ff',
  stopped: '#52c41a',
  pending: '#fa8c16',
  proposed: '#fa8c16',
  untouched: '#f5222d',
  cashed_out: '#8c8c8c',
  passed_on: '#d9d9d9',
  no_balance: '#bfbfbf',
  mismatch: '#eb2f96',
  rejected: '#eb2f96',
  expired: '#13c2c2',
  released: '#13c2c2',
  withdrawn: '#bfbfbf',
};

export const traceColor = (status: string) => TRACE_COLORS[status] ?? '#bfbfbf';

/** The legend's entries, in the order a reader needs them. */
export const LEGEND: readonly string[] = ['victim', 'untouched', 'pending', 'stopped', 'cashed_out', 'passed_on', 'no_balance', 'mismatch', 'expired'];
