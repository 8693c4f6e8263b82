import { z } from 'zod';
import { FRAUD_TYPES } from '../../lib/fraud-types.ts';
import { isValidIdNumber } from '../../lib/id-number.ts';
import { MobilePhone } from '../users/users.schema.ts';
import { OrgCode } from '../orgs/orgs.schema.ts';
import { ATTEMPT_CHANNELS, ATTEMPT_RESULTS, OUTCOMES, WARNING_LEVELS, WARNING_STATUSES } from './warning-workflow.ts';

export const MAX_BATCH = 5000;
const IsoTime = z.iso.datetime({ offset: true, message: 'ISO 8601 time with offset, e.g. 2026-11-28T09:30:00+08:00' });
export const Money = z.string().regex(/^\d{1,14}(\.\d{1,2})?$/, 'decimal string in yuan, e.g. "1234.56"');

/** One warning as partners push it (PARTNER-API `Warning`). */
export const WarningIn = z.strictObject({
  externalId: z.string().trim().min(1).max(100),
  source: z.string().trim().min(1).max(50),
  level: z.enum(WARNING_LEVELS),
  victimPhone: MobilePhone,
  victimName: z.string().trim().min(1).max(50).optional(),
  victimIdNumber: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => isValidIdNumber(v), 'not a valid resident ID number (GB 11643 check digit, birth date, region)')
    .optional(),
  address: z.string().trim().max(200).optional(),
  regionCode: z.string().regex(/^\d{6}$/, 'GB/T 2260 code of 6 digits').optional(),
  fraudType: z.enum(FRAUD_TYPES).optional(),
  counterparty: z
    .strictObject({ phone: z.string().max(30).optional(), account: z.string().max(40).optional(), url: z.string().max(500).optional() })
    .optional(),
  detectedAt: IsoTime,
  note: z.string().max(2000).optional(),
});
export type WarningInput = z.infer<typeof WarningIn>;

/** The batch envelope: items are checked one by one so good ones land while bad ones are reported. */
export const WarningBatch = z.strictObject({ items: z.array(z.unknown()).min(1, 'at least one item') });

export const AcceptedItem = z.object({
  index: z.number(),
  externalId: z.string(),
  id: z.number(),
  status: z.enum(WARNING_STATUSES),
  level: z.enum(WARNING_LEVELS),
  dueAt: z.string(),
  assignedOrgCode: z.string(),
  duplicate: z.boolean(),
});
export const RejectedItem = z.object({
  index: z.number(),
  externalId: z.string().nullable(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});
export const BatchResult = z.object({ accepted: z.array(AcceptedItem), rejected: z.array(RejectedItem) });
export type BatchResultDto = z.infer<typeof BatchResult>;

export const AttemptIn = z.strictObject({
  channel: z.enum(ATTEMPT_CHANNELS),
  at: IsoTime,
  result: z.enum(ATTEMPT_RESULTS),
  note: z.string().max(2000).optional(),
});
export const OutcomeIn = z.strictObject({
  outcome: z.enum(OUTCOMES),
  note: z.string().max(2000).optional(),
  lossAmount: Money.optional(),
});
export const DispatchIn = z.strictObject({ orgCode: OrgCode, note: z.string().max(500).optional() });
export const EmptyIn = z.strictObject({});

export const WarningIdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });
export const WarningGetQuery = z.strictObject({ reveal: z.enum(['0', '1', 'true', 'false']).optional() });

export const WarningListQuery = z.strictObject({
  status: z.enum([...WARNING_STATUSES, 'open']).optional(),
  level: z.enum(WARNING_LEVELS).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  orgCode: OrgCode.optional(),
  dueWithinMinutes: z.coerce.number().int().min(1).max(10_080).optional(),
  triage: z.enum(['true', 'false']).optional(),
  /** Received from (a date: that China-time day's start; or a time) … */
  from: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  /** … to (exclusive). */
  to: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  outcome: z.enum(['dissuaded', 'defrauded', 'unreachable', 'refused', 'false_positive']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const EventOut = z.object({
  at: z.string(),
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
const AttemptOut = z.object({
  id: z.number(),
  channel: z.enum(ATTEMPT_CHANNELS),
  at: z.string(),
  result: z.enum(ATTEMPT_RESULTS),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
});

export const WarningSummary = z.object({
  id: z.number(),
  externalId: z.string(),
  source: z.string(),
  level: z.enum(WARNING_LEVELS),
  status: z.enum(WARNING_STATUSES),
  overdue: z.boolean(),
  victimPhone: z.string(),
  victimName: z.string().nullable(),
  fraudType: z.string().nullable(),
  detectedAt: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
  assignedOrgCode: z.string(),
  assignedOrgName: z.string(),
  escalationLevel: z.number(),
  escalatedOrgCode: z.string().nullable(),
  visitRequired: z.boolean(),
  outcome: z.enum(OUTCOMES).nullable(),
  repeatOfId: z.number().nullable(),
});
export type WarningSummaryDto = z.infer<typeof WarningSummary>;

export const WarningDetail = WarningSummary.extend({
  victimIdNumber: z.string().nullable(),
  address: z.string().nullable(),
  regionCode: z.string().nullable(),
  counterparty: z.record(z.string(), z.string()).nullable(),
  note: z.string().nullable(),
  routedVia: z.string(),
  acknowledgedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  lossAmount: z.string().nullable(),
  case: z.object({ id: z.number(), caseNo: z.string() }).nullable().describe('the case opened when the outcome was "defrauded"'),
  attempts: z.array(AttemptOut),
  events: z.array(EventOut),
});
export type WarningDetailDto = z.infer<typeof WarningDetail>;
export const WarningList = z.object({
  items: z.array(WarningSummary),
  total: z.number().describe('matching items, exact up to 10,000'),
  totalCapped: z.boolean().describe('true when more than 10,000 match and `total` is the cap'),
});
