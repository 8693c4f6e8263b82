import type { FastifyInstance } from 'fastify';
import { ALL_ROLES } from '../lib/roles.ts';
import { scopeOf } from '../modules/orgs/scope.ts';
import type { Deps } from './context.ts';
import type { LiveEvent } from './live.ts';
import { route } from './route.ts';

const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events: every change the caller's scope covers, as it happens, so queues and boards update
 * without a reload. Only ids and kinds travel; screens fetch the details through the scoped endpoints.
 */
export function streamRoutes(app: FastifyInstance, deps: Deps): void {
  const open = new Set<{ end(): void }>();
  // Open streams would hold a graceful shutdown forever: end them first.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/stream',
    summary: 'Live changes in the caller’s scope (text/event-stream)',
    tags: ['live'],
    auth: ALL_ROLES,
    handler: async ({ principal, reply, request }) => {
      const scope = await scopeOf(deps.db, principal);
      const live = deps.live;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      res.write(`retry: 3000\nevent: hello\ndata: ${JSON.stringify({ scope: scope.rootCode })}\n\n`);
      const send = (e: LiveEvent) => {
        if (!e.orgPaths.some((p) => p.startsWith(scope.rootPath))) return;
        res.write(`event: ${e.type}\ndata: ${JSON.stringify({ id: e.id, ...e.data })}\n\n`);
      };
      const unsubscribe = live ? live.subscribe(send) : () => undefined;
      const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      open.add(res);
      request.raw.on('close', () => {
        clearInterval(beat);
        unsubscribe();
        open.delete(res);
      });
    },
  });
}
