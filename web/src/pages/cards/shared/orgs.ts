import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listOrgs, type OrgDto } from '../../../api/orgs.ts';
import { ORGS_ACTIVE_KEY } from '../../warnings/shared/keys.ts';

/** Kinds that verify leads (VERIFYING_KINDS in src/modules/cards/leads.service.ts). */
export const VERIFYING_KINDS: ReadonlySet<OrgDto['kind']> = new Set(['county', 'station', 'township']);

/** The active organisations the caller may see (the center: all of them; a station: its own). */
export function useActiveOrgs(enabled = true) {
  return useQuery({ queryKey: ORGS_ACTIVE_KEY, queryFn: () => listOrgs(false), staleTime: 5 * 60_000, enabled });
}

/** The units that verify leads, for the assign and filter pickers. */
export function useVerifyingOrgs(enabled = true) {
  const orgs = useActiveOrgs(enabled);
  const units = useMemo(() => (orgs.data ?? []).filter((o) => VERIFYING_KINDS.has(o.kind)), [orgs.data]);
  return { ...orgs, units };
}

/** A bank branch's or an outlet's name from its code, where the caller can see it (the center can). */
export function useOrgName() {
  const orgs = useActiveOrgs();
  const byCode = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.code, o.name])), [orgs.data]);
  return (code: string | null | undefined): string | null => (code ? (byCode.get(code) ?? null) : null);
}
