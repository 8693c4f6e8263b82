import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listOrgs, type OrgDto } from '../../../api/orgs.ts';
import { ORGS_ACTIVE_KEY } from './keys.ts';

/** Jurisdiction units: the statistics are theirs (partners' institutions have none here). */
export const UNIT_KINDS: ReadonlySet<OrgDto['kind']> = new Set(['city', 'county', 'station', 'township', 'grid']);

/** The active jurisdiction units the caller may see (its own and those inside it). */
export function useStatUnits(): { units: OrgDto[]; loading: boolean } {
  const orgs = useQuery({ queryKey: ORGS_ACTIVE_KEY, queryFn: () => listOrgs(false), staleTime: 5 * 60_000 });
  const units = useMemo(() => (orgs.data ?? []).filter((o) => o.active && UNIT_KINDS.has(o.kind)), [orgs.data]);
  return { units, loading: orgs.isPending };
}
