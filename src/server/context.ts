import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DbKind } from '../db/client.ts';
import type { DB } from '../db/types.ts';
import type { Clock } from '../lib/clock.ts';
import type { OrgKind, Role } from '../lib/roles.ts';
import type { LiveBus } from './live.ts';

/** Who is calling: a signed-in user (cookie session) or a partner API token. */
export interface Principal {
  type: 'user' | 'token';
  id: number;
  name: string;
  role: Role;
  orgId: number;
  orgCode: string;
  orgKind: OrgKind;
  orgPath: string;
  /** Present for cookie sessions: writes must echo it in x-csrf-token. */
  csrfToken?: string;
  sessionId?: string;
}

/** What a service needs to know about the request it serves: the caller and where the call came from. */
export interface RequestContext {
  principal: Principal | null;
  ip: string | null;
  requestId: string | null;
}

export const systemContext: RequestContext = { principal: null, ip: null, requestId: null };

/** Process-wide dependencies handed to every service function. */
export interface Deps {
  db: Kysely<DB>;
  dbKind: DbKind;
  clock: Clock;
  config: Config;
  /** Optional: where services announce changes for live screens. */
  live?: LiveBus;
}
