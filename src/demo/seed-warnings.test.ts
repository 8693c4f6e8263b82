import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import { isMobilePhone } from '../lib/phone.ts';
import { Rng } from './random.ts';
import { seedWarnings } from './seed-warnings.ts';

describe('demo warnings', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb({ demo: true });
    await seedWarnings(t.deps, new Rng(3), 3000);
  });
  afterAll(async () => t.close());

  const q = async <T>(text: ReturnType<typeof sql<T>>) => (await text.execute(t.deps.db)).rows;

  it('has the grade mix, mostly closed history and a small open queue', async () => {
    const levels = await q<{ level: string; n: number }>(sql`SELECT level, count(*)::int AS n FROM warnings GROUP BY level`);
    const share = (l: string) => (levels.find((r) => r.level === l)?.n ?? 0) / 3000;
    expect(share('emergency')).toBeGreaterThan(0.06);
    expect(share('emergency')).toBeLessThan(0.14);
    expect(share('normal')).toBeGreaterThan(0.5);
    const [open] = await q<{ open: number; overdue: number; late: number }>(
      sql`SELECT count(*) FILTER (WHERE status <> 'closed')::int AS open, count(*) FILTER (WHERE status <> 'closed' AND overdue)::int AS overdue,
                 count(*) FILTER (WHERE status = 'closed' AND closed_at > due_at)::int AS late FROM warnings`,
    );
    expect(open?.open).toBeGreaterThan(10);
    expect(open?.open).toBeLessThan(300);
    expect(open?.overdue).toBeGreaterThan(0);
    expect(open?.late).toBeGreaterThan(100);
  });

  it('keeps every row consistent with the workflow', async () => {
    const [bad] = await q<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM warnings WHERE
        (status = 'closed') <> (closed_at IS NOT NULL) OR (status = 'closed') <> (outcome IS NOT NULL)
        OR (status = 'closed' AND next_escalation_at IS NOT NULL) OR (status <> 'closed' AND next_escalation_at IS NULL)
        OR (outcome = 'defrauded') <> (loss_amount IS NOT NULL) OR (closed_at IS NOT NULL AND closed_at < received_at)`);
    expect(bad?.n).toBe(0);
    const [noVisit] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM warnings w WHERE outcome = 'refused' AND NOT EXISTS (SELECT 1 FROM warning_attempts a WHERE a.warning_id = w.id AND a.channel = 'visit')`,
    );
    expect(noVisit?.n).toBe(0);
    const [closedEvents] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM warnings w WHERE status = 'closed' AND NOT EXISTS (SELECT 1 FROM warning_events e WHERE e.warning_id = w.id AND e.kind = 'closed')`,
    );
    expect(closedEvents?.n).toBe(0);
    const phones = await q<{ victim_phone: string }>(sql`SELECT DISTINCT victim_phone FROM warnings`);
    expect(phones.every((p) => isMobilePhone(p.victim_phone))).toBe(true);
  });

  it('links repeat victims and fills the vulnerable register', async () => {
    const [r] = await q<{ linked: number; vulnerable: number }>(
      sql`SELECT (SELECT count(*)::int FROM warnings WHERE repeat_of_id IS NOT NULL) AS linked, (SELECT count(*)::int FROM vulnerable_people) AS vulnerable`,
    );
    expect(r?.linked).toBeGreaterThan(5);
    expect(r?.vulnerable).toBeGreaterThan(5);
  });
});
