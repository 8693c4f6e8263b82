import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import { luhnValid } from '../lib/bank-account.ts';
import { Rng } from './random.ts';
import { seedCases } from './seed-cases.ts';

describe('demo cases', () => {
  let t: TestDb;
  let result: Awaited<ReturnType<typeof seedCases>>;
  beforeAll(async () => {
    t = await createTestDb({ demo: true });
    result = await seedCases(t.deps, new Rng(5), 600);
  });
  afterAll(async () => t.close());

  const q = async <T>(text: ReturnType<typeof sql<T>>) => (await text.execute(t.deps.db)).rows;

  it('has the fraud-type mix with 刷单返利 the largest, and losses that add up', async () => {
    const types = await q<{ fraud_type: string; n: number }>(sql`SELECT fraud_type, count(*)::int AS n FROM cases GROUP BY 1 ORDER BY 2 DESC`);
    expect(types[0]?.fraud_type).toBe('刷单返利');
    const [sums] = await q<{ bad: number }>(sql`
      SELECT count(*)::int AS bad FROM cases c
      WHERE c.loss_amount <> (SELECT sum(amount) FROM case_transfers t WHERE t.case_id = c.id)`);
    expect(sums?.bad).toBe(0);
    expect(result.cases).toBe(600);
  });

  it('asks every receiving account’s bank and answers in every way, with onward flows', async () => {
    const states = await q<{ status: string; n: number }>(sql`SELECT status, count(*)::int AS n FROM stop_payments GROUP BY 1`);
    const has = (s: string) => (states.find((r) => r.status === s)?.n ?? 0) > 0;
    for (const s of ['pending', 'stopped', 'no_balance', 'mismatch', 'expired']) expect(has(s), s).toBe(true);
    const [missing] = await q<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM case_transfers t
      WHERE NOT EXISTS (SELECT 1 FROM stop_payments s WHERE s.case_id = t.case_id AND s.account = t.to_account)`);
    expect(missing?.n).toBe(0);
    const [stopped] = await q<{ bad: number }>(sql`SELECT count(*)::int AS bad FROM stop_payments WHERE status = 'stopped' AND (stopped_amount IS NULL OR expires_at IS NULL)`);
    expect(stopped?.bad).toBe(0);
    expect(result.flows).toBeGreaterThan(100);
    expect(result.frozen).toBeGreaterThan(10);
    expect(result.returned).toBeGreaterThan(5);
    const [money] = await q<{ bad: number }>(sql`
      SELECT count(*)::int AS bad FROM freezes f
      WHERE f.returned_amount > f.frozen_amount
         OR (f.status IN ('frozen', 'expired', 'released') AND EXISTS (SELECT 1 FROM stop_payments s WHERE s.id = f.stop_payment_id AND s.status <> 'released'))`);
    expect(money?.bad).toBe(0);
    const freezeStates = (await q<{ status: string }>(sql`SELECT DISTINCT status FROM freezes`)).map((r) => r.status).sort();
    expect(freezeStates).toEqual(['expired', 'frozen', 'rejected', 'released', 'requested']);
  });

  it('lets cases of one gang share accounts (serial-case leads) and uses valid card numbers', async () => {
    const [shared] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT value FROM case_identifiers GROUP BY value HAVING count(DISTINCT case_id) > 1) s`);
    expect(shared?.n).toBeGreaterThan(20);
    const accounts = await q<{ to_account: string }>(sql`SELECT DISTINCT to_account FROM case_transfers LIMIT 200`);
    expect(accounts.every((a) => luhnValid(a.to_account))).toBe(true);
    const nos = await q<{ n: number; d: number }>(sql`SELECT count(*)::int AS n, count(DISTINCT case_no)::int AS d FROM cases`);
    expect(nos[0]?.d).toBe(nos[0]?.n);
  });

  it('gives solved and prosecuted cases their dates and suspects, which the statistics count', async () => {
    const [bad] = await q<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM cases
      WHERE (status IN ('solved', 'prosecuted') AND (solved_at IS NULL OR suspects_arrested < 1))
         OR (status = 'prosecuted' AND (prosecuted_at IS NULL OR suspects_prosecuted > suspects_arrested))
         OR (status NOT IN ('solved', 'prosecuted') AND solved_at IS NOT NULL)`);
    expect(bad?.n).toBe(0);
    const [stats] = await q<{ solved: string; arrested: string }>(sql`
      SELECT (SELECT sum(n) FROM stat_days WHERE metric = 'c.solved')::text AS solved, (SELECT sum(n) FROM stat_days WHERE metric = 'c.arrested')::text AS arrested`);
    const [direct] = await q<{ solved: string; arrested: string }>(sql`SELECT count(*)::text AS solved, sum(suspects_arrested)::text AS arrested FROM cases WHERE solved_at IS NOT NULL AND status <> 'withdrawn'`);
    expect(Number(stats?.solved)).toBeGreaterThan(0);
    expect(stats).toEqual(direct);
  });
});
