import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../server/context.ts';
import { route } from '../../server/route.ts';
import { scopeOf } from '../orgs/scope.ts';
import { PasswordReset, RevealQuery, UserCreate, UserIdParams, UserList, UserListQuery, UserOut, UserUpdate } from './users.schema.ts';
import * as service from './users.service.ts';

const READERS = ['admin', 'center_leader', 'center_analyst', 'station_officer'] as const;

export function userRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/users',
    summary: 'Users in the caller’s scope (phones masked)',
    tags: ['users'],
    auth: READERS,
    query: UserListQuery,
    responses: { 200: UserList },
    handler: async ({ principal, query }) => service.list(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/users/:id',
    summary: 'One user; ?reveal=1 shows the phone number and is audited',
    tags: ['users'],
    auth: READERS,
    params: UserIdParams,
    query: RevealQuery,
    responses: { 200: UserOut },
    handler: async ({ principal, ctx, params, query }) =>
      service.get(deps, ctx, await scopeOf(deps.db, principal), params.id, query.reveal === '1' || query.reveal === 'true'),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/users',
    summary: 'Create a user in an organisation the admin manages',
    tags: ['users'],
    auth: ['admin'],
    body: UserCreate,
    status: 201,
    responses: { 201: UserOut },
    handler: async ({ principal, ctx, body }) => service.create(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'PATCH',
    url: '/api/v1/users/:id',
    summary: 'Change name, role, organisation, phone, active flag, or unlock',
    tags: ['users'],
    auth: ['admin'],
    params: UserIdParams,
    body: UserUpdate,
    responses: { 200: UserOut },
    handler: async ({ principal, ctx, params, body }) => service.update(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/users/:id/password',
    summary: 'Set a new password; the user’s sessions end',
    tags: ['users'],
    auth: ['admin'],
    params: UserIdParams,
    body: PasswordReset,
    status: 204,
    handler: async ({ principal, ctx, params, body }) => {
      await service.resetPassword(deps, ctx, await scopeOf(deps.db, principal), params.id, body.password);
    },
  });
}
