import { z } from 'zod';
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
  events: z.array(EventOut),
});
export type CaseDetailDto = z.infer<typeof CaseDetail>;
