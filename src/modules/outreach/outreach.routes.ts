import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FRAUD_TYPES } from '../../lib/fraud-types.ts';
import type { Role } from '../../lib/roles.ts';
import type { Deps } from '../../server/context.ts';
import { route } from '../../server/route.ts';
import { scopeOf } from '../orgs/scope.ts';
import { MobilePhone } from '../users/users.schema.ts';
import * as service from './outreach.service.ts';

const AUDIENCES = ['elderly', 'students', 'workers', 'women', 'migrants', 'business', 'general'] as const;
const VENUES = ['community', 'village', 'school', 'company', 'market', 'online', 'other'] as const;
/** Who sees outreach: the center, stations and member units (their own). */
const READERS: readonly Role[] = ['admin', 'center_analyst', 'center_leader', 'viewer', 'station_officer', 'member_contact'];
/** Who records activities and reports back on directives. */
const DOERS: readonly Role[] = ['admin', 'center_analyst', 'station_officer', 'member_contact'];
const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });

const ActivityOut = z.object({
  id: z.number(),
  orgCode: z.string(),
  orgName: z.string(),
  heldOn: z.string(),
  place: z.string(),
  venue: z.enum(VENUES),
  audience: z.enum(AUDIENCES),
  peopleReached: z.number(),
  materials: z.array(z.object({ kind: z.string(), count: z.number() })),
  fraudTypes: z.array(z.string()),
  directiveId: z.number().nullable(),
  note: z.string().nullable(),
  vulnerableReached: z.number(),
  createdBy: z.string().nullable(),
});
const DirectiveOut = z.object({
  id: z.number(),
  directiveNo: z.string(),
  kind: z.enum(['daily', 'precision']),
  fromOrgCode: z.string(),
  fromOrgName: z.string(),
  title: z.string(),
  body: z.string(),
  fraudType: z.string().nullable(),
  audience: z.enum(AUDIENCES).nullable(),
  basis: z.record(z.string(), z.unknown()).nullable(),
  issuedAt: z.string(),
  dueAt: z.string(),
  targets: z.number(),
  done: z.number(),
  overdue: z.boolean(),
});
const DirectiveDetail = DirectiveOut.extend({ units: z.array(z.object({ orgCode: z.string(), orgName: z.string(), doneAt: z.string().nullable(), activityId: z.number().nullable(), note: z.string().nullable(), overdue: z.boolean() })) });

export function outreachRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/outreach/activities',
    summary: 'Record an outreach activity (where, audience, people reached, materials); one held for a directive reports back on it',
    tags: ['outreach'],
    auth: DOERS,
    body: z.strictObject({
      orgCode: z.string().trim().max(40).optional(),
      heldOn: z.iso.date(),
      place: z.string().trim().min(2).max(200),
      venue: z.enum(VENUES),
      audience: z.enum(AUDIENCES),
      peopleReached: z.number().int().min(0).max(1_000_000),
      materials: z.array(z.strictObject({ kind: z.string().trim().min(1).max(50), count: z.number().int().min(0).max(1_000_000) })).max(20).optional(),
      fraudTypes: z.array(z.enum(FRAUD_TYPES)).max(13).optional(),
      directiveId: z.number().int().positive().optional(),
      note: z.string().trim().max(2000).optional(),
      reachedPhones: z.array(MobilePhone).max(5000).optional(),
    }),
    status: 201,
    responses: { 201: ActivityOut },
    handler: async ({ ctx, principal, body }) => service.addActivity(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/outreach/activities',
    summary: 'Activities of the units in scope, newest first, with the total and people reached',
    tags: ['outreach'],
    auth: READERS,
    query: z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional(), orgCode: z.string().trim().max(40).optional(), audience: z.enum(AUDIENCES).optional(), page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
    responses: { 200: z.object({ items: z.array(ActivityOut), total: z.number(), peopleReached: z.number() }) },
    handler: async ({ principal, query }) => service.listActivities(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/outreach/coverage',
    summary: 'Per unit below: activities, people reached, the vulnerable register reached, app registration rate (reference figures)',
    tags: ['outreach'],
    auth: READERS,
    query: z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional(), orgCode: z.string().trim().max(40).optional() }),
    responses: {
      200: z.object({
        from: z.string(),
        to: z.string(),
        items: z.array(z.object({ code: z.string(), name: z.string(), activities: z.number(), people: z.number(), vulnerable: z.number(), reached: z.number(), vulnerableRate: z.number().nullable(), population: z.number().nullable(), appRegistered: z.number().nullable(), appRate: z.number().nullable() })),
      }),
    },
    handler: async ({ principal, query }) => service.coverage(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/outreach/directives/proposals',
    summary: 'Precision directives proposed where a fraud type rose in a unit below (last 4 weeks against the 4 before)',
    tags: ['outreach'],
    auth: ['admin', 'center_analyst', 'center_leader'],
    query: z.strictObject({ orgCode: z.string().trim().max(20).optional() }),
    responses: {
      200: z.object({
        recent: z.object({ firstDay: z.string(), lastDay: z.string() }),
        before: z.object({ firstDay: z.string(), lastDay: z.string() }),
        items: z.array(z.object({ orgCode: z.string(), orgName: z.string(), fraudType: z.string(), recent: z.number(), before: z.number(), ratio: z.number().nullable(), audience: z.enum(AUDIENCES) })),
      }),
    },
    handler: async ({ principal, query }) => service.proposals(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/outreach/directives',
    summary: 'Issue a daily or precision directive (宣防指令) to units below, with a feedback deadline; each unit is told',
    tags: ['outreach'],
    auth: ['admin', 'center_analyst'],
    body: z.strictObject({
      kind: z.enum(['daily', 'precision']),
      title: z.string().trim().min(4).max(200),
      body: z.string().trim().min(10).max(20_000),
      fraudType: z.enum(FRAUD_TYPES).optional(),
      audience: z.enum(AUDIENCES).optional(),
      orgCodes: z.array(z.string().trim().max(40)).min(1).max(500),
      dueDays: z.number().int().min(1).max(90).optional(),
      basis: z.record(z.string(), z.unknown()).optional(),
    }),
    status: 201,
    responses: { 201: DirectiveDetail },
    handler: async ({ ctx, principal, body }) => service.issueDirective(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/outreach/directives',
    summary: 'Directives issued in scope or addressed to the caller’s unit (or a unit above it), with feedback counts',
    tags: ['outreach'],
    auth: READERS,
    query: z.strictObject({ open: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    responses: { 200: z.object({ items: z.array(DirectiveOut) }) },
    handler: async ({ principal, query }) => service.listDirectives(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/outreach/directives/:id',
    summary: 'One directive with each unit’s feedback',
    tags: ['outreach'],
    auth: READERS,
    params: IdParams,
    responses: { 200: DirectiveDetail },
    handler: async ({ principal, params }) => service.getDirective(deps, await scopeOf(deps.db, principal), params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/outreach/directives/:id/feedback',
    summary: 'The unit addressed reports back on a directive, once',
    tags: ['outreach'],
    auth: DOERS,
    params: IdParams,
    body: z.strictObject({ note: z.string().trim().min(4).max(5000) }),
    responses: { 200: DirectiveDetail },
    handler: async ({ ctx, principal, params, body }) => service.feedback(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
}
