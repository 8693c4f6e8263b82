import { z } from 'zod';
import { ROLES } from '../../lib/roles.ts';
import { isMobilePhone, normalizePhone } from '../../lib/phone.ts';
import { OrgCode } from '../orgs/orgs.schema.ts';

export const Username = z.string().trim().min(3).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-" only');
export const MobilePhone = z
  .string()
  .max(20)
  .transform(normalizePhone)
  .refine(isMobilePhone, 'not a mainland mobile number (11 digits with an allocated prefix)');

export const UserOut = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgCode: z.string(),
  orgName: z.string(),
  phone: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof UserOut>;

export const UserList = z.object({ items: z.array(UserOut), total: z.number() });

export const UserListQuery = z.strictObject({
  q: z.string().max(100).optional(),
  role: z.enum(ROLES).optional(),
  orgCode: OrgCode.optional(),
  active: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const UserCreate = z.strictObject({
  username: Username,
  password: z.string().min(1).max(200),
  displayName: z.string().trim().min(1).max(50),
  role: z.enum(ROLES),
  orgCode: OrgCode,
  phone: MobilePhone.optional(),
});
export type UserCreateInput = z.infer<typeof UserCreate>;

export const UserUpdate = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  role: z.enum(ROLES).optional(),
  orgCode: OrgCode.optional(),
  phone: MobilePhone.nullable().optional(),
  active: z.boolean().optional(),
  unlock: z.literal(true).optional(),
});
export type UserUpdateInput = z.infer<typeof UserUpdate>;

export const PasswordReset = z.strictObject({ password: z.string().min(1).max(200) });
export const UserIdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });
export const RevealQuery = z.strictObject({ reveal: z.enum(['0', '1', 'true', 'false']).optional() });
