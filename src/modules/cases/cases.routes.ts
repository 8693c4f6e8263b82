import type { FastifyInstance } from 'fastify';
import { JURISDICTION_ROLES } from '../../lib/roles.ts';
import type { Deps } from '../../server/context.ts';
import { route } from '../../server/route.ts';
import { scopeOf } from '../orgs/scope.ts';
import { CaseDetail, CaseGetQuery, CaseIdParams } from './cases.schema.ts';
import * as service from './cases.service.ts';

export function caseRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cases/:id',
    summary: 'One case with victim (masked unless reveal=1, audited), transfers, identifiers and timeline',
    tags: ['cases'],
    auth: JURISDICTION_ROLES,
    params: CaseIdParams,
    query: CaseGetQuery,
    responses: { 200: CaseDetail },
    handler: async ({ ctx, principal, params, query }) =>
      service.get(deps, ctx, await scopeOf(deps.db, principal), params.id, query.reveal === '1' || query.reveal === 'true'),
  });
}
