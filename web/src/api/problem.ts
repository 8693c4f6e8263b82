import type { FieldError, Problem } from '../../../src/server/errors.ts';

/** A failed API call: the server's problem+json, or a synthesised one for network and parse failures. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly requestId: string | null;

  constructor(p: { status: number; code: string; title: string; detail: string; errors?: FieldError[] | undefined; requestId?: string | null | undefined }) {
    super(p.detail || p.title);
    this.name = 'ApiError';
    this.status = p.status;
    this.code = p.code;
    this.title = p.title;
    this.detail = p.detail;
    this.errors = p.errors ?? [];
    this.requestId = p.requestId ?? null;
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && typeof v.code === 'string' && typeof v.title === 'string';
}

function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is FieldError => typeof e === 'object' && e !== null && typeof (e as FieldError).path === 'string' && typeof (e as FieldError).message === 'string',
  );
}

/** Reads an error response; anything that is not problem+json (a proxy's HTML page) still becomes an ApiError. */
export async function problemFromResponse(res: Response): Promise<ApiError> {
  const requestId = res.headers.get('x-request-id');
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (isProblem(body)) {
    return new ApiError({
      status: body.status,
      code: body.code,
      title: body.title,
      detail: typeof body.detail === 'string' ? body.detail : '',
      errors: fieldErrors(body.errors),
      requestId: typeof body.requestId === 'string' ? body.requestId : requestId,
    });
  }
  return new ApiError({ status: res.status, code: `HTTP_${res.status}`, title: res.statusText || `HTTP ${res.status}`, detail: '', requestId });
}
