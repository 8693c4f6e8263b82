import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Role } from '../lib/roles.ts';
import type { Deps, Principal, RequestContext } from './context.ts';
import { AppError, type FieldError } from './errors.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Handled<P extends Principal | null, B, Q, Params> {
  deps: Deps;
  ctx: RequestContext & { principal: P };
  principal: P;
  body: B;
  query: Q;
  params: Params;
  request: FastifyRequest;
  reply: FastifyReply;
}

interface RouteBase<B extends z.ZodType, Q extends z.ZodType, Pa extends z.ZodType> {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  body?: B;
  query?: Q;
  params?: Pa;
  /** Documented responses by status; the handler's return value is sent with `status` (default 200). */
  responses?: Record<number, z.ZodType>;
  status?: number;
  /** When the status depends on the result (201 created, 200 for a replayed create). */
  statusOf?: (result: unknown) => number;
}

export interface PublicRoute<B extends z.ZodType, Q extends z.ZodType, Pa extends z.ZodType> extends RouteBase<B, Q, Pa> {
  auth: 'public';
  handler: (h: Handled<Principal | null, z.output<B>, z.output<Q>, z.output<Pa>>) => Promise<unknown>;
}

export interface ProtectedRoute<B extends z.ZodType, Q extends z.ZodType, Pa extends z.ZodType> extends RouteBase<B, Q, Pa> {
  /** The roles that may call this endpoint; anyone else gets 403 before any input is read. */
  auth: readonly Role[];
  handler: (h: Handled<Principal, z.output<B>, z.output<Q>, z.output<Pa>>) => Promise<unknown>;
}

const EMPTY = z.strictObject({});

/** Every endpoint, with the roles that may call it: the scope test matrix walks this list. */
export const ROUTE_TABLE: { method: Method; url: string; auth: 'public' | readonly Role[] }[] = [];

/**
 * Field paths of a problem: body fields by their own name ("username", "items.3.victimPhone"), query and
 * path parameters prefixed ("query.page", "params.id"), "body" for the body as a whole. Services name
 * body fields the same way, so a form can put every error next to its field.
 */
export function zodIssuesToFieldErrors(error: z.ZodError, prefix: '' | 'query' | 'params'): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: `unknown field "${key}"` }));
    }
    return [{ path: base.join('.') || prefix || 'body', message: issue.message }];
  });
}

function parsePart<T extends z.ZodType>(schema: T, value: unknown, part: 'body' | 'query' | 'params'): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const errors = zodIssuesToFieldErrors(result.error, part === 'body' ? '' : part);
    throw new AppError('VALIDATION', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  return result.data;
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  try {
    const js = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete js.$schema;
    return js;
  } catch {
    return {};
  }
}

/** Registers an endpoint that needs a signed-in caller of one of `auth`'s roles. */
export function route<B extends z.ZodType = typeof EMPTY, Q extends z.ZodType = typeof EMPTY, Pa extends z.ZodType = typeof EMPTY>(
  app: FastifyInstance,
  deps: Deps,
  def: ProtectedRoute<B, Q, Pa>,
): void {
  register(app, deps, def);
}

/** Registers an endpoint anyone may call (login, health). */
export function publicRoute<B extends z.ZodType = typeof EMPTY, Q extends z.ZodType = typeof EMPTY, Pa extends z.ZodType = typeof EMPTY>(
  app: FastifyInstance,
  deps: Deps,
  def: PublicRoute<B, Q, Pa>,
): void {
  register(app, deps, def);
}

function register<B extends z.ZodType, Q extends z.ZodType, Pa extends z.ZodType>(
  app: FastifyInstance,
  deps: Deps,
  def: PublicRoute<B, Q, Pa> | ProtectedRoute<B, Q, Pa>,
): void {
  ROUTE_TABLE.push({ method: def.method, url: def.url, auth: def.auth });
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(def.responses ?? {})) responses[status] = jsonSchema(schema);
  const roles = def.auth === 'public' ? 'public' : def.auth.join(', ');
  app.route({
    method: def.method,
    url: def.url,
    schema: {
      summary: def.summary,
      description: `Roles: ${roles}`,
      tags: def.tags,
      ...(def.body ? { body: jsonSchema(def.body) } : {}),
      ...(def.query ? { querystring: jsonSchema(def.query) } : {}),
      ...(def.params ? { params: jsonSchema(def.params) } : {}),
      ...(def.responses ? { response: responses } : {}),
      ...(def.auth === 'public' ? {} : { security: [{ session: [] }, { bearer: [] }] }),
    },
    handler: async (request, reply) => {
      const principal = request.principal;
      if (def.auth !== 'public') {
        if (!principal) throw new AppError('UNAUTHENTICATED');
        if (!def.auth.includes(principal.role)) throw new AppError('FORBIDDEN', `role ${principal.role} may not call ${def.method} ${def.url}`);
      }
      const params = parsePart(def.params ?? EMPTY, request.params, 'params');
      const query = parsePart(def.query ?? EMPTY, request.query, 'query');
      const body = def.body ? parsePart(def.body, request.body, 'body') : undefined;
      if (!def.body && request.body !== undefined && request.body !== null && def.method !== 'GET') {
        parsePart(EMPTY, request.body, 'body');
      }
      const ctx: RequestContext = { principal, ip: request.ip, requestId: request.id };
      const result = await (def.handler as (h: Handled<Principal | null, unknown, unknown, unknown>) => Promise<unknown>)({
        deps,
        ctx,
        principal,
        body,
        query,
        params,
        request,
        reply,
      });
      if (reply.sent) return reply;
      if (result === undefined) return reply.code(def.status ?? 204).send();
      return reply.code(def.statusOf ? def.statusOf(result) : (def.status ?? 200)).send(result);
    },
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}
