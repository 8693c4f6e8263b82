import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../server/context.ts';
import { forbidden } from '../../server/errors.ts';
import { route } from '../../server/route.ts';
import { scopeOf } from '../orgs/scope.ts';
import { AuditList, AuditQuery, VerifyOut } from './audit.schema.ts';
import * as service from './audit.service.ts';

export function auditRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/audit',
    summary: 'Audit log entries for organisations in the admin’s scope, newest first',
    tags: ['audit'],
    auth: ['admin'],
    query: AuditQuery,
    responses: { 200: AuditList },
    handler: async ({ principal, query }) =>
      service.list(
        deps,
        await scopeOf(deps.db, principal),
        {
          action: query.action,
          actor: query.actor,
          targetType: query.targetType,
          targetId: query.targetId,
          from: query.from ? new Date(query.from) : undefined,
          to: query.to ? new Date(query.to) : undefined,
        },
        { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      ),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/audit/verify',
    summary: 'Re-compute the hash chain over the whole log (city-level admins)',
    tags: ['audit'],
    auth: ['admin'],
    responses: { 200: VerifyOut },
    handler: async ({ principal, ctx }) => {
      const scope = await scopeOf(deps.db, principal);
      if (!scope.everything) throw forbidden('only an admin of the whole tree verifies the whole chain');
      const result = await service.verifyChain(deps.db);
      await service.recordAlone(deps, ctx, { action: 'audit.verify', detail: { ok: result.ok, checked: result.checked } });
      return result;
    },
  });
}
