import type { Transaction } from 'kysely';
import type { CaseStatus, DB, IdentifierKind } from '../../db/types.ts';
import { classifyNarrative } from '../../engines/classifier/fraud-type.ts';
import { cardCheckWarning } from '../../lib/bank-account.ts';
import { maskFields } from '../../lib/mask.ts';
import { dayStart, isDate, localDateStamp } from '../../lib/periods.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { AppError, invalid, notFound, type FieldError } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import * as freezesRepo from '../money/freezes.repo.ts';
import * as freezes from '../money/freezes.service.ts';
import * as stops from '../money/stop-payments.service.ts';
import { loadBanks, matchBank } from '../money/banks.ts';
import { leadsFromCase } from '../cards/leads.service.ts';
import * as stopsRepo from '../money/stop-payments.repo.ts';
import { announce, requireInScope } from '../orgs/orgs.service.ts';
import * as orgsRepo from '../orgs/orgs.repo.ts';
import { isPathInScope, type Scope } from '../orgs/scope.ts';
import { canMove, CLOSED_CASE_STATUSES, nextStatuses } from './case-workflow.ts';
import * as repo from './cases.repo.ts';
import type { CaseCreatedDto, CaseDetailDto, CaseInput } from './cases.schema.ts';

export function caseNumber(now: Date, seq: number): string {
  return `AJ${localDateStamp(now)}${String(seq).padStart(6, '0')}`;
}

/** Grids do not investigate: a case from a grid's warning goes to the station or township above it. */
async function investigatingUnit(trx: Transaction<DB>, orgId: number): Promise<number> {
  const org = await orgsRepo.findById(trx, orgId);
  if (org?.kind === 'grid' && org.parent_id !== null) return org.parent_id;
  return orgId;
}

export interface WarningForCase {
  id: number;
  source: string;
  assignedOrgId: number;
  regionCode: string | null;
  fraudType: string | null;
  victimName: string | null;
  victimPhone: string;
  victimIdNumber: string | null;
  counterparty: Record<string, string> | null;
  detectedAt: Date;
}

/**
 * A warning closed as "defrauded" becomes a case (受理) inside the same transaction: the victim, the
 * fraud type and the counterparty's phone/account/URL carry over, the loss is what the officer recorded.
 */
export async function openFromWarning(
  trx: Transaction<DB>,
  ctx: RequestContext,
  now: Date,
  w: WarningForCase,
  input: { note?: string | undefined; lossAmount?: string | undefined },
): Promise<{ id: number; caseNo: string }> {
  const caseNo = caseNumber(now, await repo.nextCaseSeq(trx));
  const orgId = await investigatingUnit(trx, w.assignedOrgId);
  const narrative = [`预警 #${w.id}（来源 ${w.source}）劝阻未果，当事人被骗。`, input.note?.trim()].filter(Boolean).join('\n');
  const id = await repo.insertCase(trx, {
    caseNo,
    source: 'warning',
    externalId: String(w.id),
    reportedAt: now,
    receivedAt: now,
    regionCode: w.regionCode,
    orgId,
    fraudType: w.fraudType,
    fraudTypeSource: w.fraudType ? 'given' : 'unclassified',
    narrative,
    lossAmount: input.lossAmount ?? '0',
    victim: { name: w.victimName, phone: w.victimPhone, idNumber: w.victimIdNumber, age: null, occupation: null },
    warningId: w.id,
  });
  const kinds: [string, IdentifierKind][] = [
    ['phone', 'phone'],
    ['account', 'account'],
    ['url', 'url'],
  ];
  await repo.insertIdentifiers(
    trx,
    id,
    kinds.flatMap(([field, kind]) => (w.counterparty?.[field] ? [{ kind, value: w.counterparty[field] }] : [])),
  );
  await repo.insertEvents(trx, [
    {
      caseId: id,
      at: now,
      kind: 'opened',
      fromStatus: null,
      toStatus: 'accepted',
      actorType: ctx.principal?.type ?? 'system',
      actorId: ctx.principal?.id ?? null,
      actorName: ctx.principal?.name ?? null,
      orgId,
      detail: { from: 'warning', warningId: w.id },
    },
  ]);
  await audit.record(trx, ctx, now, { action: 'case.open', targetType: 'case', targetId: id, orgId, detail: { caseNo, warningId: w.id } });
  return { id, caseNo };
}

/** The case a warning turned into, for the warning's detail page. */
export async function ofWarning(deps: Deps, warningId: number): Promise<{ id: number; caseNo: string } | null> {
  const r = await repo.byWarning(deps.db, warningId);
  return r ? { id: r.id, caseNo: r.case_no } : null;
}

export async function get(deps: Deps, ctx: RequestContext, scope: Scope, id: number, reveal: boolean): Promise<CaseDetailDto> {
  const row = await repo.getById(deps.db, scope, id);
  if (!row) throw notFound('case');
  const [transfers, identifiers, events, sps, people, frozen, money] = await Promise.all([
    repo.transfersOf(deps.db, id),
    repo.identifiersOf(deps.db, id),
    repo.eventsOf(deps.db, id),
    stopsRepo.byCase(deps.db, id),
    repo.names(deps.db, [row.investigator_id, row.leader_id]),
    freezesRepo.byCase(deps.db, id),
    freezesRepo.moneyTotals(deps.db, scope, id),
  ]);
  const [returns, related, serials, spEvents, freezeEvents] = await Promise.all([
    freezesRepo.returnsOfFreezes(deps.db, frozen.map((f) => f.id)),
    repo.relatedCases(deps.db, scope, id),
    repo.serialsOf(deps.db, id),
    stopsRepo.eventsOfCase(deps.db, id),
    freezesRepo.eventsOfCase(deps.db, id),
  ]);
  // One timeline: the case's own events and those of its stop-payments and freezes, by time.
  const timeline = [
    ...events.map((e) => ({ at: e.at, kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name, detail: e.detail })),
    ...spEvents.map((e) => ({ at: e.at, kind: `stop_payment.${e.kind}`, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name, detail: { ...e.detail, stopPaymentId: e.stop_payment_id, account: e.account } })),
    ...freezeEvents.map((e) => ({ at: e.at, kind: `freeze.${e.kind}`, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name, detail: { ...e.detail, freezeId: e.freeze_id, account: e.account } })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const shares = await freezesRepo.sharesOf(deps.db, returns.map((r) => r.id));
  const person = (uid: number | null) => (uid === null ? null : { id: uid, name: people.get(uid) ?? String(uid) });
  if (reveal) {
    await audit.recordAlone(deps, ctx, { action: 'case.reveal', targetType: 'case', targetId: id, orgId: row.org_id, detail: { fields: ['victim', 'fromAccount'] } });
  }
  return {
    id: row.id,
    caseNo: row.case_no,
    source: row.source,
    externalId: row.external_id,
    status: row.status,
    reportedAt: row.reported_at.toISOString(),
    receivedAt: row.received_at.toISOString(),
    regionCode: row.region_code,
    orgCode: row.org_code,
    orgName: row.org_name,
    fraudType: row.fraud_type,
    fraudTypeSource: row.fraud_type_source,
    narrative: row.narrative,
    lossAmount: row.loss_amount,
    victim: maskFields(
      { name: row.victim_name, phone: row.victim_phone, idNumber: row.victim_id_number, age: row.victim_age, occupation: row.victim_occupation },
      { name: 'name', phone: 'phone', idNumber: 'idNumber' },
      reveal,
    ),
    warningId: row.warning_id,
    transfers: transfers.map((t) =>
      maskFields(
        { id: t.id, fromAccount: t.from_account, fromBank: t.from_bank, toAccount: t.to_account, toBank: t.to_bank, toName: t.to_name, amount: t.amount, at: t.at.toISOString() },
        { fromAccount: 'account' },
        reveal,
      ),
    ),
    identifiers: identifiers.map((i) => ({ kind: i.kind, value: i.value })),
    investigator: person(row.investigator_id),
    leader: person(row.leader_id),
    nextStatuses: [...nextStatuses(row.status)],
    stopPayments: sps.map(stops.present),
    freezes: frozen.map(freezes.present),
    returns: returns.map((r) => freezes.presentReturn(r, shares)),
    money,
    related,
    serials: serials.map((s) => ({ id: s.id, serialNo: s.serial_no, name: s.name })),
    events: timeline.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}

/** Reports may be filed a few minutes ahead of the server's clock (phones, other systems). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function checkTimes(input: CaseInput, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const late = (iso: string) => new Date(iso).getTime() > now.getTime() + FUTURE_TOLERANCE_MS;
  if (late(input.reportedAt)) errors.push({ path: 'reportedAt', message: 'lies in the future' });
  input.transfers.forEach((t, i) => {
    if (late(t.at)) errors.push({ path: `transfers.${i}.at`, message: 'lies in the future' });
  });
  return errors;
}

/** A transfer "to the fraudster" that lands on one of the victim's own accounts is a data-entry error. */
function checkOwnAccounts(input: CaseInput): FieldError[] {
  const own = new Set(input.transfers.map((t) => t.fromAccount));
  return input.transfers.flatMap((t, i) => (own.has(t.toAccount) ? [{ path: `transfers.${i}.toAccount`, message: "is one of the victim's own accounts" }] : []));
}

/**
 * The unit that owns a new case: a station officer's own station (首接: the unit that took the report);
 * for the center, the county of the region code, which must lie in the caller's scope.
 */
async function owningUnit(deps: Deps, scope: Scope, input: CaseInput, principalOrgKind: string | undefined): Promise<number> {
  if (principalOrgKind === 'station' || principalOrgKind === 'township') return scope.rootId;
  const unit = await repo.unitOfRegion(deps.db, input.regionCode);
  if (!unit) throw invalid('regionCode', 'names no county of this city');
  if (!scope.everything && !isPathInScope(scope, unit.path)) throw invalid('regionCode', 'outside your jurisdiction');
  return unit.id;
}

/**
 * Case intake (PARTNER-API POST /api/v1/cases): validates what zod cannot (times, own accounts, region),
 * labels the fraud type (given, or classified from the narrative), stores the case with its transfers and
 * identifiers, and opens an emergency stop-payment request per receiving account — all in one transaction,
 * so a bank never sees a request for a case that is not stored. A repeated (source, externalId) returns the
 * stored case unchanged.
 */
export async function intake(deps: Deps, ctx: RequestContext, scope: Scope, input: CaseInput): Promise<CaseCreatedDto> {
  const now = deps.clock.now();
  if (input.externalId) {
    const existing = await repo.findByExternal(deps.db, input.source, input.externalId);
    if (existing) return replayed(deps, existing);
  }
  const errors = [...checkTimes(input, now), ...checkOwnAccounts(input)];
  if (errors.length) throw new AppError('VALIDATION', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  const warnings: FieldError[] = input.transfers.flatMap((t, i) =>
    (['fromAccount', 'toAccount'] as const).flatMap((k) => {
      const w = cardCheckWarning(t[k]);
      return w ? [{ path: `transfers.${i}.${k}`, message: w }] : [];
    }),
  );
  const orgKind = ctx.principal ? (await orgsRepo.findById(deps.db, ctx.principal.orgId))?.kind : undefined;
  const orgId = await owningUnit(deps, scope, input, orgKind);
  const classified = input.fraudType ? null : classifyNarrative(input.narrative);
  const fraudType = input.fraudType ?? classified?.fraudType ?? null;
  const fraudTypeSource = input.fraudType ? 'given' : fraudType ? 'classified' : 'unclassified';
  let created: { id: number; caseNo: string; briefs: stops.Brief[]; notify: { orgId: number }[] };
  try {
    created = await deps.db.transaction().execute(async (trx) => {
      const caseNo = caseNumber(now, await repo.nextCaseSeq(trx));
      const id = await repo.insertCase(trx, {
        caseNo,
        source: input.source,
        externalId: input.externalId ?? null,
        reportedAt: new Date(input.reportedAt),
        receivedAt: now,
        regionCode: input.regionCode,
        orgId,
        fraudType,
        fraudTypeSource,
        narrative: input.narrative,
        lossAmount: input.lossAmount,
        victim: { name: input.victim.name, phone: input.victim.phone, idNumber: input.victim.idNumber ?? null, age: input.victim.age ?? null, occupation: input.victim.occupation ?? null },
        warningId: null,
      });
      await repo.insertTransfers(trx, id, input.transfers);
      const identifiers = new Map<string, { kind: IdentifierKind; value: string }>();
      for (const i of input.identifiers ?? []) identifiers.set(`${i.kind}|${i.value}`, i);
      for (const t of input.transfers) identifiers.set(`account|${t.toAccount}`, { kind: 'account', value: t.toAccount });
      await repo.insertIdentifiers(trx, id, [...identifiers.values()]);
      await repo.insertEvents(trx, [
        { caseId: id, at: now, kind: 'opened', fromStatus: null, toStatus: 'accepted', actorType: ctx.principal?.type ?? 'system', actorId: ctx.principal?.id ?? null, actorName: ctx.principal?.name ?? null, orgId, detail: { source: input.source, fraudTypeSource, ...(classified?.cues.length ? { cues: classified.cues } : {}) } },
      ]);
      const banks = await loadBanks(trx);
      const opened = await stops.openRequests(trx, ctx, now, { id, orgId, caseNo }, stops.firstHopTargets(input.transfers), 'pending', banks);
      // 断卡: every receiving account and every phone the fraudster used becomes a lead for the case's unit.
      const cards = new Map<string, Parameters<typeof leadsFromCase>[4][number]>();
      for (const t of input.transfers) cards.set(`a|${t.toAccount}`, { kind: 'bank_account', identifier: t.toAccount, holderName: t.toName ?? null, openedAtOrgId: matchBank(banks, t.toBank)?.id ?? null, openedAtName: matchBank(banks, t.toBank) ? null : t.toBank });
      for (const i of input.identifiers ?? []) if (i.kind === 'phone') cards.set(`p|${i.value}`, { kind: 'phone_card', identifier: i.value, holderName: null, openedAtOrgId: null, openedAtName: null });
      await leadsFromCase(trx, ctx, now, { id, orgId }, [...cards.values()]);
      await audit.record(trx, ctx, now, { action: 'case.intake', targetType: 'case', targetId: id, orgId, detail: { caseNo, transfers: input.transfers.length, stopPayments: opened.briefs.length } });
      return { id, caseNo, briefs: opened.briefs, notify: opened.notify };
    });
  } catch (err) {
    // Two reports with the same external id at once: the loser returns the winner's case.
    const existing = input.externalId && isUniqueViolation(err) ? await repo.findByExternal(deps.db, input.source, input.externalId) : undefined;
    if (existing) return replayed(deps, existing);
    throw err;
  }
  await announce(deps, created.notify.map((n) => n.orgId), { type: 'stop_payment.new', id: created.id });
  return { id: created.id, caseNo: created.caseNo, fraudType, fraudTypeSource, stopPayments: created.briefs, duplicate: false, warnings };
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code?: unknown }).code === '23505';
}

async function replayed(deps: Deps, c: { id: number; case_no: string; fraud_type: string | null; fraud_type_source: 'given' | 'classified' | 'unclassified' }): Promise<CaseCreatedDto> {
  const sps = await stopsRepo.byCase(deps.db, c.id);
  return {
    id: c.id,
    caseNo: c.case_no,
    fraudType: c.fraud_type,
    fraudTypeSource: c.fraud_type_source,
    stopPayments: sps.filter((s) => s.hop === 1).map((s) => ({ id: s.id, account: s.account, bank: s.bank, bankOrgCode: s.bank_org_code, amount: s.amount, status: s.status })),
    duplicate: true,
    warnings: [],
  };
}

export async function list(
  deps: Deps,
  scope: Scope,
  q: { status?: CaseStatus | 'open' | 'reported' | undefined; orgCode?: string | undefined; fraudType?: string | undefined; q?: string | undefined; from?: string | undefined; to?: string | undefined; solvedFrom?: string | undefined; solvedTo?: string | undefined; page: number; pageSize: number },
) {
  const org = q.orgCode ? await requireInScope(deps, scope, q.orgCode, 'query.orgCode') : undefined;
  const { rows, total } = await repo.list(
    deps.db,
    scope,
    {
      status: q.status,
      orgScope: org ? { rootId: org.id, rootCode: org.code, rootPath: org.path, rootKind: org.kind, everything: false, partner: false } : undefined,
      fraudType: q.fraudType,
      q: q.q,
      // A date is a whole China-time day (the statistics' drill-through); a time is taken as it is.
      from: q.from ? (isDate(q.from) ? dayStart(q.from) : new Date(q.from)) : undefined,
      to: q.to ? (isDate(q.to) ? dayStart(q.to) : new Date(q.to)) : undefined,
      solvedFrom: q.solvedFrom ? dayStart(q.solvedFrom) : undefined,
      solvedTo: q.solvedTo ? dayStart(q.solvedTo) : undefined,
    },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      caseNo: r.case_no,
      status: r.status,
      reportedAt: r.reported_at.toISOString(),
      orgCode: r.org_code,
      orgName: r.org_name,
      fraudType: r.fraud_type,
      lossAmount: r.loss_amount,
      victimName: maskFields({ v: r.victim_name }, { v: 'name' }, false).v,
      stopPayments: { total: Number(r.sp_total ?? 0), pending: Number(r.sp_pending ?? 0), stopped: Number(r.sp_stopped ?? 0) },
    })),
    total,
  };
}

/** 受理 → 立案 → 侦查 → 破案 → 移送起诉, or 撤案 from any open state; anything else is 409. */
export async function moveStatus(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { to: CaseStatus; note?: string | undefined; suspects?: number | undefined }) {
  if (input.suspects !== undefined && input.to !== 'solved' && input.to !== 'prosecuted') throw invalid('suspects', 'counted when a case is solved (caught) or prosecuted (sent to prosecution)');
  const visible = await repo.getById(deps.db, scope, id);
  if (!visible) throw notFound('case');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockForUpdate(trx, id);
    if (!row) throw notFound('case');
    if (!canMove(row.status, input.to)) throw new AppError('ILLEGAL_TRANSITION', `a case that is ${row.status} cannot become ${input.to}`);
    const closes = CLOSED_CASE_STATUSES.includes(input.to);
    // 破案 and 移送起诉 record when, and how many suspects (the 两升 of the statistics).
    const milestone = input.to === 'solved' ? { solved_at: now, suspects_arrested: input.suspects ?? 0 } : input.to === 'prosecuted' ? { prosecuted_at: now, suspects_prosecuted: input.suspects ?? 0 } : {};
    await repo.update(trx, id, { status: input.to, last_progress_at: now, updated_at: now, ...(closes ? { closed_at: now } : {}), ...milestone });
    const detail = { ...(input.note ? { note: input.note } : {}), ...(input.suspects !== undefined ? { suspects: input.suspects } : {}) };
    await repo.insertEvents(trx, [
      { caseId: id, at: now, kind: 'status', fromStatus: row.status, toStatus: input.to, actorType: ctx.principal?.type ?? 'system', actorId: ctx.principal?.id ?? null, actorName: ctx.principal?.name ?? null, orgId: row.org_id, detail },
    ]);
    await audit.record(trx, ctx, now, { action: 'case.status', targetType: 'case', targetId: id, orgId: row.org_id, detail: { from: row.status, to: input.to } });
  });
  return get(deps, ctx, scope, id, false);
}

/**
 * 三定一盯: the responsible unit, the investigator (定人) and the leader (定责). The investigator must
 * be a station officer or analyst of the unit's subtree, the leader a center leader or admin above it.
 */
export async function assign(deps: Deps, ctx: RequestContext, scope: Scope, id: number, input: { orgCode?: string | undefined; investigatorId: number; leaderId: number }) {
  const visible = await repo.getById(deps.db, scope, id);
  if (!visible) throw notFound('case');
  const unit = input.orgCode ? await requireInScope(deps, scope, input.orgCode, 'orgCode') : { id: visible.org_id, path: visible.org_path, code: visible.org_code };
  const [investigator, leader] = await Promise.all([repo.userWithOrg(deps.db, input.investigatorId), repo.userWithOrg(deps.db, input.leaderId)]);
  if (!investigator || !investigator.active || !['station_officer', 'center_analyst'].includes(investigator.role) || !investigator.org_path.startsWith(unit.path)) {
    throw invalid('investigatorId', 'not an active officer or analyst of the responsible unit');
  }
  if (!leader || !leader.active || !['center_leader', 'admin'].includes(leader.role) || !unit.path.startsWith(leader.org_path)) {
    throw invalid('leaderId', 'not an active leader of the responsible unit or above it');
  }
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.update(trx, id, { org_id: unit.id, investigator_id: investigator.id, leader_id: leader.id, last_progress_at: now, updated_at: now });
    await repo.insertEvents(trx, [
      { caseId: id, at: now, kind: 'assigned', fromStatus: null, toStatus: null, actorType: ctx.principal?.type ?? 'system', actorId: ctx.principal?.id ?? null, actorName: ctx.principal?.name ?? null, orgId: unit.id, detail: { orgCode: unit.code, investigator: investigator.display_name, leader: leader.display_name } },
    ]);
    await audit.record(trx, ctx, now, { action: 'case.assign', targetType: 'case', targetId: id, orgId: unit.id, detail: { orgCode: unit.code, investigatorId: investigator.id, leaderId: leader.id } });
  });
  return get(deps, ctx, scope, id, false);
}
