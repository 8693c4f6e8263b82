import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** One JSON setting by key (warnings.deadlines, money.stopPayment, …); undefined when never set. */
export async function readSetting<T>(db: Q, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value as T | undefined;
}

export async function writeSetting(db: Q, key: string, value: unknown, at: Date, by: string | null): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: at, updated_by: by }))
    .execute();
}
