import type { FastifyInstance } from 'fastify';
import { ALL_ROLES } from '../../lib/roles.ts';
import type { Deps } from '../../server/context.ts';
import { route } from '../../server/route.ts';
import { OrgCodeParams, OrgCreate, OrgList, OrgListQuery, OrgOut, OrgUpdate } from './orgs.schema.ts';
import * as service from './orgs.service.ts';
import { scopeOf } from './scope.ts';

export function orgRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/orgs',
    summary: 'Organisations the caller may see',
    tags: ['orgs'],
    auth: ALL_ROLES,
    query: OrgListQuery,
    responses: { 200: OrgList },
    handler: async ({ principal, query }) =>
      service.list(deps, await scopeOf(deps.db, principal), {
        kind: query.kind,
        parentCode: query.parentCode,
        q: query.q,
        includeInactive: query.includeInactive === '1' || query.includeInactive === 'true',
      }),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/orgs/:code',
    summary: 'One organisation',
    tags: ['orgs'],
    auth: ALL_ROLES,
    params: OrgCodeParams,
    responses: { 200: OrgOut },
    handler: async ({ principal, params }) => service.get(deps, await scopeOf(deps.db, principal), params.code),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/orgs',
    summary: 'Create an organisation below one the admin manages',
    tags: ['orgs'],
    auth: ['admin'],
    body: OrgCreate,
    status: 201,
    responses: { 201: OrgOut },
    handler: async ({ principal, ctx, body }) => service.create(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'PATCH',
    url: '/api/v1/orgs/:code',
    summary: 'Rename, re-code or (de)activate an organisation',
    tags: ['orgs'],
    auth: ['admin'],
    params: OrgCodeParams,
    body: OrgUpdate,
    responses: { 200: OrgOut },
    handler: async ({ principal, ctx, params, body }) => service.update(deps, ctx, await scopeOf(deps.db, principal), params.code, body),
  });
}
