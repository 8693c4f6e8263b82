import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface NewNotification {
  orgId: number;
  kind: string;
  title: string;
  targetType: string;
  targetId: string;
  at: Date;
}

/** Notifications for everyone of a unit (the bell), written in the transaction of what caused them. */
export async function insertNotifications(trx: Q, rows: NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('notifications')
    .values(rows.map((r) => ({ org_id: r.orgId, kind: r.kind, title: r.title, target_type: r.targetType, target_id: r.targetId, created_at: r.at })))
    .execute();
}
