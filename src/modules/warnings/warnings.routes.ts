import type { FastifyInstance } from 'fastify';
import { JURISDICTION_ROLES } from '../../lib/roles.ts';
import type { Deps } from '../../server/context.ts';
import { AppError } from '../../server/errors.ts';
import { route } from '../../server/route.ts';
import { scopeOf } from '../orgs/scope.ts';
import {
  AttemptIn,
  BatchResult,
  DispatchIn,
  EmptyIn,
  MAX_BATCH,
  OutcomeIn,
  WarningBatch,
  WarningDetail,
  WarningGetQuery,
  WarningIdParams,
  WarningList,
  WarningListQuery,
} from './warnings.schema.ts';
import * as service from './warnings.service.ts';
import { board } from './warnings.board.ts';
import { periodStats, statsExport } from './warnings.stats.ts';
import { getSettings, putSettings, WarningSettings } from './warnings.settings.ts';
import { createImport, ImportChunk, ImportCreate, ImportIdParams, runChunk } from './warnings.import.ts';
import { z } from 'zod';
import { createRule, listRules, RuleIdParams, RuleIn, RuleList, RuleOut, RulePatch, updateRule } from './routing-rules.ts';

const PUSHERS = ['admin', 'center_analyst', 'bank_liaison', 'operator_liaison'] as const;
const HANDLERS = ['admin', 'center_analyst', 'station_officer', 'grid_worker'] as const;

export function warningRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/warnings',
    summary: 'Push a batch of 1–5,000 warnings; good items land, bad ones are reported by index and path',
    tags: ['warnings'],
    auth: PUSHERS,
    body: WarningBatch,
    responses: { 200: BatchResult },
    handler: async ({ ctx, request, body }) => {
      const raw = request.body as { items?: unknown } | null;
      if (raw && Array.isArray(raw.items) && raw.items.length > MAX_BATCH) {
        throw new AppError('TOO_LARGE', `a batch holds at most ${MAX_BATCH} items, got ${raw.items.length}`);
      }
      return service.intake(deps, ctx, body.items);
    },
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/warnings',
    summary: 'Warnings in the caller’s scope (assigned there or escalated to it), by deadline',
    tags: ['warnings'],
    auth: JURISDICTION_ROLES,
    query: WarningListQuery,
    responses: { 200: WarningList },
    handler: async ({ principal, query }) => service.list(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/warnings/:id',
    summary: 'One warning with attempts and timeline; ?reveal=1 shows personal fields and is audited',
    tags: ['warnings'],
    auth: JURISDICTION_ROLES,
    params: WarningIdParams,
    query: WarningGetQuery,
    responses: { 200: WarningDetail },
    handler: async ({ principal, ctx, params, query }) =>
      service.get(deps, ctx, await scopeOf(deps.db, principal), params.id, query.reveal === '1' || query.reveal === 'true'),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/warnings/:id/acknowledge',
    summary: '签收: the unit takes the warning (dispatched → acknowledged)',
    tags: ['warnings'],
    auth: HANDLERS,
    params: WarningIdParams,
    body: EmptyIn,
    responses: { 200: WarningDetail },
    handler: async ({ principal, ctx, params }) => service.acknowledge(deps, ctx, await scopeOf(deps.db, principal), params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/warnings/:id/attempts',
    summary: 'Record a dissuasion attempt (call, SMS, visit, family)',
    tags: ['warnings'],
    auth: HANDLERS,
    params: WarningIdParams,
    body: AttemptIn,
    responses: { 200: WarningDetail },
    handler: async ({ principal, ctx, params, body }) => service.recordAttempt(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/warnings/:id/outcome',
    summary: 'Feedback with the outcome; closes the warning (a refusal without a visit requires a visit first)',
    tags: ['warnings'],
    auth: HANDLERS,
    params: WarningIdParams,
    body: OutcomeIn,
    responses: { 200: WarningDetail },
    handler: async ({ principal, ctx, params, body }) => service.recordOutcome(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/warnings/:id/dispatch',
    summary: 'Send a warning (from triage, or re-assign) to a county, station, township or grid',
    tags: ['warnings'],
    auth: ['admin', 'center_analyst', 'station_officer'],
    params: WarningIdParams,
    body: DispatchIn,
    responses: { 200: WarningDetail },
    handler: async ({ principal, ctx, params, body }) => service.dispatch(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/routing-rules',
    summary: 'Warning routing rules for units in the caller’s scope',
    tags: ['warnings'],
    auth: ['admin', 'center_analyst', 'center_leader'],
    responses: { 200: RuleList },
    handler: async ({ principal }) => listRules(deps, await scopeOf(deps.db, principal)),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/routing-rules',
    summary: 'Add a routing rule: address keyword, region code or 7-digit phone segment → unit',
    tags: ['warnings'],
    auth: ['admin'],
    body: RuleIn,
    status: 201,
    responses: { 201: RuleOut },
    handler: async ({ principal, ctx, body }) => createRule(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'PATCH',
    url: '/api/v1/routing-rules/:id',
    summary: 'Switch a routing rule on or off, or change its priority',
    tags: ['warnings'],
    auth: ['admin'],
    params: RuleIdParams,
    body: RulePatch,
    responses: { 200: RuleOut },
    handler: async ({ principal, ctx, params, body }) => updateRule(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/warnings/board',
    summary: 'Live board: open by grade and unit, overdue, due within the hour, triage, today’s outcomes',
    tags: ['warnings'],
    auth: JURISDICTION_ROLES,
    handler: async ({ principal }) => board(deps, await scopeOf(deps.db, principal)),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/warnings/stats',
    summary: '劝阻成功率, on-time feedback and visit share by unit for a period; format=xlsx for Excel',
    tags: ['warnings'],
    auth: ['admin', 'center_analyst', 'center_leader', 'viewer', 'station_officer'],
    query: StatsQuery,
    handler: async ({ principal, ctx, query, reply }) => {
      const scope = await scopeOf(deps.db, principal);
      const period = { from: query.from, to: query.to };
      if (query.format !== 'xlsx') return periodStats(deps, scope, period);
      const sheet = await statsExport(deps, ctx, scope, period);
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${sheet.fileName}"`);
      return sheet.content;
    },
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/warnings/imports',
    summary: 'Upload a CSV or Excel file of warnings; answers with its columns, a sample and a suggested mapping',
    tags: ['warnings'],
    auth: ['admin', 'center_analyst'],
    body: ImportCreate,
    status: 201,
    handler: async ({ ctx, body }) => createImport(deps, ctx, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/warnings/imports/:id/chunk',
    summary: 'Import rows offset..offset+limit of an uploaded file with a column mapping; per-row errors by row number',
    tags: ['warnings'],
    auth: ['admin', 'center_analyst'],
    params: ImportIdParams,
    body: ImportChunk,
    handler: async ({ principal, ctx, params, body }) => runChunk(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/settings/warnings',
    summary: 'Feedback deadlines per grade (minutes) and the repeat window (days)',
    tags: ['warnings'],
    auth: JURISDICTION_ROLES,
    responses: { 200: WarningSettings },
    handler: async () => getSettings(deps),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/settings/warnings',
    summary: 'Change the deadlines and repeat window (city-level admins); applies to new warnings',
    tags: ['warnings'],
    auth: ['admin'],
    body: WarningSettings,
    responses: { 200: WarningSettings },
    handler: async ({ principal, ctx, body }) => {
      if (!(await scopeOf(deps.db, principal)).everything) throw new AppError('FORBIDDEN', 'deadlines are set for the whole city');
      return putSettings(deps, ctx, body);
    },
  });
}

const StatsQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  format: z.enum(['json', 'xlsx']).optional(),
});
