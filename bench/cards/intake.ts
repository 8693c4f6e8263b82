/**
 * Lead import over HTTP (`POST /api/v1/cards/leads`, the real app on a port, a city analyst's bearer token)
 * against the floor: the items it accepts written by plain multi-row INSERTs into card_leads.
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { LeadIn, type LeadInput, type LeadBatchResultDto } from '../../src/modules/cards/leads.schema.ts';
import { DEFAULT_VERIFY_DAYS, intake } from '../../src/modules/cards/leads.service.ts';
import { scopeOf } from '../../src/modules/orgs/scope.ts';
import { create as createToken } from '../../src/modules/tokens/tokens.service.ts';
import { buildApp } from '../../src/server/app.ts';
import { systemContext } from '../../src/server/context.ts';
import { principalFor, type BenchDb } from '../warnings/setup.ts';
import { elapsed, summarize, type Timing } from '../warnings/stats.ts';
import { floorRows, type LeadOrgs } from './items.ts';

export interface IntakeResult {
  items: number;
  batchSize: number;
  batches: number;
  ms: number;
  perSecond: number;
  batchLatency: Timing;
  accepted: number;
  rejected: number;
  duplicates: number;
  /** One rejection as the API reports it. */
  sampleRejection: string;
  stored: number;
  events: number;
}

export interface FloorResult {
  rows: number;
  batchSize: number;
  /** Rows per INSERT statement within a batch (the bind-parameter limit). */
  perStatement: number;
  ms: number;
  perSecond: number;
}

export interface ProbeResult {
  batchSize: number;
  ok: boolean;
  status: number;
  message: string;
}

export interface Api {
  post(body: unknown): Promise<{ status: number; json: unknown }>;
  close(): Promise<void>;
}

export async function openApi(bench: BenchDb): Promise<Api> {
  const { token } = await createToken(bench.deps, systemContext, null, { orgCode: '149900', role: 'center_analyst', name: 'bench cards' });
  const app = await buildApp(bench.deps, { serveWeb: false, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/api/v1/cards/leads`;
  return {
    async post(body) {
      const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, json: await res.json() };
    },
    close: () => app.close(),
  };
}

export async function emptyLeads(bench: BenchDb): Promise<void> {
  await sql`TRUNCATE card_leads, lead_events RESTART IDENTITY CASCADE`.execute(bench.database.db);
}

/** One full batch of valid items: does the advertised maximum go through? (Rolled back or emptied after.) */
export async function probe(bench: BenchDb, api: Api, items: LeadInput[]): Promise<ProbeResult> {
  const res = await api.post({ items });
  const body = res.json as { title?: string; accepted?: unknown[] };
  if (res.status === 200) return { batchSize: items.length, ok: true, status: 200, message: `${body.accepted?.length ?? 0} accepted` };
  // The API answers a bare 500; the service called directly shows what the database said.
  let cause = '';
  try {
    const city = bench.orgs.find((o) => o.kind === 'city');
    if (!city) throw new Error('no city');
    await intake(bench.deps, systemContext, await scopeOf(bench.deps.db, principalFor(city, 'center_analyst')), items);
  } catch (e) {
    cause = e instanceof Error ? e.message : String(e);
  }
  return { batchSize: items.length, ok: false, status: res.status, message: `${body.title ?? JSON.stringify(body).slice(0, 200)}${cause ? `; the service called directly: "${cause}"` : ''}` };
}

export async function benchIntake(bench: BenchDb, api: Api, items: LeadInput[], batchSize: number): Promise<IntakeResult> {
  const latencies: number[] = [];
  let accepted = 0;
  let rejected = 0;
  let duplicates = 0;
  let sampleRejection = '';
  const { ms } = await elapsed(async () => {
    for (let i = 0; i < items.length; i += batchSize) {
      const t0 = performance.now();
      const res = await api.post({ items: items.slice(i, i + batchSize) });
      latencies.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`batch at ${i}: HTTP ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
      const body = res.json as LeadBatchResultDto;
      accepted += body.accepted.length;
      duplicates += body.accepted.filter((a) => a.duplicate).length;
      rejected += body.rejected.length;
      const r = body.rejected[0];
      if (!sampleRejection && r) sampleRejection = `item ${i + r.index}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`;
    }
  });
  const count = async (table: 'card_leads' | 'lead_events') => Number((await bench.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    items: items.length,
    batchSize,
    batches: latencies.length,
    ms,
    perSecond: (items.length / ms) * 1000,
    batchLatency: summarize(latencies),
    accepted,
    rejected,
    duplicates,
    sampleRejection,
    stored: await count('card_leads'),
    events: await count('lead_events'),
  };
}

/** Whether the intake accepts an item (the generator's items only fail on the ID number). */
export const acceptable = (item: LeadInput): boolean => LeadIn.safeParse(item).success;

/** PostgreSQL's wire protocol carries at most 65,535 bind parameters in one statement. */
const MAX_BIND_PARAMETERS = 65_535;

/**
 * The floor: the accepted items as rows, routed, linked to their opener and numbered beforehand; per batch
 * one autocommitted multi-row INSERT (split into as few statements as the bind-parameter limit allows, e.g.
 * 4,095 rows of 16 columns), no validation, events, notifications or audit.
 */
export async function benchFloor(bench: BenchDb, orgs: LeadOrgs, items: LeadInput[], batchSize: number): Promise<FloorResult> {
  const now = bench.deps.clock.now();
  const rows = floorRows(items, orgs, now, new Date(now.getTime() + DEFAULT_VERIFY_DAYS * 86_400_000), acceptable);
  const perStatement = Math.max(1, Math.floor(MAX_BIND_PARAMETERS / Math.max(1, Object.keys(rows[0] ?? {}).length)));
  const { ms } = await elapsed(async () => {
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      await bench.database.db.transaction().execute(async (tx) => {
        for (let j = 0; j < batch.length; j += perStatement) await tx.insertInto('card_leads').values(batch.slice(j, j + perStatement)).execute();
      });
    }
  });
  return { rows: rows.length, batchSize, perStatement, ms, perSecond: (rows.length / ms) * 1000 };
}
