import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { AppealStatus, DB } from '../../db/types.ts';
import { orgIdIn, orgInScope, type Scope } from '../orgs/scope.ts';
import { OPEN_APPEAL } from './appeal-steps.ts';

type Q = Kysely<DB> | Transaction<DB>;

/**
 * Appeals against punishments and against partners' restrictions, with what each is about. Staff see the
 * appeals on measures their jurisdiction holds and on restrictions of institutions registered in it; a
 * partner sees the appeals it forwarded and those against its own restrictions (`partnerIds`).
 */
function base(db: Q) {
  return db
    .selectFrom('appeals')
    .leftJoin('punishments', 'punishments.id', 'appeals.punishment_id')
    .leftJoin('restrictions', 'restrictions.id', 'appeals.restriction_id')
    .innerJoin('orgs as holder', (j) => j.on(sql`holder.id`, '=', sql`coalesce(punishments.org_id, restrictions.org_id)`))
    .selectAll('appeals')
    .select([
      'punishments.notice_no',
      'punishments.person_name',
      'restrictions.restriction_no',
      'restrictions.holder_name',
      'restrictions.kind as restriction_kind',
      'restrictions.identifier as restriction_identifier',
      'holder.id as holder_id',
      'holder.code as holder_code',
      'holder.name as holder_name_org',
    ]);
}

function visible(scope: Scope, partnerIds: number[] | null): Expression<SqlBool> {
  if (scope.partner) return sql<SqlBool>`(${orgIdIn(partnerIds, 'appeals.submitter_org_id')} OR ${orgIdIn(partnerIds, 'restrictions.org_id')})`;
  return sql<SqlBool>`((appeals.punishment_id IS NOT NULL AND ${orgInScope(scope, 'punishments.org_id')}) OR (appeals.restriction_id IS NOT NULL AND ${orgInScope(scope, 'restrictions.org_id')}))`;
}

export interface AppealFilter {
  open?: boolean | undefined;
  /** Open and past the current step's deadline at this time. */
  overdueAt?: Date | undefined;
  subject?: 'punishment' | 'restriction' | undefined;
  status?: AppealStatus | undefined;
  /** By deadline, oldest first (the default), or newest submitted first. */
  sort?: 'due' | 'newest' | undefined;
}

export async function list(db: Q, scope: Scope, partnerIds: number[] | null, f: AppealFilter, page: { limit: number; offset: number }) {
  const c: Expression<SqlBool>[] = [visible(scope, partnerIds)];
  if (f.open) c.push(sql<SqlBool>`appeals.status IN (${sql.join(OPEN_APPEAL)})`);
  if (f.status) c.push(sql<SqlBool>`appeals.status = ${f.status}`);
  if (f.subject === 'punishment') c.push(sql<SqlBool>`appeals.punishment_id IS NOT NULL`);
  if (f.subject === 'restriction') c.push(sql<SqlBool>`appeals.restriction_id IS NOT NULL`);
  if (f.overdueAt) c.push(sql<SqlBool>`((appeals.status = 'submitted' AND appeals.accept_due_at < ${f.overdueAt}) OR (appeals.status IN (${sql.join(OPEN_APPEAL)}) AND appeals.due_at < ${f.overdueAt}))`);
  const [rows, count] = await Promise.all([
    (f.sort === 'newest' ? base(db).where((eb) => eb.and(c)).orderBy('appeals.submitted_at', 'desc').orderBy('appeals.id', 'desc') : base(db).where((eb) => eb.and(c)).orderBy('appeals.due_at').orderBy('appeals.id')).limit(page.limit).offset(page.offset).execute(),
    db
      .selectFrom('appeals')
      .leftJoin('punishments', 'punishments.id', 'appeals.punishment_id')
      .leftJoin('restrictions', 'restrictions.id', 'appeals.restriction_id')
      .where((eb) => eb.and(c))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
export type AppealRow = Awaited<ReturnType<typeof list>>['rows'][number];

/** Open appeals past their answer deadline, not yet escalated, with the org holding the measure and its parent. */
export function pastAnswer(trx: Transaction<DB>, now: Date, limit: number) {
  return overdue(trx, limit).where('appeals.status', 'in', [...OPEN_APPEAL]).where('appeals.due_at', '<', now).where('appeals.escalated_at', 'is', null).execute();
}

/** Appeals still not accepted (受理) past the acceptance deadline, not yet escalated for it. */
export function pastAccept(trx: Transaction<DB>, now: Date, limit: number) {
  return overdue(trx, limit).where('appeals.status', '=', 'submitted').where('appeals.accept_due_at', '<', now).where('appeals.accept_escalated_at', 'is', null).execute();
}

function overdue(trx: Transaction<DB>, limit: number) {
  return trx
    .selectFrom('appeals')
    .leftJoin('punishments', 'punishments.id', 'appeals.punishment_id')
    .leftJoin('restrictions', 'restrictions.id', 'appeals.restriction_id')
    .innerJoin('orgs as holder', (j) => j.on(sql`holder.id`, '=', sql`coalesce(punishments.org_id, restrictions.org_id)`))
    .select(['appeals.id', 'appeals.punishment_id', 'appeals.restriction_id', 'punishments.notice_no', 'restrictions.restriction_no', 'holder.id as holder_id', 'holder.parent_id as holder_parent_id'])
    .orderBy('appeals.id')
    .limit(limit)
    .forUpdate('appeals')
    .skipLocked();
}

export async function markEscalated(trx: Q, ids: number[], now: Date, step: 'answer' | 'accept'): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('appeals')
    .set(step === 'answer' ? { escalated_at: now } : { accept_escalated_at: now })
    .where('id', 'in', ids)
    .execute();
}

