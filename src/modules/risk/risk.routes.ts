import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../lib/roles.ts';
import type { Deps } from '../../server/context.ts';
import { route } from '../../server/route.ts';
import { scopeOf } from '../orgs/scope.ts';
import * as service from './risk.service.ts';
import { runtimeFor } from './risk.runtime.ts';

/** Who reads alerts: the bank's liaison for its institution, the center for every bank. */
const READERS: readonly Role[] = ['bank_liaison', 'center_analyst', 'center_leader', 'viewer', 'admin'];
const DECIDERS: readonly Role[] = ['bank_liaison', 'center_analyst'];
const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });

const Reason = z.object({ rule: z.string(), subRule: z.string(), reason: z.string() });
const IngestOut = z.object({
  received: z.number(),
  accepted: z.number(),
  duplicates: z.number(),
  rejected: z.array(z.object({ line: z.number(), errors: z.array(z.object({ path: z.string(), message: z.string() })) })),
  alerts: z.array(z.object({ txId: z.string(), account: z.string(), decision: z.enum(['review', 'hold', 'block']), score: z.number(), reasons: z.array(Reason) })),
});

export function riskRoutes(app: FastifyInstance, deps: Deps): void {
  // NDJSON bodies arrive as text; each line is parsed and checked on its own.
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  route(app, deps, {
    method: 'POST',
    url: '/api/v1/transactions',
    summary: 'Bank transactions, one JSON object per line (application/x-ndjson); each txId counted once; returns the alerts raised',
    tags: ['risk'],
    auth: ['bank_liaison'],
    body: z.string({ error: 'send the transactions as application/x-ndjson, one per line' }),
    responses: { 200: IngestOut },
    handler: async ({ principal, body }) => service.ingestNdjson(deps, await scopeOf(deps.db, principal), body),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/v1/alerts',
    summary: 'Alerts raised by the risk engine, newest first, scoped to the caller (a bank sees its own)',
    tags: ['risk'],
    auth: READERS,
    query: service.AlertQuery,
    handler: async ({ principal, query }) => service.listAlerts(deps, await scopeOf(deps.db, principal), query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/v1/alerts/:id',
    summary: 'One alert with its reasons, timeline and the account’s latest transactions (audited)',
    tags: ['risk'],
    auth: READERS,
    params: IdParams,
    handler: async ({ ctx, principal, params }) => service.getAlert(deps, ctx, await scopeOf(deps.db, principal), params.id),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/v1/alerts/:id/outcome',
    summary: 'Decide an alert: escalate to the center, confirmed mule, false positive (optionally allow-listed), or a stop-payment on the account for a case',
    tags: ['risk'],
    auth: DECIDERS,
    params: IdParams,
    body: service.OutcomeIn,
    handler: async ({ ctx, principal, params, body }) => service.decideAlert(deps, ctx, principal, await scopeOf(deps.db, principal), params.id, body),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/v1/risk/allow-list',
    summary: 'Accounts kept at allow (避免误伤), in force or, with ?all=1, also ended',
    tags: ['risk'],
    auth: ['bank_liaison', 'center_analyst', 'center_leader', 'admin'],
    query: z.strictObject({ all: z.enum(['0', '1']).optional() }),
    handler: async ({ principal, query }) => service.listAllow(deps, await scopeOf(deps.db, principal), query.all === '1'),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/v1/risk/allow-list',
    summary: 'Keep an account at allow for some days, with the reason (audited); lists of stopped or frozen accounts still win',
    tags: ['risk'],
    auth: ['bank_liaison', 'center_analyst'],
    body: service.AllowIn,
    status: 201,
    handler: async ({ ctx, principal, body }) => service.addAllow(deps, ctx, principal, await scopeOf(deps.db, principal), body),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/v1/risk/allow-list/:id/revoke',
    summary: 'End an allow-list entry before it expires',
    tags: ['risk'],
    auth: ['bank_liaison', 'center_analyst'],
    params: IdParams,
    handler: async ({ ctx, principal, params }) => service.revokeAllow(deps, ctx, principal, await scopeOf(deps.db, principal), params.id),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/v1/risk/rule-sets',
    summary: 'Rule set versions (one live, at most one in shadow) and the engine’s state',
    tags: ['risk'],
    auth: ['admin', 'center_analyst', 'center_leader'],
    handler: async () => service.listRuleSets(deps),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/v1/risk/rule-sets',
    summary: 'Store a new rule set version as a draft (parameters, weights, thresholds)',
    tags: ['risk'],
    auth: ['admin'],
    body: service.RuleSetIn,
    status: 201,
    handler: async ({ ctx, principal, body }) => service.createRuleSet(deps, ctx, principal, body),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/v1/risk/rule-sets/:version/status',
    summary: 'Run a version in shadow, make it live (the live one retires) or retire it',
    tags: ['risk'],
    auth: ['admin'],
    params: z.strictObject({ version: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/) }),
    body: service.RuleSetStatusIn,
    handler: async ({ ctx, params, body }) => service.setRuleSetStatus(deps, ctx, params.version, body.status),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/v1/risk/rule-stats',
    summary: 'Per rule: alerts, outcomes and precision of the decided ones (live), and shadow alerts',
    tags: ['risk'],
    auth: ['admin', 'center_analyst', 'center_leader'],
    query: z.strictObject({ days: z.coerce.number().int().min(1).max(366).default(30) }),
    handler: async ({ query }) => service.ruleStats(deps, query.days),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/v1/risk/snapshot',
    summary: 'Write the engine’s account state now (otherwise every five minutes)',
    tags: ['risk'],
    auth: ['admin'],
    handler: async () => {
      const rt = runtimeFor(deps);
      await rt.init();
      return rt.exclusive(() => rt.snapshotNow());
    },
  });
}
