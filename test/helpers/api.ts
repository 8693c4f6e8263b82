import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { Deps } from '../../src/server/context.ts';
import { DEMO_PASSWORD } from './templates.ts';

export interface Session {
  cookie: string;
  csrf: string;
  user: { id: number; username: string; role: string; orgCode: string };
}

/** A Fastify instance over the test database, driven through HTTP-shaped inject calls. */
export class TestApi {
  private constructor(readonly app: FastifyInstance) {}

  static async create(deps: Deps): Promise<TestApi> {
    const app = await buildApp(deps, { serveWeb: false });
    await app.ready();
    return new TestApi(app);
  }

  async close(): Promise<void> {
    await this.app.close();
  }

  request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    return this.app.inject(opts);
  }

  async login(username: string, password = DEMO_PASSWORD, ip = '127.0.0.1'): Promise<Session> {
    const res = await this.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const setCookie = res.cookies.find((c) => c.name === 'fz_sid');
    if (!setCookie) throw new Error('no session cookie');
    const body = res.json() as { csrfToken: string; user: Session['user'] };
    return { cookie: `fz_sid=${setCookie.value}`, csrf: body.csrfToken, user: body.user };
  }

  /** A call as a signed-in user: the cookie always, the CSRF header on writes. */
  as(session: Session, method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse> {
    const write = method !== 'GET' && method !== 'HEAD';
    return this.app.inject({
      method,
      url,
      headers: { cookie: session.cookie, ...(write ? { 'x-csrf-token': session.csrf } : {}) },
      ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}),
    });
  }

  withToken(token: string, method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}),
    });
  }
}
