import type { Deps, Principal } from '../../server/context.ts';
import * as audit from '../audit/audit.service.ts';
import * as orgsRepo from '../orgs/orgs.repo.ts';
import type { Scope } from '../orgs/scope.ts';
import * as tokensRepo from '../tokens/tokens.repo.ts';
import * as usersRepo from '../users/users.repo.ts';
import type { HomeDto } from './home.schema.ts';

/** The landing summary: what the caller's scope contains and what they did last. */
export async function summary(deps: Deps, principal: Principal, scope: Scope): Promise<HomeDto> {
  const staffView = ['admin', 'center_leader', 'center_analyst', 'station_officer'].includes(principal.role);
  const [root, orgCounts, userCounts, tokens, mine] = await Promise.all([
    orgsRepo.findByCode(deps.db, scope, scope.rootCode),
    orgsRepo.countByKind(deps.db, scope),
    staffView ? usersRepo.countByRole(deps.db, scope) : Promise.resolve({}),
    principal.role === 'admin' ? tokensRepo.list(deps.db, scope) : Promise.resolve([]),
    audit.recentOf(deps, principal),
  ]);
  return {
    scope: { code: scope.rootCode, name: root?.name ?? scope.rootCode, kind: scope.rootKind, partner: scope.partner },
    orgCounts,
    userCounts,
    activeTokens: tokens.filter((t) => !t.revoked_at).length,
    recentActivity: mine,
  };
}
