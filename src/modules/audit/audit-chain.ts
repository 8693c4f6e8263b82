import { createHash } from 'node:crypto';

/** The fields of an audit row that the hash chain covers, in a fixed order. */
export interface ChainedFields {
  id: number;
  at: Date;
  actorType: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  orgId: number | null;
  ip: string | null;
  requestId: string | null;
  detail: unknown;
  prevHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so jsonb's key reordering cannot change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(row: ChainedFields): string {
  const payload = canonicalJson([
    row.id,
    row.at.toISOString(),
    row.actorType,
    row.actorId,
    row.actorName,
    row.action,
    row.targetType,
    row.targetId,
    row.orgId,
    row.ip,
    row.requestId,
    row.detail,
    row.prevHash,
  ]);
  return createHash('sha256').update(payload).digest('hex');
}

export interface ChainBreak {
  id: number;
  reason: 'hash' | 'link' | 'gap';
}

/**
 * Checks a run of rows in id order. Each row's hash must match its content, its prev_hash must be the
 * previous row's hash, and ids must be consecutive (a deleted row leaves a gap).
 */
export function verifyRun(rows: readonly (ChainedFields & { hash: string })[], previous: { id: number; hash: string } | null): ChainBreak | null {
  let prev = previous;
  for (const row of rows) {
    if (prev && row.id !== prev.id + 1) return { id: row.id, reason: 'gap' };
    if (!prev && row.id !== 1) return { id: row.id, reason: 'gap' };
    if (row.prevHash !== (prev ? prev.hash : GENESIS_HASH)) return { id: row.id, reason: 'link' };
    if (chainHash(row) !== row.hash) return { id: row.id, reason: 'hash' };
    prev = { id: row.id, hash: row.hash };
  }
  return null;
}
