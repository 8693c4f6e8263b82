import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import { isValidIdNumber } from '../lib/id-number.ts';
import { Rng } from './random.ts';
import { seedCards } from './seed-cards.ts';
import { seedCases } from './seed-cases.ts';
import { seedRestrictions } from './seed-restrictions.ts';

describe('demo two cards and key persons', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb({ demo: true });
    await seedCases(t.deps, new Rng(9), 200);
    await seedCards(t.deps, new Rng(9), 1);
    await seedRestrictions(t.deps, new Rng(9), 1);
  });
  afterAll(async () => t.close());
  const q = async <T>(text: ReturnType<typeof sql<T>>) => (await text.execute(t.deps.db)).rows;

  it('has leads from the cases and a ministry list, open, overdue and closed with every outcome', async () => {
    const bySource = await q<{ source: string; n: number }>(sql`SELECT source, count(*)::int AS n FROM card_leads GROUP BY 1 ORDER BY 1`);
    expect(bySource.map((r) => r.source)).toEqual(['case', 'ministry']);
    const outcomes = (await q<{ outcome: string }>(sql`SELECT DISTINCT outcome FROM card_leads WHERE outcome IS NOT NULL`)).map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['administrative', 'criminal', 'education', 'punishment_proposal', 'struck_off']);
    const [open] = await q<{ open: number; overdue: number }>(sql`SELECT count(*) FILTER (WHERE status <> 'closed')::int AS open, count(*) FILTER (WHERE status <> 'closed' AND due_at < now())::int AS overdue FROM card_leads`);
    expect(open?.open).toBeGreaterThan(0);
    expect(open?.overdue).toBeGreaterThan(0);
    const ids = await q<{ holder_id_number: string }>(sql`SELECT holder_id_number FROM card_leads WHERE holder_id_number IS NOT NULL LIMIT 100`);
    expect(ids.every((r) => isValidIdNumber(r.holder_id_number))).toBe(true);
  });

  it('has punishments in every state, appeals (some upheld), notices 7 sent / 6 replied, and people stranded abroad', async () => {
    const states = (await q<{ status: string }>(sql`SELECT DISTINCT status FROM punishments`)).map((r) => r.status).sort();
    expect(states).toEqual(['active', 'expired', 'lifted', 'proposed', 'rejected']);
    const appeals = (await q<{ status: string }>(sql`SELECT DISTINCT status FROM appeals`)).map((r) => r.status);
    expect(appeals).toContain('upheld');
    const [notices] = await q<{ sent: number; replied: number }>(sql`SELECT count(*)::int AS sent, count(replied_at)::int AS replied FROM unit_notices`);
    expect(notices).toEqual({ sent: 7, replied: 6 });
    const stranded = await q<{ status: string }>(sql`SELECT DISTINCT status FROM key_persons WHERE category = 'stranded_abroad'`);
    expect(stranded.length).toBeGreaterThanOrEqual(4);
  });

  it('has restrictions by banks and operators with appeals in every state, one past its deadline and one upheld and lifted', async () => {
    const kinds = (await q<{ kind: string }>(sql`SELECT DISTINCT kind FROM restrictions ORDER BY 1`)).map((r) => r.kind);
    expect(kinds).toEqual(['bank_account', 'payment_account', 'phone_card']);
    const appeals = (await q<{ status: string }>(sql`SELECT DISTINCT status FROM appeals WHERE restriction_id IS NOT NULL ORDER BY 1`)).map((r) => r.status);
    expect(appeals).toEqual(['accepted', 'rejected', 'reviewing', 'submitted', 'upheld']);
    const [lifted] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM restrictions r JOIN appeals a ON a.restriction_id = r.id WHERE a.status = 'upheld' AND r.status = 'lifted'`);
    expect(lifted?.n).toBeGreaterThan(0);
    const [late] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM appeals WHERE restriction_id IS NOT NULL AND status IN ('submitted','accepted','reviewing') AND due_at < now()`);
    expect(late?.n).toBeGreaterThan(0);
    // Every restriction has its timeline.
    const [bare] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM restrictions r WHERE NOT EXISTS (SELECT 1 FROM restriction_events e WHERE e.restriction_id = r.id)`);
    expect(bare?.n).toBe(0);
  });
});
