import type { FastifyInstance } from 'fastify';
import { ALL_ROLES } from '../../lib/roles.ts';
import type { Deps } from '../../server/context.ts';
import { route } from '../../server/route.ts';
import { scopeOf } from '../orgs/scope.ts';
import { HomeOut } from './home.schema.ts';
import * as service from './home.service.ts';

export function homeRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/home',
    summary: 'Landing summary for the caller’s role and scope',
    tags: ['home'],
    auth: ALL_ROLES,
    responses: { 200: HomeOut },
    handler: async ({ principal }) => service.summary(deps, principal, await scopeOf(deps.db, principal)),
  });
}
