import { z } from 'zod';

/** A freeze as the API shows it (bank queue, case detail). */
export const FreezeOut = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNo: z.string(),
  account: z.string(),
  bank: z.string(),
  bankOrgCode: z.string().nullable(),
  stopPaymentId: z.number().nullable(),
  documentNo: z.string(),
  kind: z.enum(['full', 'limited']),
  limitAmount: z.string().nullable(),
  months: z.number(),
  status: z.enum(['requested', 'frozen', 'rejected', 'released', 'expired']),
  requestedAt: z.string(),
  frozenAt: z.string().nullable(),
  frozenAmount: z.string().nullable(),
  returnedAmount: z.string(),
  expiresAt: z.string().nullable(),
  renewals: z.number(),
  responseNote: z.string().nullable(),
});

/** A return of frozen money with its shares per case. */
export const ReturnOut = z.object({
  id: z.number(),
  freezeId: z.number(),
  method: z.enum(['traced', 'pro_rata']),
  totalAmount: z.string(),
  status: z.enum(['noticed', 'approved', 'paid', 'cancelled']),
  noticeUntil: z.string().nullable(),
  approvedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  bankReference: z.string().nullable(),
  shares: z.array(z.object({ caseId: z.number(), caseNo: z.string(), basis: z.string(), amount: z.string() })),
});
