import { sql, type Kysely, type Transaction } from 'kysely';
import type { ActorType, DB } from './types.ts';

/** The tables that hold a workflow's timeline, and the column naming what each event is about. */
const SUBJECT = {
  warning_events: 'warning_id',
  case_events: 'case_id',
  stop_payment_events: 'stop_payment_id',
  freeze_events: 'freeze_id',
  lead_events: 'lead_id',
  punishment_events: 'punishment_id',
  person_events: 'person_id',
  restriction_events: 'restriction_id',
  risk_alert_events: 'alert_id',
} as const;
export type TimelineTable = keyof typeof SUBJECT;

export interface TimelineEvent {
  subjectId: number;
  at: Date;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorType: ActorType;
  actorId: number | null;
  actorName: string | null;
  orgId: number | null;
  detail: Record<string, unknown>;
}

/**
 * Appends events to a timeline table in one statement (arrays unnested, so a batch of thousands is one
 * round trip). Every workflow stores its transitions this way, in the transaction of the change.
 */
export async function appendTimeline(db: Kysely<DB> | Transaction<DB>, table: TimelineTable, events: readonly TimelineEvent[]): Promise<void> {
  if (events.length === 0) return;
  const col = <K extends keyof TimelineEvent>(k: K) => events.map((e) => e[k]);
  await sql`
    INSERT INTO ${sql.table(table)} (${sql.ref(SUBJECT[table])}, at, kind, from_status, to_status, actor_type, actor_id, actor_name, org_id, detail)
    SELECT * FROM unnest(${col('subjectId')}::int8[], ${events.map((e) => e.at.toISOString())}::timestamptz[], ${col('kind')}::text[],
      ${col('fromStatus')}::text[], ${col('toStatus')}::text[], ${col('actorType')}::text[], ${col('actorId')}::int8[],
      ${col('actorName')}::text[], ${col('orgId')}::int8[], ${events.map((e) => JSON.stringify(e.detail))}::jsonb[])`.execute(db);
}
