import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../lib/roles.ts';
import type { Deps } from '../../server/context.ts';
import { route } from '../../server/route.ts';
import { scopeOf } from '../orgs/scope.ts';
import { KPIS } from './kpis.ts';
import * as bulletins from './bulletins.ts';
import * as reference from './reference.ts';
import * as reports from './reports.ts';
import * as service from './stats.service.ts';

/** Leadership and the center see their jurisdiction's figures; a station its own. */
const READERS: readonly Role[] = ['admin', 'center_analyst', 'center_leader', 'viewer', 'station_officer'];
const KpiIdEnum = z.enum(KPIS.map((k) => k.id) as [string, ...string[]]);
const Days = z.object({ firstDay: z.string(), lastDay: z.string() });
const Share = z.array(z.object({ key: z.string(), n: z.number(), share: z.number() }));
const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });
const ReportOut = z.object({ id: z.number(), kind: z.enum(['weekly', 'monthly', 'custom']), title: z.string(), orgCode: z.string(), orgName: z.string(), firstDay: z.string(), lastDay: z.string(), createdAt: z.string(), createdBy: z.string().nullable() });
/** A file name with Chinese in it, as browsers read it (RFC 6266 / 5987). */
const attachment = (name: string) => `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function statsRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/stats/kpis',
    summary: 'The KPI definitions (name, unit, which way is good, the metrics each reads); formulas in docs/kpis.md',
    tags: ['stats'],
    auth: READERS,
    responses: { 200: z.object({ items: z.array(z.object({ id: KpiIdEnum, zh: z.string(), en: z.string(), unit: z.string(), better: z.enum(['up', 'down']), metrics: z.array(z.string()) })) }) },
    handler: async () => service.definitions(),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/stats/dashboard',
    summary: 'KPIs of a period (default: the year so far) for the caller’s unit or one inside it, with 同比/环比, monthly trend, fraud types, victims and the units below',
    tags: ['stats'],
    auth: READERS,
    query: z.strictObject({
      from: z.iso.date().optional(),
      /** Exclusive. */
      to: z.iso.date().optional(),
      orgCode: z.string().trim().max(20).optional(),
    }),
    responses: {
      200: z.object({
        period: z.object({ firstDay: z.string(), lastDay: z.string(), lastYear: Days, previous: Days }),
        org: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
        kpis: z.array(z.object({ id: KpiIdEnum, unit: z.string(), better: z.enum(['up', 'down']), value: z.number().nullable(), lastYear: z.number().nullable(), previous: z.number().nullable(), yoy: z.number().nullable(), mom: z.number().nullable(), yoyGood: z.boolean().nullable() })),
        trend: z.object({ months: z.array(z.string()), series: z.record(z.string(), z.array(z.number().nullable())) }),
        fraudTypes: Share,
        victims: z.object({ age: Share, occupation: Share }),
        units: z.array(z.object({ code: z.string().nullable(), name: z.string(), kpis: z.record(z.string(), z.number().nullable()) })),
      }),
    },
    handler: async ({ principal, query }) => service.dashboard(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/stats/reports',
    summary: 'Weekly, monthly and custom statistics reports of the units in the caller’s scope, newest period first',
    tags: ['stats'],
    auth: READERS,
    query: z.strictObject({ kind: z.enum(['weekly', 'monthly', 'custom']).optional(), orgCode: z.string().trim().max(20).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    responses: { 200: z.object({ items: z.array(ReportOut) }) },
    handler: async ({ principal, query }) => reports.list(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/stats/reports',
    summary: 'Make a report now for a period (default: the year so far) and a unit in scope; its figures are frozen',
    tags: ['stats'],
    auth: ['admin', 'center_analyst', 'center_leader'],
    body: z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional(), orgCode: z.string().trim().max(20).optional() }),
    status: 201,
    responses: { 201: ReportOut },
    handler: async ({ ctx, principal, body }) => reports.create(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/stats/reports/:id/xlsx',
    summary: 'The report’s Excel workbook (概况, 分单位, 案件构成, 趋势); audited',
    tags: ['stats'],
    auth: READERS,
    params: IdParams,
    handler: async ({ ctx, principal, params, reply }) => {
      const file = await reports.download(deps, ctx, await scopeOf(deps.db, principal), params.id);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', attachment(file.fileName));
      return file.content;
    },
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/stats/reports/:id/html',
    summary: 'The report as a printable page; audited',
    tags: ['stats'],
    auth: READERS,
    params: IdParams,
    handler: async ({ ctx, principal, params, reply }) => {
      const html = await reports.printable(deps, ctx, await scopeOf(deps.db, principal), params.id);
      await reply.type('text/html; charset=utf-8').send(html);
      return undefined;
    },
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/stats/reference-figures',
    summary: 'Enter figures from outside per unit and month (criminal cases, population 16–60, app registrations); all or nothing',
    tags: ['stats'],
    auth: ['admin', 'center_analyst'],
    body: reference.ReferenceIn,
    responses: { 200: z.object({ stored: z.number() }) },
    handler: async ({ ctx, principal, body }) => reference.put(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/stats/reference-figures',
    summary: 'Figures from outside of the units in scope, by unit and month',
    tags: ['stats'],
    auth: READERS,
    query: z.strictObject({ from: reference.Month.optional(), to: reference.Month.optional(), key: z.enum(reference.REFERENCE_KEYS).optional() }),
    responses: { 200: z.object({ items: z.array(reference.ReferenceOut) }) },
    handler: async ({ principal, query }) => reference.list(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/stats/bulletins',
    summary: 'Draft a 警情通报 for a unit and period (default: the last 7 days) from the figures, new phrases in the narratives and typical cases',
    tags: ['stats'],
    auth: ['admin', 'center_analyst'],
    body: z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional(), orgCode: z.string().trim().max(20).optional() }),
    status: 201,
    responses: { 201: bulletins.BulletinOut },
    handler: async ({ ctx, principal, body }) => bulletins.draft(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/stats/bulletins',
    summary: 'Bulletins of the units in scope and those the unit above published to the caller’s unit, newest first',
    tags: ['stats'],
    auth: READERS,
    query: z.strictObject({ status: z.enum(['draft', 'published']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    responses: { 200: z.object({ items: z.array(bulletins.BulletinOut) }) },
    handler: async ({ principal, query }) => bulletins.list(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/stats/bulletins/:id',
    summary: 'One bulletin of a unit in scope, or one the unit above published to the caller’s unit',
    tags: ['stats'],
    auth: READERS,
    params: IdParams,
    responses: { 200: bulletins.BulletinOut },
    handler: async ({ principal, params }) => bulletins.get(deps, await scopeOf(deps.db, principal), params.id),
  });
  route(app, deps, {
    method: 'PATCH',
    url: '/api/v1/stats/bulletins/:id',
    summary: 'Edit a draft bulletin’s title or text (409 once published)',
    tags: ['stats'],
    auth: ['admin', 'center_analyst'],
    params: IdParams,
    body: z.strictObject({ title: z.string().trim().min(4).max(200).optional(), body: z.string().trim().min(10).max(50_000).optional() }).refine((v) => v.title !== undefined || v.body !== undefined, 'give a title or a body'),
    responses: { 200: bulletins.BulletinOut },
    handler: async ({ ctx, principal, params, body }) => bulletins.edit(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/stats/bulletins/:id/publish',
    summary: 'Publish a draft bulletin to the units directly below (their bell rings)',
    tags: ['stats'],
    auth: ['admin', 'center_analyst', 'center_leader'],
    params: IdParams,
    body: z.strictObject({}),
    responses: { 200: bulletins.BulletinOut },
    handler: async ({ ctx, principal, params }) => bulletins.publish(deps, ctx, await scopeOf(deps.db, principal), params.id),
  });
}
