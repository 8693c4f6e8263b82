/**
 * One error type with stable codes. The HTTP status, the English title and the Chinese title of each
 * code live in this table only; the error handler in app.ts turns any AppError into problem+json.
 */
export const ERROR_CODES = {
  VALIDATION: { status: 400, en: 'Invalid input', zh: '输入不合法' },
  MALFORMED_BODY: { status: 400, en: 'Malformed request body', zh: '请求体格式错误' },
  UNAUTHENTICATED: { status: 401, en: 'Authentication required', zh: '需要登录' },
  BAD_CREDENTIALS: { status: 401, en: 'Wrong username or password', zh: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 401, en: 'Account temporarily locked', zh: '账号已临时锁定' },
  CSRF: { status: 403, en: 'Missing or wrong CSRF token', zh: 'CSRF 校验失败' },
  FORBIDDEN: { status: 403, en: 'Not allowed for this role or scope', zh: '无权执行此操作' },
  NOT_FOUND: { status: 404, en: 'Not found', zh: '未找到' },
  METHOD_NOT_ALLOWED: { status: 405, en: 'Method not allowed', zh: '不支持的请求方法' },
  CONFLICT: { status: 409, en: 'Conflict with the current state', zh: '与当前状态冲突' },
  ILLEGAL_TRANSITION: { status: 409, en: 'Illegal state transition', zh: '不允许的状态变更' },
  TOO_LARGE: { status: 413, en: 'Request too large', zh: '请求过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, en: 'Unsupported media type', zh: '不支持的内容类型' },
  RATE_LIMITED: { status: 429, en: 'Too many requests', zh: '请求过于频繁' },
  INTERNAL: { status: 500, en: 'Internal error', zh: '服务器内部错误' },
  UNAVAILABLE: { status: 503, en: 'Service unavailable', zh: '服务暂不可用' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  constructor(code: ErrorCode, detail?: string, options?: { errors?: FieldError[]; headers?: Record<string, string> }) {
    super(detail ?? ERROR_CODES[code].en);
    this.name = 'AppError';
    this.code = code;
    this.errors = options?.errors;
    this.headers = options?.headers;
  }
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export const notFound = (what = 'resource'): AppError => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (detail?: string): AppError => new AppError('FORBIDDEN', detail);
export const conflict = (detail: string): AppError => new AppError('CONFLICT', detail);
export const invalid = (path: string, message: string): AppError =>
  new AppError('VALIDATION', `${path}: ${message}`, { errors: [{ path, message }] });

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  requestId: string;
}

export function toProblem(err: AppError, requestId: string, lang: 'zh' | 'en' = 'en'): Problem {
  const def = ERROR_CODES[err.code];
  return {
    type: `https://fanzha.local/problems/${err.code.toLowerCase().replace(/_/g, '-')}`,
    title: lang === 'zh' ? def.zh : def.en,
    status: def.status,
    code: err.code,
    detail: err.message,
    ...(err.errors ? { errors: err.errors } : {}),
    requestId,
  };
}
