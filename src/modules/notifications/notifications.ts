import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ALL_ROLES, PARTNER_ROLES } from '../../lib/roles.ts';
import { orgIdsInScope, scopeOf } from '../orgs/scope.ts';
import type { Deps, Principal } from '../../server/context.ts';
import { notFound } from '../../server/errors.ts';
import { route } from '../../server/route.ts';

/**
 * Notices addressed to a unit or institution (an overdue warning escalated to it, a stop-payment request to
 * a bank, a listing to an operator, …). Everyone who belongs to the unit sees them (a partner's liaisons
 * those of their whole institution); reading one marks it read for everyone who sees it.
 */
const NotificationOut = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
const ListQuery = z.strictObject({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });
const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });

/**
 * Whose notices a caller reads: staff those of their own unit; a partner's liaison those of every unit of
 * the institution (a summons to a branch reaches the liaison at the head office too).
 */
async function recipients(deps: Deps, p: Principal): Promise<number[]> {
  if (!PARTNER_ROLES.includes(p.role)) return [p.orgId];
  return (await orgIdsInScope(deps.db, await scopeOf(deps.db, p))) ?? [p.orgId];
}

async function list(deps: Deps, p: Principal, unreadOnly: boolean, limit: number) {
  const orgIds = await recipients(deps, p);
  let q = deps.db.selectFrom('notifications').selectAll().where('org_id', 'in', orgIds);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  const [rows, unread] = await Promise.all([
    q.orderBy('id', 'desc').limit(limit).execute(),
    deps.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', 'in', orgIds).where('read_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return {
    unread: Number(unread.n),
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, targetType: r.target_type, targetId: r.target_id, createdAt: r.created_at.toISOString(), readAt: r.read_at?.toISOString() ?? null })),
  };
}

async function markRead(deps: Deps, p: Principal, id: number): Promise<void> {
  const orgIds = await recipients(deps, p);
  const r = await deps.db.updateTable('notifications').set({ read_at: deps.clock.now() }).where('id', '=', id).where('org_id', 'in', orgIds).where('read_at', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    const exists = await deps.db.selectFrom('notifications').select('id').where('id', '=', id).where('org_id', 'in', orgIds).executeTakeFirst();
    if (!exists) throw notFound('notification');
  }
}

export function notificationRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/notifications',
    summary: 'Notices addressed to the caller’s unit, newest first, with the unread count',
    tags: ['notifications'],
    auth: ALL_ROLES,
    query: ListQuery,
    responses: { 200: z.object({ unread: z.number(), items: z.array(NotificationOut) }) },
    handler: async ({ principal, query }) => list(deps, principal, query.unread === 'true', query.limit),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/notifications/:id/read',
    summary: 'Mark a notice read',
    tags: ['notifications'],
    auth: ALL_ROLES,
    params: IdParams,
    status: 204,
    handler: async ({ principal, params }) => {
      await markRead(deps, principal, params.id);
    },
  });
}
