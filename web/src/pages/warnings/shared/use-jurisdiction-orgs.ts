import { useQuery } from '@tanstack/react-query';
import { listOrgs, type OrgDto } from '../../../api/orgs.ts';
import { ORGS_ACTIVE_KEY } from './keys.ts';

/** Kinds a warning can be sent to (DispatchIn in the server: county, station, township or grid). */
const UNIT_KINDS: ReadonlySet<OrgDto['kind']> = new Set(['county', 'station', 'township', 'grid']);

/** The units in the caller's scope that handle warnings, for the dispatch picker. */
export function useUnitOrgs() {
  return useQuery({
    queryKey: ORGS_ACTIVE_KEY,
    queryFn: () => listOrgs(false),
    staleTime: 5 * 60_000,
    select: (orgs) => orgs.filter((o) => UNIT_KINDS.has(o.kind)),
  });
}
