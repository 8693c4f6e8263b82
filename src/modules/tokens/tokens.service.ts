import { randomToken, sha256Hex } from '../../lib/secrets.ts';
import { roleFitsOrgKind, ROLE_ORG_KINDS } from '../../lib/roles.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { conflict, invalid, notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { requireInScope } from '../orgs/orgs.service.ts';
import type { Scope } from '../orgs/scope.ts';
import * as repo from './tokens.repo.ts';
import type { TokenCreateInput, TokenDto } from './tokens.schema.ts';

export const TOKEN_PREFIX = 'fz_';

function present(t: repo.TokenRow): TokenDto {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    role: t.role,
    orgCode: t.org_code,
    orgName: t.org_name,
    createdAt: t.created_at.toISOString(),
    createdBy: t.created_by_name,
    lastUsedAt: t.last_used_at?.toISOString() ?? null,
    expiresAt: t.expires_at?.toISOString() ?? null,
    revokedAt: t.revoked_at?.toISOString() ?? null,
  };
}

/** Issues a partner token. Only its hash is stored; the caller sees the token once. Scope null: the CLI. */
export async function create(deps: Deps, ctx: RequestContext, scope: Scope | null, input: TokenCreateInput): Promise<{ id: number; token: string }> {
  const org = await requireInScope(deps, scope, input.orgCode, 'orgCode');
  if (!roleFitsOrgKind(input.role, org.kind)) {
    throw invalid('role', `a ${input.role} token belongs to a ${ROLE_ORG_KINDS[input.role].join(' or ')}, not a ${org.kind}`);
  }
  const now = deps.clock.now();
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now) throw invalid('expiresAt', 'must be in the future');
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const id = await deps.db.transaction().execute(async (trx) => {
    const tokenId = await repo.insert(trx, {
      name: input.name,
      tokenHash: sha256Hex(token),
      prefix: token.slice(0, 10),
      role: input.role,
      orgId: org.id,
      createdBy: ctx.principal?.type === 'user' ? ctx.principal.id : null,
      now,
      expiresAt,
    });
    await audit.record(trx, ctx, now, {
      action: 'token.create',
      targetType: 'api_token',
      targetId: tokenId,
      orgId: org.id,
      detail: { name: input.name, role: input.role, orgCode: org.code },
    });
    return tokenId;
  });
  return { id, token };
}

export async function list(deps: Deps, scope: Scope): Promise<{ items: TokenDto[] }> {
  return { items: (await repo.list(deps.db, scope)).map(present) };
}

export async function revoke(deps: Deps, ctx: RequestContext, scope: Scope, id: number): Promise<void> {
  const token = await repo.findById(deps.db, scope, id);
  if (!token) throw notFound('token');
  if (token.revoked_at) throw conflict('token already revoked');
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await repo.revoke(trx, id, now);
    await audit.record(trx, ctx, now, { action: 'token.revoke', targetType: 'api_token', targetId: id, orgId: token.org_id });
  });
}
