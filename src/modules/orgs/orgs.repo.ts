import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Org } from '../../db/types.ts';
import type { OrgKind } from '../../lib/roles.ts';
import { pathInScope, type Scope } from './scope.ts';

type Q = Kysely<DB> | Transaction<DB>;

export type OrgWithParent = Org & { parent_code: string | null };

function withParent(db: Q) {
  return db.selectFrom('orgs').leftJoin('orgs as parent', 'parent.id', 'orgs.parent_id').selectAll('orgs').select('parent.code as parent_code');
}

export function findByCode(db: Q, scope: Scope | null, code: string): Promise<OrgWithParent | undefined> {
  let q = withParent(db).where('orgs.code', '=', code);
  if (scope) q = q.where(pathInScope(scope, 'orgs.path'));
  return q.executeTakeFirst();
}

export function findById(db: Q, id: number): Promise<Org | undefined> {
  return db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface OrgFilter {
  kind?: OrgKind | undefined;
  parentId?: number | undefined;
  q?: string | undefined;
  includeInactive?: boolean | undefined;
}

export function listInScope(db: Q, scope: Scope, filter: OrgFilter): Promise<OrgWithParent[]> {
  let q = withParent(db).where(pathInScope(scope, 'orgs.path'));
  if (filter.kind) q = q.where('orgs.kind', '=', filter.kind);
  if (filter.parentId !== undefined) q = q.where('orgs.parent_id', '=', filter.parentId);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('orgs.name', 'like', like), eb('orgs.code', 'like', like)]));
  }
  if (!filter.includeInactive) q = q.where('orgs.active', '=', true);
  return q.orderBy('orgs.path').execute();
}

export async function insert(
  db: Q,
  org: { code: string; name: string; kind: OrgKind; parent: Org | null; regionCode: string | null; now: Date },
): Promise<Org> {
  const { id } = await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence('orgs', 'id'))::int8 AS id`
    .execute(db)
    .then((r) => r.rows[0] ?? { id: 0 });
  const path = `${org.parent ? org.parent.path : '/'}${id}/`;
  return db
    .insertInto('orgs')
    .values({
      id,
      code: org.code,
      name: org.name,
      kind: org.kind,
      parent_id: org.parent?.id ?? null,
      region_code: org.regionCode,
      path,
      depth: org.parent ? org.parent.depth + 1 : 0,
      created_at: org.now,
      updated_at: org.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function update(db: Q, id: number, patch: { name?: string; region_code?: string | null; active?: boolean; updated_at: Date }): Promise<void> {
  await db.updateTable('orgs').set(patch).where('id', '=', id).execute();
}

export async function countActiveChildren(db: Q, id: number): Promise<number> {
  const r = await db
    .selectFrom('orgs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countByKind(db: Q, scope: Scope): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('orgs')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where(pathInScope(scope, 'orgs.path'))
    .where('active', '=', true)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

/** The city centers: the active roots of the police tree, where escalations and overdue appeals go. */
export async function centerOrgIds(db: Q): Promise<number[]> {
  const rows = await db.selectFrom('orgs').select('id').where('kind', '=', 'city').where('parent_id', 'is', null).where('active', '=', true).execute();
  return rows.map((r) => r.id);
}
