import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../lib/roles.ts';
import type { Deps } from '../../server/context.ts';
import { route } from '../../server/route.ts';
import { scopeOf } from '../orgs/scope.ts';
import { CASE_STATUSES } from './case-workflow.ts';
import { CaseCreated, CaseDetail, CaseGetQuery, CaseIdParams, CaseIn, CaseList, CaseListQuery, type CaseCreatedDto } from './cases.schema.ts';
import * as service from './cases.service.ts';
import * as serials from './serials.service.ts';

/** Who reads cases: police users above the grid (case files hold victims' data and investigations). */
export const CASE_READERS: readonly Role[] = ['admin', 'center_analyst', 'center_leader', 'viewer', 'station_officer'];
/** Who takes reports and moves cases and money: the center's staff and station officers. */
export const CASE_WRITERS: readonly Role[] = ['admin', 'center_analyst', 'station_officer'];

const StatusIn = z.strictObject({
  to: z.enum(CASE_STATUSES),
  note: z.string().trim().max(2000).optional(),
  /** 破案: suspects caught; 移送起诉: suspects sent for prosecution. */
  suspects: z.number().int().min(0).max(10_000).optional(),
});
const AssignIn = z.strictObject({
  orgCode: z.string().max(20).optional(),
  investigatorId: z.number().int().positive(),
  leaderId: z.number().int().positive(),
});

const ClustersQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  minCases: z.coerce.number().int().min(2).max(100).default(2),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const CaseBrief = z.object({ id: z.number(), caseNo: z.string(), status: z.enum(CASE_STATUSES), reportedAt: z.string(), lossAmount: z.string(), fraudType: z.string().nullable() });
const Identifier = z.object({ kind: z.string(), value: z.string() });
const Clusters = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  hubs: z.array(Identifier.extend({ cases: z.number() })),
  clusters: z.array(z.object({ shared: z.array(Identifier.extend({ cases: z.number() })), cases: z.array(CaseBrief.extend({ serialNo: z.string().nullable() })) })),
});
const SerialOut = z.object({
  id: z.number(),
  serialNo: z.string(),
  name: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  cases: z.array(CaseBrief.extend({ linkedBy: z.array(Identifier) })),
  lossTotal: z.string(),
});

export function caseRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cases/clusters',
    summary: 'Cases linked by shared identifiers (串并案 leads), biggest clusters first',
    tags: ['cases'],
    auth: CASE_READERS,
    query: ClustersQuery,
    responses: { 200: Clusters },
    handler: async ({ principal, query }) => serials.clusters(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/serials',
    summary: 'Merge linked cases into a serial case (串并案); every case keeps its own record',
    tags: ['cases'],
    auth: ['admin', 'center_analyst'],
    body: z.strictObject({ name: z.string().trim().min(2).max(100), caseIds: z.array(z.number().int().positive()).min(2).max(500) }),
    status: 201,
    responses: { 201: SerialOut },
    handler: async ({ ctx, principal, body }) => serials.createSerial(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/serials/:id',
    summary: 'A serial case with its cases and what links each one',
    tags: ['cases'],
    auth: CASE_READERS,
    params: CaseIdParams,
    responses: { 200: SerialOut },
    handler: async ({ principal, params }) => serials.getSerial(deps, await scopeOf(deps.db, principal), params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cases',
    summary: 'Report a case (victim, narrative, transfers, identifiers); every receiving account gets an emergency stop-payment request at once',
    tags: ['cases'],
    auth: CASE_WRITERS,
    body: CaseIn,
    responses: { 201: CaseCreated, 200: CaseCreated },
    statusOf: (r) => ((r as CaseCreatedDto).duplicate ? 200 : 201),
    handler: async ({ ctx, principal, body }) => service.intake(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cases',
    summary: 'Cases of the caller’s jurisdiction, newest first',
    tags: ['cases'],
    auth: CASE_READERS,
    query: CaseListQuery,
    responses: { 200: CaseList },
    handler: async ({ principal, query }) => service.list(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cases/:id',
    summary: 'One case with victim (masked unless reveal=1, audited), transfers, identifiers, stop-payments and timeline',
    tags: ['cases'],
    auth: CASE_READERS,
    params: CaseIdParams,
    query: CaseGetQuery,
    responses: { 200: CaseDetail },
    handler: async ({ ctx, principal, params, query }) =>
      service.get(deps, ctx, await scopeOf(deps.db, principal), params.id, query.reveal === '1' || query.reveal === 'true'),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cases/:id/status',
    summary: 'Move a case: 受理 → 立案 → 侦查 → 破案 → 移送起诉, or 撤案; 409 out of order',
    tags: ['cases'],
    auth: CASE_WRITERS,
    params: CaseIdParams,
    body: StatusIn,
    responses: { 200: CaseDetail },
    handler: async ({ ctx, principal, params, body }) => service.moveStatus(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cases/:id/assign',
    summary: '三定一盯: responsible unit, investigator and leader',
    tags: ['cases'],
    auth: ['admin', 'center_analyst', 'center_leader'],
    params: CaseIdParams,
    body: AssignIn,
    responses: { 200: CaseDetail },
    handler: async ({ ctx, principal, params, body }) => service.assign(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
}
