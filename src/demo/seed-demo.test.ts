import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import { checkIdNumber } from '../lib/id-number.ts';
import { isMobilePhone } from '../lib/phone.ts';
import { ROLES } from '../lib/roles.ts';
import { idNumber } from './people.ts';
import { Rng } from './random.ts';
import { seedDemo } from './seed-demo.ts';

describe('demo city', () => {
  let a: TestDb;
  let b: TestDb;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDb(), createTestDb()]);
    // A smaller year than `npm start`'s (the other parts' own tests check the volumes), still with every part.
    await seedDemo(a.deps, { scale: 'small', password: 'Same-seed-123', seed: 7, warnings: 600, cases: 60 });
    await seedDemo(b.deps, { scale: 'small', password: 'Same-seed-123', seed: 7, warnings: 600, cases: 60 });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const snapshot = async (t: TestDb) => ({
    orgs: await t.deps.db.selectFrom('orgs').select(['code', 'name', 'kind', 'region_code', 'path']).orderBy('code').execute(),
    users: await t.deps.db.selectFrom('users').select(['username', 'display_name', 'role', 'phone']).orderBy('username').execute(),
  });

  it('is the same city for the same seed', async () => {
    expect(await snapshot(a)).toEqual(await snapshot(b));
  });

  it('has the shape of a city: 5 counties, 40 stations and townships, grids, 6 banks, 3 operators', async () => {
    const { orgs } = await snapshot(a);
    const count = (kind: string) => orgs.filter((o) => o.kind === kind).length;
    expect(count('city')).toBe(1);
    expect(count('county')).toBe(5);
    expect(count('station') + count('township')).toBe(40);
    expect(count('grid')).toBeGreaterThanOrEqual(120);
    expect(count('bank')).toBe(6);
    expect(count('bank_branch')).toBe(36);
    expect(count('operator')).toBe(3);
    expect(count('outlet')).toBe(30);
    expect(count('member_unit')).toBeGreaterThanOrEqual(5);
    for (const o of orgs.filter((x) => x.kind === 'grid')) expect(o.region_code).toMatch(/^1499\d{8}$/);
  });

  it('gives every role a demo account, with officer and grid worker in one county', async () => {
    const rows = await a.deps.db
      .selectFrom('users')
      .innerJoin('orgs', 'orgs.id', 'users.org_id')
      .select(['users.username', 'users.role', 'orgs.code', 'orgs.kind'])
      .where('users.username', 'like', 'demo-%')
      .execute();
    expect(rows.map((r) => r.role).sort()).toEqual([...ROLES].sort());
    const officer = rows.find((r) => r.role === 'station_officer');
    const grid = rows.find((r) => r.role === 'grid_worker');
    expect(officer?.code.slice(0, 6)).toBe(grid?.code.slice(0, 6));
    expect(rows.find((r) => r.role === 'bank_liaison')?.code).toBe('ICBC');
  });

  it('generates only phone numbers and ID numbers that pass the input validators', async () => {
    const { users } = await snapshot(a);
    expect(users.length).toBeGreaterThan(200);
    for (const u of users) expect(isMobilePhone(u.phone ?? ''), u.username).toBe(true);
    const rng = new Rng(1);
    const today = new Date('2026-06-01');
    for (let i = 0; i < 2000; i++) expect(checkIdNumber(idNumber(rng, '149902', { from: 1940, to: 2008 }, today), today)).toBeNull();
  });

  it('does nothing the second time', async () => {
    const again = await seedDemo(a.deps, { scale: 'small', seed: 7 });
    expect(again.seeded).toBe(false);
    expect(again.accounts).toHaveLength(ROLES.length);
  });
});
