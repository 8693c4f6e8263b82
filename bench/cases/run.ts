/**
 * Case intake at city scale, on PostgreSQL: with 1,000,000 cases stored (2,000,000 transfers and
 * stop-payment requests), how long from a hotline report until its stop-payment requests are in the
 * banks' queues? Measures, one report at a time over HTTP:
 *   1. POST /api/v1/cases (validate, classify, route, case + transfers + identifiers + events + one
 *      stop-payment per receiving account + notifications + audit, one transaction);
 *   2. the receiving bank's GET /api/v1/bank/requests?status=pending, page 1, right after;
 * and, as the floor, the same rows written by plain INSERTs in one transaction with no checks.
 * Run: npx tsx bench/cases/run.ts  (BENCH_SCALE=0.05 for a quick run; BENCH_KEEP_DB=1 keeps fz_bench_cases).
 */
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/types.ts';
import { buildApp } from '../../src/server/app.ts';
import { create as createToken } from '../../src/modules/tokens/tokens.service.ts';
import { systemContext } from '../../src/server/context.ts';
import { openBenchDb } from '../warnings/setup.ts';
import { elapsed, log, summarize, type Timing } from '../warnings/stats.ts';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CASES = Math.max(10_000, Math.round(1_000_000 * SCALE));
const N = Number(process.env.BENCH_ITERATIONS ?? 200);
const NOW = new Date('2026-11-28T02:00:00Z');

/** A year of cases by SQL: two transfers and two answered (1% pending) stop-payments each. */
async function load(db: Kysely<DB>, count: number): Promise<void> {
  await db.connection().execute(async (conn) => {
    await sql`SET session_replication_role = replica`.execute(conn).catch(() => undefined);
    await sql`
      INSERT INTO cases (case_no, source, external_id, reported_at, received_at, region_code, org_id, status, fraud_type, fraud_type_source,
                         narrative, loss_amount, victim_name, victim_phone, last_progress_at, created_at, updated_at)
      SELECT 'BK' || lpad(g::text, 12, '0'), 'bulk', g::text, t, t, o.region_code, o.id,
             (ARRAY['accepted','filed','investigating','solved','prosecuted'])[1 + (g % 5)], '刷单返利', 'given',
             '受害人被诱导刷单垫付', ((g % 5000) + 100)::numeric * 2, '受害人', '138' || lpad((g % 100000000)::text, 8, '0'), t, t, t
      FROM generate_series(1, ${count}::int) g
      CROSS JOIN LATERAL (SELECT ${NOW}::timestamptz - (random() * interval '365 days') AS t) tt
      JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, region_code FROM orgs WHERE kind = 'county') o ON o.k = g % 5`.execute(conn);
    await sql`
      INSERT INTO case_transfers (case_id, from_account, from_bank, to_account, to_bank, amount, at)
      SELECT c.id, '6222' || lpad(c.id::text, 15, '0'), '工商银行', '6228' || lpad(((c.id * 7 + k) % 400000)::text, 15, '0'),
             (ARRAY['中国农业银行','中国工商银行','中国建设银行','中国银行','中国邮政储蓄银行','示例农村商业银行'])[1 + ((c.id + k) % 6)],
             c.loss_amount / 2, c.reported_at - interval '30 minutes'
      FROM cases c CROSS JOIN generate_series(0, 1) k WHERE c.source = 'bulk'`.execute(conn);
    await sql`
      INSERT INTO stop_payments (case_id, account, bank, bank_org_id, amount, hop, status, requested_at, responded_at, stopped_amount, expires_at, created_at, updated_at)
      SELECT t.case_id, t.to_account, t.to_bank, b.id, t.amount, 1,
             CASE WHEN t.case_id % 100 = 0 THEN 'pending' WHEN t.case_id % 3 = 0 THEN 'stopped' ELSE 'no_balance' END,
             t.at, CASE WHEN t.case_id % 100 = 0 THEN NULL ELSE t.at + interval '1 hour' END,
             CASE WHEN t.case_id % 100 <> 0 AND t.case_id % 3 = 0 THEN t.amount END,
             CASE WHEN t.case_id % 100 <> 0 AND t.case_id % 3 = 0 THEN t.at + interval '49 hours' END, t.at, t.at
      FROM case_transfers t JOIN orgs b ON b.kind = 'bank' AND b.name LIKE t.to_bank || '%'
      ON CONFLICT DO NOTHING`.execute(conn);
    await sql`
      INSERT INTO case_identifiers (case_id, kind, value)
      SELECT DISTINCT case_id, 'account', to_account FROM case_transfers ON CONFLICT DO NOTHING`.execute(conn);
    await sql`SET session_replication_role = DEFAULT`.execute(conn).catch(() => undefined);
  });
  await sql`SELECT setval('case_no_seq', ${count})`.execute(db);
  await sql`VACUUM (ANALYZE) cases, case_transfers, stop_payments, case_identifiers`.execute(db);
}

function report(i: number, at: Date) {
  const t = (m: number) => new Date(at.getTime() - m * 60_000).toISOString();
  return {
    externalId: `bench-${i}`,
    source: '96110',
    reportedAt: t(1),
    victim: { name: '王芳', phone: '13800138000' },
    regionCode: '149902',
    narrative: '受害人在网上看到兼职刷单广告，按要求做任务垫付，连单后无法提现。',
    lossAmount: '45000.00',
    transfers: [
      { fromAccount: '6222020200112233446', fromBank: '工商银行', toAccount: `62284800${String(100000000 + i)}0`.slice(0, 19), toBank: '中国农业银行', amount: '30000.00', at: t(50) },
      { fromAccount: '6222020200112233446', fromBank: '工商银行', toAccount: `62122600${String(100000000 + i)}0`.slice(0, 19), toBank: '中国工商银行', amount: '10000.00', at: t(40) },
      { fromAccount: '6222020200112233446', fromBank: '工商银行', toAccount: `62122600${String(100000000 + i)}0`.slice(0, 19), toBank: '中国工商银行', amount: '5000.00', at: t(30) },
    ],
  };
}

const fmt = (t: Timing) => `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)}`;

const loadBefore = os.loadavg();
const bench = await openBenchDb(NOW, 'fz_bench_cases');
try {
  const db = bench.database.db;
  log(`loading ${CASES} cases…`);
  const loaded = await elapsed(() => load(db, CASES));
  const counts = await sql<{ cases: number; sps: number; pending: number }>`
    SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM stop_payments)::int AS sps,
           (SELECT count(*) FROM stop_payments WHERE status = 'pending')::int AS pending`.execute(db);
  const analyst = await createToken(bench.deps, systemContext, null, { orgCode: '149900', role: 'center_analyst', name: 'bench' });
  const icbc = await createToken(bench.deps, systemContext, null, { orgCode: 'ICBC', role: 'bank_liaison', name: 'bench icbc' });
  const app = await buildApp(bench.deps, { serveWeb: false, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  log(`${N} reports over HTTP…`);
  const intake: number[] = [];
  const queue: number[] = [];
  const both: number[] = [];
  for (let i = -5; i < N; i++) {
    const t0 = performance.now();
    const created = (await call(analyst.token, 'POST', '/api/v1/cases', report(i + 10, NOW))) as { stopPayments: { id: number; bankOrgCode: string }[] };
    const t1 = performance.now();
    const pending = (await call(icbc.token, 'GET', '/api/v1/bank/requests?status=pending&pageSize=50')) as { total: number };
    const t2 = performance.now();
    if (!created.stopPayments.some((s) => s.bankOrgCode === 'ICBC') || pending.total < 1) throw new Error('the request did not reach the bank');
    if (i < 0) continue;
    intake.push(t1 - t0);
    queue.push(t2 - t1);
    both.push(t2 - t0);
  }
  await app.close();
  log('floor: the same rows by plain INSERT…');
  const floor: number[] = [];
  const county = await db.selectFrom('orgs').select('id').where('code', '=', '149902').executeTakeFirstOrThrow();
  for (let i = -5; i < N; i++) {
    const r = report(100_000 + i, NOW);
    const t0 = performance.now();
    await db.transaction().execute(async (trx) => {
      const c = await trx
        .insertInto('cases')
        .values({ case_no: `FL${i + 100}`, source: 'floor', external_id: String(i), reported_at: NOW, received_at: NOW, region_code: '149902', org_id: county.id, status: 'accepted', fraud_type: '刷单返利', fraud_type_source: 'given', narrative: r.narrative, loss_amount: r.lossAmount, last_progress_at: NOW, created_at: NOW, updated_at: NOW })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('case_transfers').values(r.transfers.map((t) => ({ case_id: c.id, from_account: t.fromAccount, from_bank: t.fromBank, to_account: t.toAccount, to_bank: t.toBank, amount: t.amount, at: t.at }))).execute();
      await trx
        .insertInto('stop_payments')
        .values([...new Set(r.transfers.map((t) => t.toAccount))].map((a) => ({ case_id: c.id, account: a, bank: '工商银行', amount: '1.00', status: 'pending' as const, requested_at: NOW, created_at: NOW, updated_at: NOW })))
        .execute();
    });
    if (i >= 0) floor.push(performance.now() - t0);
  }
  const rows = counts.rows[0];
  const s = { intake: summarize(intake), queue: summarize(queue), both: summarize(both), floor: summarize(floor) };
  console.log(`PostgreSQL, ${rows?.cases.toLocaleString('en')} cases and ${rows?.sps.toLocaleString('en')} stop-payments stored (${rows?.pending.toLocaleString('en')} pending), loaded in ${(loaded.ms / 1000).toFixed(1)} s; load average ${loadBefore.map((x) => x.toFixed(1)).join('/')} before, ${os.loadavg().map((x) => x.toFixed(1)).join('/')} after\n`);
  console.log('| benchmark | n | p50 / p95 ms | target |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| POST /api/v1/cases (3 transfers, 2 accounts, 2 stop-payments) | ${s.intake.n} | ${fmt(s.intake)} | – |`);
  console.log(`| the bank's pending queue right after (page 1 of 50, with the transfers to check) | ${s.queue.n} | ${fmt(s.queue)} | – |`);
  console.log(`| report → request visible in the bank's queue | ${s.both.n} | ${fmt(s.both)} | < 200 ms: ${s.both.p95 < 200 ? 'yes' : '**no**'} |`);
  console.log(`| floor: same rows by plain INSERT, one transaction, no checks | ${s.floor.n} | ${fmt(s.floor)} | – |`);
  console.log(`\nintake / floor (p50) = ${(s.intake.p50 / s.floor.p50).toFixed(2)}×`);
  console.log(JSON.stringify({ scale: SCALE, loadMs: loaded.ms, ...s }));
} finally {
  await bench.close();
}
