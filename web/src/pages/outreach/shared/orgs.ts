import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listOrgs, type OrgDto } from '../../../api/orgs.ts';
import type { DirectiveUnitDto } from '../../../api/outreach.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { ORGS_ACTIVE_KEY } from '../../warnings/shared/keys.ts';

/** Units that hold outreach and are addressed by directives (HOLDERS in src/modules/outreach/outreach.service.ts). */
export const HOLDER_KINDS: ReadonlySet<OrgDto['kind']> = new Set(['city', 'county', 'station', 'township', 'grid', 'member_unit']);
/** Units the population and app registration figures are entered for (src/modules/stats/reference.ts). */
export const FIGURE_KINDS: ReadonlySet<OrgDto['kind']> = new Set(['city', 'county', 'station', 'township']);

/** The active organisations the caller may see (the center: all of them; a station: its own and its grids). */
export function useActiveOrgs() {
  return useQuery({ queryKey: ORGS_ACTIVE_KEY, queryFn: () => listOrgs(false), staleTime: 5 * 60_000 });
}

/** The active units of the caller's scope of the given kinds, and whether the list is still loading. */
export function useUnits(kinds: ReadonlySet<OrgDto['kind']>): { units: OrgDto[]; loading: boolean } {
  const orgs = useActiveOrgs();
  const units = useMemo(() => (orgs.data ?? []).filter((o) => o.active && kinds.has(o.kind)), [orgs.data, kinds]);
  return { units, loading: orgs.isPending };
}

/**
 * The unit of a directive that the caller answers for: its own unit, or the nearest unit above it that
 * was addressed (a station answers for its county). The caller's organisation list stops at its own unit,
 * so the units above are its parent and, for police units, whose region code the caller's code starts
 * with. The server decides for itself when the answer comes (403 if none).
 */
export function useAnsweringUnit(units: readonly DirectiveUnitDto[] | undefined): DirectiveUnitDto | null {
  const me = useCurrentUser();
  const orgs = useActiveOrgs();
  const parent = orgs.data?.find((o) => o.code === me.orgCode)?.parentCode ?? null;
  return useMemo(() => {
    const above = (code: string) => code === me.orgCode || code === parent || (/^\d+$/.test(code) && me.orgCode.startsWith(code));
    return [...(units ?? [])].filter((u) => above(u.orgCode)).sort((a, b) => b.orgCode.length - a.orgCode.length)[0] ?? null;
  }, [units, me.orgCode, parent]);
}
