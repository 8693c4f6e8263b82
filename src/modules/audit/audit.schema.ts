import { z } from 'zod';

export const AuditQuery = z.strictObject({
  action: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  targetType: z.string().max(32).optional(),
  targetId: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorType: z.enum(['user', 'token', 'system', 'anonymous']),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  orgCode: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntryDto = z.infer<typeof AuditEntry>;
export const AuditList = z.object({ items: z.array(AuditEntry), total: z.number() });

export const VerifyOut = z.object({
  ok: z.boolean(),
  checked: z.number(),
  lastId: z.number().nullable(),
  broken: z.object({ id: z.number(), reason: z.enum(['hash', 'link', 'gap']) }).nullable(),
});
