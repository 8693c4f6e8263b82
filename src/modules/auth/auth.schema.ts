import { z } from 'zod';
import { ORG_KINDS, ROLES } from '../../lib/roles.ts';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const MeResponse = z.object({
  id: z.number(),
  username: z.string(),
  role: z.enum(ROLES),
  orgCode: z.string(),
  orgName: z.string(),
  orgKind: z.enum(ORG_KINDS),
  displayName: z.string().nullable(),
  authType: z.enum(['user', 'token']),
  csrfToken: z.string().optional(),
});
export type Me = z.infer<typeof MeResponse>;

export const LoginResponse = z.object({
  user: z.object({ id: z.number(), username: z.string(), role: z.enum(ROLES), orgCode: z.string() }),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type LoginResult = z.infer<typeof LoginResponse>;
