import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../server/context.ts';
import { route } from '../../server/route.ts';
import { scopeOf } from '../orgs/scope.ts';
import { TokenCreate, TokenCreated, TokenIdParams, TokenList } from './tokens.schema.ts';
import * as service from './tokens.service.ts';

export function tokenRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/tokens',
    summary: 'Issue an API token for a partner; the token is shown once',
    tags: ['tokens'],
    auth: ['admin'],
    body: TokenCreate,
    status: 201,
    responses: { 201: TokenCreated },
    handler: async ({ principal, ctx, body }) => service.create(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/tokens',
    summary: 'Tokens issued in the admin’s scope (never the token itself)',
    tags: ['tokens'],
    auth: ['admin'],
    responses: { 200: TokenList },
    handler: async ({ principal }) => service.list(deps, await scopeOf(deps.db, principal)),
  });
  route(app, deps, {
    method: 'DELETE',
    url: '/api/v1/tokens/:id',
    summary: 'Revoke a token at once',
    tags: ['tokens'],
    auth: ['admin'],
    params: TokenIdParams,
    status: 204,
    handler: async ({ principal, ctx, params }) => {
      await service.revoke(deps, ctx, await scopeOf(deps.db, principal), params.id);
    },
  });
}
