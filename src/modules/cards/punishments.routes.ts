import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isValidIdNumber } from '../../lib/id-number.ts';
import type { Role } from '../../lib/roles.ts';
import type { Deps } from '../../server/context.ts';
import { route } from '../../server/route.ts';
import { scopeOf } from '../orgs/scope.ts';
import * as service from './punishments.service.ts';

const READERS: readonly Role[] = ['admin', 'center_analyst', 'center_leader', 'viewer', 'station_officer'];
const WORKERS: readonly Role[] = ['admin', 'center_analyst', 'station_officer'];
const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });
const IdNumber = z.string().trim().toUpperCase().refine((v) => isValidIdNumber(v), 'not a valid resident ID number (GB 11643 check digit, birth date, region)');
const Findings = z.strictObject({ cards: z.number().int().min(0).max(10_000), times: z.number().int().min(0).max(10_000), counterparties: z.number().int().min(0).max(10_000), convicted: z.boolean() });
const Summary = z.object({
  id: z.number(),
  noticeNo: z.string(),
  personIdNumber: z.string(),
  personName: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  findings: z.record(z.string(), z.unknown()),
  grounds: z.array(z.string()),
  leadIds: z.array(z.number()),
  years: z.number(),
  measures: z.array(z.string()),
  status: z.enum(['proposed', 'active', 'rejected', 'lifted', 'expired']),
  proposedAt: z.string(),
  approvedAt: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  deliveryMethod: z.string().nullable(),
  liftedAt: z.string().nullable(),
  liftReason: z.string().nullable(),
});
/** An appeal as shown with its punishment or restriction. */
export const AppealOut = z.object({ id: z.number(), status: z.string(), submittedAt: z.string(), submittedBy: z.string(), grounds: z.string(), acceptDueAt: z.string().nullable(), dueAt: z.string(), decidedAt: z.string().nullable(), answer: z.string().nullable() });
const Detail = Summary.extend({
  appeals: z.array(AppealOut),
  events: z.array(z.object({ at: z.string(), kind: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), actorName: z.string().nullable(), detail: z.record(z.string(), z.unknown()) })),
});
const AppealCreated = z.object({ id: z.number(), punishmentId: z.number(), status: z.literal('submitted'), acceptDueAt: z.string(), dueAt: z.string() });

export function punishmentRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/punishments',
    summary: 'Propose a joint punishment (联合惩戒) with the findings; refused unless a threshold is met',
    tags: ['cards'],
    auth: WORKERS,
    body: z.strictObject({ personIdNumber: IdNumber, personName: z.string().trim().min(1).max(50), findings: Findings, leadIds: z.array(z.number().int().positive()).max(100).optional(), note: z.string().trim().max(2000).optional() }),
    status: 201,
    responses: { 201: Detail },
    handler: async ({ ctx, principal, body }) => service.propose(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cards/punishments',
    summary: 'Punishments proposed or decided in the caller’s jurisdiction (persons masked)',
    tags: ['cards'],
    auth: READERS,
    query: z.strictObject({
      status: z.enum(['proposed', 'active', 'rejected', 'lifted', 'expired']).optional(),
      /** A notice number or an ID number, exactly. */
      q: z.string().trim().min(1).max(40).optional(),
      orgCode: z.string().trim().max(20).optional(),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
    responses: { 200: z.object({ items: z.array(Summary), total: z.number() }) },
    handler: async ({ principal, query }) => service.list(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cards/punishments/:id',
    summary: 'One punishment with its appeals and timeline; the person unmasked with reveal=1 (audited)',
    tags: ['cards'],
    auth: READERS,
    params: IdParams,
    query: z.strictObject({ reveal: z.enum(['0', '1', 'true', 'false']).optional() }),
    responses: { 200: Detail },
    handler: async ({ ctx, principal, params, query }) => service.get(deps, ctx, await scopeOf(deps.db, principal), params.id, query.reveal === '1' || query.reveal === 'true'),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/punishments/:id/decision',
    summary: 'A leader approves (the measure starts; at most 5 years in a row, 409 beyond) or rejects a proposal',
    tags: ['cards'],
    auth: ['center_leader'],
    params: IdParams,
    body: z.strictObject({ approve: z.boolean(), note: z.string().trim().max(2000).optional() }),
    responses: { 200: Detail },
    handler: async ({ ctx, principal, params, body }) => service.decide(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cards/punishments/:id/notice',
    summary: 'The written notice (告知书) of an approved measure as a printable HTML page (audited)',
    tags: ['cards'],
    auth: READERS,
    params: IdParams,
    handler: async ({ ctx, principal, params, reply }) => {
      const html = await service.noticeHtml(deps, ctx, await scopeOf(deps.db, principal), params.id);
      await reply.type('text/html; charset=utf-8').send(html);
      return undefined;
    },
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/punishments/:id/delivery',
    summary: 'Record how and when the written notice reached the person',
    tags: ['cards'],
    auth: WORKERS,
    params: IdParams,
    body: z.strictObject({ method: z.enum(['in_person', 'post', 'sms', 'announcement']), at: z.iso.datetime({ offset: true }) }),
    responses: { 200: Detail },
    handler: async ({ ctx, principal, params, body }) => service.recordDelivery(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/punishments/:id/appeals',
    summary: 'Submit an appeal on the person’s behalf (staff); 409 against a measure not in force or with one open',
    tags: ['cards'],
    auth: WORKERS,
    params: IdParams,
    body: z.strictObject({ grounds: z.string().trim().min(5).max(5000) }),
    status: 201,
    responses: { 201: AppealCreated },
    handler: async ({ ctx, principal, params, body }) => service.submitAppeal(deps, ctx, { punishmentId: params.id }, body, await scopeOf(deps.db, principal)),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/partner/appeals',
    summary: 'A bank or operator forwards a customer’s appeal against a measure in force (by ID number)',
    tags: ['cards'],
    auth: ['bank_liaison', 'operator_liaison'],
    body: z.strictObject({ idNumber: IdNumber, grounds: z.string().trim().min(5).max(5000) }),
    status: 201,
    responses: { 201: AppealCreated },
    handler: async ({ ctx, principal, body }) => service.submitAppeal(deps, ctx, { idNumber: body.idNumber }, body, await scopeOf(deps.db, principal)),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/partner/punishments/match',
    summary: 'A bank or operator checks customers’ ID numbers against the measures in force; only matches come back',
    tags: ['cards'],
    auth: ['bank_liaison', 'operator_liaison'],
    body: z.strictObject({ idNumbers: z.array(z.string().trim().min(15).max(18)).min(1).max(10_000) }),
    responses: { 200: z.object({ items: z.array(z.object({ idNumber: z.string(), noticeNo: z.string(), endsAt: z.string().nullable(), measures: z.array(z.string()) })) }) },
    handler: async ({ ctx, body }) => service.matchForPartner(deps, ctx, body.idNumbers),
  });
  for (const action of ['accept', 'review'] as const) {
    route(app, deps, {
      method: 'POST',
      url: `/api/v1/cards/appeals/:id/${action}`,
      summary: action === 'accept' ? 'Accept an appeal (受理)' : 'Put an accepted appeal under review (审核)',
      tags: ['cards'],
      auth: ['admin', 'center_analyst'],
      params: IdParams,
      body: z.strictObject({}),
      responses: { 200: Detail },
      handler: async ({ ctx, principal, params }) => service.moveAppeal(deps, ctx, await scopeOf(deps.db, principal), params.id, { action }),
    });
  }
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/appeals/:id/answer',
    summary: 'Answer a reviewed appeal; upheld lifts the measure at once and tells the banks and operators',
    tags: ['cards'],
    auth: ['center_leader'],
    params: IdParams,
    body: z.strictObject({ upheld: z.boolean(), answer: z.string().trim().min(5).max(5000) }),
    responses: { 200: Detail },
    handler: async ({ ctx, principal, params, body }) => service.moveAppeal(deps, ctx, await scopeOf(deps.db, principal), params.id, { action: 'answer', ...body }),
  });
}
