import type { Kysely, Transaction } from 'kysely';
import type { AuditRow, DB } from '../../db/types.ts';
import type { Deps, RequestContext } from '../../server/context.ts';
import type { Scope } from '../orgs/scope.ts';
import { chainHash, GENESIS_HASH, verifyRun, type ChainBreak } from './audit-chain.ts';
import * as repo from './audit.repo.ts';

export interface AuditEvent {
  action: string;
  targetType?: string | undefined;
  targetId?: string | number | undefined;
  orgId?: number | null | undefined;
  detail?: Record<string, unknown> | undefined;
  /** For events without a signed-in principal (failed logins): who was attempted. */
  actorName?: string | undefined;
}

/**
 * Appends one event to the hash chain inside the caller's transaction, so the audited write and its
 * audit row commit or roll back together.
 */
export async function record(trx: Transaction<DB>, ctx: RequestContext, at: Date, event: AuditEvent): Promise<void> {
  const last = await repo.lockChain(trx);
  const p = ctx.principal;
  const at_ = new Date(Math.floor(at.getTime())); // millisecond precision survives the round trip
  const base = {
    id: (last?.id ?? 0) + 1,
    at: at_,
    actorType: p ? p.type : event.actorName ? 'anonymous' : 'system',
    actorId: p ? p.id : null,
    actorName: p ? p.name : (event.actorName ?? null),
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId === undefined ? null : String(event.targetId),
    orgId: event.orgId ?? p?.orgId ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
    detail: event.detail ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = chainHash(base);
  const row: AuditRow = {
    id: base.id,
    at: base.at,
    actor_type: base.actorType as AuditRow['actor_type'],
    actor_id: base.actorId,
    actor_name: base.actorName,
    action: base.action,
    target_type: base.targetType,
    target_id: base.targetId,
    org_id: base.orgId,
    ip: base.ip,
    request_id: base.requestId,
    detail: base.detail,
    prev_hash: base.prevHash,
    hash,
  };
  await repo.insertRow(trx, row);
}

/** Records an event in a transaction of its own (logins, reveals: reads that must leave a trace). */
export async function recordAlone(deps: Deps, ctx: RequestContext, event: AuditEvent): Promise<void> {
  await deps.db.transaction().execute((trx) => record(trx, ctx, deps.clock.now(), event));
}

function toChained(r: AuditRow) {
  return {
    id: r.id,
    at: r.at,
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    orgId: r.org_id,
    ip: r.ip,
    requestId: r.request_id,
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  lastId: number | null;
  broken: ChainBreak | null;
}

/** Walks the whole chain in batches; reports the first row whose content, link or id sequence is wrong. */
export async function verifyChain(db: Kysely<DB>, batchSize = 5000): Promise<VerifyResult> {
  let previous: { id: number; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const rows = await repo.readBatch(db, previous?.id ?? 0, batchSize);
    if (rows.length === 0) break;
    const broken = verifyRun(rows.map(toChained), previous);
    if (broken) return { ok: false, checked: checked + rows.findIndex((r) => r.id === broken.id), lastId: previous?.id ?? null, broken };
    checked += rows.length;
    const tail = rows[rows.length - 1];
    if (tail) previous = { id: tail.id, hash: tail.hash };
  }
  return { ok: true, checked, lastId: previous?.id ?? null, broken: null };
}

export async function list(deps: Deps, scope: Scope, filter: repo.AuditFilter, page: { limit: number; offset: number }) {
  const { rows, total } = await repo.listRows(deps.db, scope, filter, page);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorType: r.actor_type,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      orgCode: r.org_code,
      ip: r.ip,
      requestId: r.request_id,
      detail: r.detail,
      hash: r.hash,
    })),
  };
}

export async function recentOf(deps: Deps, actor: { type: 'user' | 'token'; id: number }, limit = 8) {
  const rows = await repo.listByActor(deps.db, actor.type, actor.id, limit);
  return rows.map((r) => ({ at: r.at.toISOString(), action: r.action, targetType: r.target_type, targetId: r.target_id }));
}
