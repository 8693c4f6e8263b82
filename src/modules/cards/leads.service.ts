import type { Transaction } from 'kysely';
import type { DB, LeadOutcome } from '../../db/types.ts';
import { maskFields } from '../../lib/mask.ts';
import { addDays, dayStart, isDate, localDateStamp, localDay } from '../../lib/periods.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, invalid, notFound, type FieldError } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { insertNotifications } from '../notifications/notifications.repo.ts';
import * as orgsRepo from '../orgs/orgs.repo.ts';
import { announce, requireInScope } from '../orgs/orgs.service.ts';
import { isPathInScope, type Scope } from '../orgs/scope.ts';
import { readSetting } from '../settings/settings.repo.ts';
import { LeadIn, MAX_LEAD_BATCH, type LeadBatchResultDto, type LeadDto } from './leads.schema.ts';
import * as repo from './leads.repo.ts';

/** Days a station has to verify a lead on the ground (setting cards.verifyDays). */
export const DEFAULT_VERIFY_DAYS = 15;
const VERIFYING_KINDS = ['county', 'station', 'township'];

async function verifyDays(deps: Pick<Deps, 'db'>): Promise<number> {
  return (await readSetting<number>(deps.db, 'cards.verifyDays')) ?? DEFAULT_VERIFY_DAYS;
}

const actor = (ctx: RequestContext) => ({ actorType: ctx.principal?.type ?? ('system' as const), actorId: ctx.principal?.id ?? null, actorName: ctx.principal?.name ?? null });

interface OrgRef {
  id: number;
  code: string;
  name: string;
  kind: string;
  path: string;
  region_code: string | null;
}

/**
 * Leads from a ministry list or an analyst, checked one by one (good ones stored, bad ones reported by index
 * and path, as the warnings intake does). Each goes to the station or county named, or to the county of its
 * region, with the verification deadline; a replayed ministry item returns the stored lead.
 */
export async function intake(deps: Deps, ctx: RequestContext, scope: Scope, items: unknown[]): Promise<LeadBatchResultDto> {
  if (items.length > MAX_LEAD_BATCH) throw new AppError('TOO_LARGE', `a batch holds at most ${MAX_LEAD_BATCH} items, got ${items.length}`);
  const now = deps.clock.now();
  const orgs = (await deps.db.selectFrom('orgs').select(['id', 'code', 'name', 'kind', 'path', 'region_code']).where('active', '=', true).execute()) as OrgRef[];
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const countyOf = new Map(orgs.filter((o) => o.kind === 'county' && o.region_code).map((o) => [o.region_code ?? '', o]));
  const partners = orgs.filter((o) => ['bank', 'bank_branch', 'operator', 'outlet'].includes(o.kind));
  const rejected: LeadBatchResultDto['rejected'] = [];
  const valid: { index: number; input: ReturnType<typeof LeadIn.parse>; org: OrgRef; opened: OrgRef | null }[] = [];
  items.forEach((raw, index) => {
    const parsed = LeadIn.safeParse(raw);
    if (!parsed.success) {
      rejected.push({ index, errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
      return;
    }
    const input = parsed.data;
    const errors: FieldError[] = [];
    if (input.source === 'ministry' && !input.externalId) errors.push({ path: 'externalId', message: 'required for a ministry lead (the list’s own number)' });
    const org = input.orgCode ? byCode.get(input.orgCode) : input.regionCode ? countyOf.get(input.regionCode) : undefined;
    if (!org) errors.push(input.orgCode ? { path: 'orgCode', message: 'no such unit' } : input.regionCode ? { path: 'regionCode', message: 'names no county of this city' } : { path: 'orgCode', message: 'name the unit to verify it (orgCode) or its region (regionCode)' });
    else if (!VERIFYING_KINDS.includes(org.kind)) errors.push({ path: 'orgCode', message: 'leads are verified by a county, station or township' });
    else if (!scope.everything && !isPathInScope(scope, org.path)) errors.push({ path: input.orgCode ? 'orgCode' : 'regionCode', message: 'outside your jurisdiction' });
    if (errors.length || !org) {
      rejected.push({ index, errors });
      return;
    }
    const opened = input.openedAt ? (partners.find((p) => p.code === input.openedAt) ?? partners.find((p) => p.name === input.openedAt) ?? null) : null;
    valid.push({ index, input, org, opened });
  });
  const days = await verifyDays(deps);
  const stamp = localDateStamp(now);
  const accepted: LeadBatchResultDto['accepted'] = [];
  await deps.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertMany(
      trx,
      valid.map((v) => ({
        source: v.input.source,
        externalId: v.input.externalId ?? null,
        kind: v.input.kind,
        identifier: v.input.identifier,
        holderName: v.input.holderName ?? null,
        holderIdNumber: v.input.holderIdNumber ?? null,
        holderPhone: v.input.holderPhone ?? null,
        openedAtOrgId: v.opened?.id ?? null,
        openedAtName: v.opened ? null : (v.input.openedAt ?? null),
        caseId: null,
        orgId: v.org.id,
        dueAt: new Date(now.getTime() + days * 86_400_000),
      })),
      now,
      stamp,
    );
    const key = (source: string, ext: string | null) => `${source}|${ext ?? ''}`;
    const fresh = new Map(inserted.map((r) => [key(r.source, r.external_id), r]));
    const existing = new Map(
      (await repo.findExisting(trx, 'ministry', valid.filter((v) => v.input.source === 'ministry' && !fresh.has(key('ministry', v.input.externalId ?? null))).map((v) => v.input.externalId ?? ''))).map((r) => [r.external_id ?? '', r]),
    );
    for (const v of valid) {
      const f = v.input.externalId ? fresh.get(key(v.input.source, v.input.externalId)) : inserted.find((r) => r.identifier === v.input.identifier && r.external_id === null && r.org_id === v.org.id);
      if (f) {
        accepted.push({ index: v.index, id: f.id, leadNo: f.lead_no, orgCode: v.org.code, duplicate: false });
        continue;
      }
      const old = existing.get(v.input.externalId ?? '');
      if (old) accepted.push({ index: v.index, id: old.id, leadNo: old.lead_no, orgCode: old.org_code, duplicate: true });
    }
    await repo.insertEvents(trx, inserted.map((r) => ({ leadId: r.id, at: now, kind: 'assigned', fromStatus: null, toStatus: 'assigned', ...actor(ctx), orgId: r.org_id, detail: { source: r.source } })));
    const perOrg = new Map<number, number>();
    for (const r of inserted) perOrg.set(r.org_id, (perOrg.get(r.org_id) ?? 0) + 1);
    await insertNotifications(trx, [...perOrg].map(([orgId, n]) => ({ orgId, kind: 'lead.assigned', title: `断卡线索 ${n} 条待核查（${days} 日内）`, targetType: 'lead_batch', targetId: stamp, at: now })));
    await audit.record(trx, ctx, now, { action: 'lead.intake', targetType: 'lead_batch', detail: { received: items.length, accepted: inserted.length, rejected: rejected.length } });
  });
  accepted.sort((a, b) => a.index - b.index);
  const fresh = accepted.filter((a) => !a.duplicate);
  if (fresh[0]) await announce(deps, [...new Set(valid.map((v) => v.org.id))], { type: 'lead.assigned', id: fresh[0].id, data: { count: fresh.length } });
  return { accepted, rejected };
}

/**
 * Cards found in a case become leads by themselves (in the case's transaction): each receiving account,
 * assigned to the case's unit, with the bank as the opener. One lead per card however many cases use it.
 */
export async function leadsFromCase(
  trx: Transaction<DB>,
  ctx: RequestContext,
  now: Date,
  c: { id: number; orgId: number },
  cards: { kind: 'bank_account' | 'phone_card'; identifier: string; holderName: string | null; openedAtOrgId: number | null; openedAtName: string | null }[],
): Promise<number> {
  if (cards.length === 0) return 0;
  const org = await orgsRepo.findById(trx, c.orgId);
  const unit = org && VERIFYING_KINDS.includes(org.kind) ? c.orgId : (org?.parent_id ?? c.orgId);
  const days = await verifyDays({ db: trx });
  const inserted = await repo.insertMany(
    trx,
    cards.map((k) => ({ source: 'case' as const, externalId: null, kind: k.kind, identifier: k.identifier, holderName: k.holderName, holderIdNumber: null, holderPhone: null, openedAtOrgId: k.openedAtOrgId, openedAtName: k.openedAtName, caseId: c.id, orgId: unit, dueAt: new Date(now.getTime() + days * 86_400_000) })),
    now,
    localDateStamp(now),
  );
  await repo.insertEvents(trx, inserted.map((r) => ({ leadId: r.id, at: now, kind: 'assigned', fromStatus: null, toStatus: 'assigned', ...actor(ctx), orgId: r.org_id, detail: { source: 'case', caseId: c.id } })));
  return inserted.length;
}

export function present(r: repo.LeadRow, now: Date, reveal = false): LeadDto {
  return maskFields(
    {
      id: r.id,
      leadNo: r.lead_no,
      source: r.source,
      externalId: r.external_id,
      kind: r.kind,
      identifier: r.identifier,
      holderName: r.holder_name,
      holderIdNumber: r.holder_id_number,
      holderPhone: r.holder_phone,
      openedAtOrgCode: r.opened_code,
      openedAtOrgName: r.opened_name,
      openedAtName: r.opened_at_name,
      caseId: r.case_id,
      orgCode: r.org_code,
      orgName: r.org_name,
      status: r.status,
      dueAt: r.due_at.toISOString(),
      overdue: r.status !== 'closed' && now > r.due_at,
      outcome: r.outcome,
      outcomeNote: r.outcome_note,
      closedAt: r.closed_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
    },
    { holderName: 'name', holderIdNumber: 'idNumber', holderPhone: 'phone' },
    reveal,
  );
}

export async function list(deps: Deps, scope: Scope, q: { status?: 'assigned' | 'verifying' | 'closed' | 'open' | undefined; outcome?: string | undefined; overdue?: 'true' | 'false' | undefined; orgCode?: string | undefined; q?: string | undefined; page: number; pageSize: number }) {
  const now = deps.clock.now();
  const org = q.orgCode ? await requireInScope(deps, scope, q.orgCode, 'query.orgCode') : undefined;
  const { rows, total } = await repo.list(
    deps.db,
    scope,
    { status: q.status, outcome: q.outcome, overdueAt: q.overdue === 'true' ? now : undefined, orgScope: org ? { rootId: org.id, rootCode: org.code, rootPath: org.path, rootKind: org.kind, everything: false, partner: false } : undefined, q: q.q },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  return { items: rows.map((r) => present(r, now)), total };
}

export async function get(deps: Deps, ctx: RequestContext, scope: Scope, id: number, reveal: boolean) {
  const row = await repo.getById(deps.db, scope, id);
  if (!row) throw notFound('lead');
  if (reveal) await audit.recordAlone(deps, ctx, { action: 'lead.reveal', targetType: 'lead', targetId: id, orgId: row.org_id, detail: { fields: ['holder'] } });
  const events = await repo.eventsOf(deps.db, id);
  return { ...present(row, deps.clock.now(), reveal), events: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name, detail: e.detail })) };
}

type LeadStatus = 'assigned' | 'verifying' | 'closed';

async function move(deps: Deps, ctx: RequestContext, scope: Scope, id: number, allowed: LeadStatus[], decide: (row: NonNullable<Awaited<ReturnType<typeof repo.lockForUpdate>>>, now: Date) => Promise<{ to: LeadStatus; kind: string; patch: Parameters<typeof repo.update>[2]; detail: Record<string, unknown> }>) {
  const visible = await repo.getById(deps.db, scope, id);
  if (!visible) throw notFound('lead');
  const now = deps.clock.now();
  const orgIds = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockForUpdate(trx, id);
    if (!row) throw notFound('lead');
    if (!allowed.includes(row.status)) throw new AppError('ILLEGAL_TRANSITION', `a lead that is ${row.status} cannot be changed this way`);
    const step = await decide(row, now);
    await repo.update(trx, id, { ...step.patch, status: step.to, updated_at: now });
    await repo.insertEvents(trx, [{ leadId: id, at: now, kind: step.kind, fromStatus: row.status, toStatus: step.to, ...actor(ctx), orgId: ctx.principal?.orgId ?? null, detail: step.detail }]);
    await audit.record(trx, ctx, now, { action: `lead.${step.kind}`, targetType: 'lead', targetId: id, orgId: row.org_id, detail: step.detail });
    return [row.org_id, step.patch.org_id ?? row.org_id];
  });
  await announce(deps, orgIds, { type: 'lead.changed', id });
  return get(deps, ctx, scope, id, false);
}

/** Hands a lead to another unit with a new deadline (the default period from now unless given). */
export async function assign(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { orgCode: string; dueAt?: string | undefined }) {
  const org = await requireInScope(deps, scope, input.orgCode, 'orgCode');
  if (!VERIFYING_KINDS.includes(org.kind)) throw invalid('orgCode', 'leads are verified by a county, station or township');
  const days = await verifyDays(deps);
  return move(deps, ctx, scope, id, ['assigned', 'verifying'], async (_row, now) => {
    const due = input.dueAt ? new Date(input.dueAt) : new Date(now.getTime() + days * 86_400_000);
    if (due <= now) throw invalid('dueAt', 'must lie in the future');
    return { to: 'assigned', kind: 'reassigned', patch: { org_id: org.id, due_at: due }, detail: { orgCode: org.code, dueAt: due.toISOString() } };
  });
}

/** 落地核查 begins: the station has gone out to the holder. */
export function startVerification(deps: Deps, ctx: RequestContext, scope: Scope, id: number) {
  return move(deps, ctx, scope, id, ['assigned'], async () => ({ to: 'verifying', kind: 'verifying', patch: {}, detail: {} }));
}

/** The verification's outcome closes the lead; striking it off (核减) needs the reason. */
export function recordOutcome(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { outcome: LeadOutcome; note?: string | undefined }) {
  if (input.outcome === 'struck_off' && !input.note) throw invalid('note', 'give the reason for striking the lead off (核减)');
  return move(deps, ctx, scope, id, ['assigned', 'verifying'], async (_row, now) => ({
    to: 'closed',
    kind: 'closed',
    patch: { outcome: input.outcome, outcome_note: input.note ?? null, closed_at: now },
    detail: { outcome: input.outcome, ...(input.note ? { note: input.note } : {}) },
  }));
}

/** Case-involved cards per branch or outlet in a period that call for a summons or a suspension proposal. */
export const DEFAULT_SUMMON_AT = 5;
export const DEFAULT_SUSPEND_AT = 10;

/** Whole China-time days of a ranking period: dates or times as the ranking takes them, the last 365 days by default. */
export function rankingDays(now: Date, q: { from?: string | undefined; to?: string | undefined }): { firstDay: string; lastDay: string } {
  const lastDay = q.to ? (isDate(q.to) ? addDays(q.to, -1) : localDay(new Date(new Date(q.to).getTime() - 1))) : localDay(now);
  const firstDay = q.from ? (isDate(q.from) ? q.from : localDay(new Date(q.from))) : addDays(lastDay, -364);
  if (firstDay > lastDay) throw invalid('query.from', 'must be before to');
  return { firstDay, lastDay };
}

export async function rankingThresholds(deps: Pick<Deps, 'db'>) {
  return { summonAt: (await readSetting<number>(deps.db, 'cards.summonAt')) ?? DEFAULT_SUMMON_AT, suspendAt: (await readSetting<number>(deps.db, 'cards.suspendAt')) ?? DEFAULT_SUSPEND_AT };
}

/** The action a count of case-involved cards calls for: a summons (约谈) or a suspension proposal at the thresholds. */
export const rankingAction = (leads: number, t: { summonAt: number; suspendAt: number }) => (leads >= t.suspendAt ? ('suspend' as const) : leads >= t.summonAt ? ('summon' as const) : null);

/**
 * Case-involved cards per branch or outlet, over whole China-time days (the last 365 days up to today by
 * default), most first, each with the action its count calls for and the latest summons or suspension
 * proposal issued about it since the period began. A time bound names the day it falls on; `to` is
 * exclusive, so a bound at midnight ends the period with the day before.
 */
export async function accountability(deps: Deps, q: { kind: 'bank' | 'operator'; from?: string | undefined; to?: string | undefined; limit: number }) {
  const { firstDay, lastDay } = rankingDays(deps.clock.now(), q);
  const thresholds = await rankingThresholds(deps);
  const rows = await repo.accountability(deps.db, q.kind, firstDay, lastDay, q.limit);
  const notices = new Map((await repo.latestAccountabilityNotices(deps.db, rows.map((r) => r.id), dayStart(firstDay))).map((n) => [n.org_id, n]));
  const now = deps.clock.now();
  const items = rows.map(({ id, institution_id: _i, ...r }) => {
    const n = notices.get(id);
    return {
      ...r,
      action: rankingAction(r.leads, thresholds),
      notice: n ? { id: n.id, noticeNo: n.notice_no, kind: n.kind, issuedAt: n.issued_at.toISOString(), repliedAt: n.replied_at?.toISOString() ?? null, overdue: n.replied_at === null && now > n.reply_due_at } : null,
    };
  });
  return { from: dayStart(firstDay).toISOString(), to: dayStart(addDays(lastDay, 1)).toISOString(), firstDay, lastDay, thresholds, items };
}
