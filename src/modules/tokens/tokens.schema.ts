import { z } from 'zod';
import { ROLES } from '../../lib/roles.ts';
import { OrgCode } from '../orgs/orgs.schema.ts';

export const TokenCreate = z.strictObject({
  orgCode: OrgCode,
  role: z.enum(ROLES),
  name: z.string().trim().min(1).max(100),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type TokenCreateInput = z.infer<typeof TokenCreate>;

export const TokenCreated = z.object({ id: z.number(), token: z.string() });

export const TokenOut = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(ROLES),
  orgCode: z.string(),
  orgName: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenDto = z.infer<typeof TokenOut>;
export const TokenList = z.object({ items: z.array(TokenOut) });
export const TokenIdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });
