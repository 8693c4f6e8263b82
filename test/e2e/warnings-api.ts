/** A signed-in API session for the browser tests: pushes warnings the way a partner system would. */
export interface ApiSession {
  get: <T>(path: string) => Promise<T>;
  post: <T>(path: string, body: unknown) => Promise<T>;
  /** Now on the server's clock (which e2e runs start at 10:00 China time), from its x-server-time header. */
  serverNow: () => Date;
}

export async function apiSession(baseUrl: string, username: string, password: string): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`API login of ${username}: HTTP ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  let skew = 0;
  const noteTime = (r: Response) => {
    const at = Date.parse(r.headers.get('x-server-time') ?? '');
    if (!Number.isNaN(at)) skew = at - Date.now();
  };
  noteTime(res);
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': csrfToken }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    noteTime(r);
    if (!r.ok) throw new Error(`${method} ${path}: HTTP ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body), serverNow: () => new Date(Date.now() + skew) };
}

export interface PushedWarning {
  id: number;
  status: string;
  assignedOrgCode: string;
  duplicate: boolean;
}

/**
 * One emergency warning for 城关区城东路, which the demo city's keyword rule routes to 城东派出所
 * (149902001); without the address and region (located: false) no rule matches and it goes to triage.
 */
export async function pushWarning(api: ApiSession, externalId: string, phone: string, opts: { located?: boolean } = {}): Promise<PushedWarning> {
  const where = opts.located === false ? {} : { regionCode: '149902', address: '示例市城关区城东路8号' };
  const out = await api.post<{ accepted: PushedWarning[]; rejected: unknown[] }>('/api/v1/warnings', {
    items: [
      {
        externalId,
        source: 'e2e',
        level: 'emergency',
        victimPhone: phone,
        victimName: '测试人',
        ...where,
        fraudType: '刷单返利',
        detectedAt: new Date(api.serverNow().getTime() - 60_000).toISOString(),
      },
    ],
  });
  const first = out.accepted[0];
  if (!first || out.rejected.length) throw new Error(`warning push refused: ${JSON.stringify(out)}`);
  return first;
}
