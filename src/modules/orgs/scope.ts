import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/types.ts';
import { INSTITUTION_KINDS, PARTNER_ROLES, type OrgKind } from '../../lib/roles.ts';
import type { Principal } from '../../server/context.ts';
import { AppError } from '../../server/errors.ts';

/**
 * What a caller may see: the subtree under one organisation. Jurisdiction staff get the subtree of the
 * org they belong to; partner liaisons get the subtree of their institution (the bank, operator or member
 * unit above the branch or outlet they sit in), never the police tree.
 */
export interface Scope {
  rootId: number;
  rootCode: string;
  rootPath: string;
  rootKind: OrgKind;
  /** True when the root has no parent: the whole tree is visible, including rows not tied to an org. */
  everything: boolean;
  partner: boolean;
}

export async function scopeOf(db: Kysely<DB>, principal: Principal): Promise<Scope> {
  if (!PARTNER_ROLES.includes(principal.role)) {
    return {
      rootId: principal.orgId,
      rootCode: principal.orgCode,
      rootPath: principal.orgPath,
      rootKind: principal.orgKind,
      everything: principal.orgPath.split('/').filter(Boolean).length === 1,
      partner: false,
    };
  }
  const ancestorIds = principal.orgPath.split('/').filter(Boolean).map(Number);
  const institution = await db
    .selectFrom('orgs')
    .select(['id', 'code', 'path', 'kind'])
    .where('id', 'in', ancestorIds)
    .where('kind', 'in', [...INSTITUTION_KINDS])
    .orderBy('depth', 'asc')
    .limit(1)
    .executeTakeFirst();
  if (!institution) throw new AppError('FORBIDDEN', 'partner account is not attached to an institution');
  return {
    rootId: institution.id,
    rootCode: institution.code,
    rootPath: institution.path,
    rootKind: institution.kind,
    everything: false,
    partner: true,
  };
}

/** `path` of an orgs row lies inside the scope: one indexed prefix match. */
export function pathInScope(scope: Scope, pathRef: Expression<string> | string): Expression<SqlBool> {
  const ref = typeof pathRef === 'string' ? sql.ref(pathRef) : pathRef;
  return sql<SqlBool>`${ref} LIKE ${escapeLike(scope.rootPath) + '%'}`;
}

/** An org-id column lies inside the scope (for tables that reference orgs). */
export function orgInScope(scope: Scope, orgIdRef: string): Expression<SqlBool> {
  if (scope.everything) return sql<SqlBool>`true`;
  // `= ANY(ARRAY(subquery))` is evaluated once into an array the planner can use as an index condition on
  // the org-id column; `IN (subquery)` would be a per-row filter over the whole table.
  return sql<SqlBool>`${sql.ref(orgIdRef)} = ANY(ARRAY(SELECT scope_orgs.id FROM orgs AS scope_orgs WHERE ${pathInScope(scope, 'scope_orgs.path')}))`;
}

/**
 * The ids of the orgs in a scope, read first: a predicate with the ids as a bound array lets the planner
 * see the values (an InitPlan's array is a blind guess, which on a table of millions can pick a parallel
 * sequential scan). For small scopes such as a partner institution and its branches. null: everything.
 */
export async function orgIdsInScope(db: Kysely<DB>, scope: Scope): Promise<number[] | null> {
  if (scope.everything) return null;
  return orgIdsUnder(db, scope.rootPath);
}

/** The ids of a unit and everything below it, by its path (the statistics of one unit's subtree). */
export async function orgIdsUnder(db: Kysely<DB>, rootPath: string): Promise<number[]> {
  const rows = await db.selectFrom('orgs').select('id').where(sql<SqlBool>`orgs.path LIKE ${escapeLike(rootPath) + '%'}`).execute();
  return rows.map((r) => r.id);
}

export function orgIdIn(ids: number[] | null, orgIdRef: string): Expression<SqlBool> {
  if (ids === null) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(orgIdRef)} = ANY(${ids}::int8[])`;
}

export function isPathInScope(scope: Scope, path: string): boolean {
  return path.startsWith(scope.rootPath);
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
