import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { fetchKpiDefs, type KpiDefDto, type KpiId } from '../../../api/stats.ts';
import { useLang } from '../../../i18n/lang-context.tsx';
import { KPI_DEFS_KEY } from './keys.ts';

/** The KPI definitions from the server (names, units, which way is good), fetched once per session. */
export function useKpiDefs() {
  const { lang } = useLang();
  const q = useQuery({ queryKey: KPI_DEFS_KEY, queryFn: fetchKpiDefs, staleTime: Number.POSITIVE_INFINITY, meta: { handlesError: true } });
  const byId = useMemo(() => new Map<KpiId, KpiDefDto>((q.data ?? []).map((d) => [d.id, d])), [q.data]);
  const name = useCallback((id: KpiId) => {
    const d = byId.get(id);
    return d ? (lang === 'zh' ? d.zh : d.en) : id;
  }, [byId, lang]);
  return { ...q, byId, name };
}
