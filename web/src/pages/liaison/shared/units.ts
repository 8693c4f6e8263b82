import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { OrgKind } from '../../../../../src/lib/roles.ts';
import { listOrgs, type OrgDto } from '../../../api/orgs.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { kindLabel } from '../../../i18n/labels.ts';
import { ORGS_ACTIVE_KEY } from '../../warnings/shared/keys.ts';

/**
 * Units that sit at the joint meeting, own its tasks and sign letters, in the order the pickers group them
 * (MEMBERS in src/modules/liaison/liaison.service.ts, less the city that convenes).
 */
export const MEMBER_KINDS: readonly OrgKind[] = ['member_unit', 'bank', 'operator', 'county'];

/** The active member units, banks, operators and counties the caller may see (the center: all of them). */
export function useMemberUnits(): { units: OrgDto[]; loading: boolean } {
  const orgs = useQuery({ queryKey: ORGS_ACTIVE_KEY, queryFn: () => listOrgs(false), staleTime: 5 * 60_000 });
  const units = useMemo(
    () => (orgs.data ?? []).filter((o) => o.active && MEMBER_KINDS.includes(o.kind)).sort((a, b) => MEMBER_KINDS.indexOf(a.kind) - MEMBER_KINDS.indexOf(b.kind) || a.code.localeCompare(b.code)),
    [orgs.data],
  );
  return { units, loading: orgs.isPending };
}

/** The units as a picker's options, grouped by kind. */
export function useUnitOptions(units: readonly OrgDto[]) {
  const t = useT();
  return useMemo(
    () =>
      MEMBER_KINDS.map((k) => ({
        label: kindLabel(t, k),
        title: k,
        options: units.filter((u) => u.kind === k).map((u) => ({ value: u.code, label: u.name })),
      })).filter((g) => g.options.length > 0),
    [units, t],
  );
}
