import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import { seedLiaison } from './seed-liaison.ts';

describe('demo joint-meeting office', () => {
  let t: TestDb;
  let api: TestApi;
  let analyst: Session;
  let member: Session;
  beforeAll(async () => {
    t = await createTestDb({ demo: true, clockStart: '2026-01-05T03:00:00Z', config: { sessionIdleMinutes: 10_000_000, sessionMaxHours: 1_000_000 } });
    expect(await seedLiaison(t.deps)).toEqual({ meetings: 2, tasks: 7, letters: 29 });
    api = await TestApi.create(t.deps);
    analyst = await api.login('demo-center_analyst');
    member = await api.login('demo-member_contact');
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('has two meetings whose tasks are answered, open and one overdue, as the API reads them', async () => {
    const meetings = (await api.as(analyst, 'GET', '/api/v1/liaison/meetings')).json();
    expect(meetings.items.map((m: { tasks: number; done: number }) => [m.tasks, m.done])).toEqual([
      [4, 1],
      [3, 2],
    ]);
    expect(meetings.items[1].meetingNo).toMatch(/^LXH20251128\d{3}$/);
    const overview = (await api.as(analyst, 'GET', '/api/v1/liaison/overview')).json();
    expect(overview.tasks).toEqual({ total: 7, open: 4, overdue: 1 });
    expect(overview.units[0]).toMatchObject({ code: 'ICBC', overdue: 1 });
    const mine = (await api.as(member, 'GET', '/api/v1/liaison/tasks')).json();
    expect(mine).toMatchObject({ total: 2, open: 1, overdue: 0 });
  });

  it('has last year’s letters all signed and this year’s mostly signed, the demo member unit’s not yet sent', async () => {
    const last = (await api.as(analyst, 'GET', '/api/v1/liaison/letters?year=2025')).json();
    expect(last).toMatchObject({ signed: 15, total: 15 });
    const now = (await api.as(analyst, 'GET', '/api/v1/liaison/letters?year=2026')).json();
    expect(now).toMatchObject({ signed: 10, total: 14 });
    expect(now.items.some((l: { orgCode: string }) => l.orgCode === 'PBOC')).toBe(false);
    // Signed in January, never after today.
    expect(now.items.every((l: { signedOn: string | null }) => l.signedOn === null || l.signedOn <= '2026-01-05')).toBe(true);
    expect((await api.as(member, 'GET', '/api/v1/liaison/letters?year=2026')).json()).toMatchObject({ total: 0 });
    expect((await api.as(member, 'GET', '/api/v1/liaison/letters?year=2025')).json()).toMatchObject({ signed: 1, total: 1 });
  });
});
