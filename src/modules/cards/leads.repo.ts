import { sql, type Expression, type Kysely, type SqlBool, type Transaction, type Updateable } from 'kysely';
import type { ActorType, CardLeadsTable, DB } from '../../db/types.ts';
import { appendTimeline } from '../../db/timeline.ts';
import { orgInScope, type Scope } from '../orgs/scope.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface NewLead {
  source: 'ministry' | 'case' | 'manual';
  externalId: string | null;
  kind: 'bank_account' | 'phone_card' | 'payment_account';
  identifier: string;
  holderName: string | null;
  holderIdNumber: string | null;
  holderPhone: string | null;
  openedAtOrgId: number | null;
  openedAtName: string | null;
  caseId: number | null;
  orgId: number;
  dueAt: Date;
}

/**
 * Inserts leads with their numbers (XS + date + running number); existing ones are skipped and not returned.
 * In statements of INSERT_CHUNK rows: 16 parameters a row must stay under PostgreSQL's 65,535 per statement.
 */
export async function insertMany(trx: Q, rows: NewLead[], now: Date, stamp: string) {
  const out: Awaited<ReturnType<typeof insertChunk>> = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) out.push(...(await insertChunk(trx, rows.slice(i, i + INSERT_CHUNK), now, stamp)));
  return out;
}
const INSERT_CHUNK = 2000;

async function insertChunk(trx: Q, rows: NewLead[], now: Date, stamp: string) {
  if (rows.length === 0) return [];
  const seq = await sql<{ n: string }>`SELECT nextval('lead_no_seq')::text AS n FROM generate_series(1, ${rows.length})`.execute(trx);
  return trx
    .insertInto('card_leads')
    .values(
      rows.map((r, i) => ({
        lead_no: `XS${stamp}${String(seq.rows[i]?.n ?? i).padStart(6, '0')}`,
        source: r.source,
        external_id: r.externalId,
        kind: r.kind,
        identifier: r.identifier,
        holder_name: r.holderName,
        holder_id_number: r.holderIdNumber,
        holder_phone: r.holderPhone,
        opened_at_org_id: r.openedAtOrgId,
        opened_at_name: r.openedAtName,
        case_id: r.caseId,
        org_id: r.orgId,
        status: 'assigned' as const,
        due_at: r.dueAt,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'lead_no', 'source', 'external_id', 'kind', 'identifier', 'org_id'])
    .execute();
}

export function findExisting(db: Q, source: string, externalIds: string[]) {
  if (externalIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('card_leads')
    .innerJoin('orgs', 'orgs.id', 'card_leads.org_id')
    .select(['card_leads.id', 'card_leads.lead_no', 'card_leads.external_id', 'orgs.code as org_code'])
    .where('card_leads.source', '=', source as 'ministry')
    .where('card_leads.external_id', 'in', externalIds)
    .execute();
}

export interface NewLeadEvent {
  leadId: number;
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

export function insertEvents(trx: Q, events: NewLeadEvent[]): Promise<void> {
  return appendTimeline(trx, 'lead_events', events.map(({ leadId, ...e }) => ({ subjectId: leadId, ...e })));
}

function base(db: Q, scope: Scope) {
  return db
    .selectFrom('card_leads')
    .innerJoin('orgs', 'orgs.id', 'card_leads.org_id')
    .leftJoin('orgs as opened', 'opened.id', 'card_leads.opened_at_org_id')
    .selectAll('card_leads')
    .select(['orgs.code as org_code', 'orgs.name as org_name', 'orgs.path as org_path', 'opened.code as opened_code', 'opened.name as opened_name'])
    .where(orgInScope(scope, 'card_leads.org_id'));
}

export function getById(db: Q, scope: Scope, id: number) {
  return base(db, scope).where('card_leads.id', '=', id).executeTakeFirst();
}
export type LeadRow = NonNullable<Awaited<ReturnType<typeof getById>>>;

export interface LeadFilter {
  status?: 'assigned' | 'verifying' | 'closed' | 'open' | undefined;
  outcome?: string | undefined;
  overdueAt?: Date | undefined;
  orgScope?: Scope | undefined;
  q?: string | undefined;
}

/** The list's conditions on card_leads alone, so the total is counted without the joins the page needs. */
function conditions(scope: Scope, f: LeadFilter): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [orgInScope(scope, 'card_leads.org_id')];
  if (f.status === 'open') c.push(sql<SqlBool>`card_leads.status <> 'closed'`);
  else if (f.status) c.push(sql<SqlBool>`card_leads.status = ${f.status}`);
  if (f.outcome) c.push(sql<SqlBool>`card_leads.outcome = ${f.outcome}`);
  if (f.overdueAt) c.push(sql<SqlBool>`card_leads.status <> 'closed' AND card_leads.due_at < ${f.overdueAt}`);
  if (f.orgScope) c.push(orgInScope(f.orgScope, 'card_leads.org_id'));
  if (f.q) c.push(sql<SqlBool>`(card_leads.identifier = ${f.q} OR card_leads.holder_id_number = ${f.q.toUpperCase()} OR card_leads.lead_no = ${f.q})`);
  return c;
}

export async function list(db: Q, scope: Scope, f: LeadFilter, page: { limit: number; offset: number }) {
  const c = conditions(scope, f);
  const [rows, count] = await Promise.all([
    base(db, scope).where((eb) => eb.and(c)).orderBy('card_leads.due_at').orderBy('card_leads.id').limit(page.limit).offset(page.offset).execute(),
    db.selectFrom('card_leads').where((eb) => eb.and(c)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function lockForUpdate(trx: Transaction<DB>, id: number) {
  return trx.selectFrom('card_leads').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function update(trx: Q, id: number, patch: Updateable<CardLeadsTable>): Promise<void> {
  await trx.updateTable('card_leads').set(patch).where('id', '=', id).execute();
}

export function eventsOf(db: Q, leadId: number) {
  return db.selectFrom('lead_events').selectAll().where('lead_id', '=', leadId).orderBy('id').execute();
}

/**
 * Case-involved cards per branch or outlet where they were opened, over whole China-time days (first and last
 * included): the accountability ranking. Summed from the trigger-kept `lead_opener_days` (migration 0008), which
 * counts leads from cases or the ministry (manual leads are hunches, not findings) that were not struck off.
 */
export async function accountability(db: Q, kind: 'bank' | 'operator', firstDay: string, lastDay: string, limit: number, onlyOrgId?: number) {
  const rows = await sql<{ id: string; code: string; name: string; institution_id: string; institution: string; leads: string; closed: string; punished: string }>`
    SELECT o.id, o.code, o.name, inst.id AS institution_id, inst.name AS institution, a.leads, a.closed, a.punished
    FROM (SELECT org_id, sum(leads) AS leads, sum(closed) AS closed, sum(punished) AS punished
          FROM lead_opener_days WHERE day BETWEEN ${firstDay}::date AND ${lastDay}::date ${onlyOrgId === undefined ? sql`` : sql`AND org_id = ${onlyOrgId}`} GROUP BY org_id) a
    JOIN orgs o ON o.id = a.org_id
    JOIN orgs inst ON inst.kind = ${kind} AND starts_with(o.path, inst.path)
    WHERE a.leads > 0
    ORDER BY a.leads DESC, o.code
    LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => ({ ...r, id: Number(r.id), institution_id: Number(r.institution_id), leads: Number(r.leads), closed: Number(r.closed), punished: Number(r.punished) }));
}

/** The latest summons or suspension proposal about each of these openers issued since a time (the ranking's flags). */
export async function latestAccountabilityNotices(db: Q, orgIds: number[], since: Date) {
  if (orgIds.length === 0) return [];
  const rows = await sql<{ org_id: string; id: string; notice_no: string; kind: 'summons' | 'suspension_proposal'; issued_at: Date; reply_due_at: Date; replied_at: Date | null }>`
    SELECT DISTINCT ON ((basis->>'orgId')) (basis->>'orgId') AS org_id, id, notice_no, kind, issued_at, reply_due_at, replied_at
    FROM unit_notices
    WHERE kind IN ('summons', 'suspension_proposal') AND basis IS NOT NULL AND (basis->>'orgId')::int8 = ANY(${orgIds}::int8[]) AND issued_at >= ${since}
    ORDER BY (basis->>'orgId'), issued_at DESC, id DESC`.execute(db);
  return rows.rows.map((r) => ({ ...r, org_id: Number(r.org_id), id: Number(r.id) }));
}

/** Recounts the opener-day counters from the leads (after a bulk load with triggers off). */
export async function rebuildOpenerDays(db: Q): Promise<void> {
  await sql`DELETE FROM lead_opener_days`.execute(db);
  await sql`
    INSERT INTO lead_opener_days (day, org_id, leads, closed, punished)
    SELECT ((created_at AT TIME ZONE 'UTC') + interval '8 hours')::date, opened_at_org_id, count(*),
           count(*) FILTER (WHERE status = 'closed'), count(*) FILTER (WHERE outcome IN ('criminal','administrative','punishment_proposal'))
    FROM card_leads
    WHERE opened_at_org_id IS NOT NULL AND source IN ('case','ministry') AND (outcome IS NULL OR outcome <> 'struck_off')
    GROUP BY 1, 2`.execute(db);
}
