import { useQuery } from '@tanstack/react-query';
import { listOrgs } from '../../api/orgs.ts';

export const ORGS_KEY = ['orgs'] as const;

/** Every organisation in the admin's scope, inactive ones included; pickers filter what they need. */
export function useOrgs() {
  return useQuery({ queryKey: ORGS_KEY, queryFn: () => listOrgs(true), staleTime: 60_000 });
}
