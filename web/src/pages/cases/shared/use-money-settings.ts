import { useQuery } from '@tanstack/react-query';
import { getMoneySettings, type MoneySettings } from '../../../api/cases.ts';

/** The server's defaults (money.stopPayment): 48 h a stop, two renewals, a warning 6 h before it lapses. */
export const DEFAULT_MONEY_SETTINGS: MoneySettings = { hours: 48, maxRenewals: 2, warnBeforeHours: 6, minProposalYuan: 100 };
export const MONEY_SETTINGS_KEY = ['money', 'settings'] as const;

/** The stop rules in force (an admin may change them); the defaults until they arrive. */
export function useMoneySettings(): MoneySettings {
  const q = useQuery({ queryKey: MONEY_SETTINGS_KEY, queryFn: getMoneySettings, staleTime: 10 * 60_000 });
  return q.data ?? DEFAULT_MONEY_SETTINGS;
}
