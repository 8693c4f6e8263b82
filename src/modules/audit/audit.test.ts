import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import type { RequestContext } from '../../server/context.ts';
import { canonicalJson } from './audit-chain.ts';
import { record, recordAlone, verifyChain } from './audit.service.ts';

const ctx: RequestContext = { principal: null, ip: '10.1.2.3', requestId: 'req-1' };

describe('audit hash chain', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    for (let i = 0; i < 25; i++) {
      await recordAlone(t.deps, ctx, { action: 'test.event', targetType: 'thing', targetId: i, detail: { i, nested: { b: 2, a: [1, '二'] } } });
      t.clock.advance(1234);
    }
  });
  afterAll(async () => t.close());

  it('links consecutive rows and verifies clean', async () => {
    const rows = await t.deps.db.selectFrom('audit_log').select(['id', 'prev_hash', 'hash']).orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(await verifyChain(t.deps.db, 7)).toMatchObject({ ok: true, checked: 25, lastId: 25, broken: null });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE id = 3`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE id = 3`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.deps.db)).rejects.toThrow(/append-only/);
  });

  it('rolls the audit row back with the write it describes', async () => {
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await record(trx, ctx, t.clock.now(), { action: 'test.rolled_back' });
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    const n = await t.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'test.rolled_back').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
    expect((await verifyChain(t.deps.db)).ok).toBe(true);
  });

  it('keeps ids consecutive under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => recordAlone(t.deps, ctx, { action: 'test.concurrent', detail: { i } })));
    expect(await verifyChain(t.deps.db)).toMatchObject({ ok: true, checked: 35 });
  });

  it('detects a row edited behind the trigger’s back, and a deleted row', async () => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.deps.db);
    await sql`UPDATE audit_log SET detail = '{"i": 999}' WHERE id = 12`.execute(t.deps.db);
    expect(await verifyChain(t.deps.db, 5)).toMatchObject({ ok: false, broken: { id: 12, reason: 'hash' }, checked: 11 });
    // Re-hashing the edited row to hide the edit breaks the link to the next one instead.
    const row = await t.deps.db.selectFrom('audit_log').selectAll().where('id', '=', 12).executeTakeFirstOrThrow();
    const { chainHash } = await import('./audit-chain.ts');
    const forged = chainHash({
      id: row.id, at: row.at, actorType: row.actor_type, actorId: row.actor_id, actorName: row.actor_name, action: row.action,
      targetType: row.target_type, targetId: row.target_id, orgId: row.org_id, ip: row.ip, requestId: row.request_id,
      detail: row.detail, prevHash: row.prev_hash,
    });
    await sql`UPDATE audit_log SET hash = ${forged} WHERE id = 12`.execute(t.deps.db);
    expect(await verifyChain(t.deps.db)).toMatchObject({ ok: false, broken: { id: 13, reason: 'link' } });
    await sql`DELETE FROM audit_log WHERE id >= 12 AND id <= 13`.execute(t.deps.db);
    expect(await verifyChain(t.deps.db)).toMatchObject({ ok: false, broken: { id: 14, reason: 'gap' } });
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.deps.db);
  });
});

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }));
  });
});
