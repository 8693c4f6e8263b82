import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  /** Session lifetime without activity, in minutes. */
  sessionIdleMinutes: number;
  /** Absolute session lifetime, in hours. */
  sessionMaxHours: number;
  /** Mark cookies Secure (set when served over HTTPS, directly or behind a proxy). */
  cookieSecure: boolean;
  trustProxy: boolean;
  /** Login attempts allowed per client address and username per window. */
  loginRateLimit: number;
  loginRateWindowMs: number;
  /** Failed passwords before an account is locked for lockMinutes. */
  lockAfterFailures: number;
  lockMinutes: number;
  bodyLimitBytes: number;
  webDist: string;
  /**
   * Start the server's clock at this instant (then it runs at normal speed). For demos and browser tests
   * that must not cross local midnight; never set in production.
   */
  clockStart?: Date | undefined;
  /** NATS server(s) for bank transaction streams (JetStream); unset: the worker takes no streams. */
  natsUrl?: string | undefined;
  /** JetStream stream and subject prefix: banks publish to `<prefix>.<orgCode>`. */
  natsStream: string;
  natsSubjectPrefix: string;
}

function int(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function bool(name: string, fallback: boolean, env: NodeJS.ProcessEnv): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

function instant(name: string, env: NodeJS.ProcessEnv): Date | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const d = new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(d.getTime())) throw new Error(`${name} must be an ISO 8601 time, got "${raw}"`);
  return d;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || './data');
  return {
    port: int('PORT', 3000, env),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    logLevel: env.LOG_LEVEL || 'info',
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 120, env),
    sessionMaxHours: int('SESSION_MAX_HOURS', 12, env),
    cookieSecure: bool('COOKIE_SECURE', false, env),
    trustProxy: bool('TRUST_PROXY', false, env),
    loginRateLimit: int('LOGIN_RATE_LIMIT', 10, env),
    loginRateWindowMs: int('LOGIN_RATE_WINDOW_MS', 60_000, env),
    lockAfterFailures: int('LOCK_AFTER_FAILURES', 10, env),
    lockMinutes: int('LOCK_MINUTES', 15, env),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 10 * 1024 * 1024, env),
    natsUrl: env.NATS_URL || undefined,
    natsStream: env.NATS_STREAM || 'FANZHA_TX',
    natsSubjectPrefix: env.NATS_SUBJECT_PREFIX || 'fanzha.tx',
    webDist: path.resolve(env.WEB_DIST || 'web/dist'),
    clockStart: instant('CLOCK_START', env),
  };
}
