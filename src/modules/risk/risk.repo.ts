import { sql, type Kysely, type Transaction } from 'kysely';
import type { AccountSnapshot } from '../../engines/risk/state.ts';
import type { ListedKind } from '../../engines/risk/state.ts';
import type { Tx } from '../../engines/risk/types.ts';
import type { DB, RiskAlertStatus, RiskDecision } from '../../db/types.ts';
import { fromFen } from '../../lib/money.ts';
import { orgIdIn } from '../orgs/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Stores a batch of transactions once each: one statement with the columns as arrays. Returns the sequence
 * numbers of the rows that were new, by position in the batch (null for a txId already stored).
 */
export async function insertTransactions(db: Db, orgId: number, rulesVersion: string, receivedAt: Date, txs: readonly Tx[]): Promise<(number | null)[]> {
  if (txs.length === 0) return [];
  const col = <T>(f: (t: Tx) => T) => txs.map(f);
  const rows = await sql<{ tx_id: string; seq: string | number }>`
    INSERT INTO risk_transactions (tx_id, org_id, at, from_account, from_bank, to_account, to_bank, amount, channel, rules_version, received_at)
    SELECT u.tx_id, ${orgId}, u.at, u.fa, u.fb, u.ta, u.tb, u.amount, u.channel, ${rulesVersion}, ${receivedAt.toISOString()}::timestamptz
    FROM unnest(${col((t) => t.txId)}::text[], ${col((t) => new Date(t.at).toISOString())}::timestamptz[], ${col((t) => t.from)}::text[],
      ${col((t) => t.fromBank)}::text[], ${col((t) => t.to)}::text[], ${col((t) => t.toBank)}::text[], ${col((t) => fromFen(t.amount))}::numeric[],
      ${col((t) => t.channel)}::text[]) WITH ORDINALITY AS u(tx_id, at, fa, fb, ta, tb, amount, channel, n)
    ORDER BY u.n
    ON CONFLICT (tx_id) DO NOTHING
    RETURNING tx_id, seq`.execute(db);
  const seqOf = new Map(rows.rows.map((r) => [r.tx_id, Number(r.seq)]));
  const seen = new Set<string>();
  return txs.map((t) => {
    // the same txId twice in one batch: the first is new, the second a repeat
    if (seen.has(t.txId)) return null;
    seen.add(t.txId);
    return seqOf.get(t.txId) ?? null;
  });
}

export async function setDecisions(db: Db, rows: readonly { txId: string; decision: RiskDecision; score: number; shadow: RiskDecision | null }[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    UPDATE risk_transactions t SET decision = u.decision, score = u.score, shadow_decision = u.shadow
    FROM unnest(${rows.map((r) => r.txId)}::text[], ${rows.map((r) => r.decision)}::text[], ${rows.map((r) => r.score)}::real[], ${rows.map((r) => r.shadow)}::text[])
      AS u(tx_id, decision, score, shadow)
    WHERE t.tx_id = u.tx_id`.execute(db);
}

export interface NewAlert {
  orgId: number;
  account: string;
  bank: string;
  txId: string;
  raisedAt: Date;
  decision: Exclude<RiskDecision, 'allow'>;
  score: number;
  typology: string | null;
  reasons: unknown;
  rules: string[];
  rulesVersion: string;
  shadow: boolean;
}

export async function insertAlerts(db: Db, now: Date, alerts: readonly NewAlert[]): Promise<{ id: number }[]> {
  if (alerts.length === 0) return [];
  return db
    .insertInto('risk_alerts')
    .values(
      alerts.map((a) => ({
        org_id: a.orgId,
        account: a.account,
        bank: a.bank,
        tx_id: a.txId,
        raised_at: a.raisedAt,
        decision: a.decision,
        score: a.score,
        typology: a.typology,
        reasons: JSON.stringify(a.reasons),
        rules: a.rules,
        rules_version: a.rulesVersion,
        shadow: a.shadow,
        status: 'open' as const,
        created_at: now,
      })),
    )
    .returning('id')
    .execute();
}

export interface AlertFilter {
  orgIds: number[] | null;
  status?: RiskAlertStatus | 'decided' | undefined;
  decision?: RiskDecision | undefined;
  shadow: boolean;
  account?: string | undefined;
  since?: Date | undefined;
  rule?: string | undefined;
}

function alertsWhere(db: Db, f: AlertFilter) {
  let q = db.selectFrom('risk_alerts as a').where(orgIdIn(f.orgIds, 'a.org_id')).where('a.shadow', '=', f.shadow);
  if (f.status === 'decided') q = q.where('a.status', 'in', ['confirmed_mule', 'false_positive', 'stop_payment_requested']);
  else if (f.status) q = q.where('a.status', '=', f.status);
  if (f.decision) q = q.where('a.decision', '=', f.decision as Exclude<RiskDecision, 'allow'>);
  if (f.account) q = q.where('a.account', '=', f.account);
  if (f.since) q = q.where('a.raised_at', '>=', f.since);
  if (f.rule) q = q.where(sql<boolean>`${f.rule} = ANY(a.rules)`);
  return q;
}

export async function listAlerts(db: Db, f: AlertFilter, page: { limit: number; offset: number; order: 'newest' | 'score' }) {
  const [items, total] = await Promise.all([
    alertsWhere(db, f)
      .innerJoin('orgs as o', 'o.id', 'a.org_id')
      .selectAll('a')
      .select(['o.code as org_code', 'o.name as org_name'])
      .$call((q) => (page.order === 'score' ? q.orderBy('a.score', 'desc').orderBy('a.raised_at', 'desc') : q.orderBy('a.raised_at', 'desc').orderBy('a.id', 'desc')))
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    alertsWhere(db, f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function getAlert(db: Db, orgIds: number[] | null, id: number) {
  return db
    .selectFrom('risk_alerts as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .selectAll('a')
    .select(['o.code as org_code', 'o.name as org_name'])
    .where('a.id', '=', id)
    .where(orgIdIn(orgIds, 'a.org_id'))
    .executeTakeFirst();
}
export type AlertRow = NonNullable<Awaited<ReturnType<typeof getAlert>>>;

export async function recentTransactionsOf(db: Db, orgIds: number[] | null, account: string, limit: number) {
  const cols = ['tx_id', 'at', 'from_account', 'from_bank', 'to_account', 'to_bank', 'amount', 'channel', 'decision', 'score'] as const;
  const [out, inn] = await Promise.all([
    db.selectFrom('risk_transactions').select(cols).where('from_account', '=', account).where(orgIdIn(orgIds, 'org_id')).orderBy('at', 'desc').limit(limit).execute(),
    db.selectFrom('risk_transactions').select(cols).where('to_account', '=', account).where(orgIdIn(orgIds, 'org_id')).orderBy('at', 'desc').limit(limit).execute(),
  ]);
  return [...out, ...inn].sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime()).slice(0, limit);
}

/** Alerts decided, per rule and outcome: what the precision per rule is computed from. */
export async function outcomesByRule(db: Db, since: Date | null) {
  const rows = await sql<{ rule: string; shadow: boolean; status: string; n: string | number }>`
    SELECT r.rule, a.shadow, a.status, count(*) AS n
    FROM risk_alerts a CROSS JOIN LATERAL unnest(a.rules) AS r(rule)
    WHERE ${since ? sql`a.raised_at >= ${since.toISOString()}::timestamptz` : sql`true`}
    GROUP BY r.rule, a.shadow, a.status`.execute(db);
  return rows.rows.map((r) => ({ rule: r.rule, shadow: r.shadow, status: r.status, n: Number(r.n) }));
}

// ---- lists the engine reads -------------------------------------------------------------------------

/** Accounts on the center's lists: stopped, frozen, named as receiving money in a case, punished cards. */
export async function listedAccounts(db: Db): Promise<[string, ListedKind][]> {
  const rows = await sql<{ account: string; kind: ListedKind }>`
    SELECT account, 'stopped' AS kind FROM stop_payments WHERE status = 'stopped'
    UNION ALL SELECT account, 'frozen' FROM freezes WHERE status = 'frozen'
    UNION ALL SELECT DISTINCT to_account, 'case' FROM case_transfers
    UNION ALL SELECT identifier, CASE WHEN outcome = 'punishment_proposal' THEN 'punished' ELSE 'case' END
      FROM card_leads WHERE kind = 'bank_account' AND (case_id IS NOT NULL OR outcome = 'punishment_proposal')`.execute(db);
  return rows.rows.map((r) => [r.account, r.kind]);
}

export async function activeAllowList(db: Db, now: Date) {
  return db
    .selectFrom('risk_allow_list')
    .select(['account', 'expires_at'])
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
}

/** Allow-list entries with their unit's code and name: the one shape the list and a single entry are shown in. */
function allowEntriesWithOrg(db: Db) {
  return db.selectFrom('risk_allow_list as l').innerJoin('orgs as o', 'o.id', 'l.org_id').selectAll('l').select(['o.code as org_code', 'o.name as org_name']);
}

export async function listAllowEntries(db: Db, orgIds: number[] | null, includeEnded: boolean, now: Date) {
  let q = allowEntriesWithOrg(db).where(orgIdIn(orgIds, 'l.org_id'));
  if (!includeEnded) q = q.where('l.revoked_at', 'is', null).where('l.expires_at', '>', now);
  return q.orderBy('l.created_at', 'desc').limit(500).execute();
}

export async function insertAllowEntry(db: Db, e: { orgId: number; account: string; reason: string; expiresAt: Date; createdBy: string; createdAt: Date }): Promise<number> {
  const row = await db
    .insertInto('risk_allow_list')
    .values({ org_id: e.orgId, account: e.account, reason: e.reason, expires_at: e.expiresAt, created_by: e.createdBy, created_at: e.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function revokeAllowEntry(db: Db, id: number, at: Date, by: string): Promise<void> {
  await db.updateTable('risk_allow_list').set({ revoked_at: at, revoked_by: by }).where('id', '=', id).execute();
}

/** One entry with its unit's code and name (as `listAllowEntries` gives them). */
export async function allowEntryWithOrg(db: Db, id: number) {
  return allowEntriesWithOrg(db).where('l.id', '=', id).executeTakeFirst();
}

/**
 * The alerts (live and shadow) raised within `windowMs` of the newest one – by the transactions' own times, as
 * the engine counts: a restarted engine must not raise them again within its dedup window.
 */
export async function latestAlerts(db: Db, windowMs: number) {
  const rows = await sql<{ account: string; raised_at: Date | string; decision: RiskDecision; shadow: boolean }>`
    SELECT account, raised_at, decision, shadow FROM risk_alerts
    WHERE raised_at >= (SELECT max(raised_at) FROM risk_alerts) - make_interval(secs => ${windowMs / 1000})
    ORDER BY raised_at`.execute(db);
  return rows.rows;
}

export async function getAllowEntry(db: Db, orgIds: number[] | null, id: number) {
  return db.selectFrom('risk_allow_list').selectAll().where('id', '=', id).where(orgIdIn(orgIds, 'org_id')).executeTakeFirst();
}

// ---- rule sets ----------------------------------------------------------------------------------------

export async function ruleSets(db: Db) {
  return db.selectFrom('risk_rule_sets').selectAll().orderBy('created_at', 'desc').execute();
}

export async function ruleSetByStatus(db: Db, status: 'live' | 'shadow') {
  return db.selectFrom('risk_rule_sets').selectAll().where('status', '=', status).executeTakeFirst();
}

// ---- engine snapshots -----------------------------------------------------------------------------------

export async function saveSnapshot(db: Db, now: Date, seq: number, meta: unknown, accounts: readonly [string, AccountSnapshot][], chunk = 2000): Promise<void> {
  for (let k = 0; k < accounts.length; k += chunk) {
    const part = accounts.slice(k, k + chunk);
    await sql`
      INSERT INTO risk_account_state (account, state, saved_at)
      SELECT u.account, u.state::jsonb, ${now.toISOString()}::timestamptz
      FROM unnest(${part.map((a) => a[0])}::text[], ${part.map((a) => JSON.stringify(a[1]))}::text[]) AS u(account, state)
      ON CONFLICT (account) DO UPDATE SET state = excluded.state, saved_at = excluded.saved_at`.execute(db);
  }
  await db
    .insertInto('risk_engine_meta')
    .values({ key: 'snapshot', value: JSON.stringify({ seq, meta }) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify({ seq, meta }) }))
    .execute();
}

export async function snapshotMeta(db: Db): Promise<{ seq: number; meta: { startSec: number; processed: number } } | null> {
  const row = await db.selectFrom('risk_engine_meta').select('value').where('key', '=', 'snapshot').executeTakeFirst();
  if (!row) return null;
  const v = (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as { seq: number; meta: { startSec: number | null; processed: number } };
  return { seq: v.seq, meta: { startSec: v.meta.startSec ?? Number.NaN, processed: v.meta.processed } };
}

/** How many accounts the snapshot holds (PostgreSQL's estimate once the table has been analysed; exact otherwise). */
export async function snapshotAccounts(db: Db): Promise<number> {
  const est = await sql<{ n: number }>`SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'risk_account_state'`.execute(db);
  const n = Number(est.rows[0]?.n ?? -1);
  if (n >= 0) return n;
  const exact = await db.selectFrom('risk_account_state').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(exact.n);
}

/** Snapshot rows in pages of `size`, by account. */
export async function* snapshotRows(db: Db, size = 20_000): AsyncGenerator<[string, AccountSnapshot][]> {
  let after = '';
  for (;;) {
    const rows = await db.selectFrom('risk_account_state').select(['account', 'state']).where('account', '>', after).orderBy('account').limit(size).execute();
    if (rows.length === 0) return;
    yield rows.map((r) => [r.account, (typeof r.state === 'string' ? JSON.parse(r.state) : r.state) as AccountSnapshot]);
    after = rows.at(-1)?.account ?? after;
  }
}

/** Stored transactions after sequence number `afterSeq`, in order, in pages. */
export async function* transactionsAfter(db: Db, afterSeq: number, size = 20_000): AsyncGenerator<{ seq: number; tx: Tx }[]> {
  let after = afterSeq;
  for (;;) {
    const rows = await db
      .selectFrom('risk_transactions')
      .select(['seq', 'tx_id', 'at', 'from_account', 'from_bank', 'to_account', 'to_bank', 'amount', 'channel'])
      .where(sql<boolean>`seq > ${after}`)
      .orderBy('seq')
      .limit(size)
      .execute();
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      seq: Number(r.seq),
      tx: {
        txId: r.tx_id,
        at: new Date(r.at).getTime(),
        from: r.from_account,
        fromBank: r.from_bank,
        to: r.to_account,
        toBank: r.to_bank,
        amount: Math.round(Number(r.amount) * 100),
        channel: r.channel as Tx['channel'],
      },
    }));
    after = Number(rows.at(-1)?.seq ?? after);
  }
}
