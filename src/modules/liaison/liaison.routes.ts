import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../lib/roles.ts';
import type { Deps } from '../../server/context.ts';
import { route } from '../../server/route.ts';
import { scopeOf } from '../orgs/scope.ts';
import * as service from './liaison.service.ts';

/** The center runs the office; member units, banks and operators answer their tasks and sign their letters. */
const CENTER: readonly Role[] = ['admin', 'center_analyst'];
const READERS: readonly Role[] = ['admin', 'center_analyst', 'center_leader', 'viewer', 'member_contact', 'bank_liaison', 'operator_liaison'];
const OWNERS: readonly Role[] = ['admin', 'center_analyst', 'member_contact', 'bank_liaison', 'operator_liaison'];
const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });
const Task = z.object({
  id: z.number(),
  meetingId: z.number().nullable(),
  meetingNo: z.string().nullable(),
  title: z.string(),
  detail: z.string().nullable(),
  ownerCode: z.string(),
  ownerName: z.string(),
  /** The convening unit. */
  fromName: z.string(),
  createdAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  /** When the owner and the convening unit were told it is overdue (once). */
  remindedAt: z.string().nullable(),
  replyText: z.string().nullable(),
  repliedAt: z.string().nullable(),
  repliedBy: z.string().nullable(),
});
const Meeting = z.object({ id: z.number(), meetingNo: z.string(), heldAt: z.string(), title: z.string(), minutes: z.string(), attendees: z.array(z.object({ code: z.string(), name: z.string() })), tasks: z.array(Task) });
const Letters = z.object({
  year: z.number(),
  signed: z.number(),
  total: z.number(),
  items: z.array(z.object({ id: z.number(), orgCode: z.string(), orgName: z.string(), year: z.number(), title: z.string(), items: z.array(z.object({ item: z.string(), measure: z.string() })), signedOn: z.string().nullable(), signedBy: z.string().nullable() })),
});

export function liaisonRoutes(app: FastifyInstance, deps: Deps): void {
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/liaison/meetings',
    summary: 'Record a joint meeting; each decision becomes a task for its owner unit with a deadline (the unit is told)',
    tags: ['liaison'],
    auth: CENTER,
    body: z.strictObject({
      heldAt: z.iso.datetime({ offset: true }),
      title: z.string().trim().min(4).max(200),
      attendeeCodes: z.array(z.string().trim().max(40)).max(200),
      minutes: z.string().trim().min(10).max(50_000),
      decisions: z.array(z.strictObject({ title: z.string().trim().min(4).max(300), detail: z.string().trim().max(5000).optional(), ownerCode: z.string().trim().max(40), dueAt: z.iso.datetime({ offset: true }) })).max(100),
    }),
    status: 201,
    responses: { 201: Meeting },
    handler: async ({ ctx, principal, body }) => service.recordMeeting(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/liaison/meetings',
    summary: 'Meetings convened in scope, newest first, with their tasks done',
    tags: ['liaison'],
    auth: READERS,
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    responses: { 200: z.object({ items: z.array(z.object({ id: z.number(), meetingNo: z.string(), heldAt: z.string(), title: z.string(), tasks: z.number(), done: z.number() })) }) },
    handler: async ({ principal, query }) => service.listMeetings(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/liaison/meetings/:id',
    summary: 'One meeting with its attendees, minutes and tasks',
    tags: ['liaison'],
    auth: READERS,
    params: IdParams,
    responses: { 200: Meeting },
    handler: async ({ principal, params }) => service.getMeeting(deps, await scopeOf(deps.db, principal), params.id),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/liaison/tasks',
    summary: 'Tasks assigned in scope or owned by the caller’s institution, by deadline (open=false: the answered ones; ownerCode: one unit’s), with open and overdue counts of all',
    tags: ['liaison'],
    auth: READERS,
    query: z.strictObject({ open: z.enum(['true', 'false']).optional(), overdue: z.enum(['true', 'false']).optional(), ownerCode: z.string().trim().min(1).max(40).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
    responses: { 200: z.object({ items: z.array(Task), total: z.number(), open: z.number(), overdue: z.number() }) },
    handler: async ({ principal, query }) => service.listTasks(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/liaison/tasks/:id',
    summary: 'One task assigned in scope or owned by the caller’s institution, with its reply (another unit gets 404)',
    tags: ['liaison'],
    auth: READERS,
    params: IdParams,
    responses: { 200: Task },
    handler: async ({ principal, params }) => service.getTask(deps, await scopeOf(deps.db, principal), params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/liaison/tasks/:id/reply',
    summary: 'The owner unit answers its task, once (another unit gets 404)',
    tags: ['liaison'],
    auth: OWNERS,
    params: IdParams,
    body: z.strictObject({ text: z.string().trim().min(4).max(20_000) }),
    responses: { 200: Task },
    handler: async ({ ctx, principal, params, body }) => service.replyTask(deps, ctx, await scopeOf(deps.db, principal), params.id, body.text),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/liaison/letters',
    summary: 'Set a unit’s responsibility letter (责任书) of a year; refused once signed',
    tags: ['liaison'],
    auth: CENTER,
    body: z.strictObject({ orgCode: z.string().trim().max(40), year: z.number().int().min(2000).max(2100), title: z.string().trim().min(4).max(200), items: z.array(z.strictObject({ item: z.string().trim().min(2).max(500), measure: z.string().trim().min(2).max(2000) })).min(1).max(50) }),
    responses: { 200: Letters },
    handler: async ({ ctx, principal, body }) => service.putLetter(deps, ctx, await scopeOf(deps.db, principal), body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/liaison/letters/:id/sign',
    summary: 'Record that the unit signed its letter (by its contact, or by the center on the paper’s date)',
    tags: ['liaison'],
    auth: OWNERS,
    params: IdParams,
    body: z.strictObject({ signedOn: z.iso.date() }),
    responses: { 200: Letters },
    handler: async ({ ctx, principal, params, body }) => service.signLetter(deps, ctx, await scopeOf(deps.db, principal), params.id, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/liaison/letters',
    summary: 'The year’s responsibility letters of the units in scope, signed and not',
    tags: ['liaison'],
    auth: READERS,
    query: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
    responses: { 200: Letters },
    handler: async ({ principal, query }) => service.letters(deps, await scopeOf(deps.db, principal), query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/liaison/overview',
    summary: 'The office at a glance: member units, tasks open and overdue, notices sent and replied, letters signed',
    tags: ['liaison'],
    auth: READERS,
    query: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
    responses: {
      200: z.object({
        memberUnits: z.number(),
        tasks: z.object({ total: z.number(), open: z.number(), overdue: z.number() }),
        units: z.array(z.object({ code: z.string(), name: z.string(), total: z.number(), open: z.number(), overdue: z.number(), done: z.number() })),
        notices: z.object({ sent: z.number(), replied: z.number() }),
        letters: z.object({ year: z.number(), signed: z.number(), total: z.number() }),
      }),
    },
    handler: async ({ principal, query }) => service.overview(deps, await scopeOf(deps.db, principal), query),
  });
}
