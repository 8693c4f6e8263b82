import { z } from 'zod';
import { ORG_KINDS } from '../../lib/roles.ts';

export const OrgCode = z.string().trim().min(2).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, - and _ only');
export const RegionCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, 'GB/T 2260 code: 6, 9 or 12 digits');

export const OrgOut = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  parentCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  active: z.boolean(),
});
export type OrgDto = z.infer<typeof OrgOut>;

export const OrgList = z.object({ items: z.array(OrgOut) });

export const OrgListQuery = z.strictObject({
  kind: z.enum(ORG_KINDS).optional(),
  parentCode: OrgCode.optional(),
  q: z.string().max(100).optional(),
  includeInactive: z.enum(['0', '1', 'true', 'false']).optional(),
});

export const OrgCreate = z.strictObject({
  code: OrgCode,
  name: z.string().trim().min(1).max(100),
  kind: z.enum(ORG_KINDS),
  parentCode: OrgCode,
  regionCode: RegionCode.optional(),
});
export type OrgCreateInput = z.infer<typeof OrgCreate>;

export const OrgUpdate = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  regionCode: RegionCode.nullable().optional(),
  active: z.boolean().optional(),
});
export type OrgUpdateInput = z.infer<typeof OrgUpdate>;

export const OrgCodeParams = z.strictObject({ code: OrgCode });
