import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isValidIdNumber } from '../../lib/id-number.ts';
import type { Role } from '../../lib/roles.ts';
import type { Deps } from '../../server/context.ts';
import { route } from '../../server/route.ts';
import { scopeOf } from '../orgs/scope.ts';
import * as appeals from './appeals.service.ts';
import { AppealOut } from './punishments.routes.ts';
import * as service from './restrictions.service.ts';

const LIAISONS: readonly Role[] = ['bank_liaison', 'operator_liaison'];
/** Staff who oversee restrictions and appeals, and the partners for their own. */
const READERS: readonly Role[] = ['admin', 'center_analyst', 'center_leader', 'viewer', ...LIAISONS];
const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });
const RevealQuery = z.strictObject({ reveal: z.enum(['0', '1', 'true', 'false']).optional() });

export const RestrictionIn = z
  .strictObject({
    /** The institution's own number for the restriction; a replay returns the stored one. */
    externalId: z.string().trim().min(1).max(100).optional(),
    /** The branch or outlet that placed it (default: the caller's own unit). */
    unitCode: z.string().trim().max(40).optional(),
    kind: z.enum(['bank_account', 'payment_account', 'phone_card']),
    identifier: z.string().trim().min(5).max(40).regex(/^[0-9A-Za-z@._-]+$/, 'an account, card or phone number'),
    holderName: z.string().trim().min(1).max(50).optional(),
    holderIdNumber: z
      .string()
      .trim()
      .toUpperCase()
      .refine((v) => isValidIdNumber(v), 'not a valid resident ID number (GB 11643 check digit, birth date, region)')
      .optional(),
    /** limit: 限制非柜面/部分功能; suspend: 暂停; close: 注销. */
    measure: z.enum(['limit', 'suspend', 'close']),
    /** The reason the person was told (art. 32). */
    reason: z.string().trim().min(4).max(2000),
    restrictedAt: z.iso.datetime({ offset: true }),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'phone_card' && !/^1[3-9]\d{9}$/.test(v.identifier)) ctx.addIssue({ code: 'custom', path: ['identifier'], message: 'a phone card is an 11-digit mobile number' });
    if (v.kind === 'bank_account' && !/^\d{8,32}$/.test(v.identifier)) ctx.addIssue({ code: 'custom', path: ['identifier'], message: 'a bank account has 8–32 digits' });
  });

const Summary = z.object({
  id: z.number(),
  restrictionNo: z.string(),
  externalId: z.string().nullable(),
  orgCode: z.string(),
  orgName: z.string(),
  kind: z.enum(['bank_account', 'payment_account', 'phone_card']),
  identifier: z.string(),
  holderName: z.string().nullable(),
  holderIdNumber: z.string().nullable(),
  measure: z.enum(['limit', 'suspend', 'close']),
  reason: z.string(),
  restrictedAt: z.string(),
  status: z.enum(['in_force', 'lifted']),
  liftedAt: z.string().nullable(),
  liftReason: z.string().nullable(),
  openAppeals: z.number(),
});
const Detail = Summary.extend({
  appeals: z.array(AppealOut),
  events: z.array(z.object({ at: z.string(), kind: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), actorName: z.string().nullable(), detail: z.record(z.string(), z.unknown()) })),
});
const QueueQuery = z.strictObject({
  open: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  subject: z.enum(['punishment', 'restriction']).optional(),
  status: z.enum(['submitted', 'accepted', 'reviewing', 'upheld', 'rejected']).optional(),
  sort: z.enum(['due', 'newest']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const QueueItem = z.object({
  id: z.number(),
  subject: z.enum(['punishment', 'restriction']),
  subjectId: z.number(),
  subjectNo: z.string(),
  personName: z.string().nullable(),
  holderOrgCode: z.string(),
  holderOrgName: z.string(),
  status: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  grounds: z.string(),
  acceptDueAt: z.string().nullable(),
  dueAt: z.string(),
  stepDueAt: z.string().nullable(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  decidedAt: z.string().nullable(),
  answer: z.string().nullable(),
});

export function restrictionRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/restrictions',
    summary: 'A bank, payment institution or operator reports a restriction it placed on an account or phone card (arts. 18, 11), with the reason given',
    tags: ['cards'],
    auth: LIAISONS,
    body: RestrictionIn,
    status: 201,
    statusOf: (r) => ((r as { duplicate: boolean }).duplicate ? 200 : 201),
    responses: { 201: Detail.extend({ duplicate: z.boolean() }), 200: Detail.extend({ duplicate: z.boolean() }) },
    handler: async ({ ctx, principal, body }) => service.report(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cards/restrictions',
    summary: 'Restrictions: a partner’s own, or those of the institutions in the caller’s jurisdiction; newest first (holders masked)',
    tags: ['cards'],
    auth: READERS,
    query: z.strictObject({
      status: z.enum(['in_force', 'lifted']).optional(),
      appealOpen: z.enum(['true', 'false']).optional(),
      q: z.string().trim().max(40).optional(),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
    responses: { 200: z.object({ items: z.array(Summary), total: z.number() }) },
    handler: async ({ principal, query }) => service.list(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cards/restrictions/:id',
    summary: 'One restriction with its appeals and timeline; the holder unmasked with reveal=1 (audited)',
    tags: ['cards'],
    auth: READERS,
    params: IdParams,
    query: RevealQuery,
    responses: { 200: Detail },
    handler: async ({ ctx, principal, params, query }) => service.get(deps, ctx, await scopeOf(deps.db, principal), params.id, query.reveal === '1' || query.reveal === 'true'),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/restrictions/:id/lift',
    summary: 'The institution lifts its restriction (re-verified, placed in error, other) with the reason',
    tags: ['cards'],
    auth: LIAISONS,
    params: IdParams,
    body: z.strictObject({ reason: z.enum(['verified', 'error', 'other']), note: z.string().trim().max(2000).optional() }),
    responses: { 200: Detail },
    handler: async ({ ctx, principal, params, body }) => service.lift(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/restrictions/:id/appeals',
    summary: 'An appeal against a restriction in force: recorded by the institution, or forwarded by staff on the person’s behalf',
    tags: ['cards'],
    auth: ['admin', 'center_analyst', ...LIAISONS],
    params: IdParams,
    body: z.strictObject({ grounds: z.string().trim().min(5).max(5000) }),
    status: 201,
    responses: { 201: z.object({ id: z.number(), restrictionId: z.number(), status: z.literal('submitted'), acceptDueAt: z.string(), dueAt: z.string() }) },
    handler: async ({ ctx, principal, params, body }) => service.submitAppeal(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  for (const action of ['accept', 'review'] as const) {
    route(app, deps, {
      method: 'POST',
      url: `/api/v1/cards/restriction-appeals/:id/${action}`,
      summary: action === 'accept' ? 'The institution accepts an appeal against its restriction (受理)' : 'The institution puts the accepted appeal under review (核查)',
      tags: ['cards'],
      auth: LIAISONS,
      params: IdParams,
      body: z.strictObject({}),
      responses: { 200: Detail },
      handler: async ({ ctx, principal, params }) => service.moveAppeal(deps, ctx, await scopeOf(deps.db, principal), params.id, { action }),
    });
  }
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/restriction-appeals/:id/answer',
    summary: 'The institution answers a reviewed appeal; upheld lifts the restriction at once (art. 32)',
    tags: ['cards'],
    auth: LIAISONS,
    params: IdParams,
    body: z.strictObject({ upheld: z.boolean(), answer: z.string().trim().min(5).max(5000) }),
    responses: { 200: Detail },
    handler: async ({ ctx, principal, params, body }) => service.moveAppeal(deps, ctx, await scopeOf(deps.db, principal), params.id, { action: 'answer', ...body }),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cards/appeals',
    summary: 'The appeals queue: appeals on the jurisdiction’s punishments and on partners’ restrictions (staff), or a partner’s forwarded appeals and those on its restrictions; by deadline',
    tags: ['cards'],
    auth: [...READERS, 'station_officer'],
    query: QueueQuery,
    responses: { 200: z.object({ items: z.array(QueueItem), total: z.number() }) },
    handler: async ({ principal, query }) => appeals.list(deps, await scopeOf(deps.db, principal), query),
  });
}
