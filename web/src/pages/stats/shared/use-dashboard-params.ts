import { useSearchParams } from 'react-router-dom';
import { chinaToday, periodParams, readPeriod, type PeriodSel } from './period.ts';

const ORG_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/;

/**
 * The period and the unit of the dashboard, kept in the address (?period=…&orgCode=…) so a view can be
 * shared or bookmarked. No orgCode means the caller's own unit, as the server takes it.
 */
export function useDashboardParams() {
  const [params, setParams] = useSearchParams();
  const today = chinaToday();
  const period = readPeriod(params, today);
  const raw = params.get('orgCode') ?? '';
  const orgCode = ORG_CODE.test(raw) ? raw : undefined;
  const write = (sel: PeriodSel, code: string | undefined) => setParams({ ...periodParams(sel), ...(code ? { orgCode: code } : {}) });
  return {
    today,
    period,
    orgCode,
    setPeriod: (sel: PeriodSel) => write(sel, orgCode),
    setOrg: (code: string | undefined) => write(period, code),
  };
}
