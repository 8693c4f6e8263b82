import { z } from 'zod';
import { isAccountNumber, normalizeAccount } from '../../lib/bank-account.ts';
import { FRAUD_TYPES } from '../../lib/fraud-types.ts';
import { isValidIdNumber } from '../../lib/id-number.ts';
import { FreezeOut, ReturnOut } from '../money/money.schema.ts';
import { MobilePhone } from '../users/users.schema.ts';
import { CASE_STATUSES, IDENTIFIER_KINDS } from './case-workflow.ts';

export const CaseIdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });
export const CaseGetQuery = z.strictObject({ reveal: z.enum(['0', '1', 'true', 'false']).optional() });

const EventOut = z.object({
  at: z.string(),
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const StopPaymentOut = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNo: z.string(),
  account: z.string(),
  accountName: z.string().nullable(),
  bank: z.string(),
  bankOrgCode: z.string().nullable(),
  amount: z.string(),
  hop: z.number(),
  parentId: z.number().nullable(),
  status: z.enum(['proposed', 'pending', 'stopped', 'mismatch', 'no_balance', 'rejected', 'expired', 'released', 'withdrawn']),
  requestedAt: z.string(),
  respondedAt: z.string().nullable(),
  stoppedAmount: z.string().nullable(),
  balance: z.string().nullable(),
  responseNote: z.string().nullable(),
  expiresAt: z.string().nullable(),
  renewals: z.number(),
});

export const CaseDetail = z.object({
  id: z.number(),
  caseNo: z.string(),
  source: z.string(),
  externalId: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  reportedAt: z.string(),
  receivedAt: z.string(),
  regionCode: z.string().nullable(),
  orgCode: z.string(),
  orgName: z.string(),
  fraudType: z.string().nullable(),
  fraudTypeSource: z.enum(['given', 'classified', 'unclassified']),
  narrative: z.string(),
  lossAmount: z.string(),
  victim: z.object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    idNumber: z.string().nullable(),
    age: z.number().nullable(),
    occupation: z.string().nullable(),
  }),
  warningId: z.number().nullable(),
  transfers: z.array(
    z.object({ id: z.number(), fromAccount: z.string(), fromBank: z.string(), toAccount: z.string(), toBank: z.string(), toName: z.string().nullable(), amount: z.string(), at: z.string() }),
  ),
  identifiers: z.array(z.object({ kind: z.enum(IDENTIFIER_KINDS), value: z.string() })),
  investigator: z.object({ id: z.number(), name: z.string() }).nullable(),
  leader: z.object({ id: z.number(), name: z.string() }).nullable(),
  nextStatuses: z.array(z.enum(CASE_STATUSES)),
  stopPayments: z.array(StopPaymentOut),
  freezes: z.array(FreezeOut),
  returns: z.array(ReturnOut),
  money: z.object({ stopped: z.string(), frozen: z.string(), returned: z.string() }),
  related: z.array(z.object({ id: z.number(), caseNo: z.string(), status: z.enum(CASE_STATUSES), reportedAt: z.string(), shared: z.array(z.object({ kind: z.enum(IDENTIFIER_KINDS), value: z.string() })) })),
  serials: z.array(z.object({ id: z.number(), serialNo: z.string(), name: z.string() })),
  events: z.array(EventOut),
});
export type CaseDetailDto = z.infer<typeof CaseDetail>;

// ---- intake (PARTNER-API `POST /api/v1/cases`) ----

const IsoTime = z.iso.datetime({ offset: true, message: 'ISO 8601 time with offset, e.g. 2026-11-28T09:30:00+08:00' });
export const Money = z.string().regex(/^\d{1,14}(\.\d{1,2})?$/, 'decimal string in yuan, e.g. "1234.56"');
const PositiveMoney = Money.refine((v) => Number(v) > 0, 'must be more than 0');
export const Account = z
  .string()
  .max(40)
  .transform(normalizeAccount)
  .refine(isAccountNumber, 'an account or card number of 8 to 32 digits');
const BankName = z.string().trim().min(1).max(60);

export const TransferIn = z.strictObject({
  fromAccount: Account,
  fromBank: BankName,
  toAccount: Account,
  toBank: BankName,
  toName: z.string().trim().min(1).max(60).optional(),
  amount: PositiveMoney,
  at: IsoTime,
});

export const CaseIn = z.strictObject({
  externalId: z.string().trim().min(1).max(100).optional(),
  source: z.string().trim().min(1).max(50),
  reportedAt: IsoTime,
  victim: z.strictObject({
    name: z.string().trim().min(1).max(50),
    phone: MobilePhone,
    idNumber: z
      .string()
      .trim()
      .toUpperCase()
      .refine((v) => isValidIdNumber(v), 'not a valid resident ID number (GB 11643 check digit, birth date, region)')
      .optional(),
    age: z.number().int().min(0).max(130).optional(),
    occupation: z.string().trim().max(50).optional(),
  }),
  regionCode: z.string().regex(/^\d{6}$/, 'GB/T 2260 code of 6 digits'),
  fraudType: z.enum(FRAUD_TYPES).optional(),
  narrative: z.string().trim().min(1).max(20_000),
  lossAmount: Money,
  transfers: z.array(TransferIn).max(500),
  identifiers: z
    .array(z.strictObject({ kind: z.enum(IDENTIFIER_KINDS), value: z.string().trim().min(1).max(500) }))
    .max(500)
    .optional(),
});
export type CaseInput = z.infer<typeof CaseIn>;

export const StopPaymentBrief = z.object({
  id: z.number(),
  account: z.string(),
  bank: z.string(),
  bankOrgCode: z.string().nullable(),
  amount: z.string(),
  status: z.string(),
});

export const CaseCreated = z.object({
  id: z.number(),
  caseNo: z.string(),
  fraudType: z.string().nullable(),
  fraudTypeSource: z.enum(['given', 'classified', 'unclassified']),
  stopPayments: z.array(StopPaymentBrief),
  duplicate: z.boolean().describe('true when (source, externalId) was reported before: the existing case, nothing changed'),
  warnings: z.array(z.object({ path: z.string(), message: z.string() })).describe('accepted but worth a look, e.g. a card number failing Luhn'),
});
export type CaseCreatedDto = z.infer<typeof CaseCreated>;

export const CaseListQuery = z.strictObject({
  /** 'open': not closed; 'reported': all but withdrawn (as the statistics count). */
  status: z.enum([...CASE_STATUSES, 'open', 'reported']).optional(),
  orgCode: z.string().max(20).optional(),
  fraudType: z.enum(FRAUD_TYPES).optional(),
  q: z.string().trim().max(50).optional(),
  /** Reported from (a time, or a date: that China-time day's start) … */
  from: z.union([z.iso.date(), IsoTime]).optional(),
  /** … to (exclusive). */
  to: z.union([z.iso.date(), IsoTime]).optional(),
  /** Solved (破案) from / to (exclusive), dates. */
  solvedFrom: z.iso.date().optional(),
  solvedTo: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const CaseSummary = z.object({
  id: z.number(),
  caseNo: z.string(),
  status: z.enum(CASE_STATUSES),
  reportedAt: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  fraudType: z.string().nullable(),
  lossAmount: z.string(),
  victimName: z.string().nullable(),
  stopPayments: z.object({ total: z.number(), pending: z.number(), stopped: z.number() }),
});
export const CaseList = z.object({ items: z.array(CaseSummary), total: z.number() });
