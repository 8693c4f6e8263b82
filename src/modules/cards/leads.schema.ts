import { z } from 'zod';
import { isValidIdNumber } from '../../lib/id-number.ts';
import { MobilePhone } from '../users/users.schema.ts';

export const LEAD_KINDS = ['bank_account', 'phone_card', 'payment_account'] as const;
export const LEAD_OUTCOMES = ['criminal', 'administrative', 'education', 'punishment_proposal', 'struck_off'] as const;
export const LEAD_STATUSES = ['assigned', 'verifying', 'closed'] as const;
export const MAX_LEAD_BATCH = 5000;

/** One lead as a ministry list or an analyst gives it. */
export const LeadIn = z.strictObject({
  externalId: z.string().trim().min(1).max(100).optional(),
  source: z.enum(['ministry', 'manual']),
  kind: z.enum(LEAD_KINDS),
  identifier: z.string().trim().min(5).max(40).regex(/^[0-9A-Za-z@._-]+$/, 'an account, card or phone number'),
  holderName: z.string().trim().min(1).max(50).optional(),
  holderIdNumber: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => isValidIdNumber(v), 'not a valid resident ID number (GB 11643 check digit, birth date, region)')
    .optional(),
  holderPhone: MobilePhone.optional(),
  /** Code of the bank branch / operator outlet where it was opened, or its name as reported. */
  openedAt: z.string().trim().min(1).max(100).optional(),
  /** The station or county to verify it; without it, the county of regionCode. */
  orgCode: z.string().trim().max(20).optional(),
  regionCode: z.string().regex(/^\d{6}$/, 'GB/T 2260 code of 6 digits').optional(),
});
export type LeadInput = z.infer<typeof LeadIn>;

export const LeadBatch = z.strictObject({ items: z.array(z.unknown()).min(1, 'at least one item') });

export const LeadBatchResult = z.object({
  accepted: z.array(z.object({ index: z.number(), id: z.number(), leadNo: z.string(), orgCode: z.string(), duplicate: z.boolean() })),
  rejected: z.array(z.object({ index: z.number(), errors: z.array(z.object({ path: z.string(), message: z.string() })) })),
});
export type LeadBatchResultDto = z.infer<typeof LeadBatchResult>;

export const LeadListQuery = z.strictObject({
  status: z.enum([...LEAD_STATUSES, 'open']).optional(),
  outcome: z.enum(LEAD_OUTCOMES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  orgCode: z.string().max(20).optional(),
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const LeadOut = z.object({
  id: z.number(),
  leadNo: z.string(),
  source: z.enum(['ministry', 'case', 'manual']),
  externalId: z.string().nullable(),
  kind: z.enum(LEAD_KINDS),
  identifier: z.string(),
  holderName: z.string().nullable(),
  holderIdNumber: z.string().nullable(),
  holderPhone: z.string().nullable(),
  openedAtOrgCode: z.string().nullable(),
  openedAtOrgName: z.string().nullable(),
  openedAtName: z.string().nullable(),
  caseId: z.number().nullable(),
  orgCode: z.string(),
  orgName: z.string(),
  status: z.enum(LEAD_STATUSES),
  dueAt: z.string(),
  overdue: z.boolean(),
  outcome: z.enum(LEAD_OUTCOMES).nullable(),
  outcomeNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type LeadDto = z.infer<typeof LeadOut>;

export const LeadOutcomeIn = z.strictObject({ outcome: z.enum(LEAD_OUTCOMES), note: z.string().trim().max(2000).optional() });
export const LeadAssignIn = z.strictObject({ orgCode: z.string().trim().max(20), dueAt: z.iso.datetime({ offset: true }).optional() });
export const AccountabilityQuery = z.strictObject({
  kind: z.enum(['bank', 'operator']),
  /** A date (YYYY-MM-DD, first day) or a time (names its China-time day). */
  from: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  /** A date (YYYY-MM-DD, exclusive) or a time (exclusive; a bound at midnight ends with the day before). */
  to: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
