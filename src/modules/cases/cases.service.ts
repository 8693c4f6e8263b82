import type { Transaction } from 'kysely';
import type { DB, IdentifierKind } from '../../db/types.ts';
import { maskFields } from '../../lib/mask.ts';
import { localDateStamp } from '../../lib/periods.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import { notFound } from '../../server/errors.ts';
import * as audit from '../audit/audit.service.ts';
import * as orgsRepo from '../orgs/orgs.repo.ts';
import type { Scope } from '../orgs/scope.ts';
import * as repo from './cases.repo.ts';
import type { CaseDetailDto } from './cases.schema.ts';

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
  const [transfers, identifiers, events] = await Promise.all([repo.transfersOf(deps.db, id), repo.identifiersOf(deps.db, id), repo.eventsOf(deps.db, id)]);
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
    events: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name, detail: e.detail })),
  };
}
