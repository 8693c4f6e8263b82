import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/types.ts';

export interface OwnerTaskCounts {
  code: string;
  name: string;
  total: number;
  open: number;
  overdue: number;
  done: number;
}

/**
 * The tasks `visible` lets through (an expression over `liaison_tasks as t`), counted per owner unit: the
 * units with the most overdue, then open tasks first.
 */
export async function taskCountsByOwner(db: Kysely<DB>, visible: Expression<SqlBool>, now: Date): Promise<OwnerTaskCounts[]> {
  const rows = await db
    .selectFrom('liaison_tasks as t')
    .innerJoin('orgs as o', 'o.id', 't.owner_org_id')
    .where(visible)
    .select(['o.code', 'o.name'])
    .select([
      sql<number>`count(*)`.as('total'),
      sql<number>`count(*) FILTER (WHERE t.replied_at IS NULL)`.as('open'),
      sql<number>`count(*) FILTER (WHERE t.replied_at IS NULL AND t.due_at < ${now})`.as('overdue'),
    ])
    .groupBy(['o.code', 'o.name'])
    .execute();
  return rows
    .map((r) => ({ code: r.code, name: r.name, total: Number(r.total), open: Number(r.open), overdue: Number(r.overdue), done: Number(r.total) - Number(r.open) }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.code.localeCompare(b.code));
}
