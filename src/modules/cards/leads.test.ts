import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, type Session } from '../../../test/helpers/api.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';

const iso = (d: Date) => d.toISOString();

describe('two-card leads (断卡)', () => {
  let t: TestDb;
  let api: TestApi;
  let analyst: Session;
  let officer: Session;
  beforeAll(async () => {
    t = await createTestDb({ demo: true, clockStart: '2026-06-15T02:00:00Z', config: { sessionIdleMinutes: 1_000_000, sessionMaxHours: 100_000 } });
    api = await TestApi.create(t.deps);
    analyst = await api.login('demo-center_analyst');
    officer = await api.login('demo-station_officer');
  });
  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('takes a ministry list item by item, routes each with a deadline, and recognises a replay', async () => {
    const items = [
      { externalId: 'MPS-001', source: 'ministry', kind: 'bank_account', identifier: '6212260000000000018', holderName: '赵六', holderIdNumber: '110101199003071575', openedAt: 'ICBC-149902', orgCode: '149902001' },
      { externalId: 'MPS-002', source: 'ministry', kind: 'phone_card', identifier: '16500001234', regionCode: '149923' },
      { externalId: 'MPS-003', source: 'ministry', kind: 'bank_account', identifier: '6228480012345678903', holderIdNumber: '110101199003071574', orgCode: '149902001' },
      { source: 'ministry', kind: 'bank_account', identifier: '6228480012345678911', orgCode: '149902001' },
      { externalId: 'MPS-005', source: 'ministry', kind: 'bank_account', identifier: '6228480012345678929', regionCode: '110101' },
      { externalId: 'MPS-006', source: 'ministry', kind: 'bank_account', identifier: '6228480012345678937', orgCode: '149902001001' },
    ];
    const res = (await api.as(analyst, 'POST', '/api/v1/cards/leads', { items })).json();
    expect(res.rejected.map((r: { index: number; errors: { path: string }[] }) => [r.index, r.errors[0]?.path])).toEqual([
      [2, 'holderIdNumber'],
      [3, 'externalId'],
      [4, 'regionCode'],
      [5, 'orgCode'],
    ]);
    expect(res.accepted.map((a: { index: number; orgCode: string; duplicate: boolean }) => [a.index, a.orgCode, a.duplicate])).toEqual([
      [0, '149902001', false],
      [1, '149923', false],
    ]);
    const lead = (await api.as(officer, 'GET', `/api/v1/cards/leads/${res.accepted[0].id}`)).json();
    expect(lead).toMatchObject({ status: 'assigned', openedAtOrgCode: 'ICBC-149902', overdue: false, source: 'ministry' });
    expect(new Date(lead.dueAt).getTime() - t.clock.now().getTime()).toBe(15 * 86_400_000);
    expect(lead.holderName).not.toBe('赵六');
    const again = (await api.as(analyst, 'POST', '/api/v1/cards/leads', { items: items.slice(0, 1) })).json();
    expect(again.accepted).toEqual([{ index: 0, id: res.accepted[0].id, leadNo: res.accepted[0].leadNo, orgCode: '149902001', duplicate: true }]);
    // The other county's lead is not the officer's.
    expect((await api.as(officer, 'GET', `/api/v1/cards/leads/${res.accepted[1].id}`)).statusCode).toBe(404);
  });

  it('turns the accounts and phones of a reported case into leads for the case’s unit, once per card', async () => {
    const at = iso(new Date(t.clock.now().getTime() - 3_600_000));
    const report = (n: number) => ({
      source: 'test',
      reportedAt: iso(t.clock.now()),
      victim: { name: '王芳', phone: '13800138000' },
      regionCode: '149902',
      narrative: '刷单返利',
      lossAmount: '100.00',
      transfers: [{ fromAccount: '6222020200112233446', fromBank: '工商银行', toAccount: '6217000010000000011', toBank: '建设银行', toName: '孙七', amount: '100.00', at }],
      identifiers: [{ kind: 'phone', value: `1650000${String(5000 + n)}` }],
    });
    await api.as(officer, 'POST', '/api/v1/cases', report(1));
    await api.as(officer, 'POST', '/api/v1/cases', report(2));
    const leads = (await api.as(officer, 'GET', '/api/v1/cards/leads?pageSize=200')).json().items as { source: string; identifier: string; kind: string; openedAtOrgCode: string | null; orgCode: string }[];
    const fromCases = leads.filter((l) => l.source === 'case');
    expect(fromCases.filter((l) => l.identifier === '6217000010000000011')).toEqual([expect.objectContaining({ kind: 'bank_account', openedAtOrgCode: 'CCB', orgCode: '149902001' })]);
    expect(fromCases.filter((l) => l.kind === 'phone_card')).toHaveLength(2);
  });

  it('walks assigned → verifying → closed; 核减 needs a reason, a closed lead cannot move, and the ranking counts the opener', async () => {
    const { accepted } = (await api.as(analyst, 'POST', '/api/v1/cards/leads', { items: [{ externalId: 'MPS-100', source: 'ministry', kind: 'bank_account', identifier: '6212260000000000026', openedAt: 'ICBC-149902', orgCode: '149902001' }] })).json();
    const url = `/api/v1/cards/leads/${accepted[0].id}`;
    expect((await api.as(officer, 'POST', `${url}/verify`, {})).json().status).toBe('verifying');
    expect((await api.as(officer, 'POST', `${url}/verify`, {})).statusCode).toBe(409);
    expect((await api.as(officer, 'POST', `${url}/outcome`, { outcome: 'struck_off' })).json().errors[0].path).toBe('note');
    const closed = (await api.as(officer, 'POST', `${url}/outcome`, { outcome: 'administrative', note: '行政拘留五日' })).json();
    expect(closed).toMatchObject({ status: 'closed', outcome: 'administrative' });
    expect(closed.events.map((e: { kind: string }) => e.kind)).toEqual(['assigned', 'verifying', 'closed']);
    expect((await api.as(officer, 'POST', `${url}/outcome`, { outcome: 'education' })).statusCode).toBe(409);
    t.clock.advance(16 * 86_400_000);
    const overdue = (await api.as(officer, 'GET', '/api/v1/cards/leads?overdue=true&pageSize=200')).json();
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((l: { overdue: boolean; status: string }) => l.overdue && l.status !== 'closed')).toBe(true);
    const ranking = (await api.as(analyst, 'GET', '/api/v1/cards/accountability?kind=bank')).json();
    const icbc = ranking.items.find((r: { code: string }) => r.code === 'ICBC-149902');
    expect(icbc).toMatchObject({ leads: 2, punished: 1 });
    expect((await api.as(officer, 'GET', '/api/v1/cards/accountability?kind=bank')).statusCode).toBe(403);
  });

  it('imports an Excel list with the usual headings and names the bad rows by their spreadsheet number', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('线索');
    ws.addRow(['线索编号', '类型', '卡号', '姓名', '身份证号', '开户网点', '核查单位']);
    ws.addRow(['XLS-1', '银行卡', '6217 0000 1000 0000 11', '甲', '110101199003071575', 'CCB-149902', '149902001']);
    ws.addRow(['XLS-2', '电话卡', '16500009999', '乙', '110101199003071574', '', '149902001']);
    ws.addRow(['XLS-3', '银行卡', '6228480012345678911', '丙', '', '', '999999']);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const res = await api.as(analyst, 'POST', '/api/v1/cards/leads/import', { fileName: '部里下发线索.xlsx', content });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 3, accepted: 1, duplicates: 0, mapping: { externalId: '线索编号', identifier: '卡号', openedAt: '开户网点' } });
    expect(res.json().rejected.map((r: { row: number; errors: { path: string }[] }) => [r.row, r.errors[0]?.path])).toEqual([
      [3, 'holderIdNumber'],
      [4, 'orgCode'],
    ]);
    const csv = Buffer.from('号码,核查单位\n16500001111,149902001\n', 'utf8').toString('base64');
    const phones = (await api.as(analyst, 'POST', '/api/v1/cards/leads/import', { fileName: 'a.csv', content: csv, source: 'manual' })).json();
    expect(phones).toMatchObject({ rows: 1, accepted: 1 });
    const bad = await api.as(analyst, 'POST', '/api/v1/cards/leads/import', { fileName: 'a.csv', content: csv, mapping: { identifier: '卡号' } });
    expect(bad.json().errors[0].path).toBe('mapping.identifier');
  });

  it('takes a full batch of 5,000 leads (the statement is split under the parameter limit)', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ externalId: `BIG-${i}`, source: 'ministry', kind: 'phone_card', identifier: `166${String(i).padStart(8, '0')}`, orgCode: '149902001' }));
    const res = await api.as(analyst, 'POST', '/api/v1/cards/leads', { items });
    expect(res.statusCode).toBe(200);
    expect(res.json().accepted).toHaveLength(5000);
    expect(new Set(res.json().accepted.map((a: { leadNo: string }) => a.leadNo)).size).toBe(5000);
    expect((await api.as(analyst, 'GET', '/api/v1/cards/leads?status=assigned&pageSize=1')).json().total).toBeGreaterThanOrEqual(5000);
  });

  it('keeps the ranking’s per-opener day counters equal to a recount from the leads; a period is whole China days', async () => {
    // Two leads opened at one branch, made at 23:30 and 00:30 China time: two days.
    const at = (utc: string) => {
      t.clock.set(new Date(utc));
    };
    at('2026-07-10T15:30:00Z'); // 23:30 on 10 July in China
    const a = (await api.as(analyst, 'POST', '/api/v1/cards/leads', { items: [{ externalId: 'DAY-1', source: 'ministry', kind: 'bank_account', identifier: '6212260000000000034', openedAt: 'ABC-149902', orgCode: '149902001' }] })).json();
    at('2026-07-10T16:30:00Z'); // 00:30 on 11 July
    const b = (await api.as(analyst, 'POST', '/api/v1/cards/leads', { items: [{ externalId: 'DAY-2', source: 'ministry', kind: 'bank_account', identifier: '6212260000000000042', openedAt: 'ABC-149902', orgCode: '149902001' }] })).json();
    const rank = async (q: string) => ((await api.as(analyst, 'GET', `/api/v1/cards/accountability?kind=bank&${q}`)).json().items as { code: string; leads: number; closed: number; punished: number }[]).find((r) => r.code === 'ABC-149902');
    expect(await rank('from=2026-07-10&to=2026-07-11')).toMatchObject({ leads: 1 });
    expect(await rank('from=2026-07-11&to=2026-07-12')).toMatchObject({ leads: 1 });
    expect(await rank('from=2026-07-10T00:00:00%2B08:00&to=2026-07-12T00:00:00%2B08:00')).toMatchObject({ leads: 2, closed: 0 });
    expect((await api.as(analyst, 'GET', '/api/v1/cards/accountability?kind=bank&from=2026-07-12&to=2026-07-11')).json().errors[0].path).toBe('query.from');
    // Struck off drops out of the count; a punishable outcome counts as closed and punished.
    await api.as(officer, 'POST', `/api/v1/cards/leads/${a.accepted[0].id}/outcome`, { outcome: 'struck_off', note: '非本人开户，已核减' });
    await api.as(officer, 'POST', `/api/v1/cards/leads/${b.accepted[0].id}/outcome`, { outcome: 'criminal' });
    expect(await rank('from=2026-07-10&to=2026-07-12')).toMatchObject({ leads: 1, closed: 1, punished: 1 });
    const recount = await sql<{ day: string; org_id: string; leads: string; closed: string; punished: string }>`
      SELECT to_char(((created_at AT TIME ZONE 'UTC') + interval '8 hours')::date, 'YYYY-MM-DD') AS day, opened_at_org_id::text AS org_id, count(*)::text AS leads,
             count(*) FILTER (WHERE status = 'closed')::text AS closed,
             count(*) FILTER (WHERE outcome IN ('criminal', 'administrative', 'punishment_proposal'))::text AS punished
      FROM card_leads WHERE opened_at_org_id IS NOT NULL AND source IN ('case', 'ministry') AND (outcome IS NULL OR outcome <> 'struck_off')
      GROUP BY 1, 2 ORDER BY 1, 2`.execute(t.deps.db);
    const kept = await sql<{ day: string; org_id: string; leads: string; closed: string; punished: string }>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, org_id::text AS org_id, leads::text AS leads, closed::text AS closed, punished::text AS punished
      FROM lead_opener_days WHERE leads <> 0 OR closed <> 0 OR punished <> 0 ORDER BY 1, 2`.execute(t.deps.db);
    expect(recount.rows.length).toBeGreaterThan(2);
    expect(kept.rows).toEqual(recount.rows);
  });
});
