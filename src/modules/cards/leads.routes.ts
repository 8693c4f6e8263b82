import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../lib/roles.ts';
import type { Deps } from '../../server/context.ts';
import { route } from '../../server/route.ts';
import { scopeOf } from '../orgs/scope.ts';
import { AccountabilityQuery, LeadAssignIn, LeadBatch, LeadBatchResult, LeadListQuery, LeadOut, LeadOutcomeIn } from './leads.schema.ts';
import * as service from './leads.service.ts';
import * as notices from './notices.ts';
import { importLeads, LeadImportIn } from './leads.import.ts';

/** Who works leads: the center and the stations that verify them. */
const LEAD_READERS: readonly Role[] = ['admin', 'center_analyst', 'center_leader', 'viewer', 'station_officer'];
const LEAD_WORKERS: readonly Role[] = ['admin', 'center_analyst', 'station_officer'];
const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });
const RevealQuery = z.strictObject({ reveal: z.enum(['0', '1', 'true', 'false']).optional() });
const EventOut = z.object({ at: z.string(), kind: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), actorName: z.string().nullable(), detail: z.record(z.string(), z.unknown()) });
const LeadDetail = LeadOut.extend({ events: z.array(EventOut) });

export function leadRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/leads/import',
    summary: 'Import a ministry lead list (CSV or Excel, base64) with a column mapping; rejects reported by spreadsheet row',
    tags: ['cards'],
    auth: ['admin', 'center_analyst'],
    body: LeadImportIn,
    responses: {
      200: z.object({
        rows: z.number(),
        accepted: z.number(),
        duplicates: z.number(),
        rejected: z.array(z.object({ row: z.number(), errors: z.array(z.object({ path: z.string(), message: z.string() })) })),
        columns: z.array(z.string()),
        mapping: z.record(z.string(), z.string().optional()),
      }),
    },
    handler: async ({ ctx, principal, body }) => importLeads(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/notices',
    summary: 'Send a notice (提示函), summons or suspension proposal to a bank, operator, branch, outlet or member unit, with a reply deadline',
    tags: ['cards'],
    auth: ['admin', 'center_analyst'],
    body: notices.NoticeIn,
    status: 201,
    responses: { 201: notices.NoticeOut },
    handler: async ({ ctx, principal, body }) => notices.send(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/accountability/notices',
    summary: 'Issue a summons (to the branch/outlet) or a suspension proposal (to its institution) from the ranking; the period’s figures must reach the threshold and are kept as the basis',
    tags: ['cards'],
    auth: ['admin', 'center_analyst'],
    body: notices.RankingNoticeIn,
    status: 201,
    responses: { 201: notices.NoticeOut },
    handler: async ({ ctx, principal, body }) => notices.fromRanking(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cards/notices',
    summary: 'Notices: the center sees what it sent, a partner what it received; with sent/replied counts',
    tags: ['cards'],
    auth: ['admin', 'center_analyst', 'center_leader', 'viewer', 'bank_liaison', 'operator_liaison', 'member_contact'],
    query: z.strictObject({ open: z.enum(['true', 'false']).optional(), overdue: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
    responses: { 200: z.object({ items: z.array(notices.NoticeOut), sent: z.number(), replied: z.number(), overdue: z.number() }) },
    handler: async ({ principal, query }) => notices.list(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cards/notices/:id',
    summary: 'One notice: for the center that sent it or the unit it was sent to (404 otherwise)',
    tags: ['cards'],
    auth: ['admin', 'center_analyst', 'center_leader', 'viewer', 'bank_liaison', 'operator_liaison', 'member_contact'],
    params: IdParams,
    responses: { 200: notices.NoticeOut },
    handler: async ({ principal, params }) => notices.get(deps, await scopeOf(deps.db, principal), params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/notices/:id/reply',
    summary: 'The addressed unit replies to a notice, once (another unit gets 404)',
    tags: ['cards'],
    auth: ['bank_liaison', 'operator_liaison', 'member_contact'],
    params: IdParams,
    body: z.strictObject({ text: z.string().trim().min(5).max(20_000) }),
    responses: { 200: notices.NoticeOut },
    handler: async ({ ctx, principal, params, body }) => notices.reply(deps, ctx, await scopeOf(deps.db, principal), params.id, body.text),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/leads',
    summary: 'Add two-card leads (a ministry list or by hand), 1–5,000 per batch; good items land, bad ones are reported by index and path',
    tags: ['cards'],
    auth: ['admin', 'center_analyst'],
    body: LeadBatch,
    responses: { 200: LeadBatchResult },
    handler: async ({ ctx, principal, body }) => service.intake(deps, ctx, await scopeOf(deps.db, principal), body.items),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cards/leads',
    summary: 'Leads of the caller’s jurisdiction by deadline (holders masked)',
    tags: ['cards'],
    auth: LEAD_READERS,
    query: LeadListQuery,
    responses: { 200: z.object({ items: z.array(LeadOut), total: z.number() }) },
    handler: async ({ principal, query }) => service.list(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cards/leads/:id',
    summary: 'One lead with its timeline; the holder unmasked with reveal=1 (audited)',
    tags: ['cards'],
    auth: LEAD_READERS,
    params: IdParams,
    query: RevealQuery,
    responses: { 200: LeadDetail },
    handler: async ({ ctx, principal, params, query }) => service.get(deps, ctx, await scopeOf(deps.db, principal), params.id, query.reveal === '1' || query.reveal === 'true'),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/leads/:id/assign',
    summary: 'Hand a lead to another county, station or township with a new deadline',
    tags: ['cards'],
    auth: ['admin', 'center_analyst'],
    params: IdParams,
    body: LeadAssignIn,
    responses: { 200: LeadDetail },
    handler: async ({ ctx, principal, params, body }) => service.assign(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/leads/:id/verify',
    summary: '落地核查 begins (assigned → verifying)',
    tags: ['cards'],
    auth: LEAD_WORKERS,
    params: IdParams,
    body: z.strictObject({}),
    responses: { 200: LeadDetail },
    handler: async ({ ctx, principal, params }) => service.startVerification(deps, ctx, await scopeOf(deps.db, principal), params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cards/leads/:id/outcome',
    summary: 'Close a lead with the verification outcome; 核减 (struck_off) needs the reason',
    tags: ['cards'],
    auth: LEAD_WORKERS,
    params: IdParams,
    body: LeadOutcomeIn,
    responses: { 200: LeadDetail },
    handler: async ({ ctx, principal, params, body }) => service.recordOutcome(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cards/accountability',
    summary: 'Case-involved cards per bank branch or operator outlet where they were opened, ranked',
    tags: ['cards'],
    auth: ['admin', 'center_analyst', 'center_leader', 'viewer'],
    query: AccountabilityQuery,
    responses: {
      200: z.object({
        from: z.string(),
        to: z.string(),
        firstDay: z.string(),
        lastDay: z.string(),
        thresholds: z.object({ summonAt: z.number(), suspendAt: z.number() }),
        items: z.array(
          z.object({
            code: z.string(),
            name: z.string(),
            institution: z.string(),
            leads: z.number(),
            closed: z.number(),
            punished: z.number(),
            action: z.enum(['summon', 'suspend']).nullable(),
            notice: z.object({ id: z.number(), noticeNo: z.string(), kind: z.enum(['summons', 'suspension_proposal']), issuedAt: z.string(), repliedAt: z.string().nullable(), overdue: z.boolean() }).nullable(),
          }),
        ),
      }),
    },
    handler: async ({ query }) => service.accountability(deps, query),
  });
}
