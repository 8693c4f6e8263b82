import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Deps } from './context.ts';
import { AppError, toProblem } from './errors.ts';
import { authenticate } from './authenticate.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { homeRoutes } from '../modules/home/home.routes.ts';
import { orgRoutes } from '../modules/orgs/orgs.routes.ts';
import { tokenRoutes } from '../modules/tokens/tokens.routes.ts';
import { userRoutes } from '../modules/users/users.routes.ts';
import { warningRoutes } from '../modules/warnings/warnings.routes.ts';
import { caseRoutes } from '../modules/cases/cases.routes.ts';
import { moneyRoutes } from '../modules/money/money.routes.ts';
import { leadRoutes } from '../modules/cards/leads.routes.ts';
import { punishmentRoutes } from '../modules/cards/punishments.routes.ts';
import { restrictionRoutes } from '../modules/cards/restrictions.routes.ts';
import { statsRoutes } from '../modules/stats/stats.routes.ts';
import { outreachRoutes } from '../modules/outreach/outreach.routes.ts';
import { liaisonRoutes } from '../modules/liaison/liaison.routes.ts';
import { personRoutes } from '../modules/persons/persons.ts';
import { streamRoutes } from './stream.routes.ts';
import { notificationRoutes } from '../modules/notifications/notifications.ts';
import { riskRoutes } from '../modules/risk/risk.routes.ts';

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web app from config.webDist when it exists. */
  serveWeb?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { strict: false } },
  });
  // Input is validated by each route's zod schema (named field errors); the JSON schemas attached to
  // routes are for the OpenAPI document only.
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // The web app measures its clock against the server's: countdowns on a phone with a wrong clock stay right.
    reply.header('x-server-time', deps.clock.now().toISOString());
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: deps.config.cookieSecure,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'fanzha API',
        version: '1',
        description: 'Operations platform of an anti-telecom-fraud center and its partners. Money is a decimal string in yuan; times are ISO 8601 with offset.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Partner API token (fz_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'fz_sid', description: 'Browser session; writes also need x-csrf-token' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.addHook('preHandler', async (request) => {
    if (request.url.startsWith('/api/')) await authenticate(deps, request);
  });

  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    const appError = asAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, detail: appError.message }, 'request refused');
    for (const [k, v] of Object.entries(appError.headers ?? {})) reply.header(k, v);
    const lang = String(request.headers['accept-language'] ?? '').startsWith('zh') ? 'zh' : 'en';
    return reply.code(appError.status).type('application/problem+json').send(toProblem(appError, request.id, lang));
  });

  const webDist = deps.config.webDist;
  const hasWeb = opts.serveWeb !== false && fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h' });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || (request.method !== 'GET' && request.method !== 'HEAD')) {
      throw new AppError('NOT_FOUND', `no route for ${request.method} ${request.url.split('?')[0]}`);
    }
    // Client-side routes of the single-page app all load the same shell.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  authRoutes(app, deps);
  orgRoutes(app, deps);
  userRoutes(app, deps);
  tokenRoutes(app, deps);
  auditRoutes(app, deps);
  homeRoutes(app, deps);
  warningRoutes(app, deps);
  caseRoutes(app, deps);
  moneyRoutes(app, deps);
  leadRoutes(app, deps);
  punishmentRoutes(app, deps);
  restrictionRoutes(app, deps);
  statsRoutes(app, deps);
  outreachRoutes(app, deps);
  liaisonRoutes(app, deps);
  riskRoutes(app, deps);
  personRoutes(app, deps);
  streamRoutes(app, deps);
  notificationRoutes(app, deps);
  return app;
}

/** Maps anything thrown to an AppError; only unknown errors become a 500 (details go to the log). */
function asAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('TOO_LARGE', `request body over ${fe.message.match(/\d+/)?.[0] ?? 'the'} byte limit`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'send application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_BODY', 'body: empty JSON body', { errors: [{ path: 'body', message: 'empty JSON body' }] });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('MALFORMED_BODY', 'content-length does not match the body');
    default:
      break;
  }
  if (fe.statusCode === 400 || error instanceof SyntaxError) {
    return new AppError('MALFORMED_BODY', `body: ${error.message}`, { errors: [{ path: 'body', message: error.message }] });
  }
  if (fe.statusCode === 413) return new AppError('TOO_LARGE');
  if (fe.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', error.message);
  if (fe.statusCode === 404) return new AppError('NOT_FOUND', error.message);
  if (fe.statusCode === 405) return new AppError('METHOD_NOT_ALLOWED', error.message);
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return new AppError('VALIDATION', error.message);
  return new AppError('INTERNAL', 'internal error; quote the request id when reporting it');
}
